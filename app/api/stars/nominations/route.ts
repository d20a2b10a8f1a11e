import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { formText, NO_STORE, readPhotoForm } from "@/lib/http";
import { nominate } from "@/lib/stars/service";

// The nomination form posts here as multipart (the photo is a file). The service checks the
// photo's bytes; this only bounds the body, refuses other sites, and maps the form's fields.

const STATUS: Record<string, number> = {
  unauthenticated: 401,
  not_verified: 403,
  not_found: 404,
  invalid: 422,
  nomination_closed: 409,
  already_nominated: 409,
  nomination_cap: 409,
};

const json = (body: unknown, status: number) => Response.json(body, { status, headers: NO_STORE });

export async function POST(req: Request) {
  const read = await readPhotoForm(req);
  if (!read.ok) return read.response;
  const actor = await getActor();
  if (!actor) return json({ ok: false, code: "unauthenticated" }, 401);
  const { form: fd, photo } = read;
  const text = formText;
  const kind = text(fd, "nomineeKind");
  const input = {
    festivalSlug: text(fd, "festivalSlug"),
    categoryId: text(fd, "categoryId"),
    nominee:
      kind === "account"
        ? { kind, phone: text(fd, "phone") }
        : { kind, name: text(fd, "name"), building: text(fd, "building"), unit: text(fd, "unit") ?? "" },
    story: text(fd, "story"),
  };
  const result = await nominate(await getDb(), actor, input, photo);
  return json(result, result.ok ? 200 : (STATUS[result.code] ?? 400));
}
