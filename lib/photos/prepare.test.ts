import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS, preparePhoto, sniffImage } from "./prepare";

const image = (format: "png" | "jpeg" | "webp", width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 40 } } })
    [format]()
    .toBuffer();

describe("sniffImage", () => {
  it("knows a JPEG, PNG or WebP by its bytes, whatever else it is called", async () => {
    expect(sniffImage(await image("jpeg", 4, 4))).toBe("jpeg");
    expect(sniffImage(await image("png", 4, 4))).toBe("png");
    expect(sniffImage(await image("webp", 4, 4))).toBe("webp");
    expect(sniffImage(Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"))).toBeNull();
    expect(sniffImage(Buffer.from("RIFF\0\0\0\0WAVE", "latin1"))).toBeNull();
    expect(sniffImage(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffImage(Buffer.alloc(0))).toBeNull();
  });
});

describe("preparePhoto", () => {
  it("scales a large photo to fit 1000 px and re-encodes it as JPEG; a small one keeps its size", async () => {
    const big = await preparePhoto(await image("png", 2400, 1800));
    expect(big).toMatchObject({ ok: true, mime: "image/jpeg", width: 1000, height: 750 });
    if (!big.ok) return;
    expect([...big.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(await sharp(big.bytes).metadata()).toMatchObject({ format: "jpeg", width: 1000, height: 750 });
    for (const format of ["jpeg", "webp"] as const)
      expect(await preparePhoto(await image(format, 300, 200))).toMatchObject({ ok: true, width: 300, height: 200 });
  });

  it("turns a photo upright and drops its metadata (the camera's location with it)", async () => {
    // Stored 200×100 and marked "rotate 90°": shown upright it is 100×200.
    const sideways = await sharp({ create: { width: 200, height: 100, channels: 3, background: "#336699" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const p = await preparePhoto(sideways);
    expect(p).toMatchObject({ ok: true, width: 100, height: 200 });
    if (!p.ok) return;
    const meta = await sharp(p.bytes).metadata();
    expect([meta.orientation, meta.exif]).toEqual([undefined, undefined]);
  });

  it("refuses more than 2 MB before reading it, and anything that is not an image", async () => {
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(PHOTO_MAX_BYTES)]);
    expect(await preparePhoto(big)).toEqual({ ok: false, code: "photo_too_large" });
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(2000, 1)]);
    expect(await preparePhoto(exe)).toEqual({ ok: false, code: "photo_not_image" });
    // A JPEG header on garbage is not a photo either.
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)]);
    expect(await preparePhoto(fake)).toEqual({ ok: false, code: "photo_not_image" });
  });
});

describe("the size in pixels", () => {
  it("refuses a picture over 12 megapixels from its header, however small the file", async () => {
    // 4000 × 3001 of one colour: a few kilobytes as PNG, 12,004,000 pixels once decoded.
    const huge = await image("png", 4000, 3001);
    expect(huge.length).toBeLessThan(PHOTO_MAX_BYTES);
    expect(await preparePhoto(huge)).toEqual({ ok: false, code: "photo_too_many_pixels" });
    expect(4000 * 3000).toBeLessThanOrEqual(PHOTO_MAX_PIXELS);
    expect(await preparePhoto(await image("png", 4000, 3000))).toMatchObject({ ok: true, width: 1000, height: 750 });
  });

  it("decodes one photo after another, and a broken one does not stop the next", async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)]);
    const results = await Promise.all([
      preparePhoto(await image("jpeg", 300, 200)),
      preparePhoto(fake),
      preparePhoto(await image("webp", 200, 100)),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
  });
});
