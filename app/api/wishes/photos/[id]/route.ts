import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { servePhoto } from "@/lib/photos/serve";
import { canSeeWishPhoto } from "@/lib/wishes/queries";

// A micro-wish's photo. While the wish is on the wall (or came true) its photo is public, and a
// fulfilment photo once its claim is confirmed: anyone may cache those for an hour. Any other
// only for organisers, the wish's submitter and its claimant, never stored by a shared cache.
// Everyone else gets a 404, as if it did not exist.

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return servePhoto(await getDb(), id, canSeeWishPhoto, getActor);
}
