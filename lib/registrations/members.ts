import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { householdMembers } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { ageFromBirthYear } from "@/lib/households/schemas";

/** A household member taking part: their name as kept, and their age this year. */
export interface TakingPart {
  id: string;
  name: string;
  age: number;
}

/** A living member of this household, or null (removed, unknown, or another household's). */
export async function memberTakingPart(
  db: DbOrTx,
  householdId: string,
  memberId: string,
  now: Date,
): Promise<TakingPart | null> {
  const [m] = await db
    .select({ id: householdMembers.id, name: householdMembers.name, birthYear: householdMembers.birthYear })
    .from(householdMembers)
    .where(
      and(
        eq(householdMembers.id, memberId),
        eq(householdMembers.householdId, householdId),
        isNull(householdMembers.removedAt),
      ),
    );
  if (!m) return null;
  return { id: m.id, name: m.name, age: ageFromBirthYear(m.birthYear, now) };
}
