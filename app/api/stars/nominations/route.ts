import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { NO_STORE } from "@/lib/http";
import { nominate } from "@/lib/stars/service";

// The nomination form posts here as multipart (the photo is a file). The service checks the
// photo's bytes; this only bounds the body, refuses other sites, and maps the form's fields.

/** A 2 MB photo and the text fields, with room for the multipart framing. */
const MAX_BODY = 2 * 1024 * 1024 + 64 * 1024;

const STATUS: Record<string, number> = { unauthenticated: 401, not_verified: 403, not_found: 404, invalid: 422, nomination_closed: 409, already_nominated: 409, nomination_cap: 409 };

const json = (body: unknown, status: number) => Response.json(body, { status, headers: NO_STORE });
const tooLarge = () => json({ ok: false, code: "invalid", fieldErrors: { photo: ["photo_too_large"] } }, 413);

/**
 * A multipart form can be sent from any site without the browser asking first (unlike JSON), so
 * the request must say it comes from this origin.
 */
function sameOrigin(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const origin = req.headers.get("origin");
  if (!origin) return site === "same-origin";
  try {
    return new URL(origin).host === (req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
  } catch {
    return false;
  }
}

/** Reads the body, giving up as soon as it passes the limit (a missing or false length does not help). */
async function readBounded(req: Request): Promise<Uint8Array | null> {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY) return null;
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const text = (fd: FormData, key: string) => {
  const v = fd.get(key);
  return typeof v === "string" ? v : undefined;
};

export async function POST(req: Request) {
  if (!sameOrigin(req)) return json({ ok: false, code: "forbidden" }, 403);
  const type = req.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) return json({ ok: false, code: "invalid" }, 415);
  const actor = await getActor();
  if (!actor) return json({ ok: false, code: "unauthenticated" }, 401);
  const body = await readBounded(req);
  if (!body) return tooLarge();
  let fd: FormData;
  try {
    fd = await new Response(body as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    return json({ ok: false, code: "invalid" }, 400);
  }
  const kind = text(fd, "nomineeKind");
  const input = {
    festivalSlug: text(fd, "festivalSlug"),
    categoryId: text(fd, "categoryId"),
    nominee: kind === "account" ? { kind, phone: text(fd, "phone") } : { kind, name: text(fd, "name"), building: text(fd, "building"), unit: text(fd, "unit") ?? "" },
    story: text(fd, "story"),
  };
  const file = fd.get("photo");
  const photo = file instanceof File && file.size > 0 ? Buffer.from(await file.arrayBuffer()) : null;
  const result = await nominate(await getDb(), actor, input, photo);
  return json(result, result.ok ? 200 : (STATUS[result.code] ?? 400));
}
