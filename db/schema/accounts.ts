import { sql } from "drizzle-orm";
import { HOUSEHOLD_REQUEST_STATUSES, MEMBER_RELATIONS, ROLES, VERIFICATION_METHODS } from "../../vocabulary/accounts";
import { MESSAGE_LOCALES } from "../../vocabulary/messages";
import { oneOf } from "../sql";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const households = pgTable(
  "households",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    building: text("building").notNull(),
    unit: text("unit").notNull(),
    room: text("room").notNull(),
    householderName: text("householder_name"),
    /** Stored without separators, upper case; printed as XXXX-XXXX. */
    code: text("code").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("households_address_uq").on(t.building, t.unit, t.room),
    uniqueIndex("households_code_uq").on(t.code),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    phone: text("phone").notNull(),
    passwordHash: text("password_hash").notNull(),
    householdId: uuid("household_id").references(() => households.id, { onDelete: "set null" }),
    /** Shown on the points leaderboard as "a volunteer" instead of by name. */
    pointsAnonymous: boolean("points_anonymous").notNull().default(false),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    /** "code" (household code) or "organiser" (checked in person). */
    verifiedBy: text("verified_by", { enum: VERIFICATION_METHODS }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** When the owner proved the number with a one-time code (registering needs it). */
    phoneConfirmedAt: timestamp("phone_confirmed_at", { withTimezone: true }),
    /** The language their text messages are written in (the one they signed up in, or chose). */
    locale: text("locale", { enum: MESSAGE_LOCALES }).notNull().default("zh-CN"),
    /** Sessions issued before this instant are refused (sign-out, password change, disabling). */
    tokensValidAfter: timestamp("tokens_valid_after", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_phone_uq").on(t.phone),
    index("users_household_idx").on(t.householdId),
    index("users_created_idx").on(t.createdAt),
    check("users_verified_needs_household", sql`${t.verifiedAt} is null or ${t.householdId} is not null`),
    check("users_locale_valid", oneOf(t.locale, MESSAGE_LOCALES)),
    check("users_verified_by_valid", sql`${t.verifiedBy} is null or ${oneOf(t.verifiedBy, VERIFICATION_METHODS)}`),
  ],
);

export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    grantedBy: uuid("granted_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] }), check("user_roles_role_valid", oneOf(t.role, ROLES))],
);

/**
 * Someone who lives in a household and has no account (no phone, or no wish for one): added at
 * the service desk or by a verified member of the household. They can be registered for the
 * festival and vote on paper at the desk. A member who leaves is removed (kept for the records
 * that name them), never deleted.
 */
export const householdMembers = pgTable(
  "household_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    birthYear: integer("birth_year").notNull(),
    relation: text("relation", { enum: MEMBER_RELATIONS }).notNull(),
    /** The account that added them (an organiser at the desk, or a member of the household). */
    addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("household_members_household_idx").on(t.householdId),
    // One living member of a name per household: the name is how the desk and the forms tell them apart.
    uniqueIndex("household_members_name_uq")
      .on(t.householdId, sql`lower(${t.name})`)
      .where(sql`${t.removedAt} is null`),
    check("household_members_relation_valid", oneOf(t.relation, MEMBER_RELATIONS)),
    check("household_members_birth_year_valid", sql`${t.birthYear} between 1900 and 2100`),
  ],
);

/**
 * An account that linked a household code once the household already had as many verified
 * accounts as the code may verify: it stays unverified until an organiser approves or refuses.
 * One waiting request per account.
 */
export const householdLinkRequests = pgTable(
  "household_link_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id, { onDelete: "cascade" }),
    status: text("status", { enum: HOUSEHOLD_REQUEST_STATUSES }).notNull().default("waiting"),
    reason: text("reason"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("household_link_requests_waiting_uq")
      .on(t.userId)
      .where(sql`${t.status} = 'waiting'`),
    index("household_link_requests_status_idx").on(t.status, t.createdAt),
    check("household_link_requests_status_valid", oneOf(t.status, HOUSEHOLD_REQUEST_STATUSES)),
  ],
);

/**
 * Failed attempts per key ("phone:…", "ip:…", "code:…"): a counter inside a window,
 * and a lock that is set once the counter passes its limit.
 */
export const throttles = pgTable("throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

export type Household = typeof households.$inferSelect;
export type User = typeof users.$inferSelect;
export type HouseholdMember = typeof householdMembers.$inferSelect;
export type HouseholdLinkRequest = typeof householdLinkRequests.$inferSelect;
