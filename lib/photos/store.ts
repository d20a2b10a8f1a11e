import "server-only";
import { eq } from "drizzle-orm";
import { photos } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isUuid } from "@/lib/ids";
import type { PhotoCheck } from "./prepare";

// Photos are kept in the database, whichever domain they belong to: the domain's row holds the id,
// and the domain decides who may see it.

export interface StoredPhoto {
  mime: string;
  bytes: Buffer;
}

/** Keeps a photo that passed `preparePhoto` and returns its id; no photo, or a refused one, keeps nothing. */
export async function storePhoto(db: DbOrTx, photo: PhotoCheck | null): Promise<string | null> {
  if (!photo?.ok) return null;
  const [p] = await db
    .insert(photos)
    .values({ mime: photo.mime, width: photo.width, height: photo.height, bytes: photo.bytes })
    .returning({ id: photos.id });
  return p.id;
}

/** A photo's bytes; who may see it is the owning domain's question. Ids come from URLs: anything not a uuid is not found. */
export async function getPhoto(db: DbOrTx, id: string): Promise<StoredPhoto | null> {
  if (!isUuid(id)) return null;
  const [p] = await db.select({ mime: photos.mime, bytes: photos.bytes }).from(photos).where(eq(photos.id, id));
  return p ? { mime: p.mime, bytes: Buffer.from(p.bytes) } : null;
}

/** Removes a photo no row refers to any more. */
export async function deletePhoto(db: DbOrTx, id: string): Promise<void> {
  await db.delete(photos).where(eq(photos.id, id));
}
