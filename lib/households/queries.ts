import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { householdMembers } from "@/db/schema";
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
