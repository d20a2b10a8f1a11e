import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { festivals, notifications, programmeItems, registrations } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

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
}

/** My registrations and my household members', newest festival first, with waiting-list places. */
export async function listMyRegistrations(db: DbOrTx, userId: string, now = new Date()): Promise<MyRegistration[]> {
  const position = sql<number | null>`case when ${registrations.status} = 'waitlisted' then (
      select count(*)::int from registrations w
      where w.festival_id = ${registrations.festivalId} and w.status = 'waitlisted' and w.role = ${registrations.role}
        and w.item_id is not distinct from ${registrations.itemId}
        and (w.queued_at, w.created_at, w.id) <= (${registrations.queuedAt}, ${registrations.createdAt}, ${registrations.id})
    ) end`;
  const rows = await db
    .select({
      id: registrations.id,
      festivalTitle: festivals.title,
      festivalSlug: festivals.slug,
      closes: festivals.registrationClosesAt,
      role: registrations.role,
      itemTitle: programmeItems.title,
      participantName: registrations.participantName,
      status: registrations.status,
      acceptedAt: registrations.acceptedAt,
      reason: registrations.reason,
      position,
    })
    .from(registrations)
    .innerJoin(festivals, eq(festivals.id, registrations.festivalId))
    .leftJoin(programmeItems, eq(programmeItems.id, registrations.itemId))
    .where(eq(registrations.userId, userId))
    .orderBy(desc(festivals.edition), desc(registrations.createdAt));
  return rows.map((r) => ({
    id: r.id,
    festivalTitle: r.festivalTitle,
    festivalSlug: r.festivalSlug,
    role: r.role,
    itemTitle: r.itemTitle,
    participantName: r.participantName,
    status: r.status,
    accepted: !!r.acceptedAt,
    reason: r.reason,
    position: r.position,
    cancellable: (r.status === "confirmed" || r.status === "waitlisted") && !!r.closes && now <= r.closes,
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
      itemTitle: programmeItems.title,
      role: registrations.role,
    })
    .from(notifications)
    .leftJoin(registrations, sql`${registrations.id} = (${notifications.data} ->> 'registrationId')::uuid`)
    .leftJoin(programmeItems, eq(programmeItems.id, registrations.itemId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(30);
  return rows.map((n) => ({ id: n.id, kind: n.kind, data: n.data, read: !!n.readAt, createdAt: n.createdAt, itemTitle: n.itemTitle, role: n.role }));
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return n;
}
