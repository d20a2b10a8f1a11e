import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  COMPETITION_FORMATS,
  COMPETITION_STATUSES,
  ENTRANT_KINDS,
  GAME_TYPES,
  MATCH_OUTCOMES,
  SEEDINGS,
} from "../../vocabulary/competitions";
import { oneOf } from "../sql";
import { users } from "./accounts";
import { festivals, programmeItems } from "./festivals";

/** When a competition's rounds are played, and on how many tables (boards, courts) at once. */
export interface CompetitionSchedule {
  /** How many tables, boards or courts are played on at once. */
  tables: number;
  /** How long one match takes, with changing over. */
  matchMinutes: number;
  /** When each round starts (ISO), round 1 first. */
  roundStarts: string[];
}

/** A competition is one sport event or card/chess item of the programme, run in one format. */
export const competitions = pgTable(
  "competitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    festivalId: uuid("festival_id")
      .notNull()
      .references(() => festivals.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => programmeItems.id, { onDelete: "cascade" }),
    format: text("format", { enum: COMPETITION_FORMATS }).notNull(),
    game: text("game", { enum: GAME_TYPES }).notNull(),
    entrantKind: text("entrant_kind", { enum: ENTRANT_KINDS }).notNull().default("individual"),
    /** Round robin: entrants per group (all in one group when empty). */
    groupSize: integer("group_size"),
    /** Single elimination: a match for third place between the losing semi-finalists. */
    thirdPlace: boolean("third_place").notNull().default(false),
    /** Swiss: how many rounds. */
    rounds: integer("rounds"),
    /** Table tennis and badminton: best of 3 or 5 games. */
    bestOf: integer("best_of"),
    seeding: text("seeding", { enum: SEEDINGS }).notNull().default("random"),
    status: text("status", { enum: COMPETITION_STATUSES }).notNull().default("setup"),
    /** The random draw's seed, so a draw can be shown to have been made fairly and made again the same way. */
    drawSeed: integer("draw_seed"),
    drawnAt: timestamp("drawn_at", { withTimezone: true }),
    /** When each round is played and on how many tables; null until an organiser sets it. */
    schedule: jsonb("schedule").$type<CompetitionSchedule>(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("competitions_item_uq").on(t.itemId),
    index("competitions_festival_idx").on(t.festivalId),
    check("competitions_format_valid", oneOf(t.format, COMPETITION_FORMATS)),
    check("competitions_game_valid", oneOf(t.game, GAME_TYPES)),
    check("competitions_entrant_kind_valid", oneOf(t.entrantKind, ENTRANT_KINDS)),
    check("competitions_status_valid", oneOf(t.status, COMPETITION_STATUSES)),
    check("competitions_group_size_range", sql`${t.groupSize} is null or ${t.groupSize} between 3 and 16`),
    check("competitions_rounds_range", sql`${t.rounds} is null or ${t.rounds} between 1 and 15`),
    check("competitions_best_of_valid", sql`${t.bestOf} is null or ${t.bestOf} in (1, 3, 5)`),
  ],
);

/** A member of an entrant: the registration they came from, and their account when they have one. */
export interface EntrantMember {
  registrationId: string;
  userId: string | null;
  name: string;
}

/** One entrant: a person, a pair or a team, made from accepted registrations. */
export const competitionEntrants = pgTable(
  "competition_entrants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    competitionId: uuid("competition_id")
      .notNull()
      .references(() => competitions.id, { onDelete: "cascade" }),
    /** What the draw and the tables show: a name, "A / B" for a pair, the team's name. */
    name: text("name").notNull(),
    members: jsonb("members").$type<EntrantMember[]>().notNull().default([]),
    /** 1 beginner … 3 advanced, from the registrations (a pair's or team's best). */
    skill: integer("skill").notNull().default(1),
    checkedIn: boolean("checked_in").notNull().default(false),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    /** Left after the draw: their remaining matches are walkovers. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    /** Place in the draw (1 = top seed), set when the draw is made. */
    seed: integer("seed"),
    /** Round robin: the group (1, 2, …). */
    groupNo: integer("group_no"),
    /** Swiss: a round they asked to sit out, scored half a point instead of being paired. */
    halfByeRound: integer("half_bye_round"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("competition_entrants_name_uq").on(t.competitionId, t.name),
    index("competition_entrants_competition_idx").on(t.competitionId, t.seed),
  ],
);

/**
 * One match (a game, a pairing, a bracket slot). Its sides are entrants, or — in a bracket —
 * still to be decided by an earlier match (`feeds`). A side with no entrant and no feed is a bye.
 */
export const competitionMatches = pgTable(
  "competition_matches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    competitionId: uuid("competition_id")
      .notNull()
      .references(() => competitions.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    groupNo: integer("group_no"),
    /** Order within the round; also the table or court number unless one is named. */
    position: integer("position").notNull(),
    /** Side A is white (chess, Go) or the first named (sports). */
    entrantA: uuid("entrant_a").references(() => competitionEntrants.id, { onDelete: "set null" }),
    entrantB: uuid("entrant_b").references(() => competitionEntrants.id, { onDelete: "set null" }),
    /** Where each side comes from in a bracket: { a?: { winnerOf | loserOf: matchId }, b?: … }. */
    feeds: jsonb("feeds")
      .$type<{ a?: { winnerOf?: string; loserOf?: string }; b?: { winnerOf?: string; loserOf?: string } }>()
      .notNull()
      .default({}),
    /** "third_place" for the match for third. */
    label: text("label"),
    tableName: text("table_name"),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    outcome: text("outcome", { enum: MATCH_OUTCOMES }),
    /** The score as entered (games, levels, pulls) and whether it was a walkover or a withdrawal. */
    score: jsonb("score").$type<Record<string, unknown>>(),
    enteredBy: uuid("entered_by").references(() => users.id, { onDelete: "set null" }),
    enteredAt: timestamp("entered_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    // A group-less match has no group: still one match per place.
    unique("competition_matches_place_uq").on(t.competitionId, t.round, t.groupNo, t.position).nullsNotDistinct(),
    index("competition_matches_entrant_a_idx").on(t.entrantA),
    index("competition_matches_entrant_b_idx").on(t.entrantB),
    check("competition_matches_outcome_valid", sql`${t.outcome} is null or ${oneOf(t.outcome, MATCH_OUTCOMES)}`),
    check(
      "competition_matches_two_sides",
      sql`${t.entrantA} is null or ${t.entrantB} is null or ${t.entrantA} <> ${t.entrantB}`,
    ),
  ],
);

/** A referee enters results for one competition; organisers grant the role per competition. */
export const competitionReferees = pgTable(
  "competition_referees",
  {
    competitionId: uuid("competition_id")
      .notNull()
      .references(() => competitions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    grantedBy: uuid("granted_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.competitionId, t.userId] })],
);
