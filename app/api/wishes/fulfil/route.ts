import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { formText, NO_STORE, readPhotoForm } from "@/lib/http";
import { fulfilClaim } from "@/lib/wishes/service";
import { WISH_STATUS } from "../form";

// The volunteer says the wish came true: a note, and a photo if they have one (multipart). Only
// the holder of an active claim; the organisers confirm later.

export async function POST(req: Request) {
  const read = await readPhotoForm(req);
  if (!read.ok) return read.response;
  const actor = await getActor();
  if (!actor) return Response.json({ ok: false, code: "unauthenticated" }, { status: 401, headers: NO_STORE });
  const result = await fulfilClaim(
    await getDb(),
    actor,
    { claimId: formText(read.form, "claimId"), note: formText(read.form, "note") },
    read.photo,
  );
  return Response.json(result, { status: result.ok ? 200 : (WISH_STATUS[result.code] ?? 400), headers: NO_STORE });
}
