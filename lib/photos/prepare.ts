import sharp from "sharp";
import { PHOTO_MAX_BYTES } from "./limits";

// Photos residents upload: accepted only when their bytes are a JPEG, PNG or WebP image (not by
// the name or the type the browser claims), at most 2 MB, then turned upright, scaled to fit
// 1000 px and re-encoded as JPEG — which also drops the camera's location and other metadata.

export { PHOTO_MAX_BYTES };

export type PhotoCheck =
  | { ok: true; bytes: Buffer; width: number; height: number; mime: "image/jpeg" }
  | { ok: false; code: "photo_too_large" | "photo_not_image" };

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

export async function preparePhoto(input: Buffer): Promise<PhotoCheck> {
  if (input.length > PHOTO_MAX_BYTES) return { ok: false, code: "photo_too_large" };
  const kind = sniffImage(input);
  if (!kind) return { ok: false, code: "photo_not_image" };
  try {
    const { data, info } = await sharp(input, { failOn: "error", limitInputPixels: 40_000_000 })
      .rotate()
      .resize(1000, 1000, { fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, bytes: data, width: info.width, height: info.height, mime: "image/jpeg" };
  } catch {
    return { ok: false, code: "photo_not_image" };
  }
}
