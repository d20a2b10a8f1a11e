import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import Papa from "papaparse";
import { auditLog, patrolTeamMembers, patrolTeams, serviceHours } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeMember, makeUser, must, snapshot } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { zonedToUtc } from "@/lib/festivals/time";
import { closeUnendedPatrol, endPatrol, startPatrol } from "@/lib/posts/patrol";
import { addMember, createPost } from "@/lib/posts/service";
import { exportHours } from "./export";
import { getMyHours } from "./my-queries";
import { getHoursReport } from "./queries";
import { recordHours } from "./record";
import { hoursFilterSchema } from "./schemas";

// Service hours: written once per service and person, in the transaction that confirms the
// service; read back as a resident's passbook and as the organisers' report and export.

let t: TestDb;
let organiser: Actor;
let postId: string;
const DAY = "2027-03-10";
const at = (hhmm: string, day = DAY) => zonedToUtc(`${day}T${hhmm}`, "Asia/Shanghai");
const t_ = Object.assign((k: string, v?: Record<string, string | number>) => (v?.name ? `${k}:${v.name}` : k), {
  has: () => true,
});

beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  postId = must(await createPost(t.db, organiser, { name: "治安巡逻岗", kind: "patrol" })).id;
});
afterAll(async () => t?.close());

async function person(name: string, leads = false) {
  const u = await makeUser(t.db, { verified: true, name });
  const id = must(
    await addMember(t.db, organiser, {
      postId,
      userId: u.id,
      standing: leads ? "party_member" : "activist",
      leader: leads ? "on" : "",
      since: "2026-01-01",
    }),
  ).id;
  return { id, actor: await actorOf(t.db, u.id) };
}

async function team(day: string, people: { id: string; leads?: boolean }[]) {
  const [row] = await t.db.insert(patrolTeams).values({ postId, day }).returning();
  await t.db
    .insert(patrolTeamMembers)
    .values(people.map((p) => ({ teamId: row.id, memberId: p.id, day, leads: !!p.leads })));
  return row.id;
}
const hoursOfTeam = (teamId: string) =>
  t.db
    .select()
    .from(serviceHours)
    .where(and(eq(serviceHours.kind, "patrol"), eq(serviceHours.refId, teamId)));

describe("a patrol's hours", () => {
  it("ending it gives each member who walked its length, once; those who did not come get none", async () => {
    const lead = await person("刘洋", true);
    const w = await person("陈红");
    const absent = await person("赵强");
    const teamId = await team(DAY, [{ id: lead.id, leads: true }, { id: w.id }, { id: absent.id }]);
    must(await startPatrol(t.db, lead.actor, { teamId }, at("19:00")));
    // A refused end writes no hours.
    const before = await snapshot(t.db);
    expect(await endPatrol(t.db, lead.actor, { teamId, at: "23:30" }, at("23:40"))).toMatchObject({ ok: false });
    expect(await snapshot(t.db)).toBe(before);
    must(await endPatrol(t.db, lead.actor, { teamId, walked: [lead.id, w.id] }, at("20:45")));
    const rows = await hoursOfTeam(teamId);
    expect(rows.map((r) => [r.name, r.minutes, r.servedOn, r.year, r.postId, r.note]).sort()).toEqual(
      [
        ["刘洋", 105, DAY, 2027, postId, "19:00–20:45"],
        ["陈红", 105, DAY, 2027, postId, "19:00–20:45"],
      ].sort(),
    );
    // Written once: the job at midnight finds it ended and writes nothing.
    expect(await closeUnendedPatrol(t.db, { teamId })).toBe(false);
    expect(await hoursOfTeam(teamId)).toHaveLength(2);
    expect(
      await recordHours(t.db, { kind: "patrol", refId: teamId, postId, servedOn: DAY, createdBy: null }, [
        { userId: lead.actor.id, householdMemberId: null, name: "刘洋", minutes: 105 },
      ]),
    ).toBe(0);
  });

  it("the midnight close gives everyone on the team the stated length; a member without an account earns them too", async () => {
    const lead = await person("王队长", true);
    const h = await makeHousehold(t.db);
    const hm = await makeMember(t.db, h.id, "孙奶奶", 70);
    const paper = must(
      await addMember(t.db, organiser, {
        postId,
        householdMemberId: hm.id,
        standing: "activist",
        since: "2026-01-01",
      }),
    ).id;
    const teamId = await team("2027-03-11", [{ id: lead.id, leads: true }, { id: paper }]);
    must(await startPatrol(t.db, lead.actor, { teamId, plannedEnd: "20:30" }, at("19:00", "2027-03-11")));
    expect(await closeUnendedPatrol(t.db, { teamId })).toBe(true);
    const rows = await hoursOfTeam(teamId);
    expect(rows.map((r) => [r.name, r.minutes, !!r.userId, r.householdMemberId]).sort()).toEqual(
      [
        ["孙奶奶", 90, false, hm.id],
        ["王队长", 90, true, null],
      ].sort(),
    );
    expect(rows.every((r) => r.createdBy === null)).toBe(true);
  });

  it("a patrol ended within its first minute records no hours", async () => {
    const lead = await person("李队长", true);
    const teamId = await team("2027-03-12", [{ id: lead.id, leads: true }]);
    must(await startPatrol(t.db, lead.actor, { teamId }, at("19:00", "2027-03-12")));
    must(
      await endPatrol(
        t.db,
        lead.actor,
        { teamId, walked: [lead.id] },
        new Date(at("19:00", "2027-03-12").getTime() + 20_000),
      ),
    );
    expect(await hoursOfTeam(teamId)).toHaveLength(0);
  });
});

describe("reading the hours", () => {
  it("the passbook: the year's entries, its total by kind, all years'", async () => {
    const me = await person("周桂兰");
    await recordHours(
      t.db,
      { kind: "patrol", refId: crypto.randomUUID(), postId, servedOn: "2026-05-01", createdBy: null },
      [{ userId: me.actor.id, householdMemberId: null, name: "周桂兰", minutes: 120 }],
    );
    await recordHours(
      t.db,
      { kind: "shift", refId: crypto.randomUUID(), servedOn: "2027-01-16", note: "搬桌椅", createdBy: null },
      [{ userId: me.actor.id, householdMemberId: null, name: "周桂兰", minutes: 90 }],
    );
    await recordHours(
      t.db,
      { kind: "patrol", refId: crypto.randomUUID(), postId, servedOn: "2027-02-02", createdBy: null },
      [{ userId: me.actor.id, householdMemberId: null, name: "周桂兰", minutes: 100 }],
    );
    const mine = await getMyHours(t.db, me.actor, 2027);
    expect(mine.years).toEqual([2027, 2026]);
    expect(mine.entries.map((e) => [e.servedOn, e.kind, e.minutes, e.postName])).toEqual([
      ["2027-02-02", "patrol", 100, "治安巡逻岗"],
      ["2027-01-16", "shift", 90, null],
    ]);
    expect(mine.yearMinutes).toBe(190);
    expect(mine.allMinutes).toBe(310);
    expect(mine.byKind).toMatchObject({ patrol: 100, shift: 90, wish: 0 });
    const other = await person("旁人");
    expect((await getMyHours(t.db, other.actor, 2027)).entries).toEqual([]);
  });

  it("the organisers' report by person, post and month, with a month and a post as filters", async () => {
    const f = (over: Record<string, unknown>) => hoursFilterSchema.parse({ year: 2027, ...over });
    const byPerson = must(await getHoursReport(t.db, organiser, f({ view: "person" })));
    const names = byPerson.persons!.rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(["刘洋", "陈红", "王队长", "孙奶奶", "周桂兰"]));
    const zhou = byPerson.persons!.rows.find((r) => r.name === "周桂兰")!;
    expect(zhou).toMatchObject({ minutes: 190, services: 2, hasAccount: true });
    expect(byPerson.persons!.rows.find((r) => r.name === "孙奶奶")).toMatchObject({ hasAccount: false, minutes: 90 });
    const march = must(await getHoursReport(t.db, organiser, f({ view: "month", month: 3 })));
    expect(march.totalMinutes).toBe(105 * 2 + 90 * 2);
    const byMonth = must(await getHoursReport(t.db, organiser, f({ view: "month" })));
    expect(byMonth.byMonth!.find((m) => m.month === 1)).toMatchObject({ minutes: 90, people: 1 });
    expect(byMonth.byMonth).toHaveLength(12);
    const byPost = must(await getHoursReport(t.db, organiser, f({ view: "post" })));
    expect(byPost.byPost!.find((p) => p.postId === null)).toMatchObject({ minutes: 90 });
    const onePost = must(await getHoursReport(t.db, organiser, f({ view: "person", post: postId })));
    expect(onePost.totalMinutes).toBe(byPerson.totalMinutes - 90);
    // Nonsense in the address falls back to the year's whole report.
    expect(hoursFilterSchema.parse({ year: "x", month: "13", post: "nope", view: "y" })).toMatchObject({
      month: null,
      post: null,
      view: "person",
    });
  });

  it("the export: every entry as CSV, a member without an account said so, audited; residents refused", async () => {
    const { csv, filename } = must(await exportHours(t.db, organiser, hoursFilterSchema.parse({ year: 2027 }), t_));
    expect(filename).toBe("hours-2027.csv");
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, "")).data.filter((r) => r.length > 1);
    expect(rows[0]).toEqual([
      "csv.name",
      "csv.servedOn",
      "csv.kind",
      "csv.post",
      "csv.minutes",
      "csv.hours",
      "csv.note",
    ]);
    expect(rows.some((r) => r[0] === "csv.withoutAccount:孙奶奶" && r[5] === "1.5")).toBe(true);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "hours.export"));
    expect(entry.details).toMatchObject({ year: 2027 });
    const resident = await person("居民");
    expect(await exportHours(t.db, resident.actor, hoursFilterSchema.parse({ year: 2027 }), t_)).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await getHoursReport(t.db, null, hoursFilterSchema.parse({ year: 2027 }))).toEqual({
      ok: false,
      code: "forbidden",
    });
  });
});
