import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { FESTIVAL_STATUSES, PROGRAMME_KINDS, type ProgrammeKind } from "../../vocabulary/festivals";
import { oneOf } from "../sql";

export const festivals = pgTable(
  "festivals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    edition: integer("edition").notNull(),
    title: text("title").notNull(),
    theme: text("theme"),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    timeZone: text("time_zone").notNull().default("Asia/Shanghai"),
    status: text("status", { enum: FESTIVAL_STATUSES }).notNull().default("draft"),
    registrationOpensAt: timestamp("registration_opens_at", { withTimezone: true }),
    registrationClosesAt: timestamp("registration_closes_at", { withTimezone: true }),
    nominationOpensAt: timestamp("nomination_opens_at", { withTimezone: true }),
    nominationClosesAt: timestamp("nomination_closes_at", { withTimezone: true }),
    votingOpensAt: timestamp("voting_opens_at", { withTimezone: true }),
    votingClosesAt: timestamp("voting_closes_at", { withTimezone: true }),
    /** When an organiser published the Neighbourhood Star results (hidden from residents before). */
    starsPublishedAt: timestamp("stars_published_at", { withTimezone: true }),
    /** The longest act a performer may register, in minutes. */
    actMaxMinutes: integer("act_max_minutes").notNull().default(10),
    /** Registering needs a verified household (a household code or an organiser's check). */
    registrationNeedsHousehold: boolean("registration_needs_household").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("festivals_slug_uq").on(t.slug),
    check("festivals_dates_ordered", sql`${t.endsOn} >= ${t.startsOn}`),
    check("festivals_status_valid", oneOf(t.status, FESTIVAL_STATUSES)),
    check("festivals_act_max_minutes_range", sql`${t.actMaxMinutes} between 1 and 60`),
  ],
);

export type Festival = typeof festivals.$inferSelect;

export const venues = pgTable(
  "venues",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    festivalId: uuid("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    capacity: integer("capacity"),
    description: text("description"),
    /** Left-to-right order of the venue's column in the programme grid. */
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("venues_festival_name_uq").on(t.festivalId, t.name),
    check("venues_capacity_positive", sql`${t.capacity} is null or ${t.capacity} > 0`),
  ],
);

export const programmeItems = pgTable(
  "programme_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    festivalId: uuid("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    venueId: uuid("venue_id").references(() => venues.id, { onDelete: "restrict" }),
    kind: text("kind", { enum: PROGRAMME_KINDS }).notNull(),
    title: text("title").notNull(),
    description: text("description"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** Places for people who register for it; null where nobody registers. */
    capacity: integer("capacity"),
    /** The performance block an act belongs to; its position is the running order. */
    parentId: uuid("parent_id"),
    position: integer("position").notNull().default(0),
    /** People or acts assigned, by name (registrations link accounts later). */
    people: text("people")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("programme_items_festival_start_idx").on(t.festivalId, t.startsAt),
    index("programme_items_venue_start_idx").on(t.venueId, t.startsAt),
    index("programme_items_parent_idx").on(t.parentId, t.position),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: "programme_items_parent_fk" }).onDelete(
      "cascade",
    ),
    check("programme_items_times_ordered", sql`${t.endsAt} > ${t.startsAt}`),
    check("programme_items_capacity_positive", sql`${t.capacity} is null or ${t.capacity} > 0`),
    check("programme_items_kind_valid", oneOf(t.kind, PROGRAMME_KINDS)),
  ],
);

/**
 * What residents see: a copy of the programme taken when an organiser publishes. Later edits
 * stay drafts until the next publication.
 */
export const programmePublications = pgTable(
  "programme_publications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    festivalId: uuid("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid("published_by"),
    venues: jsonb("venues").$type<PublishedVenue[]>().notNull(),
    items: jsonb("items").$type<PublishedItem[]>().notNull(),
  },
  (t) => [index("programme_publications_festival_idx").on(t.festivalId, t.publishedAt)],
);

export interface PublishedVenue {
  id: string;
  name: string;
  description: string | null;
  position: number;
}

export interface PublishedItem {
  id: string;
  venueId: string | null;
  kind: ProgrammeKind;
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  parentId: string | null;
  position: number;
  people: string[];
}

export type Venue = typeof venues.$inferSelect;
export type ProgrammeItem = typeof programmeItems.$inferSelect;
