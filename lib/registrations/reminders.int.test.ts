import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { deliveries, festivals, notifications, outboxMessages, programmeItems, smsPreferences } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, must } from "@/tests/support/fixtures";
import { athlete, backstage, openFestival, performer } from "@/tests/support/registration-fixtures";
import type { Actor } from "@/lib/actor";
import { publishProgramme } from "@/lib/festivals/programme-service";
import { updateFestival } from "@/lib/festivals/service";
import { runVotingReminder, votingReminderKey } from "@/lib/festivals/voting-reminders";
import { scheduledAt } from "@/lib/jobs/queue";
import { runDueJobs } from "@/lib/jobs/worker";
import { jobHandlers } from "@/lib/worker/handlers";
import type { QueueName } from "@/vocabulary/jobs";
import { addActToProgramme, assignShift, createShift, deleteShift } from "./review-service";
import { itemReminderKey, runItemReminder, runShiftReminder, shiftReminderKey } from "./reminders";
import { decideRegistrations, register } from "./service";

// Reminders follow what residents see: the published programme for items, the shift itself for
// helpers, the festival's window for the vote. Moving the cause moves them; ending it cancels them.

let t: TestDb;
let organiser: Actor;
let fest: Awaited<ReturnType<typeof openFestival>>;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  fest = await openFestival(t.db, organiser);
});
afterAll(async () => t?.close());
beforeEach(() => vi.stubEnv("SMS_QUIET_HOURS", "off"));
afterEach(() => vi.unstubAllEnvs());

const HOUR = 3_600_000;
const run = (queues: QueueName[]) => runDueJobs(t.db, jobHandlers, { queues });
const itemStart = async (id: string) =>
  (await t.db.select({ s: programmeItems.startsAt }).from(programmeItems).where(eq(programmeItems.id, id)))[0].s;
const kindsFor = async (userId: string) =>
  (await t.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, userId))).map(
    (n) => n.kind,
  );

describe("an item's reminders and its moves", () => {
  it("publishing sets the day-before and hour-before reminders of every item still to come", async () => {
    expect(await run(["programme.published"])).toMatchObject({ failed: 0 });
    const start = await itemStart(fest.sportId);
    expect(await scheduledAt(t.db, itemReminderKey(fest.sportId, "day"))).toEqual(
      new Date(start.getTime() - 24 * HOUR),
    );
    expect(await scheduledAt(t.db, itemReminderKey(fest.sportId, "hour"))).toEqual(new Date(start.getTime() - HOUR));
  });

  it("republished with a new time: the reminders move, the athletes are told what changed, in the app and by SMS", async () => {
    const a = await actorOf(t.db, (await makeUser(t.db, { verified: true, name: "李大山" })).id);
    must(await register(t.db, a, athlete(fest.slug, fest.relayId)));
    const before = await itemStart(fest.relayId);
    const later = new Date(before.getTime() + 2 * HOUR);
    await t.db
      .update(programmeItems)
      .set({ startsAt: later, endsAt: new Date(later.getTime() + HOUR) })
      .where(eq(programmeItems.id, fest.relayId));
    must(await publishProgramme(t.db, organiser, { festivalSlug: fest.slug }));
    expect(await run(["programme.published"])).toMatchObject({ ran: 1, failed: 0 });
    expect(await scheduledAt(t.db, itemReminderKey(fest.relayId, "hour"))).toEqual(new Date(later.getTime() - HOUR));
    const [moved] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, a.id), eq(notifications.kind, "registration.slot_moved")));
    expect(moved.data).toMatchObject({
      itemId: fest.relayId,
      title: "接力跑",
      startsAt: later.toISOString(),
      wasAt: before.toISOString(),
    });
    await run(["messages.sms"]);
    const [d] = await t.db.select().from(deliveries).where(eq(deliveries.notificationId, moved.id));
    expect(d).toMatchObject({ template: "slot_moved", status: "sent" });
    const [out] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.deliveryId, d.id));
    expect(out.text).toContain("接力跑");
    expect(out.text).toContain("1月16日 16:00");

    // Published again unchanged: nobody is told twice.
    must(await publishProgramme(t.db, organiser, { festivalSlug: fest.slug }));
    await run(["programme.published"]);
    expect((await kindsFor(a.id)).filter((k) => k === "registration.slot_moved")).toHaveLength(1);
  });

  it("a performer whose act was put in the programme is told when a republished programme moves it", async () => {
    const p = await actorOf(t.db, (await makeUser(t.db, { verified: true, name: "周美华" })).id);
    const reg = must(await register(t.db, p, performer(fest.slug, { actTitle: "黄梅戏选段", minutes: 10 })));
    must(await decideRegistrations(t.db, organiser, { ids: [reg.id], decision: "accept" }));
    const { itemId } = must(await addActToProgramme(t.db, organiser, { id: reg.id, blockId: fest.blockId }));
    must(await publishProgramme(t.db, organiser, { festivalSlug: fest.slug }));
    await run(["programme.published"]);
    expect(await kindsFor(p.id)).not.toContain("registration.slot_moved");
    const later = new Date((await itemStart(itemId)).getTime() + HOUR);
    await t.db
      .update(programmeItems)
      .set({ startsAt: later, endsAt: new Date(later.getTime() + 10 * 60_000) })
      .where(eq(programmeItems.id, itemId));
    must(await publishProgramme(t.db, organiser, { festivalSlug: fest.slug }));
    expect(await run(["programme.published"])).toMatchObject({ failed: 0 });
    const [moved] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, p.id), eq(notifications.kind, "registration.slot_moved")));
    expect(moved.data).toMatchObject({ itemId, title: "黄梅戏选段", startsAt: later.toISOString() });
  });

  it("the reminder tells whoever takes part when it runs, with the venue; a moved item's old job says nothing", async () => {
    const a = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    must(await register(t.db, a, athlete(fest.slug, fest.sportId)));
    const start = await itemStart(fest.sportId);
    const [f] = await t.db.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, fest.slug));
    const data = { itemId: fest.sportId, festivalId: f.id, startsAt: start.toISOString(), when: "day" };
    expect(await runItemReminder(t.db, data)).toBeGreaterThanOrEqual(1);
    const [n] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, a.id), eq(notifications.kind, "item_reminder")));
    expect(n.data).toMatchObject({ title: "拔河比赛", venue: expect.any(String) });
    expect((n.data as { venue: string }).venue.length).toBeGreaterThan(0);
    expect(await runItemReminder(t.db, { ...data, startsAt: new Date(start.getTime() - HOUR).toISOString() })).toBe(0);
  });
});

describe("a shift's reminders", () => {
  it("a new shift gets its reminders; its helpers are told; deleting it cancels them", async () => {
    const s = must(
      await createShift(t.db, organiser, {
        festivalSlug: fest.slug,
        title: "搬椅子",
        startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 3 * 86_400_000 + 2 * HOUR).toISOString(),
        places: 3,
      }),
    );
    expect(await scheduledAt(t.db, shiftReminderKey(s.id, "day"))).toBeTruthy();
    expect(await scheduledAt(t.db, shiftReminderKey(s.id, "soon"))).toBeTruthy();
    const helper = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const reg = must(await register(t.db, helper, backstage(fest.slug)));
    must(await assignShift(t.db, organiser, { shiftId: s.id, ids: [reg.id] }));
    const runAt = (await scheduledAt(t.db, shiftReminderKey(s.id, "soon")))!;
    const told = await runShiftReminder(t.db, {
      shiftId: s.id,
      startsAt: new Date(runAt.getTime() + 2 * HOUR).toISOString(),
    });
    expect(told).toBe(1);
    expect(await kindsFor(helper.id)).toContain("shift_reminder");
    must(await deleteShift(t.db, organiser, s.id));
    expect(await scheduledAt(t.db, shiftReminderKey(s.id, "day"))).toBeNull();
    expect(await scheduledAt(t.db, shiftReminderKey(s.id, "soon"))).toBeNull();
  });
});

describe("the vote's dates", () => {
  it("follow the festival's window and reach only the verified residents who asked", async () => {
    const [f] = await t.db.select().from(festivals).where(eq(festivals.slug, fest.slug));
    must(
      await updateFestival(t.db, organiser, {
        slug: f.slug,
        version: f.version,
        title: f.title,
        edition: f.edition,
        startsOn: f.startsOn,
        endsOn: f.endsOn,
        votingOpensAt: "2027-01-10T09:00",
        votingClosesAt: "2027-01-16T18:00",
      }),
    );
    expect(await scheduledAt(t.db, votingReminderKey(f.id, "opens"))).toEqual(new Date("2027-01-09T09:00:00+08:00"));
    expect(await scheduledAt(t.db, votingReminderKey(f.id, "closes"))).toEqual(new Date("2027-01-15T18:00:00+08:00"));
    const asked = await makeUser(t.db, { verified: true });
    const quiet = await makeUser(t.db, { verified: true });
    await t.db.insert(smsPreferences).values({ userId: asked.id, topic: "voting", sms: true });
    const [now] = await t.db.select().from(festivals).where(eq(festivals.id, f.id));
    const told = await runVotingReminder(t.db, {
      festivalId: f.id,
      edge: "opens",
      at: now.votingOpensAt!.toISOString(),
    });
    expect(told).toBe(1);
    expect(await kindsFor(asked.id)).toEqual(["voting_opens"]);
    expect(await kindsFor(quiet.id)).toEqual([]);
  });
});
