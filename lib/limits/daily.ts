import "server-only";
import { sql } from "drizzle-orm";
import { dailyCounts } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

// A day's allowance for something a person may do only so often. The count is raised and the
// limit decided in one statement: the upsert only adds when the sum stays within the limit, so
// of many parallel requests exactly the allowed number get a row back.

/** The days are the community's (China Standard Time), so an allowance renews at local midnight. */
const dayOf = (now: Date) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);

/**
 * Takes `n` from today's allowance of `limit` for `key`. True when they were left (and are now
 * counted); false when they would pass the limit, and then nothing is counted.
 */
export async function takeFromDailyAllowance(
  db: DbOrTx,
  key: string,
  limit: number,
  n = 1,
  now = new Date(),
): Promise<boolean> {
  if (n > limit) return false;
  if (n <= 0) return true;
  const rows = await db
    .insert(dailyCounts)
    .values({ key, day: dayOf(now), count: n })
    .onConflictDoUpdate({
      target: [dailyCounts.key, dailyCounts.day],
      set: { count: sql`${dailyCounts.count} + excluded.count` },
      setWhere: sql`${dailyCounts.count} + excluded.count <= ${limit}`,
    })
    .returning({ count: dailyCounts.count });
  return rows.length > 0;
}

/**
 * How many numbers one account may look up in a day (co-performers, a partner, a nominee). Each
 * answer says whether a number has an account, so without a limit the forms would tell anyone
 * which numbers live in the community.
 */
export const PHONE_LOOKUPS_PER_DAY = 30;

/** Takes `n` phone lookups from the account's day; false when the day's lookups are used up. */
export const takePhoneLookups = (db: DbOrTx, userId: string, n: number, now = new Date()) =>
  takeFromDailyAllowance(db, `phone_lookup:${userId}`, PHONE_LOOKUPS_PER_DAY, n, now);
