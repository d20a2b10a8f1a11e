import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { festivals, households, pointEntries, users, wishClaims, wishes, WISH_STATUSES } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { authenticate, loadActor } from "@/lib/accounts/service";
import { getCurrentFestival } from "@/lib/festivals/queries";
import { DEMO_ACCOUNTS, DEMO_FREE_HOUSEHOLD_CODE, DEMO_PASSWORD, seedDemo } from "./seed";

let t: TestDb;
const now = new Date("2026-11-27T03:00:00Z");
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, now);
});
afterAll(async () => t?.close());

describe("the demo community", () => {
  it("has the demo accounts with their roles, all with the demo password", async () => {
    const expected: Record<string, { roles: string[]; verified: boolean }> = {
      "13800000000": { roles: ["admin", "resident"], verified: true },
      "13800000001": { roles: ["organiser", "resident"], verified: true },
      "13800000002": { roles: ["resident"], verified: true },
      "13800000003": { roles: ["resident"], verified: false },
      "13800000004": { roles: ["resident", "volunteer"], verified: true },
    };
    for (const a of DEMO_ACCOUNTS) {
      const r = await authenticate(t.db, { phone: a.phone, password: DEMO_PASSWORD });
      if (!r.ok) throw new Error(`${a.phone} cannot sign in`);
      const actor = await loadActor(t.db, r.data.userId, r.data.authAt);
      expect({ roles: actor!.roles, verified: actor!.verified }).toEqual(expected[a.phone]);
    }
  });

  it("has a few hundred households in two estates, and the documented free code", async () => {
    const all = await t.db.select({ building: households.building, code: households.code }).from(households);
    expect(all.length).toBeGreaterThan(300);
    expect(new Set(all.map((h) => h.building.split(" ")[0]))).toEqual(new Set(["美湖花园", "湖畔雅苑"]));
    expect(all.some((h) => h.code === DEMO_FREE_HOUSEHOLD_CODE)).toBe(true);
  });

  it("has the archived 14th festival and the upcoming 15th with its windows open", async () => {
    const [f14] = await t.db.select().from(festivals).where(eq(festivals.slug, "meihu-14"));
    expect(f14).toMatchObject({ edition: 14, status: "archived" });
    const current = await getCurrentFestival(t.db);
    expect(current).toMatchObject({ slug: "meihu-15", edition: 15, status: "published" });
    expect(current!.registrationOpensAt! <= now && now <= current!.registrationClosesAt!).toBe(true);
    expect(current!.nominationOpensAt! <= now && now <= current!.nominationClosesAt!).toBe(true);
    expect(new Date(current!.startsOn) > now).toBe(true);
  });

  it("is the same community every time it is seeded", async () => {
    const first = await t.db.select({ code: households.code }).from(households).orderBy(households.building, households.unit, households.room);
    await seedDemo(t.db, now);
    const second = await t.db.select({ code: households.code }).from(households).orderBy(households.building, households.unit, households.room);
    expect(second).toEqual(first);
  });
});

describe("the demo programme", () => {
  it("is published for both festivals, with venues and no double-booked venue", async () => {
    const { programmePublications } = await import("@/db/schema");
    const { findConflicts } = await import("@/lib/festivals/conflicts");
    const pubs = await t.db.select().from(programmePublications);
    expect(pubs).toHaveLength(2);
    for (const p of pubs) {
      expect(p.venues.map((v) => v.name)).toEqual(["多功能厅", "社区广场", "二楼活动室", "棋牌室"]);
      const items = p.items.map((i) => ({ ...i, startsAt: new Date(i.startsAt), endsAt: new Date(i.endsAt) }));
      expect(findConflicts(items).filter((c) => c.kind === "venue_overlap")).toEqual([]);
    }
    expect(Math.max(...pubs.map((p) => p.items.length))).toBeGreaterThan(20);
  });
});

describe("the current festival", () => {
  it("is the published one on now or next, even when a later one is published too", async () => {
    await t.db.insert(festivals).values({ slug: "meihu-16", edition: 16, title: "第十六届美湖邻里节", startsOn: "2027-10-16", endsOn: "2027-10-17", status: "published" });
    expect((await getCurrentFestival(t.db, now))?.slug).toBe("meihu-15");
    // After the 15th is over, the 16th comes first.
    const later = new Date(Date.parse((await getCurrentFestival(t.db, now))!.endsOn) + 3 * 86_400_000);
    expect((await getCurrentFestival(t.db, later))?.slug).toBe("meihu-16");
    await t.db.delete(festivals).where(eq(festivals.slug, "meihu-16"));
  });
});

describe("the demo registrations", () => {
  it("fill the chess and Go competitions with people waiting, and give the review acts, helpers and a shift", async () => {
    const { getPlacesOverview, getReviewFestival, listReview } = await import("@/lib/registrations/review-queries");
    const f = (await getReviewFestival(t.db, "meihu-15"))!;
    const places = await getPlacesOverview(t.db, f.id);
    const event = (title: string) => places.items.find((i) => i.title === title);
    expect(event("象棋比赛")).toMatchObject({ capacity: 2, taken: 2, waiting: 1 });
    expect(event("围棋比赛")).toMatchObject({ capacity: 3, taken: 3, waiting: 2 });
    const chess = await listReview(t.db, f.id, { page: 1, item: event("象棋比赛")!.itemId });
    expect(chess.rows.map((r) => [r.participant.name, r.status])).toEqual([
      ["王秀英", "confirmed"],
      ["刘洋", "confirmed"],
      ["陈志强", "waitlisted"],
    ]);
    const performers = (await listReview(t.db, f.id, { page: 1, role: "performer" })).rows;
    expect(performers.map((r) => r.status).sort()).toEqual(["confirmed", "confirmed", "confirmed", "confirmed", "rejected"]);
    expect(performers.some((r) => r.participant.child && r.participant.age === 9)).toBe(true);
    const helpers = (await listReview(t.db, f.id, { page: 1, role: "backstage" })).rows;
    expect(helpers.find((r) => r.registrant.phone === "13800000004")?.shifts.map((s) => s.title)).toEqual(["舞台音响调试"]);
  });
});

describe("the demo competitions' players", () => {
  it("are ten chess players for the Swiss and six mutual Guandan pairs, with the quotas to match", async () => {
    const { getPlacesOverview, getReviewFestival } = await import("@/lib/registrations/review-queries");
    const { registrations } = await import("@/db/schema");
    const f = (await getReviewFestival(t.db, "meihu-15"))!;
    const places = await getPlacesOverview(t.db, f.id);
    const event = (title: string) => places.items.find((i) => i.title === title)!;
    expect(event("国际象棋比赛")).toMatchObject({ capacity: 16, taken: 10, waiting: 0 });
    expect(event("掼蛋比赛")).toMatchObject({ capacity: 24, taken: 12, waiting: 0 });
    const chess = await t.db.select({ name: registrations.participantName }).from(registrations).where(eq(registrations.itemId, event("国际象棋比赛").itemId));
    expect(new Set(chess.map((r) => r.name)).size).toBe(10);
    const guandan = await t.db.select({ id: registrations.id, partner: registrations.partnerRegistrationId }).from(registrations).where(eq(registrations.itemId, event("掼蛋比赛").itemId));
    expect(guandan).toHaveLength(12);
    for (const r of guandan) expect(guandan.find((o) => o.id === r.partner)?.partner).toBe(r.id);
  });
});

describe("the demo micro-wishes and points", () => {
  it("have wishes in every state, one live claim each for the claimed and fulfilled, and the demo volunteer holding one", async () => {
    const all = await t.db.select({ id: wishes.id, status: wishes.status, thanks: wishes.thanks }).from(wishes);
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(new Set(all.map((w) => w.status))).toEqual(new Set(WISH_STATUSES));
    const claims = await t.db.select({ wishId: wishClaims.wishId, status: wishClaims.status, phone: users.phone }).from(wishClaims).innerJoin(users, eq(users.id, wishClaims.volunteerId));
    for (const w of all.filter((w) => w.status === "claimed" || w.status === "fulfilled")) {
      expect(claims.filter((c) => c.wishId === w.id && (c.status === "active" || c.status === "fulfilled"))).toHaveLength(1);
    }
    expect(all.filter((w) => w.status === "done").every((w) => w.thanks)).toBe(true);
    expect(claims.some((c) => c.phone === "13800000004" && c.status === "active")).toBe(true);
  });

  it("give points for each confirmed claim, and nobody's balance is below zero", async () => {
    const confirmed = await t.db.select({ id: wishClaims.id }).from(wishClaims).where(eq(wishClaims.status, "confirmed"));
    const earned = await t.db.select({ refId: pointEntries.refId }).from(pointEntries).where(eq(pointEntries.kind, "wish_fulfilled"));
    expect(earned.map((e) => e.refId).sort()).toEqual(confirmed.map((c) => c.id).sort());
    const balances = await t.db.select({ total: sql<number>`sum(${pointEntries.points})::int` }).from(pointEntries).groupBy(pointEntries.userId);
    expect(balances.every((b) => b.total >= 0)).toBe(true);
    expect(balances.some((b) => b.total > 0)).toBe(true);
  });
});
