import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, patrolNotes, patrolSwaps, patrolTeamMembers, patrolTeams } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeMember, makeUser, must, snapshot } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { addDays, zonedToUtc } from "@/lib/festivals/time";
import { scheduledAt } from "@/lib/jobs/queue";
import {
  addNote,
  answerSwap,
  askSwap,
  closeUnendedPatrol,
  decideSwap,
  endPatrol,
  markNoteHandled,
  passNote,
  setPlace,
  startPatrol,
  withdrawSwap,
} from "./patrol";
import { addMember, createPost, savePostSettings, updateMember } from "./service";

// The patrol day by day: gaps filled, days swapped, the patrol started and ended by its leader,
// what it saw passed on, and the patrol nobody ended closed at midnight.

let t: TestDb;
let organiser: Actor;
const TODAY = "2027-03-10";
/** 19:30 on the test's day, community time. */
const clock = (hhmm: string, day = TODAY) => zonedToUtc(`${day}T${hhmm}`, "Asia/Shanghai");
const NOW = clock("19:30");

beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

async function patrolPost(over: Record<string, unknown> = {}) {
  const postId = must(
    await createPost(t.db, organiser, { name: `巡逻${Math.random()}`.slice(0, 20), kind: "patrol" }),
  ).id;
  must(
    await savePostSettings(t.db, organiser, {
      postId,
      description: "",
      teamSize: 2,
      period: "evening",
      startsAt: "19:00",
      endsAt: "21:00",
      maxMinutes: 180,
      swapsNeedApproval: "",
      ...over,
    }),
  );
  return postId;
}

/** A member with an account; a leader is a party member. */
async function person(postId: string, name: string, leads = false) {
  const u = await makeUser(t.db, { verified: true, name });
  const id = must(
    await addMember(t.db, organiser, {
      postId,
      userId: u.id,
      standing: leads ? "party_member" : "activist",
      leader: leads,
      since: "2026-01-01",
      availableDays: [1, 2, 3, 4, 5, 6, 7],
      availablePeriods: ["evening"],
      showName: "",
    }),
  ).id;
  return { id, actor: await actorOf(t.db, u.id) };
}

/** A day's team, written as a drawn roster would. */
async function team(postId: string, day: string, people: { id: string; leads?: boolean }[]) {
  const [row] = await t.db.insert(patrolTeams).values({ postId, day }).returning();
  if (people.length)
    await t.db
      .insert(patrolTeamMembers)
      .values(people.map((p) => ({ teamId: row.id, memberId: p.id, day, leads: !!p.leads })));
  return row.id;
}

const placesOf = async (teamId: string) =>
  (await t.db.select().from(patrolTeamMembers).where(eq(patrolTeamMembers.teamId, teamId)))
    .map((p) => ({ memberId: p.memberId, leads: p.leads, walked: p.walked }))
    .sort((a, b) => a.memberId.localeCompare(b.memberId));
const swapOf = async (id: string) => (await t.db.select().from(patrolSwaps).where(eq(patrolSwaps.id, id)))[0];
const teamRow = async (id: string) => (await t.db.select().from(patrolTeams).where(eq(patrolTeams.id, id)))[0];

describe("filling a gap", () => {
  it("an organiser puts a leader and a member on a day short of them, and takes one off again", async () => {
    const postId = await patrolPost();
    const lead = await person(postId, "刘队长", true);
    const walker = await person(postId, "陈积极");
    const day = addDays(TODAY, 3);
    const teamId = await team(postId, day, []);
    must(await setPlace(t.db, organiser, { teamId, memberId: lead.id, place: "add", leads: "on" }, NOW));
    must(await setPlace(t.db, organiser, { teamId, memberId: walker.id, place: "add", leads: "" }, NOW));
    expect(await placesOf(teamId)).toEqual(
      [
        { memberId: lead.id, leads: true, walked: null },
        { memberId: walker.id, leads: false, walked: null },
      ].sort((a, b) => a.memberId.localeCompare(b.memberId)),
    );
    must(await setPlace(t.db, organiser, { teamId, memberId: walker.id, place: "remove", leads: "" }, NOW));
    expect((await placesOf(teamId)).map((p) => p.memberId)).toEqual([lead.id]);
  });

  it("refuses a second leader, an activist as leader, a person twice a day, a day gone by, and residents", async () => {
    const postId = await patrolPost();
    const lead = await person(postId, "刘队长", true);
    const lead2 = await person(postId, "王队长", true);
    const walker = await person(postId, "陈积极");
    const day = addDays(TODAY, 2);
    const teamId = await team(postId, day, [{ id: lead.id, leads: true }, { id: walker.id }]);
    const pastTeam = await team(postId, addDays(TODAY, -1), []);
    const other = await person(postId, "赵积极");
    const before = await snapshot(t.db);
    const add = (memberId: string, leads: string, id = teamId) =>
      setPlace(t.db, organiser, { teamId: id, memberId, place: "add", leads }, NOW);
    expect(await add(lead2.id, "on")).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { leads: ["team_has_leader"] },
    });
    expect(await add(walker.id, "")).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { memberId: ["busy_that_day"] },
    });
    expect(await add(other.id, "on")).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { leads: ["leader_not_party"] },
    });
    expect(await add(other.id, "", pastTeam)).toEqual({ ok: false, code: "patrol_not_today" });
    expect(await setPlace(t.db, walker.actor, { teamId, memberId: other.id, place: "add", leads: "" }, NOW)).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await setPlace(t.db, organiser, { teamId, memberId: other.id, place: "remove", leads: "" }, NOW)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { memberId: ["not_on_team"] },
    });
    expect(await snapshot(t.db)).toBe(before);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "posts.set_place"));
    expect(audit.filter((a) => a.outcome === "refused")).toHaveLength(1);
  });
});

describe("swaps", () => {
  async function twoDays(over: Record<string, unknown> = {}) {
    const postId = await patrolPost(over);
    const a = await person(postId, "甲", true);
    const b = await person(postId, "乙", true);
    const c = await person(postId, "丙");
    const d = await person(postId, "丁");
    const x = addDays(TODAY, 4);
    const y = addDays(TODAY, 5);
    const teamX = await team(postId, x, [{ id: a.id, leads: true }, { id: c.id }]);
    const teamY = await team(postId, y, [{ id: b.id, leads: true }, { id: d.id }]);
    return { postId, a, b, c, d, teamX, teamY };
  }

  it("an exchange asked and accepted moves both places at once, leading stays with the day", async () => {
    const { a, b, c, d, teamX, teamY } = await twoDays();
    const { id } = must(
      await askSwap(t.db, a.actor, { teamId: teamX, toMemberId: b.id, toTeamId: teamY, note: "那天去医院" }, NOW),
    );
    expect((await swapOf(id)).status).toBe("asked");
    expect(await answerSwap(t.db, b.actor, { swapId: id, answer: "accept" }, NOW)).toEqual({
      ok: true,
      data: { status: "done" },
    });
    expect((await placesOf(teamX)).find((p) => p.leads)?.memberId).toBe(b.id);
    expect((await placesOf(teamY)).find((p) => p.leads)?.memberId).toBe(a.id);
    expect((await placesOf(teamX)).map((p) => p.memberId).sort()).toEqual([b.id, c.id].sort());
    expect((await placesOf(teamY)).map((p) => p.memberId).sort()).toEqual([a.id, d.id].sort());
  });

  it("a cover: a member free that day takes the place; declined, nothing moves", async () => {
    const { c, d, teamX, teamY } = await twoDays();
    const { id } = must(await askSwap(t.db, c.actor, { teamId: teamX, toMemberId: d.id, toTeamId: "" }, NOW));
    const before = await placesOf(teamX);
    must(await answerSwap(t.db, d.actor, { swapId: id, answer: "decline" }, NOW));
    expect(await placesOf(teamX)).toEqual(before);
    expect((await swapOf(id)).status).toBe("declined");
    const again = must(await askSwap(t.db, c.actor, { teamId: teamX, toMemberId: d.id }, NOW)).id;
    must(await answerSwap(t.db, d.actor, { swapId: again, answer: "accept" }, NOW));
    expect((await placesOf(teamX)).map((p) => p.memberId)).toContain(d.id);
    expect((await placesOf(teamX)).map((p) => p.memberId)).not.toContain(c.id);
    expect((await placesOf(teamY)).map((p) => p.memberId)).toContain(d.id); // both of d's days
  });

  it("where the post asks, an organiser approves what both agreed; refused, nothing moves", async () => {
    const { a, b, teamX, teamY } = await twoDays({ swapsNeedApproval: "on" });
    const ask = async () =>
      must(await askSwap(t.db, a.actor, { teamId: teamX, toMemberId: b.id, toTeamId: teamY }, NOW)).id;
    const first = await ask();
    expect(await answerSwap(t.db, b.actor, { swapId: first, answer: "accept" }, NOW)).toEqual({
      ok: true,
      data: { status: "accepted" },
    });
    const before = await placesOf(teamX);
    expect(await decideSwap(t.db, organiser, { swapId: first, decision: "refuse" }, NOW)).toEqual({
      ok: true,
      data: { status: "refused" },
    });
    expect(await placesOf(teamX)).toEqual(before);
    const second = await ask();
    must(await answerSwap(t.db, b.actor, { swapId: second, answer: "accept" }, NOW));
    expect(await decideSwap(t.db, a.actor, { swapId: second, decision: "approve" }, NOW)).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await decideSwap(t.db, organiser, { swapId: second, decision: "approve" }, NOW)).toEqual({
      ok: true,
      data: { status: "done" },
    });
    expect((await placesOf(teamX)).find((p) => p.leads)?.memberId).toBe(b.id);
  });

  it("refuses what cannot be: not your day, an activist in a leader's place, the other busy, a walked day", async () => {
    const { postId, a, b, c, d, teamX, teamY } = await twoDays();
    const h = await makeHousehold(t.db);
    const hm = await makeMember(t.db, h.id, "孙奶奶", 80);
    const paper = must(
      await addMember(t.db, organiser, {
        postId,
        householdMemberId: hm.id,
        standing: "activist",
        leader: "",
        since: "2026-01-01",
        availableDays: [],
        availablePeriods: [],
        showName: "",
      }),
    ).id;
    const before = await snapshot(t.db);
    expect(await askSwap(t.db, d.actor, { teamId: teamX, toMemberId: b.id }, NOW)).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await askSwap(t.db, a.actor, { teamId: teamX, toMemberId: d.id }, NOW)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { toMemberId: ["swap_needs_leader"] },
    });
    expect(await askSwap(t.db, c.actor, { teamId: teamX, toMemberId: a.id }, NOW)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { toMemberId: ["busy_that_day"] },
    });
    expect(await askSwap(t.db, c.actor, { teamId: teamX, toMemberId: b.id, toTeamId: teamX }, NOW)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { toTeamId: ["not_on_team"] },
    });
    expect(await askSwap(t.db, c.actor, { teamId: teamX, toMemberId: c.id }, NOW)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { toMemberId: ["member_unknown"] },
    });
    expect(await askSwap(t.db, c.actor, { teamId: "nope", toMemberId: d.id }, NOW)).toMatchObject({
      ok: false,
      code: "invalid",
    });
    // A member without an account cannot answer on a phone: an organiser moves them instead.
    expect(await askSwap(t.db, c.actor, { teamId: teamX, toMemberId: paper }, NOW)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { toMemberId: ["swap_no_account"] },
    });
    expect(await snapshot(t.db)).toBe(before);
    // A day already walked.
    await t.db.update(patrolTeams).set({ startedAt: NOW }).where(eq(patrolTeams.id, teamY));
    expect(await askSwap(t.db, a.actor, { teamId: teamX, toMemberId: b.id, toTeamId: teamY }, NOW)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { toTeamId: ["patrol_started"] },
    });
  });

  it("a swap whose places changed meanwhile is void on acceptance, and says so", async () => {
    const { c, d, teamX } = await twoDays();
    const { id } = must(await askSwap(t.db, c.actor, { teamId: teamX, toMemberId: d.id }, NOW));
    must(await setPlace(t.db, organiser, { teamId: teamX, memberId: c.id, place: "remove", leads: "" }, NOW));
    // Taking c off the day voided the swap at once.
    expect((await swapOf(id)).status).toBe("void");
    expect(await answerSwap(t.db, d.actor, { swapId: id, answer: "accept" }, NOW)).toEqual({
      ok: false,
      code: "not_pending",
    });
  });

  it("two asks for one place: the first accepted moves it, the other turns void", async () => {
    const { c, d, teamX, postId } = await twoDays();
    const e = await person(postId, "戊");
    const one = must(await askSwap(t.db, c.actor, { teamId: teamX, toMemberId: d.id }, NOW)).id;
    const two = must(await askSwap(t.db, c.actor, { teamId: teamX, toMemberId: e.id }, NOW)).id;
    expect(await answerSwap(t.db, d.actor, { swapId: one, answer: "accept" }, NOW)).toEqual({
      ok: true,
      data: { status: "done" },
    });
    expect((await swapOf(two)).status).toBe("void");
    expect(await answerSwap(t.db, e.actor, { swapId: two, answer: "accept" }, NOW)).toEqual({
      ok: false,
      code: "not_pending",
    });
  });

  it("the asker withdraws; only the asked answers, only the asker withdraws", async () => {
    const { c, d, teamX } = await twoDays();
    const { id } = must(await askSwap(t.db, c.actor, { teamId: teamX, toMemberId: d.id }, NOW));
    expect(await answerSwap(t.db, c.actor, { swapId: id, answer: "accept" }, NOW)).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await withdrawSwap(t.db, d.actor, { swapId: id })).toEqual({ ok: false, code: "forbidden" });
    must(await withdrawSwap(t.db, c.actor, { swapId: id }));
    expect((await swapOf(id)).status).toBe("withdrawn");
    expect(await withdrawSwap(t.db, c.actor, { swapId: id })).toEqual({ ok: false, code: "not_pending" });
  });

  it("a member who leaves the post is off the days to come, and swaps asked of them are void on acceptance", async () => {
    const { c, d, teamX } = await twoDays();
    const { id } = must(await askSwap(t.db, c.actor, { teamId: teamX, toMemberId: d.id }, NOW));
    must(
      await updateMember(t.db, organiser, {
        memberId: d.id,
        leader: "",
        active: "",
        standing: "activist",
        availableDays: [],
        availablePeriods: [],
        showName: "",
      }),
    );
    expect(await answerSwap(t.db, d.actor, { swapId: id, answer: "accept" }, NOW)).toEqual({
      ok: true,
      data: { status: "void" },
    });
    expect((await placesOf(teamX)).map((p) => p.memberId)).toContain(c.id);
  });
});

describe("starting and ending a patrol", () => {
  async function tonight(over: Record<string, unknown> = {}) {
    const postId = await patrolPost(over);
    const lead = await person(postId, "刘队长", true);
    const w1 = await person(postId, "陈");
    const w2 = await person(postId, "赵");
    const teamId = await team(postId, TODAY, [{ id: lead.id, leads: true }, { id: w1.id }, { id: w2.id }]);
    return { postId, lead, w1, w2, teamId };
  }

  it("the leader starts it, a job stands at midnight, and ends it with who walked and for how long", async () => {
    const { lead, w1, w2, teamId } = await tonight();
    expect(await startPatrol(t.db, lead.actor, { teamId }, clock("19:05"))).toEqual({
      ok: true,
      data: { plannedEndAt: clock("21:00") },
    });
    expect(await scheduledAt(t.db, `patrol-close:${teamId}`)).toEqual(clock("00:00", addDays(TODAY, 1)));
    expect(await endPatrol(t.db, lead.actor, { teamId, walked: [lead.id, w1.id] }, clock("20:35"))).toEqual({
      ok: true,
      data: { minutes: 90, walked: 2 },
    });
    const row = await teamRow(teamId);
    expect(row.startedAt).toEqual(clock("19:05"));
    expect(row.endedAt).toEqual(clock("20:35"));
    expect(row.closedUnended).toBe(false);
    const walked = Object.fromEntries((await placesOf(teamId)).map((p) => [p.memberId, p.walked]));
    expect(walked).toEqual({ [lead.id]: true, [w1.id]: true, [w2.id]: false });
    expect(await scheduledAt(t.db, `patrol-close:${teamId}`)).toBeNull();
    expect(await closeUnendedPatrol(t.db, { teamId })).toBe(false);
  });

  it("only that day's leader or an organiser; only on its day; never twice", async () => {
    const { lead, w1, teamId, postId } = await tonight();
    const stranger = await person(postId, "路人", true);
    const before = await snapshot(t.db);
    expect(await startPatrol(t.db, w1.actor, { teamId }, NOW)).toEqual({ ok: false, code: "forbidden" });
    expect(await startPatrol(t.db, stranger.actor, { teamId }, NOW)).toEqual({ ok: false, code: "forbidden" });
    expect(await startPatrol(t.db, lead.actor, { teamId }, clock("19:30", addDays(TODAY, 1)))).toEqual({
      ok: false,
      code: "patrol_not_today",
    });
    expect(await endPatrol(t.db, lead.actor, { teamId }, NOW)).toEqual({ ok: false, code: "patrol_not_started" });
    expect(await snapshot(t.db)).toBe(before);
    must(await startPatrol(t.db, organiser, { teamId }, NOW));
    expect(await startPatrol(t.db, lead.actor, { teamId }, NOW)).toEqual({ ok: false, code: "patrol_started" });
    must(await endPatrol(t.db, lead.actor, { teamId, walked: [lead.id] }, clock("20:00")));
    expect(await endPatrol(t.db, organiser, { teamId }, clock("20:10"))).toEqual({ ok: false, code: "patrol_ended" });
  });

  it("refuses an end before the start, in the future, longer than the post allows, or someone not on the team", async () => {
    const { lead, teamId, postId } = await tonight({ maxMinutes: 60 });
    expect(await startPatrol(t.db, lead.actor, { teamId, plannedEnd: "19:00" }, clock("19:10"))).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { plannedEnd: ["ends_before_start"] },
    });
    expect(await startPatrol(t.db, lead.actor, { teamId, plannedEnd: "21:00" }, clock("19:10"))).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { plannedEnd: ["patrol_too_long"] },
    });
    // The post's end is further off than its longest patrol: the stated end is the longest.
    expect(await startPatrol(t.db, lead.actor, { teamId }, clock("19:10"))).toEqual({
      ok: true,
      data: { plannedEndAt: clock("20:10") },
    });
    const outsider = await person(postId, "外人");
    const before = await snapshot(t.db);
    const end = (input: Record<string, unknown>, now = clock("20:00")) =>
      endPatrol(t.db, lead.actor, { teamId, ...input }, now);
    expect(await end({ at: "19:05" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { at: ["ends_before_start"] },
    });
    expect(await end({ at: "20:30" })).toEqual({ ok: false, code: "invalid", fieldErrors: { at: ["time_future"] } });
    expect(await end({}, clock("20:40"))).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { at: ["patrol_too_long"] },
    });
    expect(await end({ walked: [outsider.id] })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { walked: ["not_on_team"] },
    });
    expect(await end({ at: "25:00" })).toEqual({ ok: false, code: "invalid", fieldErrors: { at: ["time_invalid"] } });
    expect(await snapshot(t.db)).toBe(before);
    // An end given later, by the time: the leader forgot to press at 20:00.
    expect(await end({ at: "20:00", walked: [lead.id] }, clock("20:45"))).toEqual({
      ok: true,
      data: { minutes: 50, walked: 1 },
    });
  });

  it("a patrol nobody ended is closed by the midnight job at the stated end, flagged, all counted", async () => {
    const { lead, teamId } = await tonight();
    must(await startPatrol(t.db, lead.actor, { teamId, plannedEnd: "20:30" }, clock("19:00")));
    expect(await closeUnendedPatrol(t.db, { teamId })).toBe(true);
    const row = await teamRow(teamId);
    expect(row.endedAt).toEqual(clock("20:30"));
    expect(row.closedUnended).toBe(true);
    expect((await placesOf(teamId)).every((p) => p.walked === true)).toBe(true);
    expect(await closeUnendedPatrol(t.db, { teamId })).toBe(false);
    expect(await endPatrol(t.db, lead.actor, { teamId }, clock("23:00"))).toEqual({ ok: false, code: "patrol_ended" });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "posts.patrol_closed"), eq(auditLog.targetId, teamId)));
    expect(entry.actorId).toBeNull();
  });
});

describe("what the patrol saw", () => {
  it("someone on the team writes a note once the patrol started; its leader passes it on, once", async () => {
    const postId = await patrolPost();
    const lead = await person(postId, "刘队长", true);
    const w = await person(postId, "陈");
    const outsider = await person(postId, "外人");
    const teamId = await team(postId, TODAY, [{ id: lead.id, leads: true }, { id: w.id }]);
    const note = { teamId, kind: "passage", place: "3 栋 2 单元", body: "楼道堆了纸箱，挡住了消防通道。" };
    expect(await addNote(t.db, w.actor, note)).toEqual({ ok: false, code: "patrol_not_started" });
    must(await startPatrol(t.db, lead.actor, { teamId }, NOW));
    expect(await addNote(t.db, outsider.actor, note)).toEqual({ ok: false, code: "forbidden" });
    expect(await addNote(t.db, w.actor, { ...note, body: "  " })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { body: ["required"] },
    });
    expect(await addNote(t.db, w.actor, { ...note, kind: "gossip" })).toMatchObject({ ok: false, code: "invalid" });
    const { id } = must(await addNote(t.db, w.actor, note));
    expect(await passNote(t.db, outsider.actor, { noteId: id, to: "property" })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await markNoteHandled(t.db, organiser, { noteId: id })).toEqual({ ok: false, code: "not_pending" });
    must(await passNote(t.db, lead.actor, { noteId: id, to: "property" }));
    expect(await passNote(t.db, w.actor, { noteId: id, to: "council" })).toEqual({ ok: false, code: "not_pending" });
    expect(await markNoteHandled(t.db, lead.actor, { noteId: id })).toEqual({ ok: false, code: "forbidden" });
    must(await markNoteHandled(t.db, organiser, { noteId: id, note: "物业已清走" }));
    const [row] = await t.db.select().from(patrolNotes).where(eq(patrolNotes.id, id));
    expect(row).toMatchObject({ passedTo: "property", handledNote: "物业已清走", authorId: w.actor.id });
    expect(row.handledAt).toBeInstanceOf(Date);
    const council = must(await addNote(t.db, w.actor, { ...note, kind: "lighting", body: "路灯坏了" })).id;
    must(await passNote(t.db, w.actor, { noteId: council, to: "council" }));
    expect(await markNoteHandled(t.db, organiser, { noteId: council })).toEqual({ ok: false, code: "not_pending" });
  });
});
