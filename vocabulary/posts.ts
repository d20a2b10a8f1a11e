// Client-safe: the red posts' vocabulary, shared by the tables, the services and the pages.

/** What a post does: the daily patrol, the culture groups, the publicity post, or another. */
export const POST_KINDS = ["patrol", "culture", "publicity", "other"] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** A member serves as a party member or as a resident activist (居民积极分子). */
export const MEMBER_STANDINGS = ["party_member", "activist"] as const;
export type MemberStanding = (typeof MEMBER_STANDINGS)[number];

/**
 * A member's way through a post: asked for from /posts (requested), taken on (active), not taken
 * (declined), or left. Organisers who add someone themselves make them active at once.
 */
export const MEMBER_STATUSES = ["requested", "active", "declined", "left"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
/** The statuses that hold a place: one such row per person and post. */
export const LIVE_MEMBER_STATUSES = ["requested", "active"] as const satisfies readonly MemberStatus[];

/** When a patrol walks, and when a member says they are free. */
export const PERIODS = ["morning", "evening"] as const;
export type Period = (typeof PERIODS)[number];

/** Days of the week, ISO: 1 Monday … 7 Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A patrol team's size beside its leader, and how long one patrol may last. */
export const TEAM_SIZE = { min: 1, max: 10, default: 3 } as const;
export const PATROL_MINUTES = { min: 15, max: 480, default: 120 } as const;

/**
 * A swap between two patrol members: asked by the one giving a day, accepted or declined by the
 * other, approved or refused by an organiser where the post says so; done once the places moved.
 * Withdrawn by the asker; void when the places were no longer as they were.
 */
export const SWAP_STATUSES = ["asked", "accepted", "done", "declined", "withdrawn", "refused", "void"] as const;
export type SwapStatus = (typeof SWAP_STATUSES)[number];
/** The swaps still waiting for someone. */
export const OPEN_SWAP_STATUSES = ["asked", "accepted"] as const satisfies readonly SwapStatus[];

/** What a patrol saw, and where a note is passed on to. */
export const NOTE_KINDS = ["passage", "lighting", "stranger", "hazard", "other"] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const NOTE_DESTINATIONS = ["council", "property"] as const;
export type NoteDestination = (typeof NOTE_DESTINATIONS)[number];
export const NOTE_MAX = 500;

/** A culture group's meeting: one of its weekly slots, or a special event on a day of its own. */
export const SESSION_KINDS = ["regular", "special"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/**
 * A post's training (each post trains its members every year): planned, held once an organiser
 * took its attendance, or cancelled before that.
 */
export const TRAINING_STATUSES = ["planned", "held", "cancelled"] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];
/** The longest one training may last: a working day. */
export const TRAINING_MAX_MINUTES = 480;
