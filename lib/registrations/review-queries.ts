import "server-only";
import { and, asc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  ITEM_KIND_OF_ROLE,
  REGISTRATION_ROLES,
  type RegistrationRole,
  type RegistrationStatus,
  type ReviewStatus,
} from "@/vocabulary/registrations";
import {
  festivals,
  householdMembers,
  households,
  programmeItems,
  quotas,
  registrationLinks,
  registrations,
  shiftAssignments,
  shifts,
  users,
} from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { pageWindow, type Page } from "@/lib/pagination";
import { fail, ok, type Result } from "@/lib/result";
import { participantLabel, reviewDetails, type ReviewDetails } from "./review-details";
import type { ReviewFilters } from "./schemas";
import { containsPattern } from "@/lib/like-pattern";

// The organisers' review of a festival's registrations: the filtered, paginated list, the counts
// per status and the places overview. Reads only; every write goes through the services.
// Each read takes the actor and answers anyone but an organiser `forbidden` with no rows:
// residents' phones, rooms and drafts must not depend on a page remembering its guard.

export const REVIEW_PAGE_SIZE = 25;

export interface ReviewFestival {
  id: string;
  slug: string;
  title: string;
  timeZone: string;
  startsOn: string;
  endsOn: string;
}

/** Any festival, drafts included. */
export async function getReviewFestival(
  db: DbOrTx,
  actor: Actor | null,
  slug: string,
): Promise<Result<ReviewFestival | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const [f] = await db
    .select({
      id: festivals.id,
      slug: festivals.slug,
      title: festivals.title,
      timeZone: festivals.timeZone,
      startsOn: festivals.startsOn,
      endsOn: festivals.endsOn,
    })
    .from(festivals)
    .where(eq(festivals.slug, slug));
  return ok(f ?? null);
}

export interface ReviewRow {
  id: string;
  /** A child under 14 by first name only. */
  participant: { name: string; age: number | null; child: boolean };
  /** The account that registered; no name or phone for a member the desk registered for a household without one. */
  registrant: {
    name: string | null;
    phone: string | null;
    building: string | null;
    unit: string | null;
    room: string | null;
  };
  /** The organiser who registered them at the service desk. */
  atDeskBy: string | null;
  role: RegistrationRole;
  item: { id: string; title: string; kind: string } | null;
  status: RegistrationStatus;
  /** Place on the waiting list among those waiting for the same places, from 1. */
  position: number | null;
  accepted: boolean;
  reason: string | null;
  note: string | null;
  team: string | null;
  partnerName: string | null;
  /** Co-performers and named partners, with whether they said no. */
  links: { kind: "co_performer" | "partner"; name: string; declined: boolean }[];
  /** The programme item an accepted act became. */
  programmeItem: { id: string; title: string } | null;
  shifts: { id: string; title: string; startsAt: Date; endsAt: Date }[];
  details: ReviewDetails;
  version: number;
}

/** A member's household is theirs, whoever registered them; else the registrant's. */
const householdOf = sql`coalesce(${householdMembers.householdId}, ${users.householdId})`;
const deskOrganiser = alias(users, "desk_organiser");

function statusCondition(status: ReviewStatus): SQL | undefined {
  switch (status) {
    case "pending":
      return and(eq(registrations.status, "confirmed"), isNull(registrations.acceptedAt));
    case "accepted":
      return and(eq(registrations.status, "confirmed"), isNotNull(registrations.acceptedAt));
    default:
      return eq(registrations.status, status);
  }
}

/** The list's conditions; the counts per status leave the status out. */
function conditions(festivalId: string, f: Omit<ReviewFilters, "page">, withStatus = true): SQL | undefined {
  const conds: (SQL | undefined)[] = [eq(registrations.festivalId, festivalId)];
  if (f.role) conds.push(eq(registrations.role, f.role));
  if (withStatus && f.status) conds.push(statusCondition(f.status));
  if (f.item) conds.push(eq(registrations.itemId, f.item));
  if (f.building) conds.push(eq(households.building, f.building));
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(
      or(
        // A child's full name is not shown, so it is not searched either.
        and(sql`coalesce(${registrations.participantAge}, 99) >= 14`, ilike(registrations.participantName, like)),
        ilike(users.name, like),
        ilike(users.phone, like),
        sql`${registrations.details} ->> 'actTitle' ilike ${like}`,
        ilike(registrations.team, like),
      ),
    );
  }
  return and(...conds);
}

// Same arrival-order rule as the registration service and "my registrations".
const position = sql<number | null>`case when ${registrations.status} = 'waitlisted' then (
    select count(*)::int from registrations w
    where w.festival_id = ${registrations.festivalId} and w.status = 'waitlisted' and w.role = ${registrations.role}
      and w.item_id is not distinct from ${registrations.itemId}
      and (w.queued_at, w.created_at, w.id) <= (${registrations.queuedAt}, ${registrations.createdAt}, ${registrations.id})
  ) end`;
const roleRank = sql`array_position(array['performer', 'backstage', 'athlete', 'player']::text[], ${registrations.role})`;
const statusRank = sql`array_position(array['confirmed', 'waitlisted', 'rejected', 'cancelled']::text[], ${registrations.status})`;

async function selectRows(
  db: DbOrTx,
  festivalId: string,
  f: Omit<ReviewFilters, "page">,
  window: { limit: number; offset: number },
): Promise<ReviewRow[]> {
  const partner = alias(registrations, "partner");
  const scheduled = alias(programmeItems, "scheduled");
  const rows = await db
    .select({
      id: registrations.id,
      participantName: registrations.participantName,
      participantAge: registrations.participantAge,
      registrantName: users.name,
      phone: users.phone,
      atDeskBy: deskOrganiser.name,
      building: households.building,
      unit: households.unit,
      room: households.room,
      role: registrations.role,
      itemId: programmeItems.id,
      itemTitle: programmeItems.title,
      itemKind: programmeItems.kind,
      status: registrations.status,
      acceptedAt: registrations.acceptedAt,
      reason: registrations.reason,
      note: registrations.note,
      team: registrations.team,
      details: registrations.details,
      partnerName: partner.participantName,
      partnerAge: partner.participantAge,
      programmeItemId: scheduled.id,
      programmeTitle: scheduled.title,
      position,
      version: registrations.version,
    })
    .from(registrations)
    .leftJoin(users, eq(users.id, registrations.userId))
    .leftJoin(householdMembers, eq(householdMembers.id, registrations.householdMemberId))
    .leftJoin(households, eq(households.id, householdOf))
    .leftJoin(programmeItems, eq(programmeItems.id, registrations.itemId))
    .leftJoin(scheduled, eq(scheduled.id, registrations.programmeItemId))
    .leftJoin(partner, eq(partner.id, registrations.partnerRegistrationId))
    .leftJoin(deskOrganiser, eq(deskOrganiser.id, registrations.registeredAtDeskBy))
    .where(conditions(festivalId, f))
    .orderBy(
      roleRank,
      asc(programmeItems.title),
      statusRank,
      asc(registrations.queuedAt),
      asc(registrations.createdAt),
      asc(registrations.id),
    )
    .limit(window.limit)
    .offset(window.offset);
  const ids = rows.map((r) => r.id);
  const [links, held] = ids.length
    ? await Promise.all([
        db
          .select({
            registrationId: registrationLinks.registrationId,
            kind: registrationLinks.kind,
            name: users.name,
            declinedAt: registrationLinks.declinedAt,
          })
          .from(registrationLinks)
          .innerJoin(users, eq(users.id, registrationLinks.userId))
          .where(inArray(registrationLinks.registrationId, ids))
          .orderBy(asc(registrationLinks.createdAt)),
        db
          .select({
            registrationId: shiftAssignments.registrationId,
            id: shifts.id,
            title: shifts.title,
            startsAt: shifts.startsAt,
            endsAt: shifts.endsAt,
          })
          .from(shiftAssignments)
          .innerJoin(shifts, eq(shifts.id, shiftAssignments.shiftId))
          .where(inArray(shiftAssignments.registrationId, ids))
          .orderBy(asc(shifts.startsAt)),
      ])
    : [[], []];
  return rows.map((r) => ({
    id: r.id,
    participant: { ...participantLabel(r.participantName, r.participantAge), age: r.participantAge },
    registrant: { name: r.registrantName, phone: r.phone, building: r.building, unit: r.unit, room: r.room },
    atDeskBy: r.atDeskBy,
    role: r.role,
    item: r.itemId ? { id: r.itemId, title: r.itemTitle!, kind: r.itemKind! } : null,
    status: r.status,
    position: r.position,
    accepted: !!r.acceptedAt,
    reason: r.reason,
    note: r.note,
    team: r.team,
    partnerName: r.partnerName === null ? null : participantLabel(r.partnerName, r.partnerAge).name,
    links: links
      .filter((l) => l.registrationId === r.id)
      .map((l) => ({ kind: l.kind, name: l.name, declined: !!l.declinedAt })),
    programmeItem: r.programmeItemId ? { id: r.programmeItemId, title: r.programmeTitle! } : null,
    shifts: held
      .filter((s) => s.registrationId === r.id)
      .map((s) => ({ id: s.id, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt })),
    details: reviewDetails(r.role, r.details),
    version: r.version,
  }));
}

async function countRows(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .leftJoin(users, eq(users.id, registrations.userId))
    .leftJoin(householdMembers, eq(householdMembers.id, registrations.householdMemberId))
    .leftJoin(households, eq(households.id, householdOf))
    .where(where);
  return n;
}

/** One page of the review list. */
export async function listReview(
  db: DbOrTx,
  actor: Actor | null,
  festivalId: string,
  f: ReviewFilters,
  pageSize = REVIEW_PAGE_SIZE,
): Promise<Result<Page<ReviewRow>>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const total = await countRows(db, conditions(festivalId, f));
  const { page, pageCount, limit, offset } = pageWindow(total, f.page, pageSize);
  return ok({ rows: await selectRows(db, festivalId, f, { limit, offset }), total, page, pageCount });
}

/** Every row the filters show, a batch at a time (the export); the actor is checked before any batch is read. */
export function allReviewRows(
  db: DbOrTx,
  actor: Actor | null,
  festivalId: string,
  f: Omit<ReviewFilters, "page">,
  batch = 500,
): Result<AsyncIterable<ReviewRow[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  return ok(batches(db, festivalId, f, batch));
}

async function* batches(
  db: DbOrTx,
  festivalId: string,
  f: Omit<ReviewFilters, "page">,
  batch: number,
): AsyncGenerator<ReviewRow[]> {
  for (let offset = 0; ; offset += batch) {
    const rows = await selectRows(db, festivalId, f, { limit: batch, offset });
    if (rows.length) yield rows;
    if (rows.length < batch) return;
  }
}

export type StatusCounts = Record<ReviewStatus, number> & { all: number };

/** How many registrations each status has under the other filters: the status tabs. */
export async function countByStatus(
  db: DbOrTx,
  actor: Actor | null,
  festivalId: string,
  f: Omit<ReviewFilters, "page">,
): Promise<Result<StatusCounts>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const rows = await db
    .select({
      status: registrations.status,
      accepted: sql<boolean>`${registrations.acceptedAt} is not null`,
      n: sql<number>`count(*)::int`,
    })
    .from(registrations)
    .leftJoin(users, eq(users.id, registrations.userId))
    .leftJoin(householdMembers, eq(householdMembers.id, registrations.householdMemberId))
    .leftJoin(households, eq(households.id, householdOf))
    .where(conditions(festivalId, f, false))
    .groupBy(registrations.status, sql`${registrations.acceptedAt} is not null`);
  const sum = (pick: (r: (typeof rows)[number]) => boolean) => rows.filter(pick).reduce((n, r) => n + r.n, 0);
  return ok({
    all: sum(() => true),
    pending: sum((r) => r.status === "confirmed" && !r.accepted),
    accepted: sum((r) => r.status === "confirmed" && r.accepted),
    confirmed: sum((r) => r.status === "confirmed"),
    waitlisted: sum((r) => r.status === "waitlisted"),
    rejected: sum((r) => r.status === "rejected"),
    cancelled: sum((r) => r.status === "cancelled"),
  });
}

export interface PlaceRow {
  scope: string;
  /** `null`: no limit. */
  capacity: number | null;
  taken: number;
  waiting: number;
}
export interface ItemPlaceRow extends PlaceRow {
  itemId: string;
  title: string;
  kind: string;
  startsAt: Date;
}
export interface PlacesOverview {
  roles: (PlaceRow & { role: RegistrationRole })[];
  items: ItemPlaceRow[];
}

/**
 * Places per role and per event: the limit (a quota, else none), the places held and how many
 * wait. Events are the sports and card/chess items athletes and players register for.
 */
export async function getPlacesOverview(
  db: DbOrTx,
  actor: Actor | null,
  festivalId: string,
): Promise<Result<PlacesOverview>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const [qs, byRole, byItem, items] = await Promise.all([
    db
      .select({ scope: quotas.scope, capacity: quotas.capacity, taken: quotas.taken })
      .from(quotas)
      .where(eq(quotas.festivalId, festivalId)),
    db
      .select({ role: registrations.role, status: registrations.status, n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(eq(registrations.festivalId, festivalId), inArray(registrations.status, ["confirmed", "waitlisted"])))
      .groupBy(registrations.role, registrations.status),
    db
      .select({ itemId: registrations.itemId, status: registrations.status, n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(
        and(
          eq(registrations.festivalId, festivalId),
          isNotNull(registrations.itemId),
          inArray(registrations.status, ["confirmed", "waitlisted"]),
        ),
      )
      .groupBy(registrations.itemId, registrations.status),
    db
      .select({
        id: programmeItems.id,
        title: programmeItems.title,
        kind: programmeItems.kind,
        capacity: programmeItems.capacity,
        startsAt: programmeItems.startsAt,
      })
      .from(programmeItems)
      .where(
        and(eq(programmeItems.festivalId, festivalId), inArray(programmeItems.kind, Object.values(ITEM_KIND_OF_ROLE))),
      )
      .orderBy(asc(programmeItems.startsAt), asc(programmeItems.title)),
  ]);
  const n = (rows: { status: string; n: number }[], status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  const place = (
    scope: string,
    counts: { status: string; n: number }[],
    fallbackCapacity: number | null = null,
  ): PlaceRow => {
    const q = qs.find((x) => x.scope === scope);
    // Before anyone registers, an event's places are the ones set in the programme.
    return {
      scope,
      capacity: q ? q.capacity : fallbackCapacity,
      taken: q ? q.taken : n(counts, "confirmed"),
      waiting: n(counts, "waitlisted"),
    };
  };
  return ok({
    roles: REGISTRATION_ROLES.map((role) => ({
      role,
      ...place(
        `role:${role}`,
        byRole.filter((r) => r.role === role),
      ),
    })),
    items: items.map((i) => ({
      itemId: i.id,
      title: i.title,
      kind: i.kind,
      startsAt: i.startsAt,
      ...place(
        `item:${i.id}`,
        byItem.filter((r) => r.itemId === i.id),
        i.capacity,
      ),
    })),
  });
}

/** The buildings the festival's registrants live in, for the building filter. */
export async function listReviewBuildings(
  db: DbOrTx,
  actor: Actor | null,
  festivalId: string,
): Promise<Result<string[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const rows = await db
    .selectDistinct({ building: households.building })
    .from(registrations)
    .leftJoin(users, eq(users.id, registrations.userId))
    .leftJoin(householdMembers, eq(householdMembers.id, registrations.householdMemberId))
    .innerJoin(households, eq(households.id, householdOf))
    .where(eq(registrations.festivalId, festivalId))
    .orderBy(asc(households.building));
  return ok(rows.map((r) => r.building));
}

/** The performance blocks an accepted act can join. */
export async function listPerformanceBlocks(
  db: DbOrTx,
  actor: Actor | null,
  festivalId: string,
): Promise<Result<{ id: string; title: string; startsAt: Date }[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  return ok(
    await db
      .select({ id: programmeItems.id, title: programmeItems.title, startsAt: programmeItems.startsAt })
      .from(programmeItems)
      .where(and(eq(programmeItems.festivalId, festivalId), eq(programmeItems.kind, "performance_block")))
      .orderBy(asc(programmeItems.startsAt)),
  );
}
