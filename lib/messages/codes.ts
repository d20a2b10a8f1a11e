import "server-only";
import { createHmac, randomInt } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { phoneCodes, smsQuotas } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { env } from "@/env";
import { getAuthSecret } from "@/lib/auth/secret";
import type { CodePurpose } from "@/vocabulary/messages";

/** One-time codes by SMS: how long one lives, how often one may be asked for. */
export const CODE_RULES = {
  digits: 6,
  lifetimeMs: 10 * 60_000,
  maxAttempts: 5,
  resendAfterMs: 60_000,
  perNumberPerHour: 5,
} as const;

/** 20 a day from one client address unless SMS_CODES_PER_ADDRESS_PER_DAY says otherwise. */
export const perAddressPerDay = () => env.SMS_CODES_PER_ADDRESS_PER_DAY;

/**
 * Only an HMAC of the code is stored, keyed with the server's secret and bound to the number and
 * the purpose: a copy of the database alone does not give the codes, and a sign-up code is no
 * reset code. A slow hash would add nothing to a 6-digit code, which only 5 tries protect.
 */
const codeHash = (phone: string, purpose: CodePurpose, code: string) =>
  createHmac("sha256", getAuthSecret()).update(`${purpose}:${phone}:${code}`).digest("base64url");

export type SendDecision = "ok" | "too_soon" | "too_many";

/** Marks a refused reservation so the transaction rolls back what it counted. */
class QuotaRefused extends Error {}

/**
 * Counts one SMS against the number (an hour's window), the number for this purpose (a minute's
 * pause since the last one) and the client's address (a day's window), deciding every limit in one
 * upsert: the rows are locked as they are counted, in the same order by every request, so
 * parallel requests queue behind each other and cannot pass a limit. When any key refuses, the
 * transaction rolls back and nothing is counted.
 */
export async function reserveSend(
  db: Db,
  phone: string,
  purpose: CodePurpose,
  ip: string,
  now: Date,
  onReserved?: (tx: DbOrTx) => Promise<void>,
): Promise<SendDecision> {
  const pauseKey = `pause:${purpose}:${phone}`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const kind = (prefix: string) => sql`${smsQuotas.key} like ${`${prefix}:%`}`;
  const windowOver = sql`${smsQuotas.windowStart} <= ${at} - case when ${kind("phone")} then interval '1 hour' else interval '1 day' end`;
  const pause = sql.raw(`interval '${CODE_RULES.resendAfterMs / 1000} seconds'`);
  try {
    await db.transaction(async (tx) => {
      const row = (key: string) => ({ key, sent: 1, windowStart: now, lastSentAt: now });
      const rows = await tx
        .insert(smsQuotas)
        .values([row(`phone:${phone}`), row(pauseKey), row(`ip:${ip}`)])
        .onConflictDoUpdate({
          target: smsQuotas.key,
          set: {
            sent: sql`case when ${windowOver} then 1 else ${smsQuotas.sent} + 1 end`,
            windowStart: sql`case when ${windowOver} then ${at} else ${smsQuotas.windowStart} end`,
            lastSentAt: at,
          },
          setWhere: sql`case
            when ${kind("pause")} then ${smsQuotas.lastSentAt} <= ${at} - ${pause}
            when ${kind("phone")} then ${windowOver} or ${smsQuotas.sent} < ${CODE_RULES.perNumberPerHour}::int
            else ${windowOver} or ${smsQuotas.sent} < ${perAddressPerDay()}::int end`,
        })
        .returning({ key: smsQuotas.key });
      if (rows.length < 3) throw new QuotaRefused();
      await onReserved?.(tx);
    });
    return "ok";
  } catch (e) {
    if (!(e instanceof QuotaRefused)) throw e;
    const [last] = await db.select({ at: smsQuotas.lastSentAt }).from(smsQuotas).where(eq(smsQuotas.key, pauseKey));
    return last && now.getTime() - last.at.getTime() < CODE_RULES.resendAfterMs ? "too_soon" : "too_many";
  }
}

/** A fresh code for the number and purpose; it replaces any earlier one. Returns the code itself. */
export async function issueCode(db: DbOrTx, phone: string, purpose: CodePurpose, now: Date): Promise<string> {
  const code = String(randomInt(0, 10 ** CODE_RULES.digits)).padStart(CODE_RULES.digits, "0");
  const values = {
    codeHash: codeHash(phone, purpose, code),
    attempts: 0,
    createdAt: now,
    expiresAt: new Date(now.getTime() + CODE_RULES.lifetimeMs),
    consumedAt: null,
  };
  await db
    .insert(phoneCodes)
    .values({ phone, purpose, ...values })
    .onConflictDoUpdate({ target: [phoneCodes.phone, phoneCodes.purpose], set: values });
  return code;
}

/**
 * One try at the code, counted and decided in one update: a right code within its lifetime and
 * its tries is used up; a wrong one costs a try. No live code (never sent, expired, used, tried
 * too often) answers false the same way, so the answer tells nothing about the number.
 */
export async function consumeCode(
  db: DbOrTx,
  phone: string,
  purpose: CodePurpose,
  code: string,
  now: Date,
): Promise<boolean> {
  const hash = codeHash(phone, purpose, code);
  const rows = await db
    .update(phoneCodes)
    .set({
      attempts: sql`${phoneCodes.attempts} + 1`,
      consumedAt: sql`case when ${phoneCodes.codeHash} = ${hash} then ${now.toISOString()}::timestamptz end`,
    })
    .where(
      and(
        eq(phoneCodes.phone, phone),
        eq(phoneCodes.purpose, purpose),
        isNull(phoneCodes.consumedAt),
        gt(phoneCodes.expiresAt, now),
        lt(phoneCodes.attempts, CODE_RULES.maxAttempts),
      ),
    )
    .returning({ consumedAt: phoneCodes.consumedAt });
  return !!rows[0]?.consumedAt;
}
