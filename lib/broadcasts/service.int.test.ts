import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, broadcasts, deliveries, notifications, outboxMessages, smsPreferences } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, must, snapshot } from "@/tests/support/fixtures";
import { athlete, openFestival } from "@/tests/support/registration-fixtures";
import type { Actor } from "@/lib/actor";
import { scheduledAt } from "@/lib/jobs/queue";
import { runDueJobs } from "@/lib/jobs/worker";
import { register } from "@/lib/registrations/service";
import { jobHandlers } from "@/lib/worker/handlers";
import { listDeliveries } from "./queries";
import { cancelBroadcast, previewAudience, sendBroadcast, smsExcerpt } from "./service";

// An organiser's notice to the athletes of one event: counted by channel before it goes, sent to
// each once (in the app, and by text to those who take notices by SMS), audited, in the log.

let t: TestDb;
let organiser: Actor;
let fest: Awaited<ReturnType<typeof openFestival>>;
const athletes: Actor[] = [];
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true, name: "张丽" })).id);
  fest = await openFestival(t.db, organiser);
  for (let i = 0; i < 3; i++) {
    const a = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    must(await register(t.db, a, athlete(fest.slug, fest.sportId)));
    athletes.push(a);
  }
  // One of them takes community notices in the app only.
  await t.db.insert(smsPreferences).values({ userId: athletes[2].id, topic: "broadcasts", sms: false });
});
afterAll(async () => t?.close());
beforeEach(() => vi.stubEnv("SMS_QUIET_HOURS", "off"));
afterEach(() => vi.unstubAllEnvs());

const audience = () => ({ kind: "item", itemId: fest.sportId });
const notice = "明天上午的拔河比赛改到社区广场东侧，8:30 集合。";

describe("a notice to the athletes of one event", () => {
  it("is counted by channel before it goes", async () => {
    expect(must(await previewAudience(t.db, organiser, audience()))).toEqual({ people: 3, textMessages: 2 });
  });

  it("goes to each in the app, by text to those who take it, and is in the log and the audit", async () => {
    const r = must(
      await sendBroadcast(t.db, organiser, { audience: audience(), body: notice, sms: true, when: "now" }),
    );
    expect(r.preview).toEqual({ people: 3, textMessages: 2 });
    await runDueJobs(t.db, jobHandlers, { queues: ["messages.broadcast"] });
    const [b] = await t.db.select().from(broadcasts).where(eq(broadcasts.id, r.id));
    expect(b).toMatchObject({ status: "sent", recipients: 3, textMessages: 2, audienceLabel: "拔河比赛" });
    for (const a of athletes) {
      const got = await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, a.id), eq(notifications.kind, "broadcast")));
      expect(got).toHaveLength(1);
      expect(got[0].data).toMatchObject({ text: notice });
    }
    await runDueJobs(t.db, jobHandlers, { queues: ["messages.sms"] });
    const sent = await t.db.select().from(deliveries).where(eq(deliveries.template, "broadcast"));
    expect(sent.map((d) => d.status)).toEqual(["sent", "sent"]);
    const [out] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.deliveryId, sent[0].id));
    expect(out.text).toBe(`【邻里】社区通知：${smsExcerpt(notice)}`);
    const log = must(await listDeliveries(t.db, organiser, { page: 1, status: "sent" }));
    expect(log.rows.filter((d) => d.template === "broadcast")).toHaveLength(2);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "messages.broadcast"), eq(auditLog.targetId, r.id)));
    expect(audit.details).toMatchObject({ people: 3, textMessages: 2, sms: true });
    // The job ran once: running again tells nobody twice.
    await runDueJobs(t.db, jobHandlers, { queues: ["messages.broadcast"] });
    expect(
      await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, athletes[0].id), eq(notifications.kind, "broadcast"))),
    ).toHaveLength(1);
  });

  it("at a time: scheduled, and called off before it goes", async () => {
    const r = must(
      await sendBroadcast(t.db, organiser, {
        audience: audience(),
        body: "周六下午彩排，请准时到。",
        sms: false,
        when: "later",
        sendAt: "2027-01-15T15:00",
      }),
    );
    expect(r.sendAt).toEqual(new Date("2027-01-15T15:00:00+08:00"));
    expect(await scheduledAt(t.db, `broadcast:${r.id}`)).toEqual(r.sendAt);
    must(await cancelBroadcast(t.db, organiser, r.id));
    expect(await scheduledAt(t.db, `broadcast:${r.id}`)).toBeNull();
    expect((await t.db.select().from(broadcasts).where(eq(broadcasts.id, r.id)))[0].status).toBe("cancelled");
    expect(await cancelBroadcast(t.db, organiser, r.id)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("bad input is refused with its reason and writes nothing; a resident may not send", async () => {
    const before = await snapshot(t.db);
    const bad = [
      { audience: audience(), body: "x", sms: true, when: "now" },
      { audience: audience(), body: "有\u0007控制字符", sms: true, when: "now" },
      { audience: audience(), body: "好".repeat(501), sms: true, when: "now" },
      {
        audience: { kind: "item", itemId: "00000000-0000-4000-8000-000000000000" },
        body: "你好邻居",
        sms: true,
        when: "now",
      },
      { audience: { kind: "nobody" }, body: "你好邻居", sms: true, when: "now" },
      { audience: audience(), body: "你好邻居", sms: true, when: "later", sendAt: "2020-01-01T08:00" },
      { audience: audience(), body: "你好邻居", sms: true, when: "later" },
    ];
    for (const input of bad)
      expect(await sendBroadcast(t.db, organiser, input)).toMatchObject({ ok: false, code: "invalid" });
    expect(await snapshot(t.db)).toBe(before);
    expect(
      await sendBroadcast(t.db, athletes[0], { audience: audience(), body: "你好邻居", sms: false, when: "now" }),
    ).toMatchObject({ ok: false, code: "forbidden" });
  });
});
