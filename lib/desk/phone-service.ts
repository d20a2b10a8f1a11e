import "server-only";
import { eq, sql } from "drizzle-orm";
import { userRoles, users } from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import type { Db } from "@/db/types";
import { isAdmin, isOrganiser, type Actor } from "@/lib/actor";
import { refuse, writeAudit } from "@/lib/audit/log";
import type { CodeContext } from "@/lib/accounts/phone-service";
import { CODE_RULES, consumeCode, issueCode, reserveSend } from "@/lib/messages/codes";
import { smsProviderFrom } from "@/lib/messages/providers";
import { asLocale } from "@/lib/messages/texts";
import { fail, ok, type Result } from "@/lib/result";
import { maskPhone, parseInput } from "@/lib/validation";
import { deskPhoneChangeSchema, deskPhoneCodeSchema } from "./schemas";

// Correcting a mistyped number at the desk: a code goes to the new number through the configured
// provider (with the same limits as every code), the resident reads it out, the organiser types
// it, and the number changes. A number that another account holds is refused as "taken", and
// nothing about that account is said.

type Target = { id: string; phone: string };

async function targetFor(
  db: Db,
  actor: Actor,
  userId: string,
  action: string,
): Promise<Result<Target> | { ok: false; code: "forbidden" }> {
  const [u] = await db
    .select({
      id: users.id,
      phone: users.phone,
      staff: sql<boolean>`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} in ('organiser', 'admin'))`,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!u) return fail("not_found");
  // A staff account's number is how it signs in: only an admin corrects it for someone else.
  if (u.staff && !isAdmin(actor) && u.id !== actor.id)
    return refuse(db, actor.id, action, { atDesk: true, forUserId: userId, reason: "staff_account" });
  return ok({ id: u.id, phone: u.phone });
}

const takenBy = async (db: Db, phone: string, userId: string) => {
  const [other] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
  return !!other && other.id !== userId;
};

/** Step 1: a code to the new number. */
export async function sendPhoneChangeCode(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: CodeContext = {},
): Promise<Result<{ phone: string }>> {
  if (!actor || !isOrganiser(actor)) return refuse(db, actor?.id, "desk.phone_code", { atDesk: true });
  const parsed = parseInput(deskPhoneCodeSchema, input);
  if (!parsed.ok) return parsed;
  const { userId, newPhone } = parsed.data;
  const target = await targetFor(db, actor, userId, "desk.phone_code");
  if (!target.ok) return target;
  if (target.data.phone === newPhone) return fail("invalid", { newPhone: ["phone_same"] });
  if (await takenBy(db, newPhone, userId)) return fail("invalid", { newPhone: ["phone_taken"] });
  const now = ctx.now ?? new Date();
  const ip = ctx.ip ?? actor.ip ?? "unknown";
  let code = "";
  const decision = await reserveSend(db, newPhone, "change_phone", ip, now, async (tx) => {
    code = await issueCode(tx, newPhone, "change_phone", now);
  });
  if (decision !== "ok") {
    await writeAudit(db, {
      actorId: actor.id,
      action: "desk.phone_code",
      outcome: "refused",
      ip,
      details: { atDesk: true, forUserId: userId, reason: decision },
    });
    return fail(decision === "too_soon" ? "code_too_soon" : "throttled");
  }
  const sent = await (ctx.sms ?? smsProviderFrom(db)).send({
    to: newPhone,
    template: "phone_change_code",
    params: { code, minutes: String(CODE_RULES.lifetimeMs / 60_000) },
    locale: asLocale(ctx.locale),
  });
  if (!sent.ok) {
    console.error(`[linli] SMS to ${newPhone} failed: ${sent.error}`);
    return fail("sms_failed");
  }
  await writeAudit(db, {
    actorId: actor.id,
    action: "desk.phone_code",
    targetType: "user",
    targetId: userId,
    ip,
    details: { atDesk: true, forUserId: userId, to: maskPhone(newPhone) },
  });
  return ok({ phone: newPhone });
}

/** Step 2: the code read out by the resident proves the new number; the account takes it. */
export async function changePhoneAtDesk(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: CodeContext = {},
): Promise<Result<{ phone: string }>> {
  if (!actor || !isOrganiser(actor)) return refuse(db, actor?.id, "desk.change_phone", { atDesk: true });
  const parsed = parseInput(deskPhoneChangeSchema, input);
  if (!parsed.ok) return parsed;
  const { userId, newPhone, code } = parsed.data;
  const target = await targetFor(db, actor, userId, "desk.change_phone");
  if (!target.ok) return target;
  if (await takenBy(db, newPhone, userId)) return fail("invalid", { newPhone: ["phone_taken"] });
  const now = ctx.now ?? new Date();
  if (!(await consumeCode(db, newPhone, "change_phone", code, now))) return fail("invalid", { code: ["code_invalid"] });
  try {
    return await db.transaction(async (tx) => {
      // A number taken since the check: the condition sees one already committed, the unique index
      // one being committed at the same moment (then the whole transaction rolls back).
      const [changed] = await tx
        .update(users)
        .set({ phone: newPhone, phoneConfirmedAt: now })
        .where(
          sql`${users.id} = ${userId} and not exists (select 1 from ${users} u2 where u2.phone = ${newPhone} and u2.id <> ${userId})`,
        )
        .returning({ id: users.id });
      if (!changed) return fail("invalid", { newPhone: ["phone_taken"] });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "desk.change_phone",
        targetType: "user",
        targetId: userId,
        ip: ctx.ip ?? actor.ip,
        details: { atDesk: true, forUserId: userId, from: maskPhone(target.data.phone), to: maskPhone(newPhone) },
      });
      return ok({ phone: newPhone });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return fail("invalid", { newPhone: ["phone_taken"] });
    throw e;
  }
}
