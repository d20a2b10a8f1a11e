import "server-only";
import { and, asc, count, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { broadcasts, deliveries, festivals, households, programmeItems, shifts, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { pageWindow, type Page } from "@/lib/pagination";
import { fail, ok, type Result } from "@/lib/result";
import { DELIVERY_STATUSES, type DeliveryStatus } from "@/vocabulary/messages";

// The messages dashboard: whom a broadcast can go to, the broadcasts, and the delivery log.

export interface AudienceChoices {
  festivals: { id: string; title: string }[];
  items: { id: string; title: string; festival: string; startsAt: Date }[];
  shifts: { id: string; title: string; festival: string; startsAt: Date }[];
  buildings: string[];
}

/** What the form offers: festivals not archived, their items people register for, their shifts, the buildings. */
export async function getAudienceChoices(db: DbOrTx, actor: Actor | null): Promise<Result<AudienceChoices>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const fs = await db
    .select({ id: festivals.id, title: festivals.title })
    .from(festivals)
    .where(ne(festivals.status, "archived"))
    .orderBy(desc(festivals.startsOn));
  const ids = fs.map((f) => f.id);
  const name = (id: string) => fs.find((f) => f.id === id)?.title ?? "";
  const items = ids.length
    ? await db
        .select({
          id: programmeItems.id,
          title: programmeItems.title,
          festivalId: programmeItems.festivalId,
          startsAt: programmeItems.startsAt,
        })
        .from(programmeItems)
        .where(and(inArray(programmeItems.festivalId, ids), ne(programmeItems.kind, "performance_block")))
        .orderBy(asc(programmeItems.startsAt), asc(programmeItems.title))
        .limit(500)
    : [];
  const ss = ids.length
    ? await db
        .select({ id: shifts.id, title: shifts.title, festivalId: shifts.festivalId, startsAt: shifts.startsAt })
        .from(shifts)
        .where(inArray(shifts.festivalId, ids))
        .orderBy(asc(shifts.startsAt))
        .limit(500)
    : [];
  const buildings = await db
    .selectDistinct({ building: households.building })
    .from(households)
    .orderBy(asc(households.building));
  return ok({
    festivals: fs,
    items: items.map((i) => ({ id: i.id, title: i.title, festival: name(i.festivalId), startsAt: i.startsAt })),
    shifts: ss.map((s) => ({ id: s.id, title: s.title, festival: name(s.festivalId), startsAt: s.startsAt })),
    buildings: buildings.map((b) => b.building),
  });
}

export interface BroadcastRow {
  id: string;
  audience: { kind: string; role?: string };
  audienceLabel: string;
  body: string;
  sms: boolean;
  status: "scheduled" | "sent" | "cancelled";
  sendAt: Date;
  sentAt: Date | null;
  recipients: number | null;
  textMessages: number | null;
  author: string | null;
}

export const BROADCAST_PAGE_SIZE = 20;

export async function listBroadcasts(
  db: DbOrTx,
  actor: Actor | null,
  params: { page: number },
): Promise<Result<Page<BroadcastRow> & { readAt: Date }>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const [{ total }] = await db.select({ total: count() }).from(broadcasts);
  const { page, pageCount, limit, offset } = pageWindow(total, params.page, BROADCAST_PAGE_SIZE);
  const rows = await db
    .select({
      id: broadcasts.id,
      audience: broadcasts.audience,
      audienceLabel: broadcasts.audienceLabel,
      body: broadcasts.body,
      sms: broadcasts.sms,
      status: broadcasts.status,
      sendAt: broadcasts.sendAt,
      sentAt: broadcasts.sentAt,
      recipients: broadcasts.recipients,
      textMessages: broadcasts.textMessages,
      author: users.name,
    })
    .from(broadcasts)
    .leftJoin(users, eq(users.id, broadcasts.authorId))
    .orderBy(desc(broadcasts.createdAt), desc(broadcasts.id))
    .limit(limit)
    .offset(offset);
  // When the list was read: a notice whose time had come by then is being sent.
  return ok({ rows, total, page, pageCount, readAt: new Date() });
}

export interface DeliveryRow {
  id: string;
  name: string;
  recipient: string | null;
  template: string;
  status: DeliveryStatus;
  skipReason: string | null;
  attempts: number;
  lastError: string | null;
  provider: string | null;
  sendAfter: Date;
  sentAt: Date | null;
  createdAt: Date;
}

export const DELIVERY_PAGE_SIZE = 30;
export const isDeliveryStatus = (s: unknown): s is DeliveryStatus =>
  typeof s === "string" && (DELIVERY_STATUSES as readonly string[]).includes(s);

/** Every text message Linli meant to send, newest first, by status; with the counts per status. */
export async function listDeliveries(
  db: DbOrTx,
  actor: Actor | null,
  params: { page: number; status?: DeliveryStatus },
): Promise<Result<Page<DeliveryRow> & { counts: Partial<Record<DeliveryStatus, number>> }>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const where = params.status ? eq(deliveries.status, params.status) : undefined;
  // The counts cover the last 30 days, like a day's work at the desk; the list goes back further.
  const byStatus = await db
    .select({ status: deliveries.status, n: sql<number>`count(*)::int` })
    .from(deliveries)
    .where(gte(deliveries.createdAt, new Date(Date.now() - 30 * 86_400_000)))
    .groupBy(deliveries.status);
  const counts = Object.fromEntries(byStatus.map((r) => [r.status, r.n]));
  const [{ total }] = await db.select({ total: count() }).from(deliveries).where(where);
  const { page, pageCount, limit, offset } = pageWindow(total, params.page, DELIVERY_PAGE_SIZE);
  const rows = await db
    .select({
      id: deliveries.id,
      name: users.name,
      recipient: sql<string | null>`coalesce(${deliveries.recipient}, ${users.phone})`,
      template: deliveries.template,
      status: deliveries.status,
      skipReason: deliveries.skipReason,
      attempts: deliveries.attempts,
      lastError: deliveries.lastError,
      provider: deliveries.provider,
      sendAfter: deliveries.sendAfter,
      sentAt: deliveries.sentAt,
      createdAt: deliveries.createdAt,
    })
    .from(deliveries)
    .innerJoin(users, eq(users.id, deliveries.userId))
    .where(where)
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(limit)
    .offset(offset);
  return ok({ rows, total, page, pageCount, counts });
}
