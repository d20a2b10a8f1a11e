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
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import {
  AUDIENCE_KINDS,
  BROADCAST_STATUSES,
  CODE_PURPOSES,
  DELIVERY_STATUSES,
  MESSAGE_LOCALES,
  MESSAGE_TOPICS,
  SKIP_REASONS,
  SMS_TEMPLATES,
} from "../../vocabulary/messages";
import { oneOf } from "../sql";
import { users } from "./accounts";
import { notifications } from "./registrations";

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
    /** The delivery it carries out: a retried send finds its message here instead of sending again. */
    deliveryId: uuid("delivery_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outbox_created_idx").on(t.createdAt),
    index("outbox_recipient_idx").on(t.recipient, t.createdAt),
    uniqueIndex("outbox_delivery_uq").on(t.deliveryId),
  ],
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

/**
 * The delivery log: one row per text message Linli means to send about a notification, from
 * queued (or held for the morning) to sent, failed or skipped. The values are what the template
 * says, never more than the recipient may see; the text is written in their language when sent.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    notificationId: uuid("notification_id").references(() => notifications.id, { onDelete: "set null" }),
    channel: text("channel", { enum: ["sms"] })
      .notNull()
      .default("sms"),
    topic: text("topic", { enum: MESSAGE_TOPICS }).notNull(),
    template: text("template", { enum: SMS_TEMPLATES }).notNull(),
    params: jsonb("params").$type<Record<string, string>>().notNull().default({}),
    /** What it is about (a claim, a registration): checked again when it is sent, in case it changed. */
    subjectId: uuid("subject_id"),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
    skipReason: text("skip_reason", { enum: SKIP_REASONS }),
    /** Not before this instant (the end of quiet hours for a held message). */
    sendAfter: timestamp("send_after", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Where it went and how, as sent: the number and language at that moment. */
    recipient: text("recipient"),
    locale: text("locale", { enum: MESSAGE_LOCALES }),
    provider: text("provider"),
    providerMessageId: text("provider_message_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("deliveries_created_idx").on(t.createdAt),
    index("deliveries_user_sent_idx").on(t.userId, t.sentAt),
    index("deliveries_status_idx").on(t.status, t.createdAt),
    check("deliveries_status_valid", oneOf(t.status, DELIVERY_STATUSES)),
    check("deliveries_topic_valid", oneOf(t.topic, MESSAGE_TOPICS)),
    check("deliveries_template_valid", oneOf(t.template, SMS_TEMPLATES)),
    check("deliveries_skip_valid", sql`${t.skipReason} is null or ${oneOf(t.skipReason, SKIP_REASONS)}`),
    check("deliveries_attempts_range", sql`${t.attempts} >= 0`),
  ],
);

/** A person's choice for one topic; a topic without a row keeps its default. */
export const smsPreferences = pgTable(
  "sms_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    topic: text("topic", { enum: MESSAGE_TOPICS }).notNull(),
    sms: boolean("sms").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.topic] }),
    check("sms_preferences_topic_valid", oneOf(t.topic, MESSAGE_TOPICS)),
  ],
);

/**
 * The job now standing for a thing that will happen at a time ("claim-lapse:<id>"): moving the
 * thing cancels that job and sends another; ending it cancels it.
 */
export const jobKeys = pgTable("job_keys", {
  key: text("key").primaryKey(),
  queue: text("queue").notNull(),
  jobId: uuid("job_id").notNull(),
  runAt: timestamp("run_at", { withTimezone: true }).notNull(),
});

export type Delivery = typeof deliveries.$inferSelect;

/** Whom a broadcast goes to: a kind and what it needs (a festival's role, an item, a shift, a building). */
export interface Audience {
  kind: (typeof AUDIENCE_KINDS)[number];
  festivalId?: string;
  role?: string;
  itemId?: string;
  shiftId?: string;
  building?: string;
}

/** An organiser's message to a group, sent now or at a time; each recipient gets a notification. */
export const broadcasts = pgTable(
  "broadcasts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    audience: jsonb("audience").$type<Audience>().notNull(),
    /** How the audience was described when it was written ("运动健儿 · 2026 邻里节"), for the list. */
    audienceLabel: text("audience_label").notNull(),
    body: text("body").notNull(),
    /** Also by text message to those who take broadcasts by SMS. */
    sms: boolean("sms").notNull(),
    status: text("status", { enum: BROADCAST_STATUSES }).notNull(),
    sendAt: timestamp("send_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    recipients: integer("recipients"),
    textMessages: integer("text_messages"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("broadcasts_created_idx").on(t.createdAt),
    check("broadcasts_status_valid", oneOf(t.status, BROADCAST_STATUSES)),
    check("broadcasts_body_length", sql`char_length(${t.body}) between 1 and 500`),
  ],
);

export type Broadcast = typeof broadcasts.$inferSelect;
