// Client-safe: the micro-wishes vocabulary, shared by the tables, the schemas and the forms.

export const CIRCUMSTANCES = ["elderly_alone", "low_income", "disability", "child", "other"] as const;
export type Circumstance = (typeof CIRCUMSTANCES)[number];

export const WISH_CATEGORIES = ["goods", "service", "companionship"] as const;
export type WishCategory = (typeof WISH_CATEGORIES)[number];

/**
 * pending: waiting for vetting; changes: sent back to the submitter; rejected; open: on the wall;
 * claimed: a volunteer holds it; fulfilled: the volunteer says it is done, waiting for an
 * organiser; done: confirmed.
 */
export const WISH_STATUSES = ["pending", "changes", "rejected", "open", "claimed", "fulfilled", "done"] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];

export const CLAIM_STATUSES = ["active", "fulfilled", "confirmed", "withdrawn", "lapsed"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** A live claim holds its wish; a wish has at most one. */
export const LIVE_CLAIM_STATUSES = ["active", "fulfilled"] as const satisfies readonly ClaimStatus[];

/** What the wall shows of a beneficiary's age. */
export const AGE_BANDS = ["child", "adult", "sixties", "seventies", "eighties"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const WALL_SORTS = ["newest", "soonest"] as const;
export type WallSort = (typeof WALL_SORTS)[number];

/**
 * The most time one wish counts for in service hours: 12 hours. The volunteer declares it when
 * the wish came true (0: no time to count, a parcel handed over) and the organiser confirms it.
 */
export const WISH_MAX_HOURS = 12;
export const WISH_MAX_MINUTES = WISH_MAX_HOURS * 60;
