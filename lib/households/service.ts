import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { householdMembers, households } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { isUniqueViolation } from "@/db/errors";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { addMemberSchema, editMemberSchema, removeMemberSchema } from "./schemas";

// A household's members without an account: added, corrected and removed by an organiser at the
// desk (any household) or by a verified account of the household on /me (its own only).

/** May this actor change the members of this household? */
export function canManageMembers(actor: Actor | null, householdId: string): boolean {
  if (!actor) return false;
  if (isOrganiser(actor)) return true;
  return actor.verified && actor.householdId === householdId;
}

/** The desk convention: an organiser acting for someone else's household says so in the log. */
function auditDetails(actor: Actor, householdId: string, memberId?: string) {
  const atDesk = isOrganiser(actor) && actor.householdId !== householdId;
  return atDesk ? { atDesk: true, ...(memberId ? { forMemberId: memberId } : {}) } : {};
}

async function nameTaken(db: DbOrTx, householdId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: householdMembers.id })
    .from(householdMembers)
    .where(
      and(
        eq(householdMembers.householdId, householdId),
        sql`lower(${householdMembers.name}) = lower(${name})`,
        isNull(householdMembers.removedAt),
        exceptId ? ne(householdMembers.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return !!row;
}

const futureYear = (birthYear: number, now: Date) => birthYear > now.getFullYear();

export async function addMember(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ id: string }>> {
  if (!actor) return refuse(db, null, "households.add_member");
  const parsed = parseInput(addMemberSchema, input);
  if (!parsed.ok) return parsed;
  const { householdId, name, birthYear, relation } = parsed.data;
  if (!canManageMembers(actor, householdId)) return refuse(db, actor.id, "households.add_member", { householdId });
  const now = ctx.now ?? new Date();
  if (futureYear(birthYear, now)) return fail("invalid", { birthYear: ["birth_year_future"] });
  const [household] = await db.select({ id: households.id }).from(households).where(eq(households.id, householdId));
  if (!household) return fail("not_found");
  if (await nameTaken(db, householdId, name)) return fail("invalid", { name: ["member_name_taken"] });
  return db.transaction(async (tx) => {
    // The partial unique index decides between two people adding the same name at once.
    const [row] = await tx
      .insert(householdMembers)
      .values({ householdId, name, birthYear, relation, addedBy: actor.id })
      .onConflictDoNothing()
      .returning({ id: householdMembers.id });
    if (!row) return fail("invalid", { name: ["member_name_taken"] });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "households.add_member",
      targetType: "household_member",
      targetId: row.id,
      ip: actor.ip,
      details: { householdId, ...auditDetails(actor, householdId, row.id) },
    });
    return ok({ id: row.id });
  });
}

async function findMember(db: DbOrTx, id: string) {
  const [m] = await db
    .select({
      id: householdMembers.id,
      householdId: householdMembers.householdId,
      removedAt: householdMembers.removedAt,
    })
    .from(householdMembers)
    .where(eq(householdMembers.id, id));
  return m ?? null;
}

/**
 * The member a correction or a removal is about, once the actor may touch it. Someone who may
 * not learns nothing of whether it exists; a removed one is gone for everyone.
 */
async function memberFor(db: Db, actor: Actor, id: string, action: string) {
  const member = await findMember(db, id);
  if (!member || !canManageMembers(actor, member.householdId)) {
    if (!member && isOrganiser(actor)) return { ok: false as const, result: fail("not_found") };
    return { ok: false as const, result: await refuse(db, actor.id, action, { memberId: id }) };
  }
  if (member.removedAt) return { ok: false as const, result: fail("not_found") };
  return { ok: true as const, member };
}

export async function editMember(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<undefined>> {
  if (!actor) return refuse(db, null, "households.edit_member");
  const parsed = parseInput(editMemberSchema, input);
  if (!parsed.ok) return parsed;
  const { id, name, birthYear, relation } = parsed.data;
  const found = await memberFor(db, actor, id, "households.edit_member");
  if (!found.ok) return found.result;
  const { member } = found;
  if (futureYear(birthYear, ctx.now ?? new Date())) return fail("invalid", { birthYear: ["birth_year_future"] });
  if (await nameTaken(db, member.householdId, name, id)) return fail("invalid", { name: ["member_name_taken"] });
  return db.transaction(async (tx) => {
    try {
      // A savepoint: someone may take the name between the check and the update.
      await tx.transaction((sp) =>
        sp
          .update(householdMembers)
          .set({ name, birthYear, relation })
          .where(and(eq(householdMembers.id, id), isNull(householdMembers.removedAt))),
      );
    } catch (e) {
      if (isUniqueViolation(e)) return fail("invalid", { name: ["member_name_taken"] });
      throw e;
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "households.edit_member",
      targetType: "household_member",
      targetId: id,
      ip: actor.ip,
      details: { householdId: member.householdId, ...auditDetails(actor, member.householdId, id) },
    });
    return ok(undefined);
  });
}

/** A member who moved out or died: kept for the registrations and ballots that name them. */
export async function removeMember(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<undefined>> {
  if (!actor) return refuse(db, null, "households.remove_member");
  const parsed = parseInput(removeMemberSchema, input);
  if (!parsed.ok) return parsed;
  const { id } = parsed.data;
  const found = await memberFor(db, actor, id, "households.remove_member");
  if (!found.ok) return found.result;
  const { member } = found;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(householdMembers)
      .set({ removedAt: ctx.now ?? new Date() })
      .where(and(eq(householdMembers.id, id), isNull(householdMembers.removedAt)))
      .returning({ id: householdMembers.id });
    if (!row) return fail("not_found");
    await writeAudit(tx, {
      actorId: actor.id,
      action: "households.remove_member",
      targetType: "household_member",
      targetId: id,
      ip: actor.ip,
      details: { householdId: member.householdId, ...auditDetails(actor, member.householdId, id) },
    });
    return ok(undefined);
  });
}
