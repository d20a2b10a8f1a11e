import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, must } from "@/tests/support/fixtures";
import { image } from "@/tests/support/star-fixtures";
import { postWish } from "@/tests/support/wish-fixtures";
import type { Actor } from "@/lib/actor";
import { preparePhoto } from "@/lib/photos/prepare";
import { claimWish, fulfilClaim, submitOwnWish, updateOwnWish } from "./service";

// Decoding a photo is the costly step: a caller who may not touch the claim or the wish must be
// refused before any decoding starts. The spy counts the decodes.
vi.mock("@/lib/photos/prepare", async (original) => {
  const real = await original<typeof import("@/lib/photos/prepare")>();
  return { ...real, preparePhoto: vi.fn(real.preparePhoto) };
});
const decodes = () => vi.mocked(preparePhoto).mock.calls.length;

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const volunteer = async () => actorOf(t.db, (await makeUser(t.db, { roles: ["volunteer"], verified: true })).id);

describe("a photo is decoded only for the one who may send it", () => {
  it("another volunteer's 'it came true' photo is refused without decoding it", async () => {
    const w = await postWish(t.db, organiser);
    const v = await volunteer();
    const other = await volunteer();
    const { claimId } = must(await claimWish(t.db, v, w.id));
    const photo = await image("png", 200, 100);
    const before = decodes();
    expect(await fulfilClaim(t.db, other, { claimId, note: "不是我的", hours: 1 }, photo)).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(decodes()).toBe(before);
    must(await fulfilClaim(t.db, v, { claimId, note: "送到了。", hours: 1 }, photo));
    expect(decodes()).toBe(before + 1);
  });

  it("a new photo for somebody else's wish is refused without decoding it", async () => {
    const me = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const stranger = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const own = {
      title: "想要一台收音机",
      story: "晚上听戏。",
      category: "goods",
      value: 80,
      age: 78,
      alias: "李爷爷",
      circumstance: "elderly_alone",
    };
    const { id } = must(await submitOwnWish(t.db, me, own));
    const before = decodes();
    expect(await updateOwnWish(t.db, stranger, { ...own, id, version: 1 }, await image("png", 200, 100))).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(decodes()).toBe(before);
  });
});
