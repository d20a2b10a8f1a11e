import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { competitionEntrants, competitionMatches, deliveries, notifications, outboxMessages } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, must } from "@/tests/support/fixtures";
import { openFestival } from "@/tests/support/registration-fixtures";
import { hefei } from "@/tests/support/festival-fixtures";
import { createItem, createVenue } from "@/lib/festivals/programme-service";
import { scheduledAt } from "@/lib/jobs/queue";
import { runDueJobs } from "@/lib/jobs/worker";
import { jobHandlers } from "@/lib/worker/handlers";
import type { Actor } from "@/lib/actor";
import { setUpCompetition } from "./service";
import { makeDraw } from "./draw-service";
import { enterResult } from "./results-service";
import { scheduleCompetition } from "./schedule-service";
import { matchReminderKey, runMatchReminder } from "./match-reminders";

// A match later than its event is reminded an hour before, to both sides, with its table and
// opponent; the reminder moves with the schedule and says nothing once the match is played.

let t: TestDb;
let organiser: Actor;
let competitionId: string;
const players: { id: string; name: string }[] = [];
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  const f = await openFestival(t.db, organiser);
  const room = must(await createVenue(t.db, organiser, { festivalSlug: f.slug, name: "棋牌室", position: 20 }));
  const item = must(
    await createItem(t.db, organiser, {
      festivalSlug: f.slug,
      title: "象棋比赛",
      kind: "card_chess",
      venueId: room.id,
      startsAt: hefei(17, 14),
      endsAt: hefei(17, 18),
    }),
  );
  competitionId = must(
    await setUpCompetition(t.db, organiser, {
      itemId: item.item.id,
      format: "round_robin",
      game: "chess",
      entrantKind: "individual",
    }),
  ).id;
  for (const name of ["赵一", "钱二", "孙三", "李四"]) {
    const u = await makeUser(t.db, { verified: true, name });
    players.push({ id: u.id, name });
  }
  await t.db.insert(competitionEntrants).values(
    players.map((p) => ({
      competitionId,
      name: p.name,
      members: [{ registrationId: randomUUID(), userId: p.id, name: p.name }],
      skill: 1,
      checkedIn: true,
    })),
  );
  must(await makeDraw(t.db, organiser, { competitionId, seed: 3 }));
});
afterAll(async () => t?.close());
beforeEach(() => vi.stubEnv("SMS_QUIET_HOURS", "off"));
afterEach(() => vi.unstubAllEnvs());

const HOUR = 3_600_000;
const matches = () =>
  t.db
    .select()
    .from(competitionMatches)
    .where(eq(competitionMatches.competitionId, competitionId))
    .orderBy(asc(competitionMatches.round), asc(competitionMatches.position));
const schedule = (roundStarts: string[]) =>
  scheduleCompetition(t.db, organiser, { competitionId, tables: 1, matchMinutes: 20, roundStarts });
const remindersOf = (userId: string) =>
  t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, "match_reminder")));
const nameOf = async (entrantId: string | null) =>
  (await t.db.select().from(competitionEntrants).where(eq(competitionEntrants.id, entrantId!)))[0];

describe("match reminders", () => {
  it("a schedule gives every timed match its reminder an hour before, and moving a round moves them", async () => {
    must(await schedule(["2027-01-17T14:00", "2027-01-17T14:40", "2027-01-17T15:20"]));
    const ms = await matches();
    expect(ms).toHaveLength(6);
    for (const m of ms)
      expect(await scheduledAt(t.db, matchReminderKey(m.id))).toEqual(new Date(m.startsAt!.getTime() - HOUR));

    must(await schedule(["2027-01-17T14:00", "2027-01-17T15:00", "2027-01-17T16:00"]));
    const moved = (await matches()).filter((m) => m.round === 3);
    expect(moved.map((m) => m.startsAt!.toISOString())).toEqual([hefei(17, 16), hefei(17, 16, 20)]);
    for (const m of moved)
      expect(await scheduledAt(t.db, matchReminderKey(m.id))).toEqual(new Date(m.startsAt!.getTime() - HOUR));
  });

  it("tells both players their round, table, opponent and venue, in the app and by SMS", async () => {
    const m = (await matches()).find((x) => x.round === 2 && x.position === 2)!;
    const a = await nameOf(m.entrantA);
    const b = await nameOf(m.entrantB);
    const userA = a.members[0].userId!;
    expect(await runMatchReminder(t.db, { matchId: m.id, startsAt: m.startsAt!.toISOString() })).toBe(2);
    const [notice] = await remindersOf(userA);
    expect(notice.data).toMatchObject({
      title: "象棋比赛",
      round: 2,
      table: "1",
      opponent: b.name,
      venue: "棋牌室",
      startsAt: hefei(17, 15, 20),
    });
    expect(await remindersOf(b.members[0].userId!)).toHaveLength(1);

    expect(await runDueJobs(t.db, jobHandlers, { queues: ["messages.sms"] })).toMatchObject({ failed: 0 });
    const [d] = await t.db.select().from(deliveries).where(eq(deliveries.notificationId, notice.id));
    expect(d).toMatchObject({ template: "match_reminder", status: "sent" });
    const [out] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.deliveryId, d.id));
    expect(out.text).toContain("象棋比赛");
    expect(out.text).toContain("第 2 轮");
    expect(out.text).toContain("1月17日 15:20");
    expect(out.text).toContain("棋牌室，1 号桌");
    // The opponent's name is for the app, where the draw is shown; the SMS carries the place.
    expect(out.text).not.toContain(b.name);
  });

  it("says nothing for a match at the event's own start, a match since moved, or one already played", async () => {
    const ms = await matches();
    const first = ms.find((x) => x.round === 1 && x.position === 1)!;
    expect(first.startsAt!.toISOString()).toBe(hefei(17, 14));
    expect(await runMatchReminder(t.db, { matchId: first.id, startsAt: first.startsAt!.toISOString() })).toBe(0);

    const later = ms.find((x) => x.round === 3 && x.position === 1)!;
    expect(await runMatchReminder(t.db, { matchId: later.id, startsAt: hefei(17, 15, 20) })).toBe(0);

    const played = ms.find((x) => x.round === 1 && x.position === 2)!;
    must(await enterResult(t.db, organiser, { matchId: played.id, result: { kind: "chess", result: "1-0" } }));
    expect(await runMatchReminder(t.db, { matchId: played.id, startsAt: played.startsAt!.toISOString() })).toBe(0);
    expect(await runMatchReminder(t.db, { matchId: randomUUID(), startsAt: hefei(17, 15) })).toBe(0);
  });
});
