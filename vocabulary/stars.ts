// Client-safe: the Neighbourhood Stars vocabulary, shared by the tables, the schemas and the forms.

/** Who casts a ballot: each resident, or each household once. */
export const STAR_MODES = ["resident", "household"] as const;
export type StarMode = (typeof STAR_MODES)[number];

export const NOMINATION_STATUSES = ["pending", "approved", "rejected", "declined", "merged"] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** Where a ballot was cast: online by the voter, or on paper and typed in at the service desk. */
export const BALLOT_CHANNELS = ["online", "desk"] as const;
export type BallotChannel = (typeof BALLOT_CHANNELS)[number];
