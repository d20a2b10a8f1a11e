import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { servePhoto } from "@/lib/photos/serve";
import { canSeePhoto } from "@/lib/stars/queries";

// A nomination's photo. A candidate's (approved) photo is public and may be cached by anyone for
// an hour (vetting can still take it back before voting); any other photo only for organisers and
// the resident who sent it, never stored by a shared cache. Everyone else gets a 404, as if it did
// not exist.

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return servePhoto(await getDb(), id, canSeePhoto, getActor);
}
