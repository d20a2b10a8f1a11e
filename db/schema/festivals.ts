import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid, date } from "drizzle-orm/pg-core";

export const FESTIVAL_STATUSES = ["draft", "published", "archived"] as const;

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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("festivals_slug_uq").on(t.slug),
    check("festivals_dates_ordered", sql`${t.endsOn} >= ${t.startsOn}`),
    check("festivals_status_valid", sql`${t.status} in ('draft', 'published', 'archived')`),
  ],
);

export type Festival = typeof festivals.$inferSelect;
