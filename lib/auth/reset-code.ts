import "server-only";
import { createHmac } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { deskResetCodes, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { writeAudit } from "@/lib/audit/log";
import { fail, ok, type Result } from "@/lib/result";
import { maskPhone, parseInput } from "@/lib/validation";
import type { RequestContext } from "./credentials";
import { resetCodeSignInSchema } from "./schemas";
import { getAuthSecret } from "./secret";
import { IP_RULE, PHONE_RULE, clearFailures, countAttempt, refundAttempt } from "./throttle";

// Signing in with the reset code an organiser printed at the service desk (lib/desk issues it):
// the next-auth options call this, so it lives with the other ways of signing in.

/** A desk reset code lives a day and allows five tries; after that it is void. */
export const RESET_CODE_RULES = { lifetimeMs: 24 * 3600_000, maxAttempts: 5 } as const;

/**
 * Only an HMAC is kept, keyed with the server's secret and bound to the account: a copy of the
 * database alone gives no codes. 20^8 codes and five tries make a slow hash unnecessary.
 */
export const resetCodeHash = (userId: string, code: string) =>
  createHmac("sha256", getAuthSecret()).update(`desk-reset:${userId}:${code}`).digest("base64url");

/**
 * One try at a reset code, counted and decided in one update: the right code, unused, within its
 * day and its five tries, is used up; a wrong one costs a try. Two sign-ins with the same code at
 * once queue on the row, and the second finds it used (`consumed_at is null` is read again after
 * the first commits).
 */
export async function consumeResetCode(db: Db, userId: string, code: string, now: Date): Promise<boolean> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const rows = await db
    .update(deskResetCodes)
    .set({
      attempts: sql`${deskResetCodes.attempts} + 1`,
      consumedAt: sql`case when ${deskResetCodes.codeHash} = ${resetCodeHash(userId, code)} then ${at} end`,
    })
    .where(
      and(
        eq(deskResetCodes.userId, userId),
        isNull(deskResetCodes.consumedAt),
        gt(deskResetCodes.expiresAt, now),
        lt(deskResetCodes.attempts, RESET_CODE_RULES.maxAttempts),
      ),
    )
    .returning({ consumedAt: deskResetCodes.consumedAt });
  return !!rows[0]?.consumedAt;
}

/**
 * Signing in with the number and a desk reset code: throttled like a password (per number and
 * per address, counted before the check), and the answer never says whether the number exists.
 * A good code ends every older session of the account; the new session may do nothing but
 * choose a password (`mustChangePassword`).
 */
export async function authenticateWithResetCode(
  db: Db,
  input: unknown,
  ctx: RequestContext = {},
): Promise<Result<{ userId: string; authAt: number }>> {
  const parsed = parseInput(resetCodeSignInSchema, input);
  if (!parsed.ok) return fail("invalid_credentials");
  const { phone, code } = parsed.data;
  const now = ctx.now ?? new Date();
  const ip = ctx.ip ?? "unknown";
  const phoneKey = `phone:${phone}`;
  const ipKey = `ip:${ip}`;
  const byPhone = await countAttempt(db, phoneKey, PHONE_RULE, now);
  const byIp = await countAttempt(db, ipKey, IP_RULE, now);
  const details = { phone: maskPhone(phone), method: "reset_code" };
  if (!byPhone.allowed || !byIp.allowed) {
    await writeAudit(db, {
      action: "auth.sign_in",
      outcome: "refused",
      ip,
      details: { ...details, reason: "throttled" },
    });
    return fail("throttled");
  }
  const [user] = await db
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.phone, phone));
  const good = !!user && !user.disabledAt && (await consumeResetCode(db, user.id, code, now));
  if (!good || !user) {
    await writeAudit(db, {
      actorId: user?.id ?? null,
      action: "auth.sign_in",
      outcome: "refused",
      ip,
      details: { ...details, reason: "bad_credentials" },
    });
    return fail(byPhone.last || byIp.last ? "throttled" : "invalid_credentials");
  }
  await clearFailures(db, phoneKey);
  await refundAttempt(db, ipKey, IP_RULE);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ tokensValidAfter: now }).where(eq(users.id, user.id));
    await writeAudit(tx, {
      actorId: user.id,
      action: "auth.sign_in",
      ip,
      targetType: "user",
      targetId: user.id,
      details,
    });
  });
  return ok({ userId: user.id, authAt: now.getTime() });
}
