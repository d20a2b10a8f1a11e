import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { auditLog, patrolTeamMembers, patrolTeams, postMembers, posts } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeMember, makeUser, must, snapshot } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { daysOfMonth } from "./roster";
import {
  addMember,
  communityToday,
  createPost,
  decideMembership,
  drawRoster,
  requestMembership,
  savePostSettings,
  updateMember,
} from "./service";

// The red posts: organisers set them up and take members on, residents ask to join, and the
// patrol roster is drawn a month at a time. Bad input changes nothing; only organisers manage.

let t: TestDb;
let organiser: Actor;
let resident: Actor;
let patrolId: string;
const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  resident = await actorOf(t.db, (await makeUser(t.db, { verified: true, name: "周桂兰" })).id);
  patrolId = must(
    await createPost(t.db, organiser, { name: "治安巡逻岗", kind: "patrol", description: "每天一队" }),
  ).id;
  must(
    await savePostSettings(t.db, organiser, {
      postId: patrolId,
      description: "每天由一名党员队长带领居民积极分子巡逻。",
      teamSize: 2,
      period: "evening",
      startsAt: "19:00",
      endsAt: "21:00",
      maxMinutes: 180,
      swapsNeedApproval: "on",
    }),
  );
});
afterAll(async () => t?.close());

/** The month after this one, YYYY-MM. */
const nextMonth = () => {
  const [y, m] = communityToday().slice(0, 7).split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
};
const member = async (name: string, over: Record<string, unknown> = {}) => {
  const u = await makeUser(t.db, { verified: true, name });
  return must(
    await addMember(t.db, organiser, {
      postId: patrolId,
      userId: u.id,
      standing: "activist",
      leader: false,
      since: "2026-01-01",
      availableDays: ALL_DAYS,
      availablePeriods: ["evening"],
      showName: false,
      ...over,
    }),
  ).id;
};
const teamsOf = async (month: string) => {
  const days = daysOfMonth(month);
  const teams = await t.db
    .select()
    .from(patrolTeams)
    .where(eq(patrolTeams.postId, patrolId))
    .orderBy(asc(patrolTeams.day));
  const inMonth = teams.filter((x) => x.day >= days[0].date && x.day <= days.at(-1)!.date);
  const people = await t.db.select().from(patrolTeamMembers);
  return inMonth.map((x) => ({
    ...x,
    leader: people.find((p) => p.teamId === x.id && p.leads)?.memberId ?? null,
    walkers: people.filter((p) => p.teamId === x.id && !p.leads).map((p) => p.memberId),
  }));
};

describe("posts and members", () => {
  it("only organisers set posts up; a refusal is logged and writes nothing", async () => {
    const before = await snapshot(t.db);
    expect(await createPost(t.db, resident, { name: "别的岗", kind: "other" })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await createPost(t.db, null, { name: "别的岗", kind: "other" })).toEqual({ ok: false, code: "forbidden" });
    expect(await createPost(t.db, organiser, { name: "", kind: "spying" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { name: ["required"], kind: ["invalid"] },
    });
    expect(
      await savePostSettings(t.db, organiser, {
        postId: patrolId,
        description: "",
        teamSize: 0,
        period: "noon",
        startsAt: "21:00",
        endsAt: "19:00",
        maxMinutes: 5,
      }),
    ).toMatchObject({ ok: false, code: "invalid" });
    expect(await snapshot(t.db)).toBe(before);
    const refused = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "posts.create"), eq(auditLog.outcome, "refused")));
    expect(refused.length).toBeGreaterThanOrEqual(2);
  });

  it("takes on a resident or a household member; a team leader must be a party member; one live place per person", async () => {
    const u = await makeUser(t.db, { verified: true, name: "李卫东" });
    const base = {
      postId: patrolId,
      userId: u.id,
      standing: "activist",
      since: "2026-03-01",
      availableDays: ["1", "3", "5"],
      availablePeriods: "evening",
    };
    const before = await snapshot(t.db);
    expect(await addMember(t.db, organiser, { ...base, leader: "on" })).toMatchObject({
      code: "invalid",
      fieldErrors: { leader: ["leader_not_party"] },
    });
    expect(await addMember(t.db, organiser, { ...base, availableDays: ["8"] })).toMatchObject({ code: "invalid" });
    expect(await addMember(t.db, resident, base)).toEqual({ ok: false, code: "forbidden" });
    expect(await snapshot(t.db)).toBe(before);
    const id = must(await addMember(t.db, organiser, { ...base, standing: "party_member", leader: "on" })).id;
    const [row] = await t.db.select().from(postMembers).where(eq(postMembers.id, id));
    expect(row).toMatchObject({ name: "李卫东", leader: true, status: "active", availableDays: [1, 3, 5] });
    expect(await addMember(t.db, organiser, base)).toEqual({ ok: false, code: "already_member" });

    const hh = await makeHousehold(t.db);
    const grandpa = await makeMember(t.db, hh.id, "孙爷爷", 78);
    const gid = must(
      await addMember(t.db, organiser, { ...base, userId: undefined, householdMemberId: grandpa.id }),
    ).id;
    const [g] = await t.db.select().from(postMembers).where(eq(postMembers.id, gid));
    expect(g).toMatchObject({ name: "孙爷爷", userId: null, householdMemberId: grandpa.id });
    expect(await addMember(t.db, organiser, { ...base, householdMemberId: grandpa.id })).toMatchObject({
      code: "invalid",
      fieldErrors: { userId: ["member_required"] },
    });
  });

  it("a verified resident asks to join and an organiser takes them on, once", async () => {
    const unverified = await actorOf(t.db, (await makeUser(t.db, {})).id);
    const ask = {
      postId: patrolId,
      standing: "activist",
      availableDays: [6, 7],
      availablePeriods: ["evening"],
      showName: "on",
    };
    expect(await requestMembership(t.db, unverified, ask)).toEqual({ ok: false, code: "not_verified" });
    expect(await requestMembership(t.db, null, ask)).toEqual({ ok: false, code: "unauthenticated" });
    const id = must(await requestMembership(t.db, resident, { ...ask, note: "周末晚上有空" })).id;
    expect(await requestMembership(t.db, resident, ask)).toEqual({ ok: false, code: "already_member" });
    expect(await decideMembership(t.db, resident, { memberId: id, decision: "accept" })).toEqual({
      ok: false,
      code: "forbidden",
    });
    must(await decideMembership(t.db, organiser, { memberId: id, decision: "accept" }));
    expect(await decideMembership(t.db, organiser, { memberId: id, decision: "decline" })).toEqual({
      ok: false,
      code: "not_pending",
    });
    const [row] = await t.db.select().from(postMembers).where(eq(postMembers.id, id));
    expect(row).toMatchObject({ status: "active", showName: true, note: "周末晚上有空", since: communityToday() });
  });
});

describe("the patrol roster", () => {
  it("draws a month: each day a party-member leader and the team's size, fair in count, no gaps when the members allow", async () => {
    const lead2 = await member("王建军", { standing: "party_member", leader: "on" });
    const walkers = [await member("赵红"), await member("钱芳"), await member("孙丽")];
    const month = nextMonth();
    const drawn = must(await drawRoster(t.db, organiser, { postId: patrolId, month, seed: 7 }));
    const days = daysOfMonth(month);
    expect(drawn.days).toBe(days.length);
    const teams = await teamsOf(month);
    expect(teams).toHaveLength(days.length);
    // Leaders free every day: 王建军 every day, since 李卫东 walks Monday, Wednesday and Friday only.
    for (const team of teams) {
      expect(team.leader).not.toBeNull();
      expect(team.walkers).toHaveLength(2);
    }
    const count = (id: string) => teams.filter((x) => x.walkers.includes(id)).length;
    const counts = walkers.map(count);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(teams.filter((x) => x.leader === lead2).length).toBeGreaterThan(0);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "posts.draw_roster"));
    expect(audit.details).toMatchObject({ month, days: days.length });
  });

  it("a redraw keeps a walked day as it was and draws the rest again", async () => {
    const month = nextMonth();
    const [first] = await teamsOf(month);
    await t.db.update(patrolTeams).set({ startedAt: new Date() }).where(eq(patrolTeams.id, first.id));
    must(await drawRoster(t.db, organiser, { postId: patrolId, month, seed: 99 }));
    const [again] = await teamsOf(month);
    expect(again).toMatchObject({ id: first.id, leader: first.leader, walkers: first.walkers });
    expect(await teamsOf(month)).toHaveLength(daysOfMonth(month).length);
  });

  it("a member who leaves is taken off the patrols to come, which then show as short", async () => {
    const month = nextMonth();
    const leaving = (await teamsOf(month))[3].walkers[0];
    const before = await teamsOf(month);
    const hadThem = before.filter((x) => !x.startedAt && x.walkers.includes(leaving)).map((x) => x.id);
    expect(hadThem.length).toBeGreaterThan(0);
    must(
      await updateMember(t.db, organiser, {
        memberId: leaving,
        standing: "activist",
        leader: false,
        active: false,
        availableDays: ALL_DAYS,
        availablePeriods: ["evening"],
        showName: false,
      }),
    );
    const after = await teamsOf(month);
    // Off every patrol still to come, each of which is now one short; a walked one keeps them.
    for (const x of after.filter((x) => hadThem.includes(x.id))) expect(x.walkers).toHaveLength(1);
    expect(after.filter((x) => !x.startedAt).some((x) => x.walkers.includes(leaving))).toBe(false);
  });

  it("reports the days nobody can lead as gaps, and refuses a past month or a post without patrols", async () => {
    const other = must(await createPost(t.db, organiser, { name: "巡逻二队", kind: "patrol" })).id;
    for (const name of ["甲", "乙"]) {
      const u = await makeUser(t.db, { verified: true, name });
      must(
        await addMember(t.db, organiser, {
          postId: other,
          userId: u.id,
          standing: "activist",
          since: "2026-01-01",
          availableDays: ALL_DAYS,
          availablePeriods: ["evening"],
        }),
      );
    }
    const u = await makeUser(t.db, { verified: true, name: "丙队长" });
    must(
      await addMember(t.db, organiser, {
        postId: other,
        userId: u.id,
        standing: "party_member",
        leader: true,
        since: "2026-01-01",
        availableDays: [6, 7],
        availablePeriods: ["evening"],
      }),
    );
    const month = nextMonth();
    const { gaps } = must(await drawRoster(t.db, organiser, { postId: other, month }));
    const weekdays = new Map(daysOfMonth(month).map((d) => [d.date, d.weekday]));
    expect(gaps.length).toBeGreaterThan(0);
    // The default team is three: two walkers are always one short; weekdays have no leader.
    for (const g of gaps) expect(g).toEqual({ date: g.date, noLeader: weekdays.get(g.date)! < 6, missing: 1 });
    expect(gaps).toHaveLength(daysOfMonth(month).length);

    const before = await snapshot(t.db);
    expect(await drawRoster(t.db, organiser, { postId: other, month: "2020-01" })).toMatchObject({
      code: "invalid",
      fieldErrors: { month: ["month_past"] },
    });
    expect(await snapshot(t.db)).toBe(before);
    const culture = must(await createPost(t.db, organiser, { name: "文化传播岗", kind: "culture" })).id;
    const [p] = await t.db.select().from(posts).where(eq(posts.id, culture));
    expect(p.kind).toBe("culture");
    const mid = await snapshot(t.db);
    expect(await drawRoster(t.db, organiser, { postId: culture, month })).toMatchObject({
      fieldErrors: { postId: ["not_patrol"] },
    });
    expect(await drawRoster(t.db, resident, { postId: other, month })).toEqual({ ok: false, code: "forbidden" });
    expect(await snapshot(t.db)).toBe(mid);
  });

  it("the database holds one patrol a day per person, whatever a service does", async () => {
    const month = nextMonth();
    const [a, b] = await teamsOf(month);
    const someone = a.walkers[0];
    await expect(
      t.db.insert(patrolTeamMembers).values({ teamId: b.id, memberId: someone, day: a.day }),
    ).rejects.toThrow();
  });
});
