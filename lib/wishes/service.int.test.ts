import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, pointEntries, wishClaims, wishes } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, snapshot, must } from "@/tests/support/fixtures";
import { postWish } from "@/tests/support/wish-fixtures";
import type { Actor } from "@/lib/actor";
import { balanceOf, awardPoints, createReward, markShiftServed, redeemReward } from "@/lib/points/service";
import { backstage, openFestival } from "@/tests/support/registration-fixtures";
import { register } from "@/lib/registrations/service";
import { assignShift, createShift } from "@/lib/registrations/review-service";
import { serviceHours, shiftAssignments } from "@/db/schema";
import {
  beneficiaryContact,
  claimWish,
  confirmFulfilment,
  fulfilClaim,
  lapseClaims,
  releaseClaim,
  submitOwnWish,
  updateSettings,
  vetWish,
  withdrawClaim,
} from "./service";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const volunteer = async () => actorOf(t.db, (await makeUser(t.db, { roles: ["volunteer"], verified: true })).id);
const wishStatus = async (id: string) =>
  (await t.db.select({ s: wishes.status }).from(wishes).where(eq(wishes.id, id)))[0].s;
const DAY = 86_400_000;

describe("claim, read the contact, let go: on record and limited", () => {
  it("every claim, contact read and withdrawal is audited; a fourth withdrawal in a day is refused", async () => {
    const v = await volunteer();
    const logOf = async () =>
      (
        await t.db
          .select({ action: auditLog.action, outcome: auditLog.outcome, targetId: auditLog.targetId })
          .from(auditLog)
          .where(eq(auditLog.actorId, v.id))
      ).filter((e) => e.action.startsWith("wishes."));
    const posted = [];
    for (let i = 0; i < 3; i++) {
      const w = await postWish(t.db, organiser);
      posted.push(w.id);
      const { claimId } = must(await claimWish(t.db, v, w.id));
      must(await beneficiaryContact(t.db, v, w.id));
      must(await withdrawClaim(t.db, v, claimId));
    }
    const w = await postWish(t.db, organiser);
    const { claimId } = must(await claimWish(t.db, v, w.id));
    expect(await withdrawClaim(t.db, v, claimId)).toEqual({ ok: false, code: "withdraw_limit" });
    expect(await wishStatus(w.id)).toBe("claimed");
    const log = await logOf();
    for (const id of posted)
      expect(log.filter((e) => e.targetId === id).map((e) => e.action)).toEqual([
        "wishes.claim",
        "wishes.contact_read",
        "wishes.withdraw",
      ]);
    expect(log.filter((e) => e.targetId === w.id)).toEqual([
      { action: "wishes.claim", outcome: "ok", targetId: w.id },
      { action: "wishes.withdraw", outcome: "refused", targetId: w.id },
    ]);
    // The next day (in China, UTC+8) the volunteer may let a wish go again.
    const EIGHT = 8 * 3600_000;
    const tomorrow = new Date(Math.ceil((Date.now() + EIGHT) / DAY) * DAY - EIGHT + 60_000);
    must(await withdrawClaim(t.db, v, claimId, { now: tomorrow }));
    expect(await wishStatus(w.id)).toBe("open");
  });
});

describe("a wish from the wall to the volunteer's points", () => {
  it("is claimed by one volunteer who alone sees the contact, fulfilled, confirmed — and the points are written with it", async () => {
    const w = await postWish(t.db, organiser);
    expect(await wishStatus(w.id)).toBe("open");
    const v = await volunteer();
    const other = await volunteer();
    const { claimId } = must(await claimWish(t.db, v, w.id));
    expect(await wishStatus(w.id)).toBe("claimed");
    expect(await claimWish(t.db, other, w.id)).toEqual({ ok: false, code: "wish_taken" });
    expect(must(await beneficiaryContact(t.db, v, w.id))).toMatchObject({ realName: w.marker, phone: w.phone });
    expect(await beneficiaryContact(t.db, other, w.id)).toEqual({ ok: false, code: "forbidden" });
    must(await fulfilClaim(t.db, v, { claimId, note: "送去了收音机，奶奶很高兴。", hours: 1 }));
    expect(await wishStatus(w.id)).toBe("fulfilled");
    expect(must(await confirmFulfilment(t.db, organiser, { claimId, thanks: "谢谢小刘！" })).points).toBe(10);
    expect(await wishStatus(w.id)).toBe("done");
    expect(await balanceOf(t.db, v.id)).toBe(10);
    // Confirmed once: a second confirmation finds nothing to confirm and writes nothing.
    expect(await confirmFulfilment(t.db, organiser, { claimId })).toEqual({ ok: false, code: "not_found" });
    expect(await balanceOf(t.db, v.id)).toBe(10);
    // After the claim ends, the contact is closed again.
    expect(await beneficiaryContact(t.db, v, w.id)).toEqual({ ok: false, code: "forbidden" });
  });

  it("only volunteers claim; a volunteer may hold the community's number of open claims; a withdrawn wish reopens", async () => {
    await updateSettings(t.db, organiser, { wishValueCap: 200, claimCap: 2, claimDays: 7 });
    const resident = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const v = await volunteer();
    const [a, b, c] = [
      await postWish(t.db, organiser),
      await postWish(t.db, organiser),
      await postWish(t.db, organiser),
    ];
    expect(await claimWish(t.db, resident, a.id)).toEqual({ ok: false, code: "forbidden" });
    const first = must(await claimWish(t.db, v, a.id));
    must(await claimWish(t.db, v, b.id));
    expect(await claimWish(t.db, v, c.id)).toEqual({ ok: false, code: "claim_cap" });
    must(await withdrawClaim(t.db, v, first.claimId));
    expect(await wishStatus(a.id)).toBe("open");
    must(await claimWish(t.db, v, c.id));
    await updateSettings(t.db, organiser, { wishValueCap: 200, claimCap: 3, claimDays: 7 });
  });
});

describe("a claim lapses by itself", () => {
  it("8 days later an unfulfilled claim is gone and the wish open; nothing else changed", async () => {
    const w = await postWish(t.db, organiser);
    const kept = await postWish(t.db, organiser);
    const v = await volunteer();
    const start = new Date();
    const { claimId } = must(await claimWish(t.db, v, w.id, { now: start }));
    const done = must(await claimWish(t.db, v, kept.id, { now: start }));
    must(await fulfilClaim(t.db, v, { claimId: done.claimId, note: "已经送到。", hours: 1 }));
    expect(await lapseClaims(t.db, new Date(start.getTime() + 6 * DAY))).toBe(0);
    const before = await t.db.select().from(wishes).where(eq(wishes.id, kept.id));
    // (Claims left by other tests in this database lapse too.)
    expect(await lapseClaims(t.db, new Date(start.getTime() + 8 * DAY))).toBeGreaterThanOrEqual(1);
    const [claim] = await t.db.select().from(wishClaims).where(eq(wishClaims.id, claimId));
    expect(claim.status).toBe("lapsed");
    expect(await wishStatus(w.id)).toBe("open");
    // The fulfilled one waits for its confirmation, untouched.
    expect(await t.db.select().from(wishes).where(eq(wishes.id, kept.id))).toEqual(before);
    // Another volunteer can now claim it.
    expect((await claimWish(t.db, await volunteer(), w.id, { now: new Date(start.getTime() + 8 * DAY) })).ok).toBe(
      true,
    );
  });
});

describe("residents' own wishes and vetting", () => {
  it("waits for vetting; sent back, then posted; values over the community's cap refused", async () => {
    const me = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const input = {
      title: "陪我去医院复查",
      story: "腿脚不便，想有人陪我去医院。",
      category: "companionship",
      value: 50,
      alias: "李爷爷",
      age: 81,
      circumstance: "elderly_alone",
    };
    const before = await snapshot(t.db);
    expect(await submitOwnWish(t.db, me, { ...input, value: 500 })).toMatchObject({
      fieldErrors: { value: ["value_over_cap"] },
    });
    expect(await submitOwnWish(t.db, me, { ...input, title: "长".repeat(41), category: "money" })).toMatchObject({
      fieldErrors: { title: ["too_long"], category: ["invalid"] },
    });
    expect(await snapshot(t.db)).toBe(before);
    const { id } = must(await submitOwnWish(t.db, me, input));
    expect(await wishStatus(id)).toBe("pending");
    expect(await claimWish(t.db, await volunteer(), id)).toEqual({ ok: false, code: "wish_taken" });
    expect(await vetWish(t.db, organiser, { id, decision: "changes" })).toMatchObject({
      fieldErrors: { reason: ["reason_required"] },
    });
    must(await vetWish(t.db, organiser, { id, decision: "changes", reason: "请写明哪家医院。" }));
    expect(await wishStatus(id)).toBe("changes");
    must(await vetWish(t.db, organiser, { id, decision: "approve" }));
    expect(await wishStatus(id)).toBe("open");
    expect(await vetWish(t.db, me, { id, decision: "reject", reason: "x" })).toEqual({ ok: false, code: "forbidden" });
  });
});

describe("points", () => {
  it("award with a reason, redeem never below zero, every organiser action logged", async () => {
    const v = await volunteer();
    const reward = must(await createReward(t.db, organiser, { name: "环保袋", cost: 15 }));
    must(await awardPoints(t.db, organiser, { userId: v.id, points: 12, reason: "帮忙布置会场" }));
    expect(await redeemReward(t.db, organiser, { userId: v.id, rewardId: reward.id })).toEqual({
      ok: false,
      code: "insufficient_points",
    });
    must(await awardPoints(t.db, organiser, { userId: v.id, points: 5, reason: "清扫" }));
    expect(must(await redeemReward(t.db, organiser, { userId: v.id, rewardId: reward.id })).balance).toBe(2);
    expect(await balanceOf(t.db, v.id)).toBe(2);
    const entries = await t.db.select().from(pointEntries).where(eq(pointEntries.userId, v.id));
    expect(entries.map((e) => [e.kind, e.points]).sort()).toEqual(
      [
        ["manual", 12],
        ["manual", 5],
        ["redemption", -15],
      ].sort(),
    );
    expect(await awardPoints(t.db, v, { userId: v.id, points: 100, reason: "自己给自己" })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await awardPoints(t.db, organiser, { userId: v.id, points: 0, reason: "" })).toMatchObject({
      code: "invalid",
    });
    const logged = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, v.id));
    expect(logged.map((l) => l.action).sort()).toEqual(["points.award", "points.award", "points.redeem"]);
  });
});

describe("a backstage shift served", () => {
  it("earns the helper its points once", async () => {
    const f = await openFestival(t.db, organiser);
    const helper = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const reg = must(await register(t.db, helper, backstage(f.slug)));
    const shift = must(
      await createShift(t.db, organiser, {
        festivalSlug: f.slug,
        title: "音响",
        skill: "sound",
        startsAt: "2027-01-16T01:00:00Z",
        endsAt: "2027-01-16T04:00:00Z",
        places: 2,
      }),
    );
    must(await assignShift(t.db, organiser, { shiftId: shift.id, ids: [reg.id] }));
    const [a] = await t.db.select().from(shiftAssignments).where(eq(shiftAssignments.registrationId, reg.id));
    must(await markShiftServed(t.db, organiser, a.id));
    expect(await markShiftServed(t.db, organiser, a.id)).toEqual({ ok: false, code: "not_found" });
    expect(await balanceOf(t.db, helper.id)).toBe(5);
    // And the shift's three hours, once, in the community's time.
    const hours = await t.db.select().from(serviceHours).where(eq(serviceHours.refId, a.id));
    expect(hours.map((h) => [h.kind, h.userId, h.minutes, h.servedOn, h.note])).toEqual([
      ["shift", helper.id, 180, "2027-01-16", "音响 09:00–12:00"],
    ]);
  });
});

describe("the edges a review found", () => {
  const DASHES = "-".repeat(36);

  it("an id that only looks like one is refused as invalid, never a database error", async () => {
    const v = await volunteer();
    expect(await claimWish(t.db, v, DASHES)).toEqual({ ok: false, code: "invalid" });
    expect(await claimWish(t.db, v, "0".repeat(36))).toEqual({ ok: false, code: "invalid" });
    expect(await withdrawClaim(t.db, v, DASHES)).toEqual({ ok: false, code: "invalid" });
    expect(await markShiftServed(t.db, organiser, DASHES)).toEqual({ ok: false, code: "invalid" });
    expect(await beneficiaryContact(t.db, v, DASHES)).toEqual({ ok: false, code: "invalid" });
  });

  it("nobody claims their own wish, and an organiser does not confirm their own claim", async () => {
    const asker = await actorOf(t.db, (await makeUser(t.db, { roles: ["volunteer"], verified: true })).id);
    const own = must(
      await submitOwnWish(t.db, asker, {
        title: "一把伞",
        story: "伞坏了。",
        category: "goods",
        value: 30,
        alias: "刘阿姨",
        age: 70,
        circumstance: "elderly_alone",
      }),
    );
    must(await vetWish(t.db, organiser, { id: own.id, decision: "approve" }));
    expect(await claimWish(t.db, asker, own.id)).toEqual({ ok: false, code: "forbidden" });
    expect(await wishStatus(own.id)).toBe("open");

    const staffVolunteer = await actorOf(
      t.db,
      (await makeUser(t.db, { roles: ["organiser", "volunteer"], verified: true })).id,
    );
    const w = await postWish(t.db, organiser);
    const { claimId } = must(await claimWish(t.db, staffVolunteer, w.id));
    must(await fulfilClaim(t.db, staffVolunteer, { claimId, note: "送到了", hours: 1 }));
    expect(await confirmFulfilment(t.db, staffVolunteer, { claimId })).toEqual({ ok: false, code: "forbidden" });
    expect(await balanceOf(t.db, staffVolunteer.id)).toBe(0);
    expect(must(await confirmFulfilment(t.db, organiser, { claimId })).points).toBe(10);
  });

  it("a blank age is missing, not 0; a claim past its time cannot be fulfilled; a fulfilment the beneficiary denies is released", async () => {
    const resident = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    expect(
      await submitOwnWish(t.db, resident, {
        title: "一把伞",
        story: "伞坏了。",
        category: "goods",
        value: 30,
        alias: "刘阿姨",
        age: "",
        circumstance: "elderly_alone",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { age: ["number_invalid"] } });

    const v = await volunteer();
    const late = await postWish(t.db, organiser);
    const old = must(await claimWish(t.db, v, late.id, { now: new Date(Date.now() - 8 * DAY) }));
    expect(await fulfilClaim(t.db, v, { claimId: old.claimId, note: "晚了", hours: 1 })).toEqual({
      ok: false,
      code: "not_found",
    });

    const w = await postWish(t.db, organiser);
    const { claimId } = must(await claimWish(t.db, v, w.id));
    must(await fulfilClaim(t.db, v, { claimId, note: "其实没送到", hours: 1 }));
    must(await releaseClaim(t.db, organiser, { claimId, reason: "受助人说没有收到" }));
    expect(await wishStatus(w.id)).toBe("open");
    expect(await beneficiaryContact(t.db, v, w.id)).toEqual({ ok: false, code: "forbidden" });
  });

  it("approving checks the value cap as it is now", async () => {
    const resident = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const pricey = must(
      await submitOwnWish(t.db, resident, {
        title: "一台电扇",
        story: "夏天太热。",
        category: "goods",
        value: 150,
        alias: "周伯",
        age: 80,
        circumstance: "elderly_alone",
      }),
    );
    must(await updateSettings(t.db, organiser, { wishValueCap: 100, claimCap: 3, claimDays: 7 }));
    expect(await vetWish(t.db, organiser, { id: pricey.id, decision: "approve" })).toMatchObject({
      ok: false,
      fieldErrors: { value: ["value_over_cap"] },
    });
    expect(await wishStatus(pricey.id)).toBe("pending");
    must(await updateSettings(t.db, organiser, { wishValueCap: 200, claimCap: 3, claimDays: 7 }));
  });
});
