import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { POINT_KINDS, type AppliedRule } from "../../vocabulary/points";
import {
  CIRCUMSTANCES,
  CLAIM_STATUSES,
  LIVE_CLAIM_STATUSES,
  WISH_CATEGORIES,
  WISH_STATUSES,
} from "../../vocabulary/wishes";
import { oneOf } from "../sql";
import { householdMembers, households, users } from "./accounts";
import { photos } from "./photos";
import { posts } from "./posts";

/** The community's settings: micro-wishes and household codes (one row, id 1). */
export const communitySettings = pgTable(
  "community_settings",
  {
    id: integer("id").primaryKey().default(1),
    /** The most a wish may be worth, in yuan. */
    wishValueCap: integer("wish_value_cap").notNull().default(200),
    /** Open claims a volunteer may hold at once. */
    claimCap: integer("claim_cap").notNull().default(3),
    /** Days a claim holds without fulfilment before the wish reopens. */
    claimDays: integer("claim_days").notNull().default(7),
    /** Verified accounts one household code may give; more wait for an organiser's approval. */
    householdCodeCap: integer("household_code_cap").notNull().default(6),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("community_settings_single", sql`${t.id} = 1`),
    check(
      "community_settings_ranges",
      sql`${t.wishValueCap} between 1 and 100000 and ${t.claimCap} between 1 and 50 and ${t.claimDays} between 1 and 90`,
    ),
    check("community_settings_household_code_cap", sql`${t.householdCodeCap} between 1 and 50`),
  ],
);

/**
 * A resident in hardship a wish is for. Their name, phone and address are private: organisers
 * and the volunteer holding the claim see them, nobody else.
 */
export const beneficiaries = pgTable("beneficiaries", {
  id: uuid("id").primaryKey().defaultRandom(),
  realName: text("real_name").notNull(),
  phone: text("phone"),
  householdId: uuid("household_id").references(() => households.id, { onDelete: "set null" }),
  /** Where to find them when there is no household on the roster. */
  address: text("address"),
  age: integer("age").notNull(),
  circumstance: text("circumstance", { enum: CIRCUMSTANCES }).notNull(),
  /** A resident who submitted a wish for themselves. */
  userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const wishes = pgTable(
  "wishes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    story: text("story").notNull(),
    category: text("category", { enum: WISH_CATEGORIES }).notNull(),
    value: integer("value").notNull(),
    wantedBy: date("wanted_by"),
    /** What the wall shows instead of a name: "王奶奶". */
    alias: text("alias").notNull(),
    photoId: uuid("photo_id").references(() => photos.id, { onDelete: "set null" }),
    status: text("status", { enum: WISH_STATUSES }).notNull().default("pending"),
    reason: text("reason"),
    submittedBy: uuid("submitted_by").references(() => users.id, { onDelete: "set null" }),
    /** A thank-you note shown in the gallery once the wish came true. */
    thanks: text("thanks"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("wishes_status_idx").on(t.status, t.createdAt),
    check("wishes_status_valid", oneOf(t.status, WISH_STATUSES)),
    // Help and company may cost nothing (0); goods are checked to be worth something by the service.
    check("wishes_value_not_negative", sql`${t.value} >= 0`),
  ],
);

/** A volunteer's claim on a wish; at most one live claim per wish (the partial unique index). */
export const wishClaims = pgTable(
  "wish_claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    wishId: uuid("wish_id")
      .notNull()
      .references(() => wishes.id, { onDelete: "cascade" }),
    volunteerId: uuid("volunteer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: CLAIM_STATUSES }).notNull().default("active"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    lapsesAt: timestamp("lapses_at", { withTimezone: true }).notNull(),
    note: text("note"),
    photoId: uuid("photo_id").references(() => photos.id, { onDelete: "set null" }),
    fulfilledAt: timestamp("fulfilled_at", { withTimezone: true }),
    /** The time the volunteer says the wish took, in minutes (0: no time to count). */
    declaredMinutes: integer("declared_minutes"),
    /** The time the organiser confirmed (the declared time, or their correction): the service hours written. */
    confirmedMinutes: integer("confirmed_minutes"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    confirmedBy: uuid("confirmed_by").references(() => users.id, { onDelete: "set null" }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("wish_claims_one_live_uq").on(t.wishId).where(oneOf(t.status, LIVE_CLAIM_STATUSES)),
    index("wish_claims_volunteer_idx").on(t.volunteerId, t.status),
    index("wish_claims_lapse_idx")
      .on(t.lapsesAt)
      .where(sql`${t.status} = 'active'`),
    check("wish_claims_status_valid", oneOf(t.status, CLAIM_STATUSES)),
    // A wish counts for at most 12 hours (WISH_MAX_MINUTES).
    check(
      "wish_claims_minutes_range",
      sql`(${t.declaredMinutes} is null or ${t.declaredMinutes} between 0 and 720) and (${t.confirmedMinutes} is null or ${t.confirmedMinutes} between 0 and 720)`,
    ),
  ],
);

/**
 * Volunteer points: an append-only ledger; a balance is the sum of a person's entries. A
 * household member without an account (a post member the desk signed up) earns them too.
 */
export const pointEntries = pgTable(
  "point_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    householdMemberId: uuid("household_member_id").references(() => householdMembers.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: POINT_KINDS }).notNull(),
    points: integer("points").notNull(),
    reason: text("reason"),
    /** What earned or spent them: a claim, a shift assignment, a patrol team, a session, a reward. */
    refId: uuid("ref_id"),
    /** The red post it was served in, if any. */
    postId: uuid("post_id").references(() => posts.id, { onDelete: "set null" }),
    /** The rule the points were worked out by, as it stood then. */
    rule: jsonb("rule").$type<AppliedRule>(),
    year: integer("year").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("point_entries_user_idx").on(t.userId, t.createdAt),
    index("point_entries_member_idx").on(t.householdMemberId, t.year),
    index("point_entries_year_idx").on(t.year, t.userId),
    index("point_entries_post_idx").on(t.postId, t.year),
    // One award per person per service.
    uniqueIndex("point_entries_service_user_uq")
      .on(t.kind, t.refId, t.userId)
      .where(sql`${t.refId} is not null and ${t.userId} is not null and ${t.kind} not in ('manual', 'redemption')`),
    uniqueIndex("point_entries_service_member_uq")
      .on(t.kind, t.refId, t.householdMemberId)
      .where(sql`${t.refId} is not null and ${t.userId} is null and ${t.kind} not in ('manual', 'redemption')`),
    check("point_entries_someone", sql`${t.userId} is not null or ${t.householdMemberId} is not null`),
    check("point_entries_kind_valid", oneOf(t.kind, POINT_KINDS)),
    check(
      "point_entries_sign",
      sql`(${t.kind} = 'redemption' and ${t.points} < 0) or (${t.kind} <> 'redemption' and ${t.points} <> 0)`,
    ),
  ],
);

/** The small rewards list organisers keep. */
export const rewards = pgTable("rewards", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  cost: integer("cost").notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
