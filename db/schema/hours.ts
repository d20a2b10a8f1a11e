import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { HOUR_KINDS } from "../../vocabulary/hours";
import { oneOf } from "../sql";
import { householdMembers, users } from "./accounts";
import { posts } from "./posts";

/**
 * Service hours, time-bank style: one row per person per service (a patrol walked, a shift
 * served…), written in the same transaction as the service's confirmation and never twice for
 * one service and person. A household member without an account earns them too.
 */
export const serviceHours = pgTable(
  "service_hours",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    householdMemberId: uuid("household_member_id").references(() => householdMembers.id, { onDelete: "cascade" }),
    /** Their name as the service knew it. */
    name: text("name").notNull(),
    kind: text("kind", { enum: HOUR_KINDS }).notNull(),
    /** The service: a patrol team, a shift assignment, a session… */
    refId: uuid("ref_id").notNull(),
    /** The red post it was served in, if any. */
    postId: uuid("post_id").references(() => posts.id, { onDelete: "set null" }),
    minutes: integer("minutes").notNull(),
    /** The community day it was served on, and its year. */
    servedOn: date("served_on").notNull(),
    year: integer("year").notNull(),
    /** In plain words: "治安巡逻 19:02–20:47". */
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("service_hours_user_idx").on(t.userId, t.year),
    index("service_hours_member_idx").on(t.householdMemberId, t.year),
    index("service_hours_year_idx").on(t.year, t.servedOn),
    // Once per service and person.
    uniqueIndex("service_hours_user_uq")
      .on(t.kind, t.refId, t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex("service_hours_member_uq")
      .on(t.kind, t.refId, t.householdMemberId)
      .where(sql`${t.userId} is null`),
    check("service_hours_someone", sql`${t.userId} is not null or ${t.householdMemberId} is not null`),
    check("service_hours_kind_valid", oneOf(t.kind, HOUR_KINDS)),
    check("service_hours_minutes_range", sql`${t.minutes} between 1 and 1440`),
    check("service_hours_year_matches", sql`${t.year} = extract(year from ${t.servedOn})`),
  ],
);
