import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { deliveries, notifications, outboxMessages, smsPreferences, users, wishClaims } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, must } from "@/tests/support/fixtures";
import { postWish } from "@/tests/support/wish-fixtures";
import type { Actor } from "@/lib/actor";
import { runDueJobs, type JobRun } from "@/lib/jobs/worker";
import { scheduledAt } from "@/lib/jobs/queue";
import { jobHandlers } from "@/lib/worker/handlers";
import { claimWish, fulfilClaim, withdrawClaim } from "@/lib/wishes/service";
import { claimLapseKey, claimReminderKey } from "@/lib/wishes/claim-times";
import { runClaimReminder } from "@/lib/wishes/jobs";
import { deliverSms } from "./deliver";
import { notify } from "./notify";

// The messages channel on the real queue: a notification and its text message are written
// together; the worker sends the message once, in the person's language, within their choices,
// the quiet hours and the day's cap.

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());
beforeEach(() => {
  vi.stubEnv("SMS_QUIET_HOURS", "off");
  vi.stubEnv("SMS_PROVIDER", "");
});
afterEach(() => vi.unstubAllEnvs());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const sms = { topic: "claims" as const, template: "claim_lapsed" as const, params: { title: "一台收音机" } };
const deliveryOf = async (id: string) => (await t.db.select().from(deliveries).where(eq(deliveries.id, id)))[0];
const outboxFor = (deliveryId: string) =>
  t.db.select().from(outboxMessages).where(eq(outboxMessages.deliveryId, deliveryId));
const sendDue = () => runDueJobs(t.db, jobHandlers, { queues: ["messages.sms"] });
const rowsOf = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
const smsJobs = async () =>
  rowsOf<{ n: number }>(
    await t.db.execute(sql`select count(*)::int as n from pgboss.job where name = 'messages.sms'`),
  )[0].n;
const firstTry: JobRun = { id: "x", queue: "messages.sms", retryCount: 0, retryLimit: 4, lastTry: false };

describe("a notification and its text message", () => {
  it("goes in the app always, and by SMS for a topic on by default, once, in the person's language", async () => {
    const u = await makeUser(t.db, { name: "王秀英" });
    await t.db.update(users).set({ locale: "en" }).where(eq(users.id, u.id));
    const { notificationId, deliveryId } = await notify(t.db, { userId: u.id, kind: "wish.lapsed", sms });
    expect(notificationId).toBeTruthy();
    expect(await deliveryOf(deliveryId!)).toMatchObject({ status: "queued", topic: "claims", attempts: 0 });
    expect(await sendDue()).toMatchObject({ ran: 1, failed: 0 });
    const d = await deliveryOf(deliveryId!);
    expect(d).toMatchObject({ status: "sent", recipient: u.phone, locale: "en", provider: "outbox", attempts: 1 });
    const [out] = await outboxFor(deliveryId!);
    expect(out.text).toBe(
      '【Linli】Your claim on the micro-wish "一台收音机" has lapsed; the wish is open to other volunteers again.',
    );
    expect(d.providerMessageId).toBe(out.id);
    // Nothing is due any more: a second pass sends nothing.
    expect(await sendDue()).toMatchObject({ ran: 0 });
    expect(await outboxFor(deliveryId!)).toHaveLength(1);
  });

  it("a topic turned off stays in the app only; turned off after it was queued, it is skipped", async () => {
    const u = await makeUser(t.db);
    await t.db.insert(smsPreferences).values({ userId: u.id, topic: "claims", sms: false });
    const off = await notify(t.db, { userId: u.id, kind: "wish.lapsed", sms });
    expect(off.deliveryId).toBeNull();
    expect(await t.db.select().from(notifications).where(eq(notifications.id, off.notificationId))).toHaveLength(1);

    const v = await makeUser(t.db);
    const queued = await notify(t.db, { userId: v.id, kind: "wish.lapsed", sms });
    await t.db.insert(smsPreferences).values({ userId: v.id, topic: "claims", sms: false });
    await sendDue();
    expect(await deliveryOf(queued.deliveryId!)).toMatchObject({ status: "skipped", skipReason: "turned_off" });
    expect(await outboxFor(queued.deliveryId!)).toHaveLength(0);
  });

  it("is held through the quiet hours until eight, unless what it is about happens first", async () => {
    vi.stubEnv("SMS_QUIET_HOURS", "21:00-08:00");
    const u = await makeUser(t.db);
    const night = new Date("2026-12-07T22:30:00+08:00");
    const held = await notify(t.db, { userId: u.id, kind: "wish.lapsed", sms }, night);
    expect(await deliveryOf(held.deliveryId!)).toMatchObject({
      status: "held",
      sendAfter: new Date("2026-12-08T08:00:00+08:00"),
    });
    const urgent = await notify(
      t.db,
      { userId: u.id, kind: "wish.claim_lapsing", sms: { ...sms, happensAt: new Date("2026-12-08T06:00:00+08:00") } },
      night,
    );
    expect(await deliveryOf(urgent.deliveryId!)).toMatchObject({ status: "queued", sendAfter: night });
  });

  it("at most the day's number of text messages per person; the rest are skipped, still in the app", async () => {
    vi.stubEnv("SMS_PER_PERSON_PER_DAY", "2");
    const u = await makeUser(t.db);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await notify(t.db, { userId: u.id, kind: "wish.lapsed", sms })).deliveryId!);
    await sendDue();
    const statuses = await Promise.all(ids.map(async (id) => (await deliveryOf(id)).status));
    expect(statuses.sort()).toEqual(["sent", "sent", "skipped"]);
    expect((await Promise.all(ids.map(deliveryOf))).find((d) => d.status === "skipped")?.skipReason).toBe("daily_cap");
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, u.id))).toHaveLength(3);
  });

  it("a refused send is retried, then marked failed with the provider's error; a send cut short is not repeated", async () => {
    const u = await makeUser(t.db);
    // The outbox cannot write a message it already holds for another delivery: a refusal to see.
    const { deliveryId } = await notify(t.db, { userId: u.id, kind: "wish.lapsed", sms });
    vi.stubEnv("SMS_PROVIDER", "aliyun");
    vi.stubEnv("SMS_SIGN_NAME", "邻里");
    for (const k of ["SIGNUP_CODE", "SIGNUP_EXISTING", "RESET_CODE", "RESET_NO_ACCOUNT", "PHONE_CHANGE_CODE"])
      vi.stubEnv(`SMS_TEMPLATE_${k}`, "SMS_1");
    for (const k of [
      "WAITLIST_PROMOTED",
      "CLAIM_LAPSING",
      "CLAIM_LAPSED",
      "SHIFT_REMINDER",
      "ITEM_REMINDER",
      "MATCH_REMINDER",
      "SLOT_MOVED",
      "VOTING_OPENS",
      "VOTING_CLOSES",
      "BROADCAST",
    ])
      vi.stubEnv(`SMS_TEMPLATE_${k}`, "SMS_2");
    vi.stubEnv("ALIYUN_SMS_ACCESS_KEY_ID", "a");
    vi.stubEnv("ALIYUN_SMS_ACCESS_KEY_SECRET", "b");
    // Nothing listens here: the provider call fails the way a network failure does.
    vi.stubEnv("ALIYUN_SMS_ENDPOINT", "http://127.0.0.1:9");
    await expect(deliverSms(t.db, { deliveryId }, firstTry)).rejects.toThrow(/tried again later/);
    expect(await deliveryOf(deliveryId!)).toMatchObject({ status: "retrying", attempts: 1 });
    expect((await deliveryOf(deliveryId!)).lastError).toBeTruthy();
    await deliverSms(t.db, { deliveryId }, { ...firstTry, retryCount: 4, lastTry: true });
    expect(await deliveryOf(deliveryId!)).toMatchObject({ status: "failed", attempts: 2 });

    // A send the server did not live to record: the delivery says sending, the outbox has it.
    vi.unstubAllEnvs();
    vi.stubEnv("SMS_QUIET_HOURS", "off");
    const cut = await notify(t.db, { userId: u.id, kind: "wish.lapsed", sms });
    await deliverSms(t.db, { deliveryId: cut.deliveryId }, firstTry);
    await t.db.update(deliveries).set({ status: "sending" }).where(eq(deliveries.id, cut.deliveryId!));
    await deliverSms(t.db, { deliveryId: cut.deliveryId }, { ...firstTry, retryCount: 1 });
    expect(await outboxFor(cut.deliveryId!)).toHaveLength(1);
    expect(await deliveryOf(cut.deliveryId!)).toMatchObject({ status: "sent" });
  });

  it("a notification without its text message is never written: both or neither", async () => {
    const u = await makeUser(t.db);
    const before = await t.db.select().from(notifications).where(eq(notifications.userId, u.id));
    const jobsBefore = await smsJobs();
    await expect(
      t.db.transaction(async (tx) => {
        await notify(tx, { userId: u.id, kind: "wish.lapsed", sms });
        throw new Error("the rest of the change failed");
      }),
    ).rejects.toThrow();
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, u.id))).toEqual(before);
    expect(await t.db.select().from(deliveries).where(eq(deliveries.userId, u.id))).toEqual([]);
    expect(await smsJobs()).toBe(jobsBefore);
  });
});

describe("a claim's reminder and lapse on the queue", () => {
  const claimFor = async (now = new Date()) => {
    const w = await postWish(t.db, organiser);
    const v = await actorOf(t.db, (await makeUser(t.db, { roles: ["volunteer"], verified: true })).id);
    const c = must(await claimWish(t.db, v, w.id, { now }));
    return { w, v, c };
  };

  it("a claim sends its lapse at its time and its reminder a day before", async () => {
    const { c } = await claimFor();
    expect(await scheduledAt(t.db, claimLapseKey(c.claimId))).toEqual(c.lapsesAt);
    expect(await scheduledAt(t.db, claimReminderKey(c.claimId))).toEqual(new Date(c.lapsesAt.getTime() - DAY));
    const [job] = rowsOf<{ state: string; start_after: Date }>(
      await t.db.execute(
        sql`select state, start_after from pgboss.job j join job_keys k on k.job_id = j.id where k.key = ${claimReminderKey(c.claimId)}`,
      ),
    );
    expect(job.state).toBe("created");
    expect(new Date(job.start_after).getTime()).toBe(c.lapsesAt.getTime() - DAY);
  });

  it("letting the claim go or fulfilling it cancels both", async () => {
    const a = await claimFor();
    must(await withdrawClaim(t.db, a.v, a.c.claimId));
    expect(await scheduledAt(t.db, claimReminderKey(a.c.claimId))).toBeNull();
    expect(await scheduledAt(t.db, claimLapseKey(a.c.claimId))).toBeNull();
    const b = await claimFor();
    must(await fulfilClaim(t.db, b.v, { claimId: b.c.claimId, note: "送到了，老人很高兴。", hours: 1 }));
    expect(await scheduledAt(t.db, claimReminderKey(b.c.claimId))).toBeNull();
    const [cancelled] = rowsOf<{ n: number }>(
      await t.db.execute(
        sql`select count(*)::int as n from pgboss.job where state = 'cancelled' and data ->> 'claimId' in (${a.c.claimId}, ${b.c.claimId})`,
      ),
    );
    expect(cancelled.n).toBe(4);
  });

  it("the reminder tells the volunteer with the wish's title and time, never the beneficiary's details", async () => {
    const { w, v, c } = await claimFor();
    await runClaimReminder(t.db, { claimId: c.claimId });
    const [n] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, v.id), eq(notifications.kind, "wish.claim_lapsing")));
    expect(n.data).toMatchObject({ wishId: w.id, claimId: c.claimId, startsAt: c.lapsesAt.toISOString() });
    const [d] = await t.db.select().from(deliveries).where(eq(deliveries.notificationId, n.id));
    expect(d).toMatchObject({ template: "claim_lapsing", subjectId: c.claimId });
    expect(Object.keys(d.params).sort()).toEqual(["time", "title"]);
    await sendDue();
    const [out] = await outboxFor(d.id);
    expect(out.text).toContain("一台收音机");
    expect(out.text).not.toContain(w.marker);
    expect(out.text).not.toContain(w.phone);
    expect(out.text).not.toContain("9栋");
  });

  it("a reminder for a claim ended since says nothing; one queued before the end is skipped", async () => {
    const { v, c } = await claimFor();
    await runClaimReminder(t.db, { claimId: c.claimId });
    const [d] = await t.db.select().from(deliveries).where(eq(deliveries.userId, v.id));
    must(await fulfilClaim(t.db, v, { claimId: c.claimId, note: "做好了", hours: 1 }));
    await sendDue();
    expect(await deliveryOf(d.id)).toMatchObject({ status: "skipped", skipReason: "no_longer_true" });
    await runClaimReminder(t.db, { claimId: c.claimId });
    expect(
      await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, v.id), eq(notifications.kind, "wish.claim_lapsing"))),
    ).toHaveLength(1);
  });

  it("the lapse runs when due: the claim lapses, the wish reopens, the volunteer is told by SMS too", async () => {
    const { w, v, c } = await claimFor(new Date(Date.now() - 30 * DAY));
    expect(await runDueJobs(t.db, jobHandlers, { queues: ["wishes.claim-lapse"] })).toMatchObject({ ran: 1 });
    const [claim] = await t.db.select().from(wishClaims).where(eq(wishClaims.id, c.claimId));
    expect(claim.status).toBe("lapsed");
    expect(await scheduledAt(t.db, claimLapseKey(c.claimId))).toBeNull();
    const [d] = await t.db.select().from(deliveries).where(eq(deliveries.userId, v.id));
    expect(d.template).toBe("claim_lapsed");
    await sendDue();
    expect(await deliveryOf(d.id)).toMatchObject({ status: "sent" });
    expect((await outboxFor(d.id))[0].text).not.toContain(w.marker);
  });
});
