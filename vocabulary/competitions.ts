// Client-safe: the competitions vocabulary, shared by the tables, the schemas and the forms.

export const COMPETITION_FORMATS = ["round_robin", "single_elimination", "double_elimination", "swiss"] as const;
export type CompetitionFormat = (typeof COMPETITION_FORMATS)[number];

/** What is played decides how a score is written down and checked. */
/** chess is international chess; xiangqi is Chinese chess (red moves first). */
export const GAME_TYPES = [
  "chess",
  "xiangqi",
  "go",
  "table_tennis",
  "badminton",
  "guandan",
  "bridge",
  "tug_of_war",
  "relay",
] as const;
export type GameType = (typeof GAME_TYPES)[number];

/** Who plays: one person, a pair (partners from the registrations), or a team (by team name). */
export const ENTRANT_KINDS = ["individual", "pair", "team"] as const;
export type EntrantKind = (typeof ENTRANT_KINDS)[number];

export const SEEDINGS = ["random", "skill"] as const;
export type Seeding = (typeof SEEDINGS)[number];

/**
 * setup: entrants check in, settings change; drawn: the draw exists and may be made again;
 * locked: a result is in, the draw stays; finished: the last result is in.
 */
export const COMPETITION_STATUSES = ["setup", "drawn", "locked", "finished"] as const;
export type CompetitionStatus = (typeof COMPETITION_STATUSES)[number];

export const MATCH_OUTCOMES = ["a", "b", "draw"] as const;
export type MatchOutcome = (typeof MATCH_OUTCOMES)[number];
