import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { festivals, programmeItems, programmePublications, venues } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { outer } from "@/db/sql";
import { toItemDto, type ItemDto } from "./programme-service";
import { utcToZonedLocal } from "./time";

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

export async function listFestivals(db: DbOrTx): Promise<FestivalRow[]> {
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
  return rows.map((r) => ({ ...r, lastPublishedAt: r.lastPublishedAt ? new Date(r.lastPublishedAt) : null }));
}

/** A festival's fields as its edit form shows them: windows as wall-clock times in its zone. */
export async function getFestivalForEdit(db: DbOrTx, slug: string) {
  const [f] = await db.select().from(festivals).where(eq(festivals.slug, slug));
  if (!f) return null;
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
export type FestivalForEdit = NonNullable<Awaited<ReturnType<typeof getFestivalForEdit>>>;

export interface VenueDto {
  id: string;
  name: string;
  capacity: number | null;
  description: string | null;
  position: number;
}

export async function listVenues(db: DbOrTx, festivalId: string): Promise<VenueDto[]> {
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

export async function getBuilderData(db: DbOrTx, slug: string): Promise<BuilderData | null> {
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
  if (!f) return null;
  const items = await db
    .select()
    .from(programmeItems)
    .where(eq(programmeItems.festivalId, f.id))
    .orderBy(asc(programmeItems.startsAt), asc(programmeItems.position));
  const last = f.lastPublishedAt ? new Date(f.lastPublishedAt) : null;
  return {
    festival: {
      slug: f.slug,
      title: f.title,
      startsOn: f.startsOn,
      endsOn: f.endsOn,
      timeZone: f.timeZone,
      status: f.status,
    },
    venues: await listVenues(db, f.id),
    items: items.map(toItemDto),
    lastPublishedAt: last?.toISOString() ?? null,
    unpublishedChanges: !last || items.some((i) => i.updatedAt > last || i.createdAt > last),
  };
}
