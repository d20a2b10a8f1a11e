import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, sql } from "drizzle-orm";
import { pointEntries, rewards, wishClaims, wishes } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser } from "@/tests/support/fixtures";
import { postWish } from "@/tests/support/wish-fixtures";
import type { Actor } from "@/lib/actor";
import { awardPoints, balanceOf, createReward, redeemReward } from "@/lib/points/service";
import { claimWish, updateSettings } from "./service";

// Real Postgres, many connections, requests fired together; each guard has its control.
let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb({ poolSize: 30 });
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  await updateSettings(t.db, organiser, { wishValueCap: 200, claimCap: 3, claimDays: 7 });
});
afterAll(async () => t?.close());

const volunteers = (n: number) =>
  Promise.all(
    Array.from({ length: n }, async () =>
      actorOf(t.db, (await makeUser(t.db, { roles: ["volunteer"], verified: true })).id),
    ),
  );
const liveClaims = async (where: ReturnType<typeof eq>) =>
  (
    await t.db
      .select({ n: count() })
      .from(wishClaims)
      .where(and(where, sql`${wishClaims.status} in ('active', 'fulfilled')`))
  )[0].n;

describe("one claimant per wish", () => {
  it("20 volunteers claim one wish at once → 1 winner, 19 wish_taken", async () => {
    const w = await postWish(t.db, organiser);
    const results = await Promise.all((await volunteers(20)).map((v) => claimWish(t.db, v, w.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "wish_taken")).toHaveLength(19);
    expect(await liveClaims(eq(wishClaims.wishId, w.id))).toBe(1);
  });

  it("control: check-then-insert without the guards gives one wish several claimants", async () => {
    const w = await postWish(t.db, organiser);
    await t.db.execute(sql`drop index wish_claims_one_live_uq`);
    try {
      await Promise.all(
        (await volunteers(20)).map(async (v) => {
          const [row] = await t.db.select({ status: wishes.status }).from(wishes).where(eq(wishes.id, w.id));
          await new Promise((r) => setTimeout(r, 10));
          if (row.status === "open")
            await t.db
              .insert(wishClaims)
              .values({ wishId: w.id, volunteerId: v.id, lapsesAt: new Date(Date.now() + 7 * 86_400_000) });
        }),
      );
      expect(await liveClaims(eq(wishClaims.wishId, w.id))).toBeGreaterThan(1);
    } finally {
      await t.db.delete(wishClaims).where(eq(wishClaims.wishId, w.id));
      await t.db.execute(
        sql`create unique index wish_claims_one_live_uq on wish_claims (wish_id) where status in ('active', 'fulfilled')`,
      );
    }
  });
});

describe("a volunteer's cap on open claims", () => {
  it("one volunteer claims 10 wishes at once with a cap of 3 → 3", async () => {
    const ws = await Promise.all(Array.from({ length: 10 }, () => postWish(t.db, organiser)));
    const [v] = await volunteers(1);
    const results = await Promise.all(ws.map((w) => claimWish(t.db, v, w.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.code === "claim_cap")).toHaveLength(7);
    expect(await liveClaims(eq(wishClaims.volunteerId, v.id))).toBe(3);
  });

  it("control: counting without the lock on the volunteer lets them over the cap", async () => {
    const ws = await Promise.all(Array.from({ length: 10 }, () => postWish(t.db, organiser)));
    const [v] = await volunteers(1);
    await Promise.all(
      ws.map(async (w) => {
        const n = await liveClaims(eq(wishClaims.volunteerId, v.id));
        await new Promise((r) => setTimeout(r, 10));
        if (n < 3)
          await t.db
            .insert(wishClaims)
            .values({ wishId: w.id, volunteerId: v.id, lapsesAt: new Date(Date.now() + 7 * 86_400_000) });
      }),
    );
    expect(await liveClaims(eq(wishClaims.volunteerId, v.id))).toBeGreaterThan(3);
  });
});

describe("redemptions against one balance", () => {
  it("two redemptions racing against a balance that covers one → one, never negative (20 rounds)", async () => {
    const reward = await createReward(t.db, organiser, { name: "毛巾", cost: 10 });
    if (!reward.ok) throw new Error("reward");
    for (let round = 0; round < 20; round++) {
      const [v] = await volunteers(1);
      await awardPoints(t.db, organiser, { userId: v.id, points: 15, reason: "布置会场" });
      const results = await Promise.all(
        [0, 1].map(() => redeemReward(t.db, organiser, { userId: v.id, rewardId: reward.data.id })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await balanceOf(t.db, v.id)).toBe(5);
    }
  });

  it("control: reading the balance without the lock spends it twice", async () => {
    const [reward] = await t.db.insert(rewards).values({ name: "雨伞", cost: 10 }).returning();
    let negative = 0;
    for (let round = 0; round < 10 && negative === 0; round++) {
      const [v] = await volunteers(1);
      await awardPoints(t.db, organiser, { userId: v.id, points: 15, reason: "布置会场" });
      await Promise.all(
        [0, 1].map(async () => {
          const balance = await balanceOf(t.db, v.id);
          await new Promise((r) => setTimeout(r, 10));
          if (balance >= reward.cost)
            await t.db
              .insert(pointEntries)
              .values({ userId: v.id, kind: "redemption", points: -reward.cost, refId: reward.id, year: 2026 });
        }),
      );
      if ((await balanceOf(t.db, v.id)) < 0) negative += 1;
    }
    expect(negative).toBeGreaterThan(0);
  });
});
