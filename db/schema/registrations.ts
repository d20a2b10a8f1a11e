import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  LINK_KINDS,
  LIVE_REGISTRATION_STATUSES,
  REGISTRATION_ROLES,
  REGISTRATION_STATUSES,
} from "../../vocabulary/registrations";
import { oneOf } from "../sql";
import { householdMembers, users } from "./accounts";
import { festivals, programmeItems } from "./festivals";

/**
 * Places: one row per role of a festival ("role:athlete") and per programme item
 * ("item:<id>"). `taken` counts registrations holding a place; the check keeps it within capacity.
 */
export const quotas = pgTable(
  "quotas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    festivalId: uuid("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    scope: text("scope").notNull(),
    capacity: integer("capacity").notNull(),
    taken: integer("taken").notNull().default(0),
  },
  (t) => [
    uniqueIndex("quotas_festival_scope_uq").on(t.festivalId, t.scope),
    check("quotas_taken_within_capacity", sql`${t.taken} >= 0 and ${t.taken} <= ${t.capacity}`),
  ],
);

export const registrations = pgTable(
  "registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    festivalId: uuid("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    /**
     * The account that registered (and is told of changes). None when the desk registered a
     * member of a household that has no account: nobody online is told then.
     */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    /**
     * Who takes part: the account holder ("self") or a household member without a phone
     * ("member:<memberId>"; registrations made before members were kept say "member:<name>").
     */
    participantKey: text("participant_key").notNull(),
    participantName: text("participant_name").notNull(),
    /** The household member taking part, when it is one (picked from the household's members). */
    householdMemberId: uuid("household_member_id").references(() => householdMembers.id, { onDelete: "set null" }),
    /** The organiser who registered them at the service desk (null when the registrant did it online). */
    registeredAtDeskBy: uuid("registered_at_desk_by").references(() => users.id, { onDelete: "set null" }),
    participantAge: integer("participant_age"),
    role: text("role", { enum: REGISTRATION_ROLES }).notNull(),
    itemId: uuid("item_id").references(() => programmeItems.id, { onDelete: "set null" }),
    status: text("status", { enum: REGISTRATION_STATUSES }).notNull(),
    /** Arrival order on the waiting list. */
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** When an organiser accepted it (an accepted act goes into the programme). */
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    reason: text("reason"),
    /** The organisers' own note; residents never see it. */
    note: text("note"),
    /** A team event's team, as its members typed it (matched without regard to case). */
    team: text("team"),
    /** The registration of a pair game's partner, once both are known. */
    partnerRegistrationId: uuid("partner_registration_id"),
    /** The programme item an accepted act became. */
    programmeItemId: uuid("programme_item_id").references(() => programmeItems.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One live registration per person, role and item.
    uniqueIndex("registrations_once_uq")
      .on(
        t.festivalId,
        t.userId,
        t.participantKey,
        t.role,
        sql`coalesce(${t.itemId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(oneOf(t.status, LIVE_REGISTRATION_STATUSES)),
    // A member is registered once, whichever account of the household (or the desk) did it.
    uniqueIndex("registrations_member_once_uq")
      .on(
        t.festivalId,
        t.householdMemberId,
        t.role,
        sql`coalesce(${t.itemId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .where(sql`${t.householdMemberId} is not null and ${oneOf(t.status, LIVE_REGISTRATION_STATUSES)}`),
    index("registrations_waitlist_idx").on(t.festivalId, t.status, t.queuedAt),
    index("registrations_user_idx").on(t.userId),
    index("registrations_item_team_idx").on(t.itemId, t.team),
    check("registrations_role_valid", oneOf(t.role, REGISTRATION_ROLES)),
    check("registrations_status_valid", oneOf(t.status, REGISTRATION_STATUSES)),
  ],
);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

export type Registration = typeof registrations.$inferSelect;

/**
 * Other residents named in a registration: co-performers of an act, the partner of a pair game.
 * They are told, see it on their page, and can decline.
 */
export const registrationLinks = pgTable(
  "registration_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: LINK_KINDS }).notNull(),
    declinedAt: timestamp("declined_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("registration_links_uq").on(t.registrationId, t.userId, t.kind),
    index("registration_links_user_idx").on(t.userId),
    check("registration_links_kind_valid", oneOf(t.kind, LINK_KINDS)),
  ],
);

/** A backstage shift: a task at a time, with a number of helpers. */
export const shifts = pgTable(
  "shifts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    festivalId: uuid("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    skill: text("skill"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    places: integer("places").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("shifts_festival_start_idx").on(t.festivalId, t.startsAt),
    check("shifts_times_ordered", sql`${t.endsAt} > ${t.startsAt}`),
    check("shifts_places_positive", sql`${t.places} > 0`),
  ],
);

/** A backstage pioneer on a shift; `servedAt` is set when an organiser marks it served. */
export const shiftAssignments = pgTable(
  "shift_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    shiftId: uuid("shift_id")
      .notNull()
      .references(() => shifts.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    servedAt: timestamp("served_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("shift_assignments_uq").on(t.shiftId, t.registrationId),
    index("shift_assignments_registration_idx").on(t.registrationId),
  ],
);

export type Shift = typeof shifts.$inferSelect;
