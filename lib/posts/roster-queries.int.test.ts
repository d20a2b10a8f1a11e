import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { patrolTeamMembers, patrolTeams } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, must } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { addDays, zonedToUtc } from "@/lib/festivals/time";
import { getMyPosts, getMyPostsGlance, getSwapChoices } from "./my-queries";
import { addNote, answerSwap, askSwap, endPatrol, passNote, startPatrol } from "./patrol";
import { getRosterDay, getRosterMonth, listPassedNotes, listPostSwaps } from "./roster-queries";
import { addMember, createPost, savePostSettings } from "./service";

// What organisers and members read of the patrol: the month by day and by person with its gaps,
// a day's team with who could fill it, swaps and notes; a member's own day, rota and swaps.

let t: TestDb;
let organiser: Actor;
let postId: string;
const TODAY = "2027-03-10";
const NOW = zonedToUtc(`${TODAY}T18:00`, "Asia/Shanghai");
let lead: { id: string; actor: Actor };
let a: { id: string; actor: Actor };
let b: { id: string; actor: Actor };
let c: { id: string; actor: Actor };
const teams: Record<string, string> = {};

async function person(name: string, leads = false) {
  const u = await makeUser(t.db, { verified: true, name });
  const id = must(
    await addMember(t.db, organiser, {
      postId,
      userId: u.id,
      standing: leads ? "party_member" : "activist",
      leader: leads ? "on" : "",
      since: "2026-01-01",
      availableDays: [],
      availablePeriods: [],
      showName: "",
    }),
  ).id;
  return { id, actor: await actorOf(t.db, u.id) };
}

async function team(day: string, people: { id: string; leads?: boolean }[]) {
  const [row] = await t.db.insert(patrolTeams).values({ postId, day }).returning();
  if (people.length)
    await t.db
      .insert(patrolTeamMembers)
      .values(people.map((p) => ({ teamId: row.id, memberId: p.id, day, leads: !!p.leads })));
  teams[day] = row.id;
  return row.id;
}

beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  postId = must(await createPost(t.db, organiser, { name: "治安巡逻岗", kind: "patrol" })).id;
  must(
    await savePostSettings(t.db, organiser, {
      postId,
      description: "",
      teamSize: 2,
      period: "evening",
      startsAt: "19:00",
      endsAt: "21:00",
      maxMinutes: 180,
      swapsNeedApproval: "on",
    }),
  );
  lead = await person("刘洋", true);
  a = await person("陈红");
  b = await person("赵强");
  c = await person("孙丽");
  await team(TODAY, [{ id: lead.id, leads: true }, { id: a.id }, { id: b.id }]);
  await team(addDays(TODAY, 1), [{ id: a.id }]);
  await team(addDays(TODAY, 2), [{ id: lead.id, leads: true }, { id: c.id }, { id: b.id }]);
});
afterAll(async () => t?.close());

describe("the month for organisers", () => {
  it("lists every day, its leader and members, and marks the short days as gaps", async () => {
    const month = must(await getRosterMonth(t.db, organiser, postId, "2027-03"))!;
    expect(month.days).toHaveLength(31);
    const day = (d: string) => month.days.find((x) => x.date === d)!.team;
    expect(day(TODAY)).toMatchObject({ leader: { name: "刘洋" }, missing: 0 });
    expect(
      day(TODAY)!
        .members.map((m) => m.name)
        .sort(),
    ).toEqual(["赵强", "陈红"].sort());
    expect(day(addDays(TODAY, 1))).toMatchObject({ leader: null, missing: 1 });
    expect(day("2027-03-01")).toBeNull();
    expect(month.gaps).toBe(1);
    const byPerson = Object.fromEntries(month.people.map((p) => [p.name, p.days.length]));
    expect(byPerson).toEqual({ 刘洋: 2, 陈红: 2, 赵强: 2, 孙丽: 1 });
  });

  it("a day shows who could fill it: members not on a team that day, and who can lead", async () => {
    const view = must(await getRosterDay(t.db, organiser, postId, addDays(TODAY, 1)))!;
    expect(view.free.map((f) => [f.name, f.canLead]).sort()).toEqual(
      [
        ["刘洋", true],
        ["孙丽", false],
        ["赵强", false],
      ].sort(),
    );
    expect(must(await getRosterDay(t.db, organiser, postId, "2027-04-01"))).toBeNull();
    expect(must(await getRosterDay(t.db, organiser, postId, "not-a-day"))).toBeNull();
    expect(must(await getRosterMonth(t.db, organiser, "not-an-id", "2027-03"))).toBeNull();
  });

  it("refuses anyone but organisers", async () => {
    expect(await getRosterMonth(t.db, a.actor, postId, "2027-03")).toEqual({ ok: false, code: "forbidden" });
    expect(await getRosterDay(t.db, null, postId, TODAY)).toEqual({ ok: false, code: "forbidden" });
    expect(await listPostSwaps(t.db, a.actor, postId)).toEqual({ ok: false, code: "forbidden" });
    expect(await listPassedNotes(t.db, a.actor, postId)).toEqual({ ok: false, code: "forbidden" });
  });
});

describe("a member's own day", () => {
  it("shows today's patrol with the team, the coming days, and the leader's notes once started", async () => {
    const mine = await getMyPosts(t.db, lead.actor, NOW);
    expect(mine.places).toHaveLength(1);
    expect(mine.patrols.map((p) => p.day)).toEqual([TODAY, addDays(TODAY, 2)]);
    expect(mine.patrols[0]).toMatchObject({ leads: true, startsAt: "19:00", endsAt: "21:00", startedAt: null });
    expect(mine.patrols[0].team.map((m) => m.name)[0]).toBe("刘洋");
    expect(await getMyPostsGlance(t.db, lead.actor, NOW)).toEqual({
      places: 1,
      today: { leads: true, startsAt: "19:00", started: false, ended: false },
    });
    const start = zonedToUtc(`${TODAY}T19:00`, "Asia/Shanghai");
    must(await startPatrol(t.db, lead.actor, { teamId: teams[TODAY] }, start));
    const note = must(await addNote(t.db, a.actor, { teamId: teams[TODAY], kind: "lighting", body: "路灯坏了" })).id;
    must(await passNote(t.db, lead.actor, { noteId: note, to: "property" }));
    const later = await getMyPosts(t.db, a.actor, start);
    expect(later.patrols[0].notes).toEqual([
      expect.objectContaining({ body: "路灯坏了", mine: true, passedTo: "property", handledAt: null }),
    ]);
    const passed = must(await listPassedNotes(t.db, organiser, postId));
    expect(passed.property.map((n) => n.body)).toEqual(["路灯坏了"]);
    must(
      await endPatrol(
        t.db,
        lead.actor,
        { teamId: teams[TODAY], walked: [lead.id, a.id] },
        zonedToUtc(`${TODAY}T20:30`, "Asia/Shanghai"),
      ),
    );
    const ended = await getMyPosts(t.db, b.actor, NOW);
    expect(ended.patrols[0].team.find((m) => m.name === "赵强")?.walked).toBe(false);
  });

  it("a member with no place sees none; someone else's day has no swap choices", async () => {
    const stranger = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    expect(await getMyPosts(t.db, stranger, NOW)).toMatchObject({ places: [], patrols: [], swaps: [] });
    expect(await getMyPostsGlance(t.db, stranger, NOW)).toBeNull();
    expect(await getSwapChoices(t.db, stranger, teams[addDays(TODAY, 2)], NOW)).toBeNull();
  });

  it("swap choices leave out those busy that day, and a leader's day goes only to leaders; swaps show to both", async () => {
    const forC = (await getSwapChoices(t.db, c.actor, teams[addDays(TODAY, 2)], NOW))!;
    // 刘洋 and 赵强 patrol that day already.
    expect(forC.people.map((p) => p.name)).toEqual(["陈红"]);
    expect(forC.people[0].days.map((d) => d.teamId)).toContain(teams[addDays(TODAY, 1)]);
    const forLead = (await getSwapChoices(t.db, lead.actor, teams[addDays(TODAY, 2)], NOW))!;
    expect(forLead.people).toEqual([]);
    const id = must(
      await askSwap(
        t.db,
        c.actor,
        { teamId: teams[addDays(TODAY, 2)], toMemberId: a.id, toTeamId: teams[addDays(TODAY, 1)] },
        NOW,
      ),
    ).id;
    const asker = await getMyPosts(t.db, c.actor, NOW);
    const asked = await getMyPosts(t.db, a.actor, NOW);
    expect(asker.swaps).toEqual([expect.objectContaining({ id, askedOfMe: false, status: "asked", to: "陈红" })]);
    expect(asked.swaps).toEqual([
      expect.objectContaining({ id, askedOfMe: true, from: "孙丽", toDay: addDays(TODAY, 1) }),
    ]);
    must(await answerSwap(t.db, a.actor, { swapId: id, answer: "accept" }, NOW));
    const waiting = must(await listPostSwaps(t.db, organiser, postId));
    expect(waiting.waiting).toEqual([expect.objectContaining({ id, from: "孙丽", to: "陈红" })]);
  });
});
