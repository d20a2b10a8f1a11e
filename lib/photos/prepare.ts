import sharp from "sharp";
import { PHOTO_MAX_BYTES } from "./limits";

// Photos residents upload: accepted only when their bytes are a JPEG, PNG or WebP image (not by
// the name or the type the browser claims), at most 2 MB, then turned upright, scaled to fit
// 1000 px and re-encoded as JPEG — which also drops the camera's location and other metadata.
// A small file can still hold a huge picture (a 40-megapixel photo decodes to ~160 MB), so the
// size in pixels is read from the header and refused above 12 megapixels before any decoding,
// and photos are decoded one at a time, so a burst of uploads cannot take the server's memory.

export { PHOTO_MAX_BYTES };

/** The most pixels a photo may have: 12 megapixels, what a phone's camera takes. */
export const PHOTO_MAX_PIXELS = 12_000_000;

export type PhotoCheck =
  | { ok: true; bytes: Buffer; width: number; height: number; mime: "image/jpeg" }
  | { ok: false; code: "photo_too_large" | "photo_not_image" | "photo_too_many_pixels" };

export function sniffImage(b: Buffer): "jpeg" | "png" | "webp" | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "png";
  if (
    b.length >= 12 &&
    b.subarray(0, 4).toString("latin1") === "RIFF" &&
    b.subarray(8, 12).toString("latin1") === "WEBP"
  )
    return "webp";
  return null;
}

/** One decode at a time: each waits for the one before it, whatever became of it. */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

export async function preparePhoto(input: Buffer): Promise<PhotoCheck> {
  if (input.length > PHOTO_MAX_BYTES) return { ok: false, code: "photo_too_large" };
  const kind = sniffImage(input);
  if (!kind) return { ok: false, code: "photo_not_image" };
  try {
    // The header alone says how large the picture is; nothing is decoded yet.
    const { width, height } = await sharp(input).metadata();
    if (!width || !height) return { ok: false, code: "photo_not_image" };
    if (width * height > PHOTO_MAX_PIXELS) return { ok: false, code: "photo_too_many_pixels" };
  } catch {
    return { ok: false, code: "photo_not_image" };
  }
  return oneAtATime(async () => {
    try {
      const { data, info } = await sharp(input, { failOn: "error", limitInputPixels: PHOTO_MAX_PIXELS })
        .rotate()
        .resize(1000, 1000, { fit: "inside", withoutEnlargement: true })
        .jpeg({ quality: 80, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      return { ok: true as const, bytes: data, width: info.width, height: info.height, mime: "image/jpeg" as const };
    } catch {
      return { ok: false as const, code: "photo_not_image" as const };
    }
  });
}
