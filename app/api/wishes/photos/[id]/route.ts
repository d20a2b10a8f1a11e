import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { canSeeWishPhoto, getWishPhoto, isWishId } from "@/lib/wishes/queries";

// A micro-wish's photo. While the wish is on the wall (or came true) its photo is public, and a
// fulfilment photo once its claim is confirmed: anyone may cache those for an hour. Any other
// only for organisers, the wish's submitter and its claimant, never stored by a shared cache.
// Everyone else gets a 404, as if it did not exist.

const notFound = () => new Response(null, { status: 404, headers: { "cache-control": "no-store" } });

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isWishId(id)) return notFound();
  const db = await getDb();
  const isPublic = await canSeeWishPhoto(db, id, null);
  if (!isPublic && !(await canSeeWishPhoto(db, id, await getActor()))) return notFound();
  const photo = await getWishPhoto(db, id);
  if (!photo) return notFound();
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "content-type": photo.mime,
      "content-length": String(photo.bytes.length),
      "content-disposition": "inline",
      "x-content-type-options": "nosniff",
      "cache-control": isPublic ? "public, max-age=3600" : "private, no-store",
      ...(isPublic ? {} : { vary: "Cookie" }),
    },
  });
}
