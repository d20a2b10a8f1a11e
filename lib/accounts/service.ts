import "server-only";
import { eq } from "drizzle-orm";
import { households, userRoles, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/actor";
import type { RequestContext } from "@/lib/auth/credentials";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { CODE_RULE, isLocked, recordFailure } from "@/lib/auth/throttle";
import { consumeCode } from "@/lib/messages/codes";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { changeHousehold } from "./household-change";
import { changePasswordSchema, linkHouseholdSchema, signUpSchema, updateProfileSchema } from "./schemas";

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
  ctx: RequestContext & { locale?: string } = {},
): Promise<Result<{ userId: string; verified: boolean; waiting: boolean }>> {
  const parsed = parseInput(signUpSchema, input);
  if (!parsed.ok) return parsed;
  const { name, phone, code, password, householdCode } = parsed.data;
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

  // A number that has an account was never sent a sign-up code (its owner got a note instead), so
  // taken and free numbers fail here alike: the answer tells nothing about who has an account.
  if (!(await consumeCode(db, phone, "sign_up", code, now))) return fail("invalid", { code: ["code_invalid"] });

  const passwordHash = await hashPassword(password);
  const refused = Symbol("household gone");
  return db
    .transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        // Their text messages are written in the language they signed up in (changeable on /me).
        .values({ name, phone, passwordHash, phoneConfirmedAt: now, locale: ctx.locale === "en" ? "en" : "zh-CN" })
        .onConflictDoNothing({ target: users.phone })
        .returning({ id: users.id });
      if (!user) return fail("invalid", { code: ["code_invalid"] });
      await tx.insert(userRoles).values({ userId: user.id, role: "resident" });
      // A new account has cast no ballot, so the code can only verify it or queue it.
      const linked = householdId
        ? await changeHousehold(tx, {
            userId: user.id,
            householdId,
            by: "code",
            actorId: user.id,
            action: "residents.verify_by_code",
            ip: ctx.ip,
            now,
          })
        : null;
      // Only a household removed since the code was read gets here: nothing is written.
      if (linked && !linked.ok) throw refused;
      const verified = linked?.data.status === "verified";
      await writeAudit(tx, {
        actorId: user.id,
        action: "auth.sign_up",
        targetType: "user",
        targetId: user.id,
        ip: ctx.ip,
        details: { verified },
      });
      return ok({ userId: user.id, verified, waiting: linked?.data.status === "waiting" });
    })
    .catch((e: unknown) => {
      if (e === refused) return fail("invalid", { householdCode: ["household_code_invalid"] });
      throw e;
    });
}

export async function linkHousehold(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: RequestContext = {},
): Promise<Result<{ householdId: string; status: "verified" | "waiting" }>> {
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
    const linked = await changeHousehold(tx, {
      userId: actor.id,
      householdId: household.id,
      by: "code",
      actorId: actor.id,
      action: "residents.verify_by_code",
      ip: ctx.ip,
      now,
    });
    if (!linked.ok) return linked;
    return ok({ householdId: household.id, status: linked.data.status });
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
