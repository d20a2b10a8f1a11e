import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { formText, NO_STORE, readPhotoForm } from "@/lib/http";
import { updateOwnWish } from "@/lib/wishes/service";
import { ownWishInput, WISH_STATUS } from "../form";

// A resident resends their own wish after changing it (multipart, with the version they read and
// optionally a new photo). Only their own, only while it waits or was sent back.

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const read = await readPhotoForm(req);
  if (!read.ok) return read.response;
  const actor = await getActor();
  if (!actor) return Response.json({ ok: false, code: "unauthenticated" }, { status: 401, headers: NO_STORE });
  const { id } = await params;
  const result = await updateOwnWish(
    await getDb(),
    actor,
    { ...ownWishInput(read.form), id, version: formText(read.form, "version") },
    read.photo,
  );
  return Response.json(result, { status: result.ok ? 200 : (WISH_STATUS[result.code] ?? 400), headers: NO_STORE });
}
