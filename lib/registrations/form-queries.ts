import "server-only";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import {
  ITEM_KIND_OF_ROLE,
  REGISTRATION_ROLES,
  type ItemRole,
  type RegistrationRole,
} from "@/vocabulary/registrations";
import { festivals, programmeItems, programmePublications, quotas, registrations, venues } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isUuid } from "@/lib/ids";

export interface FormFestival {
  slug: string;
  title: string;
  timeZone: string;
  startsOn: string;
  endsOn: string;
  opensAt: Date | null;
  closesAt: Date | null;
  actMaxMinutes: number;
  /** Only accounts with a verified household register. */
  needsHousehold: boolean;
  /** "open" now, "soon" (not yet), or "closed". */
  window: "open" | "soon" | "closed";
}

export interface FormItem {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  venue: string | null;
  /** Places left, or null when the event has no limit. */
  left: number | null;
  waiting: number;
  teams: string[];
}

export interface RoleStatus {
  role: RegistrationRole;
  left: number | null;
}

/** A published festival as its registration forms need it. */
export async function getFormFestival(db: DbOrTx, slug: string, now = new Date()): Promise<FormFestival | null> {
  const [f] = await db
    .select()
    .from(festivals)
    .where(and(eq(festivals.slug, slug), eq(festivals.status, "published")));
  if (!f) return null;
  const open =
    !!f.registrationOpensAt &&
    !!f.registrationClosesAt &&
    now >= f.registrationOpensAt &&
    now <= f.registrationClosesAt;
  const soon =
    !open &&
    (!f.registrationOpensAt || now < f.registrationOpensAt) &&
    (!f.registrationClosesAt || now < f.registrationClosesAt);
  return {
    slug: f.slug,
    title: f.title,
    timeZone: f.timeZone,
    startsOn: f.startsOn,
    endsOn: f.endsOn,
    opensAt: f.registrationOpensAt,
    closesAt: f.registrationClosesAt,
    actMaxMinutes: f.actMaxMinutes,
    needsHousehold: f.registrationNeedsHousehold,
    window: open ? "open" : soon ? "soon" : "closed",
  };
}

/**
 * The events a role registers for: those of the festival's published programme, with places
 * left (from the quota, else the item's places), how many wait, and the teams formed so far.
 */
export async function listFormItems(db: DbOrTx, slug: string, role: ItemRole): Promise<FormItem[]> {
  const [pub] = await db
    .select({ items: programmePublications.items })
    .from(programmePublications)
    .innerJoin(festivals, eq(festivals.id, programmePublications.festivalId))
    .where(eq(festivals.slug, slug))
    .orderBy(sql`${programmePublications.publishedAt} desc`)
    .limit(1);
  const published = (pub?.items ?? []).filter((i) => i.kind === ITEM_KIND_OF_ROLE[role]);
  if (!published.length) return [];
  const ids = published.map((i) => i.id);
  const [live, qs, counts, teams] = await Promise.all([
    db
      .select({
        id: programmeItems.id,
        title: programmeItems.title,
        startsAt: programmeItems.startsAt,
        endsAt: programmeItems.endsAt,
        capacity: programmeItems.capacity,
        venue: venues.name,
        festivalId: programmeItems.festivalId,
      })
      .from(programmeItems)
      .leftJoin(venues, eq(venues.id, programmeItems.venueId))
      .where(inArray(programmeItems.id, ids))
      .orderBy(asc(programmeItems.startsAt), asc(programmeItems.title)),
    db
      .select({ scope: quotas.scope, capacity: quotas.capacity, taken: quotas.taken })
      .from(quotas)
      .where(
        inArray(
          quotas.scope,
          ids.map((id) => `item:${id}`),
        ),
      ),
    db
      .select({ itemId: registrations.itemId, status: registrations.status, n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(inArray(registrations.itemId, ids), inArray(registrations.status, ["confirmed", "waitlisted"])))
      .groupBy(registrations.itemId, registrations.status),
    db
      .selectDistinct({ itemId: registrations.itemId, team: registrations.team })
      .from(registrations)
      .where(
        and(
          inArray(registrations.itemId, ids),
          isNotNull(registrations.team),
          inArray(registrations.status, ["confirmed", "waitlisted"]),
        ),
      ),
  ]);
  return live.map((i) => {
    const q = qs.find((x) => x.scope === `item:${i.id}`);
    const confirmed = counts.find((c) => c.itemId === i.id && c.status === "confirmed")?.n ?? 0;
    const left = q ? q.capacity - q.taken : i.capacity != null ? Math.max(i.capacity - confirmed, 0) : null;
    return {
      id: i.id,
      title: i.title,
      startsAt: i.startsAt.toISOString(),
      endsAt: i.endsAt.toISOString(),
      venue: i.venue,
      left,
      waiting: counts.find((c) => c.itemId === i.id && c.status === "waitlisted")?.n ?? 0,
      teams: teams
        .filter((t) => t.itemId === i.id)
        .map((t) => t.team!)
        .sort((a, b) => a.localeCompare(b, "zh-CN")),
    };
  });
}

/** Places left per role where the organisers set a limit for the whole festival. */
export async function listRolePlaces(db: DbOrTx, slug: string): Promise<RoleStatus[]> {
  const rows = await db
    .select({ scope: quotas.scope, capacity: quotas.capacity, taken: quotas.taken })
    .from(quotas)
    .innerJoin(festivals, eq(festivals.id, quotas.festivalId))
    .where(and(eq(festivals.slug, slug), sql`${quotas.scope} like 'role:%'`));
  return REGISTRATION_ROLES.map((role) => {
    const q = rows.find((r) => r.scope === `role:${role}`);
    return { role, left: q ? q.capacity - q.taken : null };
  });
}

export interface EditableRegistration {
  id: string;
  version: number;
  role: RegistrationRole;
  itemId: string | null;
  participant: { kind: "self" } | { kind: "member"; memberId: string; guardianConsent: boolean };
  team: string | null;
  details: Record<string, unknown>;
}

/** One of my registrations, to edit while it is pending; null when it is not mine or not pending. */
export async function getEditableRegistration(
  db: DbOrTx,
  userId: string,
  id: string,
): Promise<EditableRegistration | null> {
  if (!isUuid(id)) return null;
  const [r] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, id), eq(registrations.userId, userId)));
  if (!r || (r.status !== "confirmed" && r.status !== "waitlisted") || r.acceptedAt) return null;
  // A member typed in by name, before members were kept, is not in the picker: cancel and register again.
  if (r.participantKey !== "self" && !r.householdMemberId) return null;
  return {
    id: r.id,
    version: r.version,
    role: r.role,
    itemId: r.itemId,
    participant:
      r.participantKey === "self"
        ? { kind: "self" }
        : { kind: "member", memberId: r.householdMemberId!, guardianConsent: (r.participantAge ?? 99) < 14 },
    team: r.team,
    details: r.details,
  };
}

/** What I (and the members I registered) already hold in a festival, to say so on the forms. */
export async function listMyFestivalRegistrations(db: DbOrTx, userId: string, slug: string) {
  return db
    .select({
      id: registrations.id,
      role: registrations.role,
      itemId: registrations.itemId,
      participantName: registrations.participantName,
      participantKey: registrations.participantKey,
      status: registrations.status,
    })
    .from(registrations)
    .innerJoin(festivals, eq(festivals.id, registrations.festivalId))
    .where(
      and(
        eq(festivals.slug, slug),
        eq(registrations.userId, userId),
        inArray(registrations.status, ["confirmed", "waitlisted"]),
      ),
    );
}

/** What a household member already holds in a festival, whoever registered them. */
export async function listMemberFestivalRegistrations(db: DbOrTx, memberId: string, slug: string) {
  return db
    .select({
      id: registrations.id,
      role: registrations.role,
      itemId: registrations.itemId,
      participantKey: registrations.participantKey,
    })
    .from(registrations)
    .innerJoin(festivals, eq(festivals.id, registrations.festivalId))
    .where(
      and(
        eq(festivals.slug, slug),
        eq(registrations.householdMemberId, memberId),
        inArray(registrations.status, ["confirmed", "waitlisted"]),
      ),
    );
}
