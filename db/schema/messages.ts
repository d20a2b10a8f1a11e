import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { CODE_PURPOSES, SMS_TEMPLATES } from "../../vocabulary/messages";
import { oneOf } from "../sql";

/**
 * Every text message the outbox provider "sent": what a configured SMS provider would have
 * delivered, kept for the admins to read (the demo and the tests have no provider).
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipient: text("recipient").notNull(),
    template: text("template", { enum: SMS_TEMPLATES }).notNull(),
    locale: text("locale").notNull(),
    /** The message as the recipient reads it, in their language. */
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_created_idx").on(t.createdAt), index("outbox_recipient_idx").on(t.recipient, t.createdAt)],
);

/**
 * The live one-time code of a number for one purpose (a new one replaces it). Only its HMAC is
 * kept; `attempts` counts the tries, and `consumedAt` ends it once it has been used.
 */
export const phoneCodes = pgTable(
  "phone_codes",
  {
    phone: text("phone").notNull(),
    purpose: text("purpose", { enum: CODE_PURPOSES }).notNull(),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.phone, t.purpose] }),
    check("phone_codes_purpose_valid", oneOf(t.purpose, CODE_PURPOSES)),
    check("phone_codes_attempts_range", sql`${t.attempts} >= 0`),
  ],
);

/**
 * How many codes went out inside the current window, per key ("phone:…" an hour, "ip:…" a day),
 * and when the last one went ("pause:<purpose>:…"): decided in one upsert, so parallel requests
 * cannot pass a limit.
 */
export const smsQuotas = pgTable("sms_quotas", {
  key: text("key").primaryKey(),
  sent: integer("sent").notNull(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  lastSentAt: timestamp("last_sent_at", { withTimezone: true }).notNull(),
});

export type OutboxMessage = typeof outboxMessages.$inferSelect;
