import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { readPhotoForm, respond } from "@/lib/http";
import { fail } from "@/lib/result";
import { submitOwnWish } from "@/lib/wishes/service";
import { ownWishInput } from "./form";

// A resident asks for a wish for themselves (multipart: the photo is a file). It waits for the
// organisers; the service checks the fields, the community's value cap and the photo's bytes.

export async function POST(req: Request) {
  const read = await readPhotoForm(req);
  if (!read.ok) return read.response;
  const actor = await getActor();
  if (!actor) return respond(fail("unauthenticated"));
  const result = await submitOwnWish(await getDb(), actor, ownWishInput(read.form), read.photo);
  return respond(result);
}
