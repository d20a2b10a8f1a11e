import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * How often someone did a limited thing on one day (looked up residents by phone, withdrew a
 * claim): one row per key and day, raised by one conditional upsert, so parallel requests can
 * never pass the day's limit together.
 */
export const dailyCounts = pgTable(
  "daily_counts",
  {
    /** What is counted and for whom, e.g. "phone_lookup:<user id>". */
    key: text("key").notNull(),
    /** The calendar day in the community's time zone, YYYY-MM-DD. */
    day: text("day").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.day] })],
);
