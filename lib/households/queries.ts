import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { householdMembers, households, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { isUuid } from "@/lib/ids";
import type { MemberRelation } from "@/vocabulary/accounts";

export interface MemberRow {
  id: string;
  name: string;
  birthYear: number;
  relation: MemberRelation;
}

/** A household's living members: for an organiser, or for a verified account of that household. */
export async function listHouseholdMembers(
  db: DbOrTx,
  actor: Actor | null,
  householdId: string,
): Promise<Result<MemberRow[]>> {
  if (!isOrganiser(actor) && !(actor?.verified && actor.householdId === householdId)) return fail("forbidden");
  if (!isUuid(householdId)) return fail("not_found");
  const rows = await db
    .select({
      id: householdMembers.id,
      name: householdMembers.name,
      birthYear: householdMembers.birthYear,
      relation: householdMembers.relation,
    })
    .from(householdMembers)
    .where(and(eq(householdMembers.householdId, householdId), isNull(householdMembers.removedAt)))
    .orderBy(asc(householdMembers.birthYear), asc(householdMembers.name));
  return ok(rows);
}

export interface DeskHousehold {
  id: string;
  address: string;
  householderName: string | null;
}

/** The household a desk page is about (organisers only). */
export async function getDeskHousehold(
  db: DbOrTx,
  actor: Actor | null,
  householdId: string,
): Promise<Result<DeskHousehold | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!isUuid(householdId)) return ok(null);
  const [h] = await db
    .select({
      id: households.id,
      building: households.building,
      unit: households.unit,
      room: households.room,
      householderName: households.householderName,
    })
    .from(households)
    .where(eq(households.id, householdId));
  if (!h) return ok(null);
  return ok({ id: h.id, address: `${h.building} ${h.unit} ${h.room}`, householderName: h.householderName });
}

export interface DeskMember extends MemberRow {
  householdId: string;
  address: string;
}

/** A living member as the desk registers them (organisers only). */
export async function getDeskMember(
  db: DbOrTx,
  actor: Actor | null,
  memberId: string,
): Promise<Result<DeskMember | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!isUuid(memberId)) return ok(null);
  const [m] = await db
    .select({
      id: householdMembers.id,
      name: householdMembers.name,
      birthYear: householdMembers.birthYear,
      relation: householdMembers.relation,
      householdId: householdMembers.householdId,
      building: households.building,
      unit: households.unit,
      room: households.room,
    })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(and(eq(householdMembers.id, memberId), isNull(householdMembers.removedAt)));
  if (!m) return ok(null);
  const { building, unit, room, ...rest } = m;
  return ok({ ...rest, address: `${building} ${unit} ${room}` });
}

export interface DeskPerson {
  id: string;
  name: string;
  householdId: string | null;
  verified: boolean;
}

/** An account as the desk registers them (organisers only). */
export async function getDeskPerson(
  db: DbOrTx,
  actor: Actor | null,
  userId: string,
): Promise<Result<DeskPerson | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!isUuid(userId)) return ok(null);
  const [u] = await db
    .select({ id: users.id, name: users.name, householdId: users.householdId, verifiedAt: users.verifiedAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!u) return ok(null);
  return ok({ id: u.id, name: u.name, householdId: u.householdId, verified: !!u.verifiedAt });
}
