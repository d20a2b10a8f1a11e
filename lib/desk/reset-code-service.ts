import "server-only";
import { createHmac, randomInt } from "node:crypto";
import { and, eq, gt, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { deskResetCodes, userRoles, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { isAdmin, isOrganiser, type Actor } from "@/lib/actor";
import { refuse, writeAudit } from "@/lib/audit/log";
import type { RequestContext } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { getAuthSecret } from "@/lib/auth/secret";
import { IP_RULE, PHONE_RULE, clearFailures, countAttempt, refundAttempt } from "@/lib/auth/throttle";
import { fail, ok, type Result } from "@/lib/result";
import { maskPhone, parseInput } from "@/lib/validation";
import {
  RESET_CODE_ALPHABET,
  RESET_CODE_LENGTH,
  choosePasswordSchema,
  issueResetCodeSchema,
  resetCodeSignInSchema,
} from "./schemas";

/** A desk reset code lives a day and allows five tries; after that it is void. */
export const RESET_CODE_RULES = { lifetimeMs: 24 * 3600_000, maxAttempts: 5 } as const;

/**
 * Only an HMAC is kept, keyed with the server's secret and bound to the account: a copy of the
 * database alone gives no codes. 20^8 codes and five tries make a slow hash unnecessary.
 */
export const resetCodeHash = (userId: string, code: string) =>
  createHmac("sha256", getAuthSecret()).update(`desk-reset:${userId}:${code}`).digest("base64url");

export function generateResetCode(): string {
  let code = "";
  for (let i = 0; i < RESET_CODE_LENGTH; i++) code += RESET_CODE_ALPHABET[randomInt(RESET_CODE_ALPHABET.length)];
  return code;
}

export interface IssuedResetCode {
  code: string;
  expiresAt: Date;
  name: string;
  phone: string;
}

/**
 * An organiser at the desk gives an account a one-time reset code, replacing any earlier one. An
 * organiser cannot reset a staff account (that would hand them its powers); an admin can.
 * The audit entry names who and for whom, never the code.
 */
export async function issueResetCode(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: RequestContext = {},
): Promise<Result<IssuedResetCode>> {
  if (!actor || !isOrganiser(actor)) return refuse(db, actor?.id, "desk.reset_code", { atDesk: true });
  const parsed = parseInput(issueResetCodeSchema, input);
  if (!parsed.ok) return parsed;
  const { userId } = parsed.data;
  const now = ctx.now ?? new Date();
  const [target] = await db
    .select({
      id: users.id,
      name: users.name,
      phone: users.phone,
      disabledAt: users.disabledAt,
      staff: sql<boolean>`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} in ('organiser', 'admin'))`,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!target) return fail("not_found");
  if (target.staff && !isAdmin(actor) && target.id !== actor.id)
    return refuse(db, actor.id, "desk.reset_code", { atDesk: true, forUserId: userId, reason: "staff_account" });
  if (target.disabledAt) return fail("account_disabled");
  const code = generateResetCode();
  const expiresAt = new Date(now.getTime() + RESET_CODE_RULES.lifetimeMs);
  const values = {
    codeHash: resetCodeHash(userId, code),
    attempts: 0,
    issuedBy: actor.id,
    createdAt: now,
    expiresAt,
    consumedAt: null,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(deskResetCodes)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: deskResetCodes.userId, set: values });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "desk.reset_code",
      targetType: "user",
      targetId: userId,
      ip: ctx.ip ?? actor.ip,
      details: { atDesk: true, forUserId: userId },
    });
  });
  return ok({ code, expiresAt, name: target.name, phone: target.phone });
}

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

/**
 * The password chosen right after signing in with a reset code. Only a session that a reset code
 * opened may choose it (its token says so, and every session older than the code's use has
 * ended), once per code, without the old password; every other session ends with it.
 */
export async function choosePasswordAfterReset(
  db: Db,
  session: { userId: string; mustChangePassword: boolean } | null,
  input: unknown,
  ctx: RequestContext = {},
): Promise<Result<{ phone: string }>> {
  if (!session?.mustChangePassword) return fail("forbidden");
  const parsed = parseInput(choosePasswordSchema, input);
  if (!parsed.ok) return parsed;
  const now = ctx.now ?? new Date();
  const [row] = await db
    .select({ phone: users.phone, consumedAt: deskResetCodes.consumedAt })
    .from(deskResetCodes)
    .innerJoin(users, eq(users.id, deskResetCodes.userId))
    .where(
      and(eq(deskResetCodes.userId, session.userId), isNotNull(deskResetCodes.consumedAt), isNull(users.disabledAt)),
    );
  if (!row) return fail("forbidden");
  if (parsed.data.newPassword === row.phone) return fail("invalid", { newPassword: ["password_is_phone"] });
  const passwordHash = await hashPassword(parsed.data.newPassword);
  return db.transaction(async (tx) => {
    // Deleting the used code is the guard: a second choice from the same session finds none.
    const used = await tx
      .delete(deskResetCodes)
      .where(and(eq(deskResetCodes.userId, session.userId), isNotNull(deskResetCodes.consumedAt)))
      .returning({ userId: deskResetCodes.userId });
    if (used.length === 0) return fail("forbidden");
    await tx.update(users).set({ passwordHash, tokensValidAfter: now }).where(eq(users.id, session.userId));
    await writeAudit(tx, {
      actorId: session.userId,
      action: "auth.choose_password",
      targetType: "user",
      targetId: session.userId,
      ip: ctx.ip,
    });
    return ok({ phone: row.phone });
  });
}
