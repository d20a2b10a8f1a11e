import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { festivals, programmeItems, programmePublications, venues, type Festival } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { outer } from "@/db/sql";
import { toItemDto, type ItemDto } from "./programme-service";
import { utcToZonedLocal } from "./time";

// The organisers' festival pages read drafts and unpublished changes: each read takes the actor
// and answers anyone but an organiser `forbidden`, with no rows.

export interface FestivalRow {
  slug: string;
  edition: number;
  title: string;
  startsOn: string;
  endsOn: string;
  status: "draft" | "published" | "archived";
  items: number;
  lastPublishedAt: Date | null;
}

const lastPublished = sql<Date | null>`(select max(${programmePublications.publishedAt}) from ${programmePublications} where ${programmePublications.festivalId} = ${outer(festivals.id)})`;

export async function listFestivals(db: DbOrTx, actor: Actor | null): Promise<Result<FestivalRow[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const rows = await db
    .select({
      slug: festivals.slug,
      edition: festivals.edition,
      title: festivals.title,
      startsOn: festivals.startsOn,
      endsOn: festivals.endsOn,
      status: festivals.status,
      items: sql<number>`(select count(*)::int from ${programmeItems} where ${programmeItems.festivalId} = ${outer(festivals.id)} and ${programmeItems.parentId} is null)`,
      lastPublishedAt: lastPublished,
    })
    .from(festivals)
    .orderBy(desc(festivals.edition));
  return ok(rows.map((r) => ({ ...r, lastPublishedAt: r.lastPublishedAt ? new Date(r.lastPublishedAt) : null })));
}

/** A festival's fields as its edit form shows them: windows as wall-clock times in its zone. */
export async function getFestivalForEdit(
  db: DbOrTx,
  actor: Actor | null,
  slug: string,
): Promise<Result<FestivalForEdit | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const [f] = await db.select().from(festivals).where(eq(festivals.slug, slug));
  return ok(f ? editFields(f) : null);
}

function editFields(f: Festival) {
  const local = (d: Date | null) => (d ? utcToZonedLocal(d, f.timeZone) : "");
  return {
    id: f.id,
    slug: f.slug,
    title: f.title,
    edition: f.edition,
    theme: f.theme ?? "",
    startsOn: f.startsOn,
    endsOn: f.endsOn,
    timeZone: f.timeZone,
    actMaxMinutes: f.actMaxMinutes,
    registrationNeedsHousehold: f.registrationNeedsHousehold,
    status: f.status,
    version: f.version,
    registrationOpensAt: local(f.registrationOpensAt),
    registrationClosesAt: local(f.registrationClosesAt),
    nominationOpensAt: local(f.nominationOpensAt),
    nominationClosesAt: local(f.nominationClosesAt),
    votingOpensAt: local(f.votingOpensAt),
    votingClosesAt: local(f.votingClosesAt),
  };
}
export type FestivalForEdit = ReturnType<typeof editFields>;

export interface VenueDto {
  id: string;
  name: string;
  capacity: number | null;
  description: string | null;
  position: number;
}

export async function listVenues(db: DbOrTx, actor: Actor | null, festivalId: string): Promise<Result<VenueDto[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  return ok(await venuesOf(db, festivalId));
}

// Unchecked: only for reads in this module that have checked the actor already.
function venuesOf(db: DbOrTx, festivalId: string): Promise<VenueDto[]> {
  return db
    .select({
      id: venues.id,
      name: venues.name,
      capacity: venues.capacity,
      description: venues.description,
      position: venues.position,
    })
    .from(venues)
    .where(eq(venues.festivalId, festivalId))
    .orderBy(asc(venues.position), asc(venues.name));
}

export interface BuilderData {
  festival: {
    slug: string;
    title: string;
    startsOn: string;
    endsOn: string;
    timeZone: string;
    status: "draft" | "published" | "archived";
  };
  venues: VenueDto[];
  items: ItemDto[];
  lastPublishedAt: string | null;
  /** Items changed since the last publication (drafts residents do not see yet). */
  unpublishedChanges: boolean;
}

export async function getBuilderData(
  db: DbOrTx,
  actor: Actor | null,
  slug: string,
): Promise<Result<BuilderData | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const [f] = await db
    .select({
      id: festivals.id,
      slug: festivals.slug,
      title: festivals.title,
      startsOn: festivals.startsOn,
      endsOn: festivals.endsOn,
      timeZone: festivals.timeZone,
      status: festivals.status,
      lastPublishedAt: lastPublished,
    })
    .from(festivals)
    .where(eq(festivals.slug, slug));
  if (!f) return ok(null);
  const items = await db
    .select()
    .from(programmeItems)
    .where(eq(programmeItems.festivalId, f.id))
    .orderBy(asc(programmeItems.startsAt), asc(programmeItems.position));
  const last = f.lastPublishedAt ? new Date(f.lastPublishedAt) : null;
  return ok({
    festival: {
      slug: f.slug,
      title: f.title,
      startsOn: f.startsOn,
      endsOn: f.endsOn,
      timeZone: f.timeZone,
      status: f.status,
    },
    venues: await venuesOf(db, f.id),
    items: items.map(toItemDto),
    lastPublishedAt: last?.toISOString() ?? null,
    unpublishedChanges: !last || items.some((i) => i.updatedAt > last || i.createdAt > last),
  });
}
