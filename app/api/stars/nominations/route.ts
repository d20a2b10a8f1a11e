import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { formText, readPhotoForm, respond } from "@/lib/http";
import { fail } from "@/lib/result";
import { nominate } from "@/lib/stars/service";

// The nomination form posts here as multipart (the photo is a file). The service checks the
// photo's bytes; this only bounds the body, refuses other sites, and maps the form's fields.

export async function POST(req: Request) {
  const read = await readPhotoForm(req);
  if (!read.ok) return read.response;
  const actor = await getActor();
  if (!actor) return respond(fail("unauthenticated"));
  const { form: fd, photo } = read;
  const text = formText;
  const kind = text(fd, "nomineeKind");
  const input = {
    festivalSlug: text(fd, "festivalSlug"),
    categoryId: text(fd, "categoryId"),
    nominee:
      kind === "account"
        ? { kind, phone: text(fd, "phone"), name: text(fd, "name") }
        : { kind, name: text(fd, "name"), building: text(fd, "building"), unit: text(fd, "unit") ?? "" },
    story: text(fd, "story"),
  };
  const result = await nominate(await getDb(), actor, input, photo);
  return respond(result);
}
