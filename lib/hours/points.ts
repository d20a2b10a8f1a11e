import "server-only";
import { eq } from "drizzle-orm";
import { pointEntries, pointRules } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { DEFAULT_POINT_RULES, pointsByRule, type PointRule, type ServicePointKind } from "@/vocabulary/points";

// What a service earns in points, by the rule the organisers set for its kind (see
// lib/points/rules.ts), written beside its hours by the service's own transaction.

export interface ServicePoints {
  kind: ServicePointKind;
  refId: string;
  postId?: string | null;
  year: number;
  createdBy: string | null;
}

export interface PointsEarner {
  userId: string | null;
  householdMemberId: string | null;
  /** How long they served it, for a rule by the hour. */
  minutes: number;
}

/**
 * Writes the points one service earns each person by its rule, inside the service's own
 * transaction; a second call for the same service and person writes nothing. Returns the points
 * each person was given now, in the order given (0: none, or already given).
 */
export async function awardServicePoints(
  tx: DbOrTx,
  service: ServicePoints,
  people: PointsEarner[],
): Promise<number[]> {
  const [row] = await tx.select().from(pointRules).where(eq(pointRules.kind, service.kind));
  const rule: PointRule = row ? { basis: row.basis, points: row.points } : DEFAULT_POINT_RULES[service.kind];
  const given: number[] = [];
  for (const p of people) {
    const points = pointsByRule(rule, p.minutes);
    const userId = p.userId;
    const householdMemberId = userId ? null : p.householdMemberId;
    if (points <= 0 || (!userId && !householdMemberId)) {
      given.push(0);
      continue;
    }
    const written = await tx
      .insert(pointEntries)
      .values({
        userId,
        householdMemberId,
        kind: service.kind,
        points,
        refId: service.refId,
        postId: service.postId ?? null,
        rule: { ...rule, minutes: Math.max(0, Math.round(p.minutes)) },
        year: service.year,
        createdBy: service.createdBy,
      })
      .onConflictDoNothing()
      .returning({ id: pointEntries.id });
    given.push(written.length ? points : 0);
  }
  return given;
}
