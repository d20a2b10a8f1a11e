import "server-only";
import { eq, sql } from "drizzle-orm";
import { deliveries, users, type Delivery } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { env } from "@/env";
import type { JobRun } from "@/lib/jobs/worker";
import { takeFromDailyAllowance } from "@/lib/limits/daily";
import type { SkipReason } from "@/vocabulary/messages";
import { takesSms } from "./notify";
import { smsProviderFrom } from "./providers";
import { asLocale } from "./texts";

/** Whether what a text message is about still holds when it is sent (the domains answer). */
export type StillTrue = (db: DbOrTx, delivery: Delivery) => Promise<boolean>;

const FINISHED = new Set(["sent", "failed", "skipped"]);

type Step = { go: false } | { go: true; to: string; locale: "zh-CN" | "en"; delivery: Delivery };

/**
 * Sends one delivery of the log, once. It is taken under a lock and counted against the person's
 * day (the cap) before the provider is called; a send the server did not live to record is sent
 * again on the retry, and the provider's delivery id (the outbox's unique key) keeps that from
 * reaching the person twice. A refusal is recorded and thrown, so the queue retries with backoff,
 * until the last try marks it failed.
 */
export async function deliverSms(
  db: Db,
  data: Record<string, unknown>,
  run: JobRun,
  stillTrue?: StillTrue,
  now = new Date(),
): Promise<void> {
  const id = typeof data.deliveryId === "string" ? data.deliveryId : null;
  if (!id) return;
  const step: Step = await db.transaction(async (tx) => {
    const [d] = await tx.select().from(deliveries).where(eq(deliveries.id, id)).for("update");
    if (!d || FINISHED.has(d.status)) return { go: false };
    const [person] = await tx
      .select({ phone: users.phone, locale: users.locale, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, d.userId));
    if (!person || person.disabledAt) return skipIn(tx, id, "account_closed", now);
    if (!(await takesSms(tx, d.userId, d.topic))) return skipIn(tx, id, "turned_off", now);
    if (stillTrue && !(await stillTrue(tx, d))) return skipIn(tx, id, "no_longer_true", now);
    // A send interrupted after it was counted is not counted again.
    if (
      d.status !== "sending" &&
      !(await takeFromDailyAllowance(tx, `sms-person:${d.userId}`, env.SMS_PER_PERSON_PER_DAY, 1, now))
    )
      return skipIn(tx, id, "daily_cap", now);
    const provider = smsProviderFrom(tx).name;
    const [taken] = await tx
      .update(deliveries)
      .set({
        status: "sending",
        attempts: sql`${deliveries.attempts} + 1`,
        recipient: person.phone,
        locale: asLocale(person.locale),
        provider,
        updatedAt: now,
      })
      .where(eq(deliveries.id, id))
      .returning();
    return { go: true, to: person.phone, locale: asLocale(person.locale), delivery: taken };
  });
  if (!step.go) return;
  const result = await smsProviderFrom(db).send({
    to: step.to,
    template: step.delivery.template,
    params: step.delivery.params,
    locale: step.locale,
    deliveryId: id,
  });
  if (result.ok) {
    await db
      .update(deliveries)
      .set({ status: "sent", providerMessageId: result.id, sentAt: new Date(), lastError: null, updatedAt: new Date() })
      .where(eq(deliveries.id, id));
    return;
  }
  await db
    .update(deliveries)
    .set({ status: run.lastTry ? "failed" : "retrying", lastError: result.error, updatedAt: new Date() })
    .where(eq(deliveries.id, id));
  if (!run.lastTry) throw new Error(`SMS not sent (${result.error}); it is tried again later.`);
}

async function skipIn(tx: DbOrTx, id: string, reason: SkipReason, now: Date) {
  await tx
    .update(deliveries)
    .set({ status: "skipped", skipReason: reason, updatedAt: now })
    .where(eq(deliveries.id, id));
  return { go: false } as const;
}
