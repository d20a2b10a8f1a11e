import "server-only";
import { serviceHours } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import type { HourKind } from "@/vocabulary/hours";
import { POINT_KIND_OF_HOURS } from "@/vocabulary/points";
import { awardServicePoints } from "./points";

// The one writer of what a service earns: its hours, and the points its rule gives. Each service
// calls it inside the transaction that confirms the service, so the hours and points exist if
// and only if the service does; a second call for the same service and person writes nothing
// (the tables' unique indexes), whoever makes it.

export interface HoursEntry {
  userId: string | null;
  householdMemberId: string | null;
  name: string;
  minutes: number;
}

/**
 * Writes the hours of one service for each person, and their points by the service's rule (a
 * rule for each service gives points for no time at all, as for a wish that took none); returns
 * how many hours rows were new.
 */
export async function recordHours(
  tx: DbOrTx,
  service: {
    kind: HourKind;
    refId: string;
    postId?: string | null;
    servedOn: string;
    note?: string;
    createdBy: string | null;
  },
  people: HoursEntry[],
): Promise<number> {
  const rows = people
    .filter((p) => p.minutes >= 1 && (p.userId || p.householdMemberId))
    .map((p) => ({
      userId: p.userId,
      householdMemberId: p.userId ? null : p.householdMemberId,
      name: p.name,
      kind: service.kind,
      refId: service.refId,
      postId: service.postId ?? null,
      minutes: Math.min(p.minutes, 24 * 60),
      servedOn: service.servedOn,
      year: Number(service.servedOn.slice(0, 4)),
      note: service.note ?? "",
      createdBy: service.createdBy,
    }));
  await awardServicePoints(
    tx,
    {
      kind: POINT_KIND_OF_HOURS[service.kind],
      refId: service.refId,
      postId: service.postId,
      year: Number(service.servedOn.slice(0, 4)),
      createdBy: service.createdBy,
    },
    people,
  );
  if (!rows.length) return 0;
  const written = await tx.insert(serviceHours).values(rows).onConflictDoNothing().returning({ id: serviceHours.id });
  return written.length;
}
