import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { seedDemo } from "@/demo/seed";
import type { Actor } from "@/lib/actor";
import { actorOf, must } from "@/tests/support/fixtures";
import { authenticate } from "@/lib/auth/credentials";
import {
  findHouseholds,
  getDashboardCounts,
  getMyProfile,
  listHouseholds,
  listHouseholdsForSlips,
  listResidents,
  PAGE_SIZE,
} from "./queries";
import { listAudit } from "@/lib/audit/queries";
import { pageWindow } from "@/lib/pagination";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, new Date("2026-11-27T03:00:00Z"));
  const [zhang] = await t.db.select({ id: users.id }).from(users).where(eq(users.phone, "13800000001"));
  organiser = await actorOf(t.db, zhang.id);
});
afterAll(async () => t?.close());

describe("paging", () => {
  it("clamps a page past either end", () => {
    expect(pageWindow(0, 5, 25)).toEqual({ page: 1, pageCount: 1, limit: 25, offset: 0 });
    expect(pageWindow(51, 9, 25)).toEqual({ page: 3, pageCount: 3, limit: 25, offset: 50 });
    expect(pageWindow(51, -1, 25).page).toBe(1);
  });
});

describe("household roster", () => {
  it("pages through every household in address order", async () => {
    const first = must(await listHouseholds(t.db, organiser, { page: 1 }));
    expect(first.total).toBe(336);
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.pageCount).toBe(Math.ceil(336 / PAGE_SIZE));
    const last = must(await listHouseholds(t.db, organiser, { page: 999 }));
    expect(last.page).toBe(first.pageCount);
    expect(last.rows).toHaveLength(336 - (first.pageCount - 1) * PAGE_SIZE);
  });

  it("searches by address, householder or code, with LIKE characters taken literally", async () => {
    expect(must(await listHouseholds(t.db, organiser, { q: "美湖花园 1栋 1单元 10", page: 1 })).total).toBe(2);
    expect(must(await listHouseholds(t.db, organiser, { q: "mehu-3333", page: 1 })).rows.map((r) => r.room)).toEqual([
      "102",
    ]);
    expect(must(await listHouseholds(t.db, organiser, { q: "%", page: 1 })).total).toBe(0);
    expect(must(await findHouseholds(t.db, organiser, "湖畔雅苑 2栋 1单元 301")).length).toBe(1);
  });

  it("counts each household's verified residents: the slips that have been used", async () => {
    const [wang] = must(await listHouseholds(t.db, organiser, { q: "MEHU-2222", page: 1 })).rows;
    expect(wang.residents).toBeGreaterThanOrEqual(1);
    // Over the whole roster the column adds up to every verified resident with a household.
    let sum = 0;
    for (let page = 1, pages = 1; page <= pages; page++) {
      const p = must(await listHouseholds(t.db, organiser, { page }));
      pages = p.pageCount;
      sum += p.rows.reduce((n, r) => n + r.residents, 0);
    }
    const [{ n }] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(and(isNotNull(users.householdId), isNotNull(users.verifiedAt)));
    expect(n).toBeGreaterThan(0);
    expect(sum).toBe(n);
  });

  it("lists one building's households for its slips", async () => {
    const slips = must(await listHouseholdsForSlips(t.db, organiser, { building: "湖畔雅苑 3栋" }));
    expect(slips).toHaveLength(24);
    expect(new Set(slips.map((s) => s.building))).toEqual(new Set(["湖畔雅苑 3栋"]));
  });
});

describe("residents", () => {
  it("filters by verification and role", async () => {
    const all = must(await listResidents(t.db, organiser, { page: 1 }));
    const verified = must(await listResidents(t.db, organiser, { page: 1, filter: "verified" }));
    const unverified = must(await listResidents(t.db, organiser, { page: 1, filter: "unverified" }));
    expect(verified.total + unverified.total).toBe(all.total);
    expect(verified.rows.every((r) => r.verified)).toBe(true);
    const staff = must(await listResidents(t.db, organiser, { page: 1, filter: "staff" }));
    expect(staff.rows.map((r) => r.phone).sort()).toEqual(["13800000000", "13800000001"]);
    const volunteers = must(await listResidents(t.db, organiser, { page: 1, filter: "volunteers" }));
    expect(volunteers.rows.some((r) => r.phone === "13800000004")).toBe(true);
  });

  it("shows me my profile without my password hash, and counts for the dashboard", async () => {
    const r = await authenticate(t.db, { phone: "13800000002", password: "linli-demo-2026" });
    if (!r.ok) throw new Error("sign-in failed");
    const me = await getMyProfile(t.db, r.data.userId);
    expect(me).toMatchObject({
      name: "王秀英",
      phoneMasked: "138****0002",
      verified: true,
      household: { building: "美湖花园 1栋", unit: "1单元", room: "101" },
    });
    expect(JSON.stringify(me)).not.toContain("scrypt");
    const counts = must(await getDashboardCounts(t.db, organiser));
    expect(counts.households).toBe(336);
    expect(counts.residents).toBe(53);
  });
});

describe("audit log", () => {
  it("filters by action, outcome and person", async () => {
    await authenticate(t.db, { phone: "13800000001", password: "wrong" }, { ip: "203.0.113.77" });
    await authenticate(t.db, { phone: "13800000001", password: "linli-demo-2026" }, { ip: "203.0.113.77" });
    const refused = must(await listAudit(t.db, organiser, { action: "auth.sign_in", outcome: "refused", page: 1 }));
    expect(refused.rows.length).toBeGreaterThan(0);
    expect(refused.rows.every((r) => r.outcome === "refused" && r.action === "auth.sign_in")).toBe(true);
    const byPerson = must(await listAudit(t.db, organiser, { actor: "张丽", page: 1 }));
    expect(byPerson.rows.every((r) => r.actorName === "张丽")).toBe(true);
    expect(byPerson.rows.some((r) => r.outcome === "ok")).toBe(true);
    const future = must(await listAudit(t.db, organiser, { from: "2099-01-01", page: 1 }));
    expect(future.total).toBe(0);
  });
});
