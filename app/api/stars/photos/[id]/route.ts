import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { canSeePhoto } from "@/lib/stars/queries";
import { getStarPhoto, isUuid } from "@/lib/stars/resident-queries";

// A nomination's photo. A candidate's (approved) photo is public and may be cached by anyone for
// an hour (vetting can still take it back before voting); any other photo only for organisers and
// the resident who sent it, never stored by a shared cache. Everyone else gets a 404, as if it did
// not exist.

const notFound = () => new Response(null, { status: 404, headers: { "cache-control": "no-store" } });

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) return notFound();
  const db = await getDb();
  const isPublic = await canSeePhoto(db, id, null);
  if (!isPublic && !(await canSeePhoto(db, id, await getActor()))) return notFound();
  const photo = await getStarPhoto(db, id);
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
