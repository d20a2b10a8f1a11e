import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { createTestDb, type TestDb } from "@/tests/support/db";
import type { Actor } from "@/lib/actor";
import { preparePhoto } from "./prepare";
import { servePhoto } from "./serve";
import { deletePhoto, getPhoto, storePhoto } from "./store";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const somePhoto = async () =>
  storePhoto(
    t.db,
    await preparePhoto(
      await sharp({ create: { width: 40, height: 30, channels: 3, background: "#b3261e" } })
        .png()
        .toBuffer(),
    ),
  );
const unknown = "00000000-0000-4000-8000-000000000000";

describe("stored photos", () => {
  it("keeps the checked JPEG and gives its bytes back; a refused photo or none keeps nothing", async () => {
    const id = (await somePhoto())!;
    const photo = await getPhoto(t.db, id);
    expect(photo?.mime).toBe("image/jpeg");
    expect((await sharp(photo!.bytes).metadata()).width).toBe(40);
    expect(await storePhoto(t.db, { ok: false, code: "photo_not_image" })).toBeNull();
    expect(await storePhoto(t.db, null)).toBeNull();
    await deletePhoto(t.db, id);
    expect(await getPhoto(t.db, id)).toBeNull();
  });

  it("a bad or unknown id is not found", async () => {
    expect(await getPhoto(t.db, "not-a-uuid")).toBeNull();
    expect(await getPhoto(t.db, unknown)).toBeNull();
  });
});

describe("serving a photo", () => {
  const reader: Actor = { id: "someone", name: "刘洋", roles: ["resident"], verified: true, householdId: null };

  it("public: cacheable by anyone, without reading the session", async () => {
    const id = (await somePhoto())!;
    let asked = false;
    const res = await servePhoto(
      t.db,
      id,
      async (_db, _id, actor) => actor === null,
      async () => ((asked = true), reader),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(res.headers.get("vary")).toBeNull();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect([...new Uint8Array(await res.arrayBuffer()).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(asked).toBe(false);
  });

  it("private: only the reader the rule lets in, never kept by a shared cache; anyone else a 404", async () => {
    const id = (await somePhoto())!;
    const onlyReader = async (_db: unknown, _id: string, actor: Actor | null) => actor === reader;
    const res = await servePhoto(t.db, id, onlyReader, async () => reader);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("vary")).toBe("Cookie");
    const other: Actor = { ...reader, id: "other" };
    for (const who of [null, other]) {
      const refused = await servePhoto(t.db, id, onlyReader, async () => who);
      expect([refused.status, refused.headers.get("cache-control"), await refused.text()]).toEqual([
        404,
        "no-store",
        "",
      ]);
    }
  });

  it("a bad id or a photo that is gone is not found, even when the rule would let anyone in", async () => {
    const anyone = async () => true;
    expect((await servePhoto(t.db, "not-a-uuid", anyone, async () => null)).status).toBe(404);
    expect((await servePhoto(t.db, unknown, anyone, async () => null)).status).toBe(404);
  });
});
