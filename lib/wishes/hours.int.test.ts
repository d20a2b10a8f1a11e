import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { serviceHours, wishClaims, wishes } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, must, snapshot } from "@/tests/support/fixtures";
import { postWish } from "@/tests/support/wish-fixtures";
import type { Actor } from "@/lib/actor";
import { getMyHours } from "@/lib/hours/my-queries";
import { getHoursReport } from "@/lib/hours/queries";
import { hoursFilterSchema } from "@/lib/hours/schemas";
import { claimWish, confirmFulfilment, fulfilClaim } from "./service";

// A micro-wish's hours: the volunteer declares the time it took when it came true, the organiser
// confirms it (or corrects it), and the confirmation writes the volunteer's service hours of kind
// `wish`, once, in the same transaction. Bad times are refused with a field error, nothing written.

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

async function claimed(title = "一台收音机") {
  const u = await makeUser(t.db, { roles: ["volunteer"], verified: true, name: `志愿者${Math.random()}`.slice(0, 9) });
  const v = await actorOf(t.db, u.id);
  const w = await postWish(t.db, organiser, { title, alias: "周奶奶" });
  const { claimId } = must(await claimWish(t.db, v, w.id));
  return { v, name: u.name, wishId: w.id, claimId };
}
const claimRow = async (id: string) => (await t.db.select().from(wishClaims).where(eq(wishClaims.id, id)))[0];
const hoursOf = (claimId: string) =>
  t.db
    .select()
    .from(serviceHours)
    .where(and(eq(serviceHours.kind, "wish"), eq(serviceHours.refId, claimId)));

describe("the time a wish took becomes the volunteer's service hours", () => {
  it("declared when it came true, confirmed as declared: the hours are in the passbook and the organisers' report", async () => {
    const c = await claimed("陪奶奶去医院复查");
    must(
      await fulfilClaim(t.db, c.v, { claimId: c.claimId, note: "陪着挂号、看病、取药。", hours: "2", minutes: "30" }),
    );
    expect(await claimRow(c.claimId)).toMatchObject({
      status: "fulfilled",
      declaredMinutes: 150,
      confirmedMinutes: null,
    });
    // Nothing counts before the organiser confirms.
    expect(await hoursOf(c.claimId)).toEqual([]);
    // It came true at 01:30 in Meihu on 2 March (17:30 UTC the day before): the hours count on the 2nd.
    await t.db
      .update(wishClaims)
      .set({ fulfilledAt: new Date("2026-03-01T17:30:00Z") })
      .where(eq(wishClaims.id, c.claimId));

    must(await confirmFulfilment(t.db, organiser, { claimId: c.claimId, thanks: "谢谢！", hours: "", minutes: "" }));
    expect(await claimRow(c.claimId)).toMatchObject({
      status: "confirmed",
      declaredMinutes: 150,
      confirmedMinutes: 150,
    });
    const rows = await hoursOf(c.claimId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: c.v.id,
      householdMemberId: null,
      name: c.name,
      minutes: 150,
      servedOn: "2026-03-02",
      year: 2026,
      postId: null,
      note: "陪奶奶去医院复查 · 周奶奶",
      createdBy: organiser.id,
    });

    const mine = await getMyHours(t.db, c.v, 2026);
    expect(mine.entries).toEqual([
      expect.objectContaining({ kind: "wish", minutes: 150, note: "陪奶奶去医院复查 · 周奶奶", postName: null }),
    ]);
    expect(mine.byKind.wish).toBe(150);
    const report = must(await getHoursReport(t.db, organiser, hoursFilterSchema.parse({ year: 2026 })));
    expect(report.persons!.rows.find((r) => r.name === c.name)).toMatchObject({ minutes: 150, byKind: { wish: 150 } });
  });

  it("the organiser's correction is what counts; the volunteer's word stays beside it", async () => {
    const c = await claimed();
    must(await fulfilClaim(t.db, c.v, { claimId: c.claimId, note: "送到了。", hours: "3", minutes: "" }));
    must(await confirmFulfilment(t.db, organiser, { claimId: c.claimId, hours: "1", minutes: "15" }));
    expect(await claimRow(c.claimId)).toMatchObject({ declaredMinutes: 180, confirmedMinutes: 75 });
    expect((await hoursOf(c.claimId)).map((r) => r.minutes)).toEqual([75]);
  });

  it("is written once: a second confirmation finds nothing to confirm and adds no hours", async () => {
    const c = await claimed();
    must(await fulfilClaim(t.db, c.v, { claimId: c.claimId, note: "送到了。", hours: "1", minutes: "0" }));
    const [a, b] = await Promise.all([
      confirmFulfilment(t.db, organiser, { claimId: c.claimId }),
      confirmFulfilment(t.db, organiser, { claimId: c.claimId, hours: "5" }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect(await confirmFulfilment(t.db, organiser, { claimId: c.claimId, hours: "2" })).toEqual({
      ok: false,
      code: "not_found",
    });
    const rows = await hoursOf(c.claimId);
    expect(rows).toHaveLength(1);
    expect(rows[0].minutes).toBe((await claimRow(c.claimId)).confirmedMinutes);
  });

  it("0 is no time to count: the wish is confirmed and no hours are written", async () => {
    const c = await claimed();
    must(await fulfilClaim(t.db, c.v, { claimId: c.claimId, note: "把米送到门口。", hours: "0", minutes: "" }));
    must(await confirmFulfilment(t.db, organiser, { claimId: c.claimId }));
    expect(await claimRow(c.claimId)).toMatchObject({ status: "confirmed", declaredMinutes: 0, confirmedMinutes: 0 });
    expect(await hoursOf(c.claimId)).toEqual([]);
    // A correction may give hours where the volunteer wrote none.
    const d = await claimed();
    must(await fulfilClaim(t.db, d.v, { claimId: d.claimId, note: "修好了。", hours: "0", minutes: "0" }));
    must(await confirmFulfilment(t.db, organiser, { claimId: d.claimId, hours: "0", minutes: "40" }));
    expect((await hoursOf(d.claimId)).map((r) => r.minutes)).toEqual([40]);
  });
});

describe("bad times are refused with a field error, and nothing is written", () => {
  it("the volunteer must write a time, a whole number, at most 12 hours", async () => {
    const c = await claimed();
    const before = await snapshot(t.db);
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{}, { hours: ["wish_time_required"] }],
      [{ hours: "", minutes: "" }, { hours: ["wish_time_required"] }],
      [{ hours: "12", minutes: "30" }, { hours: ["wish_time_too_long"] }],
      [{ hours: "13" }, { hours: ["wish_time_too_long"] }],
      [{ hours: "1.5" }, { hours: ["number_invalid"] }],
      [{ hours: "两个" }, { hours: ["number_invalid"] }],
      [{ hours: "1", minutes: "75" }, { minutes: ["number_invalid"] }],
      [{ hours: "-1" }, { hours: ["number_invalid"] }],
    ];
    for (const [time, fieldErrors] of cases)
      expect(await fulfilClaim(t.db, c.v, { claimId: c.claimId, note: "送到了。", ...time })).toEqual({
        ok: false,
        code: "invalid",
        fieldErrors,
      });
    expect(await snapshot(t.db)).toBe(before);
    expect(await claimRow(c.claimId)).toMatchObject({ status: "active", declaredMinutes: null });
    // 12 hours exactly is the most, and allowed.
    must(await fulfilClaim(t.db, c.v, { claimId: c.claimId, note: "陪了一整天。", hours: "12", minutes: "0" }));
    expect((await claimRow(c.claimId)).declaredMinutes).toBe(720);
  });

  it("an organiser's correction over 12 hours, or not a number, confirms nothing; nor may anyone but an organiser", async () => {
    const c = await claimed();
    must(await fulfilClaim(t.db, c.v, { claimId: c.claimId, note: "送到了。", hours: "1" }));
    const before = await snapshot(t.db);
    expect(await confirmFulfilment(t.db, organiser, { claimId: c.claimId, hours: "11", minutes: "90" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { minutes: ["number_invalid"] },
    });
    expect(await confirmFulfilment(t.db, organiser, { claimId: c.claimId, hours: "24" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { hours: ["wish_time_too_long"] },
    });
    expect(await confirmFulfilment(t.db, c.v, { claimId: c.claimId, hours: "5" })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await snapshot(t.db)).toBe(before);
    expect(await claimRow(c.claimId)).toMatchObject({ status: "fulfilled", confirmedMinutes: null });
    expect((await t.db.select().from(wishes).where(eq(wishes.id, c.wishId)))[0].status).toBe("fulfilled");
    expect(await hoursOf(c.claimId)).toEqual([]);
  });

  it("the database itself holds a wish to 12 hours", async () => {
    const c = await claimed();
    await expect(
      t.db.update(wishClaims).set({ declaredMinutes: 721 }).where(eq(wishClaims.id, c.claimId)),
    ).rejects.toThrow();
  });
});
