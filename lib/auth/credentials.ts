import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { userRoles, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { writeAudit } from "@/lib/audit/log";
import { fail, ok, type Result } from "@/lib/result";
import { maskPhone, parseInput } from "@/lib/validation";
import type { Actor } from "@/lib/actor";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { sessionOutlived } from "./session-lifetime";
import { IP_RULE, PHONE_RULE, clearFailures, countAttempt, refundAttempt } from "./throttle";

// Signing in and out, and the account behind a session: what the next-auth options call. The
// accounts domain builds on these (and on the actor, the passwords and the throttles), never the
// other way round.

export interface RequestContext {
  ip?: string | null;
  now?: Date;
}

/**
 * Checks a phone number and password. Throttled per phone number (10 consecutive failures)
 * and per address (100 a day); the answer never says whether the number exists.
 * Every attempt, good or bad, is written to the audit log.
 */
export async function authenticate(
  db: Db,
  input: unknown,
  ctx: RequestContext = {},
): Promise<Result<{ userId: string; authAt: number }>> {
  const parsed = parseInput(signInSchema, input);
  if (!parsed.ok) return fail("invalid_credentials");
  const { phone, password } = parsed.data;
  const now = ctx.now ?? new Date();
  const ip = ctx.ip ?? "unknown";
  const phoneKey = `phone:${phone}`;
  const ipKey = `ip:${ip}`;

  // Counted before the password is checked, one statement per key, so a burst of guesses cannot
  // all pass a lock that none of them has written yet.
  const byPhone = await countAttempt(db, phoneKey, PHONE_RULE, now);
  const byIp = await countAttempt(db, ipKey, IP_RULE, now);
  if (!byPhone.allowed || !byIp.allowed) {
    await writeAudit(db, {
      action: "auth.sign_in",
      outcome: "refused",
      ip,
      details: { phone: maskPhone(phone), reason: "throttled" },
    });
    return fail("throttled");
  }

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.phone, phone));
  const good = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);

  if (!good || !user || user.disabledAt) {
    await writeAudit(db, {
      actorId: user?.id ?? null,
      action: "auth.sign_in",
      outcome: "refused",
      ip,
      details: { phone: maskPhone(phone), reason: user?.disabledAt && good ? "disabled" : "bad_credentials" },
    });
    if (good && user?.disabledAt) return fail("account_disabled");
    return fail(byPhone.last || byIp.last ? "throttled" : "invalid_credentials");
  }

  await clearFailures(db, phoneKey);
  await refundAttempt(db, ipKey, IP_RULE);
  await writeAudit(db, { actorId: user.id, action: "auth.sign_in", ip, targetType: "user", targetId: user.id });
  return ok({ userId: user.id, authAt: now.getTime() });
}

/** Signing out ends every session of the person that was issued before now. */
export async function signOutEverywhere(db: Db, userId: string, ctx: RequestContext = {}): Promise<void> {
  const now = ctx.now ?? new Date();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ tokensValidAfter: now }).where(eq(users.id, userId));
    await writeAudit(tx, {
      actorId: userId,
      action: "auth.sign_out",
      ip: ctx.ip,
      targetType: "user",
      targetId: userId,
    });
  });
}

/**
 * The actor behind a session token, or null when the account is gone, disabled or signed out
 * since, or the sign-in is older than the session lifetime.
 */
export async function loadActor(db: Db, userId: string, authAt: number, now = Date.now()): Promise<Actor | null> {
  if (sessionOutlived(authAt, now)) return null;
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      householdId: users.householdId,
      verifiedAt: users.verifiedAt,
      disabledAt: users.disabledAt,
      tokensValidAfter: users.tokensValidAfter,
      roles: sql<
        string[]
      >`coalesce((select array_agg(${userRoles.role} order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
    })
    .from(users)
    .where(and(eq(users.id, userId)));
  const u = rows[0];
  if (!u || u.disabledAt || u.tokensValidAfter.getTime() > authAt) return null;
  return {
    id: u.id,
    name: u.name,
    roles: u.roles as Actor["roles"],
    verified: !!u.verifiedAt,
    householdId: u.householdId,
  };
}
