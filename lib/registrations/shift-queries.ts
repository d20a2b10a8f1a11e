import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { pointEntries, registrations, shiftAssignments, shifts, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { participantLabel, reviewDetails } from "./review-details";

// Backstage shifts for the organisers' shifts page: each shift with its helpers, and every
// backstage pioneer with what they can do, when they are free and which shifts they already have.
// Helpers' phones are for organisers: each read takes the actor and answers anyone else
// `forbidden`, with no rows.

export interface ShiftRow {
  id: string;
  title: string;
  skill: string | null;
  startsAt: Date;
  endsAt: Date;
  places: number;
  /** assignmentId and servedAt: for marking a shift served (points, once). */
  helpers: {
    registrationId: string;
    assignmentId: string;
    servedAt: Date | null;
    /** The points the shift earned, once served (by the rule then). */
    points: number;
    name: string;
    phone: string | null;
  }[];
}

export interface HelperRow {
  registrationId: string;
  name: string;
  age: number | null;
  child: boolean;
  phone: string | null;
  status: "confirmed" | "waitlisted";
  accepted: boolean;
  skills: string[];
  available: { startsAt: Date; endsAt: Date }[];
  shiftIds: string[];
}

export async function listShifts(db: DbOrTx, actor: Actor | null, festivalId: string): Promise<Result<ShiftRow[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const [rows, held] = await Promise.all([
    db
      .select({
        id: shifts.id,
        title: shifts.title,
        skill: shifts.skill,
        startsAt: shifts.startsAt,
        endsAt: shifts.endsAt,
        places: shifts.places,
      })
      .from(shifts)
      .where(eq(shifts.festivalId, festivalId))
      .orderBy(asc(shifts.startsAt), asc(shifts.title)),
    db
      .select({
        shiftId: shiftAssignments.shiftId,
        assignmentId: shiftAssignments.id,
        servedAt: shiftAssignments.servedAt,
        points: sql<number>`coalesce((select sum(p.points) from ${pointEntries} p where p.kind = 'shift_served' and p.ref_id = ${shiftAssignments.id}), 0)::int`,
        registrationId: registrations.id,
        name: registrations.participantName,
        age: registrations.participantAge,
        phone: users.phone,
      })
      .from(shiftAssignments)
      .innerJoin(shifts, eq(shifts.id, shiftAssignments.shiftId))
      .innerJoin(registrations, eq(registrations.id, shiftAssignments.registrationId))
      .leftJoin(users, eq(users.id, registrations.userId))
      .where(eq(shifts.festivalId, festivalId))
      .orderBy(asc(shiftAssignments.createdAt)),
  ]);
  return ok(
    rows.map((s) => ({
      ...s,
      helpers: held
        .filter((h) => h.shiftId === s.id)
        .map((h) => ({
          registrationId: h.registrationId,
          assignmentId: h.assignmentId,
          servedAt: h.servedAt,
          points: h.points,
          name: participantLabel(h.name, h.age).name,
          phone: h.phone,
        })),
    })),
  );
}

/** Backstage pioneers who can be put on a shift: registered and not rejected or cancelled. */
export async function listHelpers(db: DbOrTx, actor: Actor | null, festivalId: string): Promise<Result<HelperRow[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const rows = await db
    .select({
      registrationId: registrations.id,
      name: registrations.participantName,
      age: registrations.participantAge,
      phone: users.phone,
      status: registrations.status,
      acceptedAt: registrations.acceptedAt,
      details: registrations.details,
    })
    .from(registrations)
    .leftJoin(users, eq(users.id, registrations.userId))
    .where(
      and(
        eq(registrations.festivalId, festivalId),
        eq(registrations.role, "backstage"),
        inArray(registrations.status, ["confirmed", "waitlisted"]),
      ),
    )
    .orderBy(asc(registrations.status), asc(registrations.queuedAt), asc(registrations.id))
    .limit(500);
  const ids = rows.map((r) => r.registrationId);
  const held = ids.length
    ? await db
        .select({ registrationId: shiftAssignments.registrationId, shiftId: shiftAssignments.shiftId })
        .from(shiftAssignments)
        .where(inArray(shiftAssignments.registrationId, ids))
    : [];
  return ok(
    rows.map((r) => {
      const d = reviewDetails("backstage", r.details);
      return {
        registrationId: r.registrationId,
        ...participantLabel(r.name, r.age),
        age: r.age,
        phone: r.phone,
        status: r.status as HelperRow["status"],
        accepted: !!r.acceptedAt,
        skills: d.role === "backstage" ? d.skills : [],
        available: d.role === "backstage" ? d.available : [],
        shiftIds: held.filter((h) => h.registrationId === r.registrationId).map((h) => h.shiftId),
      };
    }),
  );
}
