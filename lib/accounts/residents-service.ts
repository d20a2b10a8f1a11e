import "server-only";
import { and, eq } from "drizzle-orm";
import { userRoles, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isAdmin, isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { changeHousehold } from "./household-change";
import { canGrantRole, canVerifyResidents } from "./permissions";
import { roleChangeSchema, verifyResidentSchema } from "./schemas";
import { z } from "zod";

/**
 * An organiser verifies a resident in person: with the household they live in (required when
 * the resident has none yet), or unverifies them. Every change is in the audit log.
 */
export async function setResidentVerified(
  db: Db,
  actor: Actor | null,
  input: unknown,
  verified: boolean,
): Promise<Result<undefined>> {
  if (!canVerifyResidents(actor)) return refuse(db, actor?.id, verified ? "residents.verify" : "residents.unverify");
  const parsed = parseInput(verifyResidentSchema, input);
  if (!parsed.ok) return parsed;
  const { userId, householdId } = parsed.data;
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, householdId: users.householdId })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!user) return fail("not_found");
    if (verified) {
      const target = householdId ?? user.householdId;
      if (!target) return fail("invalid", { householdId: ["household_required"] });
      // The same rules and the same audit entry as anyone's change, the organiser's own included.
      const changed = await changeHousehold(tx, {
        userId,
        householdId: target,
        by: "organiser",
        actorId: actor!.id,
        action: "residents.verify",
        ip: actor!.ip,
        now: new Date(),
      });
      if (changed.ok) return ok(undefined);
      return changed.code === "not_found" ? fail("invalid", { householdId: ["household_required"] }) : changed;
    }
    await tx.update(users).set({ verifiedAt: null, verifiedBy: null }).where(eq(users.id, userId));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "residents.unverify",
      targetType: "user",
      targetId: userId,
    });
    return ok(undefined);
  });
}

/** Organisers grant or revoke the volunteer role; only an admin grants or revokes organiser and admin. */
export async function changeRole(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  const parsed = parseInput(roleChangeSchema, input);
  if (!parsed.ok) return isOrganiser(actor) ? parsed : refuse(db, actor?.id, "roles.change");
  const { userId, role, grant } = parsed.data;
  if (!canGrantRole(actor, role))
    return refuse(db, actor?.id, grant ? "roles.grant" : "roles.revoke", { role, userId });
  // An admin cannot remove their own admin role (someone must always be able to manage staff).
  if (!grant && userId === actor!.id && role === "admin") return fail("cannot_change_self");
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) return fail("not_found");
    if (grant) {
      await tx.insert(userRoles).values({ userId, role, grantedBy: actor!.id }).onConflictDoNothing();
    } else {
      await tx.delete(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)));
    }
    // A changed role takes effect at once: sessions carry no roles, they are read per request.
    await writeAudit(tx, {
      actorId: actor!.id,
      action: grant ? "roles.grant" : "roles.revoke",
      targetType: "user",
      targetId: userId,
      details: { role },
    });
    return ok(undefined);
  });
}

const disableSchema = z.object({ userId: z.uuid({ error: "invalid" }), disabled: z.boolean() });

/**
 * Disabling an account signs it out everywhere. Organisers may disable residents and
 * volunteers; staff accounts (organiser, admin) only an admin; nobody disables themselves.
 */
export async function setAccountDisabled(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!canVerifyResidents(actor)) return refuse(db, actor?.id, "accounts.disable");
  const parsed = parseInput(disableSchema, input);
  if (!parsed.ok) return parsed;
  const { userId, disabled } = parsed.data;
  if (userId === actor!.id) return fail("cannot_change_self");
  return db.transaction(async (tx) => {
    const roles = await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
    const staff = roles.some((r) => r.role === "organiser" || r.role === "admin");
    if (staff && !isAdmin(actor))
      return refuse(tx, actor!.id, disabled ? "accounts.disable" : "accounts.enable", { userId });
    const now = new Date();
    const [row] = await tx
      .update(users)
      .set(disabled ? { disabledAt: now, tokensValidAfter: now } : { disabledAt: null })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!row) return fail("not_found");
    await writeAudit(tx, {
      actorId: actor!.id,
      action: disabled ? "accounts.disable" : "accounts.enable",
      targetType: "user",
      targetId: userId,
    });
    return ok(undefined);
  });
}
