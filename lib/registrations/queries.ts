import "server-only";
import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  festivals,
  householdMembers,
  notifications,
  programmeItems,
  registrationLinks,
  registrations,
  shiftAssignments,
  shifts,
  users,
} from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { publicName } from "@/lib/people/names";

export interface MyRegistration {
  id: string;
  festivalTitle: string;
  festivalSlug: string;
  role: string;
  itemTitle: string | null;
  participantName: string;
  status: "confirmed" | "waitlisted" | "rejected" | "cancelled";
  accepted: boolean;
  reason: string | null;
  /** Place on the waiting list, from 1. */
  position: number | null;
  /** Registration is still open, so it can be cancelled. */
  cancellable: boolean;
  /** Still pending (not yet confirmed by the organisers) and registration open: the answers can change. */
  editable: boolean;
  /** Someone else in my household registered this member; I see it but they manage it. */
  registeredBy: string | null;
  /** Registered at the service desk (by an organiser, for me or my household). */
  atDesk: boolean;
  team: string | null;
  partnerName: string | null;
  /** Asked us to find a partner and has none yet. */
  partnerWanted: boolean;
  /** An accepted act's place in the programme. */
  scheduled: { title: string; startsAt: Date } | null;
  shifts: { title: string; startsAt: Date; endsAt: Date }[];
}

/**
 * My registrations, and those of the members of my household without a phone (whoever in the
 * household registered them), newest festival first, with waiting-list places.
 */
export async function listMyRegistrations(
  db: DbOrTx,
  userId: string,
  now = new Date(),
  householdId: string | null = null,
): Promise<MyRegistration[]> {
  const position = sql<number | null>`case when ${registrations.status} = 'waitlisted' then (
      select count(*)::int from registrations w
      where w.festival_id = ${registrations.festivalId} and w.status = 'waitlisted' and w.role = ${registrations.role}
        and w.item_id is not distinct from ${registrations.itemId}
        and (w.queued_at, w.created_at, w.id) <= (${registrations.queuedAt}, ${registrations.createdAt}, ${registrations.id})
    ) end`;
  const registrant = alias(users, "registrant");
  const partner = alias(registrations, "partner");
  const scheduled = alias(programmeItems, "scheduled");
  const rows = await db
    .select({
      id: registrations.id,
      userId: registrations.userId,
      registrantName: registrant.name,
      festivalTitle: festivals.title,
      festivalSlug: festivals.slug,
      closes: festivals.registrationClosesAt,
      role: registrations.role,
      itemTitle: programmeItems.title,
      actTitle: sql<string | null>`${registrations.details} ->> 'actTitle'`,
      partnerWanted: sql<boolean>`coalesce(${registrations.details} -> 'partner' ->> 'kind' = 'find', false)`,
      participantName: registrations.participantName,
      atDesk: sql<boolean>`${registrations.registeredAtDeskBy} is not null`,
      status: registrations.status,
      acceptedAt: registrations.acceptedAt,
      reason: registrations.reason,
      team: registrations.team,
      partnerName: partner.participantName,
      partnerAge: partner.participantAge,
      scheduledTitle: scheduled.title,
      scheduledAt: scheduled.startsAt,
      position,
    })
    .from(registrations)
    .innerJoin(festivals, eq(festivals.id, registrations.festivalId))
    .leftJoin(registrant, eq(registrant.id, registrations.userId))
    .leftJoin(householdMembers, eq(householdMembers.id, registrations.householdMemberId))
    .leftJoin(programmeItems, eq(programmeItems.id, registrations.itemId))
    .leftJoin(partner, eq(partner.id, registrations.partnerRegistrationId))
    .leftJoin(scheduled, eq(scheduled.id, registrations.programmeItemId))
    .where(
      householdId
        ? or(
            eq(registrations.userId, userId),
            eq(householdMembers.householdId, householdId),
            // Members typed in by name, before members were kept.
            and(
              isNull(registrations.householdMemberId),
              sql`${registrations.participantKey} like 'member:%'`,
              eq(registrant.householdId, householdId),
            ),
          )
        : eq(registrations.userId, userId),
    )
    .orderBy(desc(festivals.edition), desc(registrations.createdAt));
  const ids = rows.map((r) => r.id);
  const onShifts = ids.length
    ? await db
        .select({
          registrationId: shiftAssignments.registrationId,
          title: shifts.title,
          startsAt: shifts.startsAt,
          endsAt: shifts.endsAt,
        })
        .from(shiftAssignments)
        .innerJoin(shifts, eq(shifts.id, shiftAssignments.shiftId))
        .where(inArray(shiftAssignments.registrationId, ids))
        .orderBy(shifts.startsAt)
    : [];
  return rows.map((r) => {
    const mine = r.userId === userId;
    const live = r.status === "confirmed" || r.status === "waitlisted";
    const open = !!r.closes && now <= r.closes;
    return {
      id: r.id,
      festivalTitle: r.festivalTitle,
      festivalSlug: r.festivalSlug,
      role: r.role,
      itemTitle: r.itemTitle ?? r.actTitle,
      participantName: r.participantName,
      status: r.status,
      accepted: !!r.acceptedAt,
      partnerWanted: r.partnerWanted && !r.partnerName && live,
      reason: r.reason,
      position: r.position,
      cancellable: mine && live && open,
      editable: mine && live && open && !r.acceptedAt,
      registeredBy: mine ? null : r.registrantName,
      atDesk: r.atDesk,
      team: r.team,
      // The partner is another household's: a child by first name and age band.
      partnerName: r.partnerName === null ? null : publicName(r.partnerName, r.partnerAge),
      scheduled: r.scheduledTitle && r.scheduledAt ? { title: r.scheduledTitle, startsAt: r.scheduledAt } : null,
      shifts: onShifts
        .filter((s) => s.registrationId === r.id)
        .map(({ title, startsAt, endsAt }) => ({ title, startsAt, endsAt })),
    };
  });
}

export interface MyInvitation {
  id: string;
  kind: "co_performer" | "partner";
  from: string;
  title: string | null;
  itemTitle: string | null;
  festivalTitle: string;
  declined: boolean;
}

/** Registrations that name me (a co-performer, a partner) and are still live; I can decline. */
export async function listMyInvitations(db: DbOrTx, userId: string): Promise<MyInvitation[]> {
  const rows = await db
    .select({
      id: registrationLinks.id,
      kind: registrationLinks.kind,
      declinedAt: registrationLinks.declinedAt,
      from: sql<string>`coalesce(${users.name}, ${registrations.participantName})`,
      details: registrations.details,
      itemTitle: programmeItems.title,
      festivalTitle: festivals.title,
    })
    .from(registrationLinks)
    .innerJoin(registrations, eq(registrations.id, registrationLinks.registrationId))
    .leftJoin(users, eq(users.id, registrations.userId))
    .innerJoin(festivals, eq(festivals.id, registrations.festivalId))
    .leftJoin(programmeItems, eq(programmeItems.id, registrations.itemId))
    .where(and(eq(registrationLinks.userId, userId), inArray(registrations.status, ["confirmed", "waitlisted"])))
    .orderBy(desc(registrationLinks.createdAt));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    from: r.from,
    title: typeof r.details.actTitle === "string" ? r.details.actTitle : null,
    itemTitle: r.itemTitle,
    festivalTitle: r.festivalTitle,
    declined: !!r.declinedAt,
  }));
}

export interface MyNotification {
  id: string;
  kind: string;
  data: Record<string, unknown>;
  read: boolean;
  createdAt: Date;
  itemTitle: string | null;
  role: string | null;
}

/** My latest messages, each with the title of the item (or the role) it is about. */
export async function listMyNotifications(db: DbOrTx, userId: string): Promise<MyNotification[]> {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      data: notifications.data,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      itemTitle: sql<string | null>`coalesce(${programmeItems.title}, ${registrations.details} ->> 'actTitle')`,
      role: registrations.role,
    })
    .from(notifications)
    .leftJoin(registrations, sql`${registrations.id} = (${notifications.data} ->> 'registrationId')::uuid`)
    .leftJoin(programmeItems, eq(programmeItems.id, registrations.itemId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(30);
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    data: n.data,
    read: !!n.readAt,
    createdAt: n.createdAt,
    itemTitle: n.itemTitle,
    role: n.role,
  }));
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return n;
}
