import { and, eq, sql } from "drizzle-orm";
import { households, userRoles, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { CODE_RULE, IP_RULE, PHONE_RULE, clearFailures, isLocked, recordFailure } from "@/lib/auth/throttle";
import { fail, ok, type Result } from "@/lib/result";
import { maskPhone, parseInput } from "@/lib/validation";
import { changePasswordSchema, linkHouseholdSchema, signInSchema, signUpSchema, updateProfileSchema } from "./schemas";

export interface RequestContext {
  ip?: string | null;
  now?: Date;
}

async function findHouseholdByCode(db: Db, code: string) {
  const [row] = await db.select({ id: households.id }).from(households).where(eq(households.code, code));
  return row ?? null;
}

/** A wrong household code counts against the person (or address) trying it. */
async function codeAttemptAllowed(db: Db, key: string, now: Date) {
  return !(await isLocked(db, key, now));
}

export async function signUp(
  db: Db,
  input: unknown,
  ctx: RequestContext = {},
): Promise<Result<{ userId: string; verified: boolean }>> {
  const parsed = parseInput(signUpSchema, input);
  if (!parsed.ok) return parsed;
  const { name, phone, password, householdCode } = parsed.data;
  const now = ctx.now ?? new Date();

  let householdId: string | null = null;
  if (householdCode) {
    const key = `code-ip:${ctx.ip ?? "unknown"}`;
    if (!(await codeAttemptAllowed(db, key, now))) return fail("throttled");
    const household = await findHouseholdByCode(db, householdCode);
    if (!household) {
      await recordFailure(db, key, CODE_RULE, now);
      return fail("invalid", { householdCode: ["household_code_invalid"] });
    }
    householdId = household.id;
  }

  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        name,
        phone,
        passwordHash,
        householdId,
        verifiedAt: householdId ? now : null,
        verifiedBy: householdId ? "code" : null,
      })
      .onConflictDoNothing({ target: users.phone })
      .returning({ id: users.id });
    if (!user) return fail("invalid", { phone: ["phone_taken"] });
    await tx.insert(userRoles).values({ userId: user.id, role: "resident" });
    await writeAudit(tx, {
      actorId: user.id,
      action: "auth.sign_up",
      targetType: "user",
      targetId: user.id,
      ip: ctx.ip,
      details: { verified: !!householdId },
    });
    return ok({ userId: user.id, verified: !!householdId });
  });
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

  if ((await isLocked(db, phoneKey, now)) || (await isLocked(db, ipKey, now))) {
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
    const lockedNow =
      (await recordFailure(db, phoneKey, PHONE_RULE, now)) || (await recordFailure(db, ipKey, IP_RULE, now));
    await writeAudit(db, {
      actorId: user?.id ?? null,
      action: "auth.sign_in",
      outcome: "refused",
      ip,
      details: { phone: maskPhone(phone), reason: user?.disabledAt && good ? "disabled" : "bad_credentials" },
    });
    if (good && user?.disabledAt) return fail("account_disabled");
    return fail(lockedNow ? "throttled" : "invalid_credentials");
  }

  await clearFailures(db, phoneKey);
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

export async function linkHousehold(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: RequestContext = {},
): Promise<Result<{ householdId: string }>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(linkHouseholdSchema, input);
  if (!parsed.ok) return parsed;
  const now = ctx.now ?? new Date();
  const key = `code-user:${actor.id}`;
  if (!(await codeAttemptAllowed(db, key, now))) return fail("throttled");
  const household = await findHouseholdByCode(db, parsed.data.householdCode);
  if (!household) {
    await recordFailure(db, key, CODE_RULE, now);
    return fail("invalid", { householdCode: ["household_code_invalid"] });
  }
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ householdId: household.id, verifiedAt: now, verifiedBy: "code" })
      .where(eq(users.id, actor.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "residents.verify_by_code",
      targetType: "household",
      targetId: household.id,
      ip: ctx.ip,
    });
    return ok({ householdId: household.id });
  });
}

export async function changePassword(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: RequestContext = {},
): Promise<Result<undefined>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(changePasswordSchema, input);
  if (!parsed.ok) return parsed;
  const [user] = await db
    .select({ passwordHash: users.passwordHash, phone: users.phone })
    .from(users)
    .where(eq(users.id, actor.id));
  if (!user) return fail("unauthenticated");
  if (!(await verifyPassword(parsed.data.currentPassword, user.passwordHash))) {
    return fail("invalid", { currentPassword: ["wrong_password"] });
  }
  if (parsed.data.newPassword === user.phone) return fail("invalid", { newPassword: ["password_is_phone"] });
  const passwordHash = await hashPassword(parsed.data.newPassword);
  const now = ctx.now ?? new Date();
  await db.transaction(async (tx) => {
    // Other devices signed in with the old password are signed out.
    await tx.update(users).set({ passwordHash, tokensValidAfter: now }).where(eq(users.id, actor.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "auth.change_password",
      targetType: "user",
      targetId: actor.id,
      ip: ctx.ip,
    });
  });
  return ok(undefined);
}

export async function updateProfile(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(updateProfileSchema, input);
  if (!parsed.ok) return parsed;
  await db.update(users).set({ name: parsed.data.name }).where(eq(users.id, actor.id));
  return ok(undefined);
}

/** The actor behind a session token, or null when the account is gone, disabled or signed out since. */
export async function loadActor(db: Db, userId: string, authAt: number): Promise<Actor | null> {
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
