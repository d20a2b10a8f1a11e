import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { formText, readPhotoForm, respond } from "@/lib/http";
import { fail } from "@/lib/result";
import { fulfilClaim } from "@/lib/wishes/service";

// The volunteer says the wish came true: a note, the time it took, and a photo if they have one
// (multipart). Only the holder of an active claim; the organisers confirm later.

export async function POST(req: Request) {
  const read = await readPhotoForm(req);
  if (!read.ok) return read.response;
  const actor = await getActor();
  if (!actor) return respond(fail("unauthenticated"));
  const result = await fulfilClaim(
    await getDb(),
    actor,
    {
      claimId: formText(read.form, "claimId"),
      note: formText(read.form, "note"),
      hours: formText(read.form, "hours"),
      minutes: formText(read.form, "minutes"),
    },
    read.photo,
  );
  return respond(result);
}
