import { and, eq, gt, sql } from "drizzle-orm";
import { throttles } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

export interface ThrottleRule {
  /** Failures allowed inside the window before the key is locked. */
  limit: number;
  windowMs: number;
  lockMs: number;
}

/** 10 consecutive failures for one phone number lock it for 15 minutes. */
export const PHONE_RULE: ThrottleRule = { limit: 10, windowMs: 24 * 3600_000, lockMs: 15 * 60_000 };
/** 100 failures a day from one address lock it for an hour. */
export const IP_RULE: ThrottleRule = { limit: 100, windowMs: 24 * 3600_000, lockMs: 3600_000 };
/** Household codes: 10 wrong codes a day per person or address. */
export const CODE_RULE: ThrottleRule = { limit: 10, windowMs: 24 * 3600_000, lockMs: 24 * 3600_000 };

/** True while the key is locked. */
export async function isLocked(db: DbOrTx, key: string, now = new Date()): Promise<boolean> {
  const rows = await db
    .select({ key: throttles.key })
    .from(throttles)
    .where(and(eq(throttles.key, key), gt(throttles.lockedUntil, now)));
  return rows.length > 0;
}

/**
 * Counts one failure atomically (one upsert, so parallel failures all count) and locks the key
 * when the count reaches the limit. Returns true when the key is now locked.
 */
export async function recordFailure(db: DbOrTx, key: string, rule: ThrottleRule, now = new Date()): Promise<boolean> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const lockUntil = new Date(now.getTime() + rule.lockMs);
  const [row] = await db
    .insert(throttles)
    .values({ key, failures: 1, windowStart: now, lockedUntil: rule.limit <= 1 ? lockUntil : null })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        // A window that has passed, or a lock that has expired, starts the count again.
        failures: sql`case when ${throttles.windowStart} < ${windowStart.toISOString()}::timestamptz
          or ${throttles.lockedUntil} <= ${now.toISOString()}::timestamptz then 1 else ${throttles.failures} + 1 end`,
        windowStart: sql`case when ${throttles.windowStart} < ${windowStart.toISOString()}::timestamptz
          or ${throttles.lockedUntil} <= ${now.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${throttles.windowStart} end`,
        lockedUntil: sql`case when (case when ${throttles.windowStart} < ${windowStart.toISOString()}::timestamptz
          or ${throttles.lockedUntil} <= ${now.toISOString()}::timestamptz then 1 else ${throttles.failures} + 1 end) >= ${rule.limit}
          then ${lockUntil.toISOString()}::timestamptz else ${throttles.lockedUntil} end`,
      },
    })
    .returning({ lockedUntil: throttles.lockedUntil });
  return !!row?.lockedUntil && row.lockedUntil > now;
}

export interface Attempt {
  /** False when the key was already locked: the attempt must not be checked at all. */
  allowed: boolean;
  /** True when this attempt was the last one allowed: if it fails, the key is locked from now. */
  last: boolean;
}

/**
 * Counts an attempt and decides whether it may go ahead, in one upsert, before the costly check:
 * parallel attempts queue on the row, so no more than `limit` of them in a window are ever allowed,
 * however many arrive at once (a lock read first and a failure written after the check let a whole
 * burst through). The attempt that reaches the limit starts the lock; a success lifts it again
 * (`clearFailures`, `refundAttempt`). A passed window or an expired lock starts the count again.
 */
export async function countAttempt(db: DbOrTx, key: string, rule: ThrottleRule, now = new Date()): Promise<Attempt> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowStart = sql`${new Date(now.getTime() - rule.windowMs).toISOString()}::timestamptz`;
  const lockUntil = sql`${new Date(now.getTime() + rule.lockMs).toISOString()}::timestamptz`;
  const restart = sql`(${throttles.windowStart} < ${windowStart} or ${throttles.lockedUntil} <= ${at})`;
  const count = sql`(case when ${restart} then 1 else ${throttles.failures} + 1 end)`;
  const [row] = await db
    .insert(throttles)
    .values({ key, failures: 1, windowStart: now, lockedUntil: rule.limit <= 1 ? sql`${lockUntil}` : null })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        failures: count,
        windowStart: sql`case when ${restart} then ${at} else ${throttles.windowStart} end`,
        lockedUntil: sql`case when ${restart} then ${rule.limit <= 1 ? lockUntil : sql`null`}
          when ${count} = ${rule.limit} then ${lockUntil} else ${throttles.lockedUntil} end`,
      },
    })
    .returning({ failures: throttles.failures });
  const n = row?.failures ?? 1;
  return { allowed: n <= rule.limit, last: n === rule.limit };
}

/**
 * A success gives its attempt back (for a key shared by many people, such as an address), and
 * lifts a lock that only this attempt had started.
 */
export async function refundAttempt(db: DbOrTx, key: string, rule: ThrottleRule): Promise<void> {
  await db
    .update(throttles)
    .set({
      failures: sql`greatest(${throttles.failures} - 1, 0)`,
      lockedUntil: sql`case when ${throttles.failures} - 1 < ${rule.limit} then null else ${throttles.lockedUntil} end`,
    })
    .where(eq(throttles.key, key));
}

/** A success clears the consecutive-failure count of that key. */
export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.delete(throttles).where(eq(throttles.key, key));
}
