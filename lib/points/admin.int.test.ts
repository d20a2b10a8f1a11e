import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, pointEntries } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, snapshot, must } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { findPointsPerson, listLedger, listLedgerYears, listRewards, yearTotals } from "./admin-queries";
import { awardPoints, createReward, redeemReward, setRewardActive } from "./service";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(
    t.db,
    (await makeUser(t.db, { roles: ["organiser"], verified: true, name: "社工小周" })).id,
  );
});
afterAll(async () => t?.close());

describe("rewards on and off the list", () => {
  it("a deactivated reward cannot be redeemed until it is back; each change is logged; only organisers", async () => {
    const v = await actorOf(t.db, (await makeUser(t.db, { roles: ["volunteer"], verified: true })).id);
    const { id } = must(await createReward(t.db, organiser, { name: "雨伞", cost: 5 }));
    must(await awardPoints(t.db, organiser, { userId: v.id, points: 20, reason: "布置会场" }));
    expect(await setRewardActive(t.db, v, { id, active: false })).toEqual({ ok: false, code: "forbidden" });
    must(await setRewardActive(t.db, organiser, { id, active: "false" }));
    expect(must(await listRewards(t.db, organiser)).find((r) => r.id === id)).toMatchObject({ active: false });
    const before = await snapshot(t.db);
    expect(await redeemReward(t.db, organiser, { userId: v.id, rewardId: id })).toEqual({
      ok: false,
      code: "not_found",
    });
    expect(await snapshot(t.db)).toBe(before);
    must(await setRewardActive(t.db, organiser, { id, active: true }));
    expect(must(await redeemReward(t.db, organiser, { userId: v.id, rewardId: id })).balance).toBe(15);
    const logged = await t.db
      .select({ action: auditLog.action, outcome: auditLog.outcome })
      .from(auditLog)
      .where(eq(auditLog.targetId, id));
    expect(logged.map((l) => l.action).sort()).toEqual([
      "points.reward_create",
      "points.reward_deactivate",
      "points.reward_reactivate",
    ]);
    expect(
      await setRewardActive(t.db, organiser, { id: "00000000-0000-4000-8000-000000000000", active: true }),
    ).toEqual({ ok: false, code: "not_found" });
    expect(await setRewardActive(t.db, organiser, { id, active: "maybe" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
  });
});

describe("the points desk", () => {
  it("finds a person by phone with balance and entries; the ledger and the year's totals", async () => {
    const phone = "13912340001";
    const v = await actorOf(
      t.db,
      (await makeUser(t.db, { roles: ["volunteer"], verified: true, name: "积分志愿者", phone })).id,
    );
    const other = await actorOf(
      t.db,
      (await makeUser(t.db, { roles: ["volunteer"], verified: true, name: "另一位" })).id,
    );
    const { id: reward } = must(await createReward(t.db, organiser, { name: "环保袋", cost: 8 }));
    must(await awardPoints(t.db, organiser, { userId: v.id, points: 12, reason: "清扫楼道" }));
    must(await redeemReward(t.db, organiser, { userId: v.id, rewardId: reward }));
    must(await awardPoints(t.db, organiser, { userId: other.id, points: 30, reason: "搬运物资" }));
    // Last year's entry counts for last year only.
    await t.db
      .insert(pointEntries)
      .values({ userId: v.id, kind: "manual", points: 100, reason: "去年", year: 2001, createdBy: organiser.id });

    const person = must(await findPointsPerson(t.db, organiser, phone));
    expect(person).toMatchObject({ id: v.id, name: "积分志愿者", volunteer: true, balance: 104 });
    expect(person!.entries.map((e) => [e.kind, e.points])).toEqual(
      expect.arrayContaining([
        ["manual", 12],
        ["redemption", -8],
        ["manual", 100],
      ]),
    );
    expect(person!.entries.find((e) => e.kind === "manual" && e.points === 12)).toMatchObject({
      reason: "清扫楼道",
      byName: "社工小周",
    });
    expect(must(await findPointsPerson(t.db, organiser, "13900000000"))).toBeNull();

    const year = new Date().getUTCFullYear();
    expect(must(await listLedgerYears(t.db, organiser, year))).toEqual(expect.arrayContaining([year, 2001]));
    const ledger = must(await listLedger(t.db, organiser, year, 1));
    expect(ledger.rows.some((e) => e.userId === v.id && e.kind === "redemption" && e.points === -8)).toBe(true);
    expect(ledger.rows.some((e) => e.reason === "去年")).toBe(false);
    const totals = must(await yearTotals(t.db, organiser, year));
    expect(totals.find((r) => r.userId === v.id)).toMatchObject({ earned: 12, redeemed: 8 });
    const i = totals.findIndex((r) => r.userId === other.id);
    expect(i).toBeLessThan(totals.findIndex((r) => r.userId === v.id));
    expect(must(await yearTotals(t.db, organiser, 2001)).find((r) => r.userId === v.id)).toMatchObject({
      earned: 100,
      redeemed: 0,
    });
  });
});

describe("an organiser's own points", () => {
  it("an organiser cannot award themselves points or record their own reward; another organiser can", async () => {
    const { id: reward } = must(await createReward(t.db, organiser, { name: "毛巾", cost: 1 }));
    const before = await snapshot(t.db);
    expect(await awardPoints(t.db, organiser, { userId: organiser.id, points: 50, reason: "辛苦了" })).toEqual({
      ok: false,
      code: "points_to_self",
    });
    expect(await redeemReward(t.db, organiser, { userId: organiser.id, rewardId: reward })).toEqual({
      ok: false,
      code: "points_to_self",
    });
    expect(await snapshot(t.db)).toBe(before);
    const refused = await t.db
      .select({ action: auditLog.action, outcome: auditLog.outcome })
      .from(auditLog)
      .where(eq(auditLog.targetId, organiser.id));
    expect(refused).toEqual(
      expect.arrayContaining([
        { action: "points.award", outcome: "refused" },
        { action: "points.redeem", outcome: "refused" },
      ]),
    );
    const ledger = await t.db.select().from(pointEntries).where(eq(pointEntries.userId, organiser.id));
    expect(ledger).toEqual([]);
    const colleague = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
    must(await awardPoints(t.db, colleague, { userId: organiser.id, points: 3, reason: "搬桌子" }));
    expect(must(await redeemReward(t.db, colleague, { userId: organiser.id, rewardId: reward })).balance).toBe(2);
  });
});
