import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { formText, readPhotoForm, respond } from "@/lib/http";
import { fail } from "@/lib/result";
import { updateOwnWish } from "@/lib/wishes/service";
import { ownWishInput } from "../form";

// A resident resends their own wish after changing it (multipart, with the version they read and
// optionally a new photo). Only their own, only while it waits or was sent back.

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const read = await readPhotoForm(req);
  if (!read.ok) return read.response;
  const actor = await getActor();
  if (!actor) return respond(fail("unauthenticated"));
  const { id } = await params;
  const result = await updateOwnWish(
    await getDb(),
    actor,
    { ...ownWishInput(read.form), id, version: formText(read.form, "version") },
    read.photo,
  );
  return respond(result);
}
