import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { NO_STORE, readPhotoForm } from "@/lib/http";
import { submitOwnWish } from "@/lib/wishes/service";
import { ownWishInput, WISH_STATUS } from "./form";

// A resident asks for a wish for themselves (multipart: the photo is a file). It waits for the
// organisers; the service checks the fields, the community's value cap and the photo's bytes.

export async function POST(req: Request) {
  const read = await readPhotoForm(req);
  if (!read.ok) return read.response;
  const actor = await getActor();
  if (!actor) return Response.json({ ok: false, code: "unauthenticated" }, { status: 401, headers: NO_STORE });
  const result = await submitOwnWish(await getDb(), actor, ownWishInput(read.form), read.photo);
  return Response.json(result, { status: result.ok ? 200 : (WISH_STATUS[result.code] ?? 400), headers: NO_STORE });
}
