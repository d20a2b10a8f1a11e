import "server-only";
import { randomInt } from "node:crypto";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { deskResetCodes, userRoles, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { isAdmin, isOrganiser, type Actor } from "@/lib/actor";
import { refuse, writeAudit } from "@/lib/audit/log";
import type { RequestContext } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { RESET_CODE_RULES, resetCodeHash } from "@/lib/auth/reset-code";
import { RESET_CODE_ALPHABET, RESET_CODE_LENGTH } from "@/lib/auth/schemas";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { choosePasswordSchema, issueResetCodeSchema } from "./schemas";

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
