import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { BALLOT_CHANNELS, NOMINATION_STATUSES, STAR_MODES } from "../../vocabulary/stars";
import { oneOf } from "../sql";
import { householdMembers, households, users } from "./accounts";
import { festivals } from "./festivals";
import { photos } from "./photos";

/** A Neighbourhood Star category of a festival. Its rules are fixed once voting opens. */
export const starCategories = pgTable(
  "star_categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    festivalId: uuid("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    winners: integer("winners").notNull().default(1),
    votesPerVoter: integer("votes_per_voter").notNull().default(1),
    mode: text("mode", { enum: STAR_MODES }).notNull().default("resident"),
    /** How many people one resident may nominate in this category. */
    nominationCap: integer("nomination_cap").notNull().default(2),
    position: integer("position").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("star_categories_festival_name_uq").on(t.festivalId, t.name),
    check("star_categories_mode_valid", oneOf(t.mode, STAR_MODES)),
    check(
      "star_categories_numbers",
      sql`${t.winners} between 1 and 50 and ${t.votesPerVoter} between 1 and 10 and ${t.nominationCap} between 1 and 10`,
    ),
  ],
);

/**
 * A nomination: a neighbour (with an account, or named with building and unit) and the story of
 * why. Approved nominations are the candidates; a merged one's story shows with the one it joined.
 */
export const starNominations = pgTable(
  "star_nominations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    festivalId: uuid("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => starCategories.id, { onDelete: "cascade" }),
    nominatorId: uuid("nominator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    nomineeUserId: uuid("nominee_user_id").references(() => users.id, { onDelete: "set null" }),
    nomineeName: text("nominee_name").notNull(),
    building: text("building"),
    unit: text("unit"),
    story: text("story").notNull(),
    photoId: uuid("photo_id").references(() => photos.id, { onDelete: "set null" }),
    status: text("status", { enum: NOMINATION_STATUSES }).notNull().default("pending"),
    reason: text("reason"),
    mergedInto: uuid("merged_into"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("star_nominations_category_status_idx").on(t.categoryId, t.status),
    index("star_nominations_nominator_idx").on(t.nominatorId, t.categoryId),
    check("star_nominations_status_valid", oneOf(t.status, NOMINATION_STATUSES)),
  ],
);

/**
 * That a voter (or, in household mode, a household) has voted in a category — never for whom.
 * One row per voter key and category: a ballot is final. The choice goes to star_pending_votes
 * in the same transaction and, once voting closes, is mixed away from it (lib/stars/mix.ts).
 */
export const starBallots = pgTable(
  "star_ballots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    festivalId: uuid("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => starCategories.id, { onDelete: "cascade" }),
    /** "user:<id>", "member:<id>" or "household:<id>". */
    voterKey: text("voter_key").notNull(),
    /** The account that voted; a household member without an account votes on paper instead. */
    voterId: uuid("voter_id").references(() => users.id, { onDelete: "cascade" }),
    memberId: uuid("member_id").references(() => householdMembers.id, { onDelete: "cascade" }),
    householdId: uuid("household_id").references(() => households.id, { onDelete: "set null" }),
    channel: text("channel", { enum: BALLOT_CHANNELS }).notNull().default("online"),
    /** The organiser who typed a paper ballot in at the desk. */
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    ip: text("ip"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("star_ballots_once_uq").on(t.categoryId, t.voterKey),
    index("star_ballots_festival_time_idx").on(t.festivalId, t.createdAt),
    check("star_ballots_has_voter", sql`${t.voterId} is not null or ${t.memberId} is not null`),
    check("star_ballots_channel_valid", oneOf(t.channel, BALLOT_CHANNELS)),
  ],
);

/**
 * A choice while voting runs: written with its ballot (so it shares that transaction), hence
 * kept only until voting closes. It names no voter and holds no time; mixing moves it into
 * star_votes and star_receipts in shuffled batches and deletes it.
 */
export const starPendingVotes = pgTable(
  "star_pending_votes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => starCategories.id, { onDelete: "cascade" }),
    candidateIds: uuid("candidate_ids").array().notNull(),
    receipt: text("receipt").notNull(),
  },
  (t) => [uniqueIndex("star_pending_votes_receipt_uq").on(t.categoryId, t.receipt)],
);

/** The counted votes: one row per chosen candidate, with neither voter, receipt nor time. */
export const starVotes = pgTable(
  "star_votes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => starCategories.id, { onDelete: "cascade" }),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => starNominations.id, { onDelete: "cascade" }),
  },
  (t) => [index("star_votes_category_candidate_idx").on(t.categoryId, t.candidateId)],
);

/**
 * The receipts of counted ballots, without their choice: the public list each voter checks
 * their own against. A receipt that told the choice would let a vote be bought and checked.
 */
export const starReceipts = pgTable(
  "star_receipts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => starCategories.id, { onDelete: "cascade" }),
    receipt: text("receipt").notNull(),
  },
  (t) => [
    uniqueIndex("star_receipts_category_receipt_uq").on(t.categoryId, t.receipt),
    index("star_receipts_receipt_idx").on(t.receipt),
  ],
);

/** Published winners, fixed when an organiser publishes; a settled tie keeps its reason. */
export const starWinners = pgTable(
  "star_winners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => starCategories.id, { onDelete: "cascade" }),
    nominationId: uuid("nomination_id")
      .notNull()
      .references(() => starNominations.id, { onDelete: "cascade" }),
    rank: integer("rank").notNull(),
    votes: integer("votes").notNull(),
    tieReason: text("tie_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("star_winners_uq").on(t.categoryId, t.nominationId)],
);

export type StarCategory = typeof starCategories.$inferSelect;
export type StarNomination = typeof starNominations.$inferSelect;
