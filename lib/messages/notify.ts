import "server-only";
import { and, eq } from "drizzle-orm";
import { deliveries, notifications, smsPreferences } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { env } from "@/env";
import { sendJob } from "@/lib/jobs/queue";
import { SMS_TOPIC_DEFAULTS, type MessageTopic, type SmsTemplate } from "@/vocabulary/messages";
import { sendTimeFor } from "./quiet-hours";

// Telling a person something: always in the app (their messages on /me), and by text message too
// when the topic is one they take by SMS. The text message is a row of the delivery log and a job
// on the queue, written in the same transaction as the notification, so neither exists without
// the other; the worker sends it when its time comes (quiet hours hold it until the morning).

/** A title fit for a text message: providers cap a template value's length (Aliyun: 35). */
export const smsTitle = (title: string) => (title.length > 20 ? `${title.slice(0, 19)}…` : title);

export interface SmsPart {
  topic: MessageTopic;
  template: SmsTemplate;
  /** The template's values: only what the recipient may see (never a beneficiary's details). */
  params: Record<string, string>;
  /** What it is about, checked again when it is sent (a claim since fulfilled is not reminded of). */
  subjectId?: string;
  /** When the thing it is about happens: a message is not held for the morning past it. */
  happensAt?: Date | null;
}

export interface Notice {
  userId: string;
  kind: string;
  data?: Record<string, unknown>;
  sms?: SmsPart;
}

/** Whether the person takes this topic by text message (their choice, else the topic's default). */
export async function takesSms(db: DbOrTx, userId: string, topic: MessageTopic): Promise<boolean> {
  const [row] = await db
    .select({ sms: smsPreferences.sms })
    .from(smsPreferences)
    .where(and(eq(smsPreferences.userId, userId), eq(smsPreferences.topic, topic)));
  return row ? row.sms : SMS_TOPIC_DEFAULTS[topic];
}

/** Tells one person: the notification, and its text message when they take the topic by SMS. */
export async function notify(
  db: DbOrTx,
  notice: Notice,
  now = new Date(),
): Promise<{ notificationId: string; deliveryId: string | null }> {
  return db.transaction(async (tx) => {
    const [n] = await tx
      .insert(notifications)
      .values({ userId: notice.userId, kind: notice.kind, data: notice.data ?? {} })
      .returning({ id: notifications.id });
    const sms = notice.sms;
    if (!sms || !(await takesSms(tx, notice.userId, sms.topic))) return { notificationId: n.id, deliveryId: null };
    const sendAfter = sendTimeFor(now, env.SMS_QUIET_HOURS, sms.happensAt);
    const [d] = await tx
      .insert(deliveries)
      .values({
        userId: notice.userId,
        notificationId: n.id,
        topic: sms.topic,
        template: sms.template,
        params: sms.params,
        subjectId: sms.subjectId ?? null,
        status: sendAfter.getTime() > now.getTime() ? "held" : "queued",
        sendAfter,
      })
      .returning({ id: deliveries.id });
    await sendJob(tx, "messages.sms", { deliveryId: d.id }, { startAfter: sendAfter });
    return { notificationId: n.id, deliveryId: d.id };
  });
}
