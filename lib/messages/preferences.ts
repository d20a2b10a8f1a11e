import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { smsPreferences, users } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import type { Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { MESSAGE_LOCALES, MESSAGE_TOPICS, SMS_TOPIC_DEFAULTS, type MessageTopic } from "@/vocabulary/messages";

// Each person chooses which topics also come by text message, and the language they are written in.

export interface MessageSettings {
  phone: string;
  locale: (typeof MESSAGE_LOCALES)[number];
  sms: Record<MessageTopic, boolean>;
}

export async function getMessageSettings(db: DbOrTx, actor: Actor | null): Promise<Result<MessageSettings>> {
  if (!actor) return fail("unauthenticated");
  const [u] = await db.select({ phone: users.phone, locale: users.locale }).from(users).where(eq(users.id, actor.id));
  if (!u) return fail("not_found");
  const rows = await db
    .select({ topic: smsPreferences.topic, sms: smsPreferences.sms })
    .from(smsPreferences)
    .where(eq(smsPreferences.userId, actor.id));
  const sms = { ...SMS_TOPIC_DEFAULTS };
  for (const r of rows) sms[r.topic] = r.sms;
  return ok({ phone: u.phone, locale: u.locale, sms });
}

/** The form sends the topics ticked (absent: none) and the language. */
export const messageSettingsSchema = z.object({
  sms: z.preprocess(
    (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(MESSAGE_TOPICS, { error: "invalid" })).max(MESSAGE_TOPICS.length),
  ),
  locale: z.enum(MESSAGE_LOCALES, { error: "invalid" }),
});

export async function saveMessageSettings(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(messageSettingsSchema, input);
  if (!parsed.ok) return parsed;
  const ticked = new Set(parsed.data.sms);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ locale: parsed.data.locale }).where(eq(users.id, actor.id));
    const now = new Date();
    for (const topic of MESSAGE_TOPICS)
      await tx
        .insert(smsPreferences)
        .values({ userId: actor.id, topic, sms: ticked.has(topic), updatedAt: now })
        .onConflictDoUpdate({
          target: [smsPreferences.userId, smsPreferences.topic],
          set: { sms: ticked.has(topic), updatedAt: now },
        });
  });
  return ok(undefined);
}
