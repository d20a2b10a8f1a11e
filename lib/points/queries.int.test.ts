import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, snapshot, must } from "@/tests/support/fixtures";
import { postWish } from "@/tests/support/wish-fixtures";
import type { Actor } from "@/lib/actor";
import { claimWish, confirmFulfilment, fulfilClaim } from "@/lib/wishes/service";
import { awardPoints, createReward, redeemReward, setPointsAnonymous } from "./service";
import { getLeaderboard, getMyPoints } from "./queries";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true, name: "组织者" })).id);
});
afterAll(async () => t?.close());

const volunteer = async (name: string) =>
  actorOf(t.db, (await makeUser(t.db, { roles: ["volunteer"], verified: true, name })).id);
const THIS_YEAR = new Date("2026-06-01T00:00:00Z");
const LAST_YEAR = new Date("2025-06-01T00:00:00Z");

/** A wish made to come true by this volunteer and confirmed at `when`. */
async function fulfil(v: Actor, when = THIS_YEAR, title = "一台收音机") {
  const w = await postWish(t.db, organiser, { title });
  // Claimed now (a claim past its days cannot be fulfilled); the confirmation's date files the points.
  const { claimId } = must(await claimWish(t.db, v, w.id));
  must(await fulfilClaim(t.db, v, { claimId, note: "送到了", hours: 1 }));
  must(await confirmFulfilment(t.db, organiser, { claimId }, { now: when }));
}

describe("my points", () => {
  it("list the year's entries with what each was for, the year's earnings apart from spending, the balance over all years, and my place", async () => {
    const v = await volunteer("积分甲");
    await fulfil(v, THIS_YEAR, "一副老花镜");
    must(await awardPoints(t.db, organiser, { userId: v.id, points: 20, reason: "重阳节帮忙" }, { now: THIS_YEAR }));
    must(await awardPoints(t.db, organiser, { userId: v.id, points: 7, reason: "去年的后台服务" }, { now: LAST_YEAR }));
    const reward = must(await createReward(t.db, organiser, { name: "理发券", cost: 12 }));
    must(await redeemReward(t.db, organiser, { userId: v.id, rewardId: reward.id }, { now: THIS_YEAR }));

    const mine = await getMyPoints(t.db, v.id, 2026);
    expect(mine).toMatchObject({
      balance: 10 + 20 + 7 - 12,
      earnedInYear: 30,
      spentInYear: 12,
      years: [2026, 2025],
      anonymous: false,
    });
    expect(mine.entries.map((e) => [e.kind, e.points, e.about]).sort()).toEqual(
      [
        ["manual", 20, "重阳节帮忙"],
        ["redemption", -12, "理发券"],
        ["wish_fulfilled", 10, "一副老花镜"],
      ].sort(),
    );
    expect(mine.rank).toBeGreaterThanOrEqual(1);
    const last = await getMyPoints(t.db, v.id, 2025);
    expect(last).toMatchObject({ earnedInYear: 7, spentInYear: 0, balance: 25 });
    expect(last.entries).toHaveLength(1);
  });

  it("are empty for someone who never earned any, with the year shown still offered", async () => {
    const v = await volunteer("积分乙");
    expect(await getMyPoints(t.db, v.id, 2026)).toMatchObject({
      balance: 0,
      earnedInYear: 0,
      years: [2026],
      entries: [],
      rank: null,
    });
  });
});

describe("the leaderboard", () => {
  it("ranks what people earned in the year (a redemption does not lower it), shares a place on a tie, and hides the names of those who asked", async () => {
    const year = 2031;
    const when = new Date(`${year}-03-01T00:00:00Z`);
    const a = await volunteer("榜单甲");
    const b = await volunteer("榜单乙");
    const c = await volunteer("榜单丙");
    await fulfil(a, when);
    await fulfil(a, when);
    must(await awardPoints(t.db, organiser, { userId: b.id, points: 20, reason: "帮忙" }, { now: when }));
    must(await awardPoints(t.db, organiser, { userId: c.id, points: 5, reason: "帮忙" }, { now: when }));
    const reward = must(await createReward(t.db, organiser, { name: "购物袋", cost: 15 }));
    must(await redeemReward(t.db, organiser, { userId: a.id, rewardId: reward.id }, { now: when }));
    must(await setPointsAnonymous(t.db, b, { anonymous: "true" }));

    const board = await getLeaderboard(t.db, year, { me: c.id });
    expect(board.rows).toEqual([
      { rank: 1, name: "榜单甲", points: 20, wishes: 2, isMe: false },
      { rank: 1, name: null, points: 20, wishes: 0, isMe: false },
      { rank: 3, name: "榜单丙", points: 5, wishes: 0, isMe: true },
    ]);
    expect(board).toMatchObject({ volunteers: 3, totalPoints: 45 });
    expect(JSON.stringify(board)).not.toContain("榜单乙");
    expect((await getMyPoints(t.db, c.id, year)).rank).toBe(3);
    expect((await getMyPoints(t.db, b.id, year)).rank).toBe(1);
  });

  it("shows the name again when the volunteer changes their mind, and a bad choice changes nothing", async () => {
    const v = await volunteer("改主意");
    must(await setPointsAnonymous(t.db, v, { anonymous: true }));
    const before = await snapshot(t.db);
    expect(await setPointsAnonymous(t.db, v, { anonymous: "maybe" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await setPointsAnonymous(t.db, null, { anonymous: false })).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    expect(await snapshot(t.db)).toBe(before);
    must(await setPointsAnonymous(t.db, v, { anonymous: "false" }));
    expect((await getMyPoints(t.db, v.id, 2026)).anonymous).toBe(false);
  });
});
