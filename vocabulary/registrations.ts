import type { ProgrammeKind } from "./festivals";

// Client-safe: the registrations vocabulary, shared by the tables, the schemas, the services and
// the forms.

export const REGISTRATION_ROLES = ["performer", "backstage", "athlete", "player"] as const;
export type RegistrationRole = (typeof REGISTRATION_ROLES)[number];

/**
 * confirmed: holds a place (organisers may still accept or reject it); waitlisted: no place yet,
 * in arrival order; rejected / cancelled: no place, kept for the record.
 */
export const REGISTRATION_STATUSES = ["confirmed", "waitlisted", "rejected", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** A live registration holds a place or waits for one; a person has one per role and item. */
export const LIVE_REGISTRATION_STATUSES = ["confirmed", "waitlisted"] as const satisfies readonly RegistrationStatus[];

/** The items each role registers for; performers and backstage pioneers register for the role. */
export const ITEM_KIND_OF_ROLE = { athlete: "sport_event", player: "card_chess" } as const satisfies Partial<
  Record<RegistrationRole, ProgrammeKind>
>;
export type ItemRole = keyof typeof ITEM_KIND_OF_ROLE;

/** Other residents named in a registration: co-performers of an act, the partner of a pair game. */
export const LINK_KINDS = ["co_performer", "partner"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * What the review list can be narrowed to. "pending" holds a place the organisers have not yet
 * accepted; "confirmed" is every registration holding a place, accepted or not.
 */
export const REVIEW_STATUSES = ["pending", "accepted", "confirmed", "waitlisted", "rejected", "cancelled"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

// What the role forms offer.
export const ACT_TYPES = ["choir", "dance", "opera", "instrument", "recital", "skit", "other"] as const;
export const STAGE_NEEDS = ["microphones", "music", "chairs", "other"] as const;
export const TIMES_OF_DAY = ["morning", "afternoon", "evening", "any"] as const;
export const SKILLS = [
  "setup",
  "sound",
  "lighting",
  "photography",
  "stewarding",
  "first_aid",
  "catering",
  "cleanup",
] as const;
export const AGE_GROUPS = ["child", "youth", "adult", "senior"] as const;
export const SKILL_LEVELS = ["beginner", "intermediate", "advanced"] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];
