import type { DbOrTx } from "@/db/types";
import type { Actor } from "@/lib/actor";
import { isUuid } from "@/lib/ids";
import { getPhoto } from "./store";

/** A photo's answer: 404 as if it did not exist, unless the reader may see it. */
export const photoNotFound = () => new Response(null, { status: 404, headers: { "cache-control": "no-store" } });

/**
 * A stored photo as the answer. A public one may be cached by anyone for an hour; any other only
 * by the reader's browser, never by a shared cache.
 */
export function photoResponse(
  photo: { mime: string; bytes: Uint8Array } | null | undefined,
  isPublic: boolean,
): Response {
  if (!photo) return photoNotFound();
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

/**
 * Answers a request for a photo. `canSee` is the owning domain's rule: asked first for no one (a
 * public photo, cacheable, with no need to read the session), then for the reader. Anyone who may
 * not see it gets a 404, as if it did not exist.
 */
export async function servePhoto(
  db: DbOrTx,
  id: string,
  canSee: (db: DbOrTx, id: string, actor: Actor | null) => Promise<boolean>,
  reader: () => Promise<Actor | null>,
): Promise<Response> {
  if (!isUuid(id)) return photoNotFound();
  const isPublic = await canSee(db, id, null);
  if (!isPublic && !(await canSee(db, id, await reader()))) return photoNotFound();
  return photoResponse(await getPhoto(db, id), isPublic);
}
