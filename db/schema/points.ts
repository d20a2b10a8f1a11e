import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { MAX_RULE_POINTS, REWARD_ROUND_STATUSES, RULE_BASES, SERVICE_POINT_KINDS } from "../../vocabulary/points";
import { oneOf } from "../sql";
import { householdMembers, users } from "./accounts";

/**
 * The points each kind of service earns, as the organisers set them. A kind without a row earns
 * the default in vocabulary/points.ts. A change counts from then on: entries already written
 * keep the rule they were worked out by.
 */
export const pointRules = pgTable(
  "point_rules",
  {
    kind: text("kind", { enum: SERVICE_POINT_KINDS }).primaryKey(),
    basis: text("basis", { enum: RULE_BASES }).notNull(),
    /** 0: this service earns no points. */
    points: integer("points").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("point_rules_kind_valid", oneOf(t.kind, SERVICE_POINT_KINDS)),
    check("point_rules_basis_valid", oneOf(t.basis, RULE_BASES)),
    check("point_rules_points_range", sql`${t.points} between 0 and ${sql.raw(String(MAX_RULE_POINTS))}`),
  ],
);

/**
 * The year-end reward round (适度回馈): the post members' points of a year, in bands set by the
 * organisers, each band a modest reward. While a draft the bands may change; recording it writes
 * down who gets what, and from then on only the handing over is marked.
 */
export const rewardRounds = pgTable(
  "reward_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year").notNull(),
    status: text("status", { enum: REWARD_ROUND_STATUSES }).notNull().default("draft"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("reward_rounds_year_uq").on(t.year),
    check("reward_rounds_status_valid", oneOf(t.status, REWARD_ROUND_STATUSES)),
    check("reward_rounds_recorded", sql`(${t.status} = 'recorded') = (${t.recordedAt} is not null)`),
  ],
);

/** A band of a round: from so many points up (to the next band), this reward. */
export const rewardBands = pgTable(
  "reward_bands",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rewardRounds.id, { onDelete: "cascade" }),
    minPoints: integer("min_points").notNull(),
    reward: text("reward").notNull(),
  },
  (t) => [
    uniqueIndex("reward_bands_min_uq").on(t.roundId, t.minPoints),
    check("reward_bands_min_positive", sql`${t.minPoints} >= 1`),
  ],
);

/** Who gets what in a recorded round, frozen as it stood: their points, the band's reward, when handed over. */
export const rewardAwards = pgTable(
  "reward_awards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rewardRounds.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    householdMemberId: uuid("household_member_id").references(() => householdMembers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    points: integer("points").notNull(),
    minPoints: integer("min_points").notNull(),
    reward: text("reward").notNull(),
    handedAt: timestamp("handed_at", { withTimezone: true }),
    handedBy: uuid("handed_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("reward_awards_user_uq")
      .on(t.roundId, t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex("reward_awards_member_uq")
      .on(t.roundId, t.householdMemberId)
      .where(sql`${t.userId} is null`),
    check("reward_awards_someone", sql`${t.userId} is not null or ${t.householdMemberId} is not null`),
    check("reward_awards_in_band", sql`${t.points} >= ${t.minPoints}`),
  ],
);
