import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { auditLog, jobKeys, patrolSwaps, patrolTeamMembers, patrolTeams } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, must } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { addDays, zonedToUtc } from "@/lib/festivals/time";
import { answerSwap, askSwap, endPatrol, startPatrol } from "./patrol";
import { addMember, createPost } from "./service";

// Real Postgres, many connections, requests fired together. Each guard has a control that turns
// it off and shows the race happening, so a pass means the guard holds.
let t: TestDb;
let organiser: Actor;
const TODAY = "2027-03-10";
const clock = (hhmm: string, day = TODAY) => zonedToUtc(`${day}T${hhmm}`, "Asia/Shanghai");
beforeAll(async () => {
  t = await createTestDb({ poolSize: 30 });
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function person(postId: string, leads = false) {
  const u = await makeUser(t.db, { verified: true });
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

async function team(postId: string, day: string, people: { id: string; leads?: boolean }[]) {
  const [row] = await t.db.insert(patrolTeams).values({ postId, day }).returning();
  await t.db
    .insert(patrolTeamMembers)
    .values(people.map((p) => ({ teamId: row.id, memberId: p.id, day, leads: !!p.leads })));
  return row.id;
}

/**
 * One member's place on day X, and eight others each offering one of their own days for it, all
 * asked first; then all eight accept at the same moment.
 */
async function eightOffers() {
  const postId = must(
    await createPost(t.db, organiser, { name: `巡逻${Math.random()}`.slice(0, 20), kind: "patrol" }),
  ).id;
  const asker = await person(postId);
  const x = addDays(TODAY, 5);
  const teamX = await team(postId, x, [{ id: asker.id }]);
  const others = await Promise.all(
    Array.from({ length: 8 }, async (_, i) => {
      const o = await person(postId);
      const teamId = await team(postId, addDays(TODAY, 6 + i), [{ id: o.id }]);
      return { ...o, teamId };
    }),
  );
  const swaps = [];
  for (const o of others)
    swaps.push(
      must(await askSwap(t.db, asker.actor, { teamId: teamX, toMemberId: o.id, toTeamId: o.teamId }, clock("10:00")))
        .id,
    );
  const daysOf = async (memberId: string) =>
    (await t.db.select({ n: count() }).from(patrolTeamMembers).where(eq(patrolTeamMembers.memberId, memberId)))[0].n;
  const sizeOfX = async () =>
    (await t.db.select({ n: count() }).from(patrolTeamMembers).where(eq(patrolTeamMembers.teamId, teamX)))[0].n;
  return { postId, asker, teamX, x, others, swaps, daysOf, sizeOfX };
}

describe("swaps: two accepted swaps never move one place twice", () => {
  it("eight offers for one day accepted at once → exactly one swap made, the rest void, everyone on one day", async () => {
    const { asker, others, swaps, daysOf, sizeOfX } = await eightOffers();
    const results = await Promise.all(
      others.map((o, i) => answerSwap(t.db, o.actor, { swapId: swaps[i], answer: "accept" }, clock("10:05"))),
    );
    // One is made; each other finds its swap void, either as it answers or already made void.
    const answers = results.map((r) => (r.ok ? r.data.status : r.code));
    expect(answers.filter((s) => s === "done")).toHaveLength(1);
    expect(answers.filter((s) => s === "void" || s === "not_pending")).toHaveLength(7);
    const rows = await t.db
      .select({ status: patrolSwaps.status })
      .from(patrolSwaps)
      .where(inArray(patrolSwaps.id, swaps));
    expect(rows.map((r) => r.status).sort()).toEqual(["done", ...Array(7).fill("void")]);
    expect(await daysOf(asker.id)).toBe(1);
    expect(await sizeOfX()).toBe(1);
    for (const o of others) expect(await daysOf(o.id)).toBe(1);
  });

  it("control: moving the places without the post's lock and a fresh look lets several swaps through", async () => {
    const { asker, teamX, x, others, daysOf, sizeOfX } = await eightOffers();
    // Each swap checks that the asker is still on day X, then moves both places: the same steps
    // as the service, but without taking the post's row lock first.
    await Promise.all(
      others.map((o) =>
        t.db.transaction(async (tx) => {
          const [still] = await tx
            .select()
            .from(patrolTeamMembers)
            .where(and(eq(patrolTeamMembers.teamId, teamX), eq(patrolTeamMembers.memberId, asker.id)));
          await sleep(20);
          if (!still) return;
          const [theirs] = await tx.select().from(patrolTeams).where(eq(patrolTeams.id, o.teamId));
          await tx
            .delete(patrolTeamMembers)
            .where(and(eq(patrolTeamMembers.teamId, teamX), eq(patrolTeamMembers.memberId, asker.id)));
          await tx.insert(patrolTeamMembers).values({ teamId: teamX, memberId: o.id, day: x, leads: false });
          await tx
            .delete(patrolTeamMembers)
            .where(and(eq(patrolTeamMembers.teamId, o.teamId), eq(patrolTeamMembers.memberId, o.id)));
          await tx
            .insert(patrolTeamMembers)
            .values({ teamId: o.teamId, memberId: asker.id, day: theirs.day, leads: false });
        }),
      ),
    );
    // The asker gave one day and took several; day X has several people for one place.
    expect(await daysOf(asker.id)).toBeGreaterThan(1);
    expect(await sizeOfX()).toBeGreaterThan(1);
  });
});

describe("starting and ending a patrol: once each, however many press at once", () => {
  async function tonight() {
    const postId = must(
      await createPost(t.db, organiser, { name: `巡逻${Math.random()}`.slice(0, 20), kind: "patrol" }),
    ).id;
    const lead = await person(postId, true);
    const w = await person(postId);
    const teamId = await team(postId, TODAY, [{ id: lead.id, leads: true }, { id: w.id }]);
    return { lead, w, teamId };
  }
  const entries = async (action: string, teamId: string) =>
    (
      await t.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.targetId, teamId), eq(auditLog.outcome, "ok")))
    )[0].n;

  it("ten starts and then ten ends at once by the leader and organisers → one start, one end, one job", async () => {
    const { lead, teamId } = await tonight();
    const hands = [lead.actor, organiser];
    const starts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => startPatrol(t.db, hands[i % 2], { teamId }, clock("19:0" + (i % 10)))),
    );
    expect(starts.filter((r) => r.ok)).toHaveLength(1);
    expect(starts.filter((r) => !r.ok).every((r) => !r.ok && r.code === "patrol_started")).toBe(true);
    expect(await entries("posts.start_patrol", teamId)).toBe(1);
    const [{ n: jobs }] = await t.db
      .select({ n: count() })
      .from(jobKeys)
      .where(eq(jobKeys.key, `patrol-close:${teamId}`));
    expect(jobs).toBe(1);
    const ends = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        endPatrol(t.db, hands[i % 2], { teamId, walked: [lead.id] }, clock("20:30")),
      ),
    );
    expect(ends.filter((r) => r.ok)).toHaveLength(1);
    expect(ends.filter((r) => !r.ok).every((r) => !r.ok && r.code === "patrol_ended")).toBe(true);
    expect(await entries("posts.end_patrol", teamId)).toBe(1);
    const [{ n: left }] = await t.db
      .select({ n: count() })
      .from(jobKeys)
      .where(eq(jobKeys.key, `patrol-close:${teamId}`));
    expect(left).toBe(0);
  });

  it("control: a start that looks and then writes, without the row lock or the condition, starts twice", async () => {
    const { teamId } = await tonight();
    const started = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.db.transaction(async (tx) => {
          const [row] = await tx.select().from(patrolTeams).where(eq(patrolTeams.id, teamId));
          await sleep(20);
          if (row.startedAt) return false;
          await tx
            .update(patrolTeams)
            .set({ startedAt: clock(`19:0${i}`) })
            .where(eq(patrolTeams.id, teamId));
          return true;
        }),
      ),
    );
    // Several presses each believed they started it (each would have set a job and an entry).
    expect(started.filter(Boolean).length).toBeGreaterThan(1);
    const [row] = await t.db
      .select()
      .from(patrolTeams)
      .where(and(eq(patrolTeams.id, teamId), isNull(patrolTeams.endedAt)));
    expect(row.startedAt).not.toBeNull();
  });
});
