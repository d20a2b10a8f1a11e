import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/**
 * The live reset code an organiser gave a resident at the service desk (one per account: a new one
 * replaces the old). Only its HMAC is kept; `attempts` counts the tries, `consumedAt` ends it once
 * it has let its owner in. The code itself exists only on the printed slip.
 */
export const deskResetCodes = pgTable(
  "desk_reset_codes",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    issuedBy: uuid("issued_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
  },
  (t) => [check("desk_reset_codes_attempts_range", sql`${t.attempts} >= 0`)],
);
