// Client-safe: the festivals vocabulary, shared by the tables, the schemas and the forms.

export const FESTIVAL_STATUSES = ["draft", "published", "archived"] as const;
export type FestivalStatus = (typeof FESTIVAL_STATUSES)[number];

export const PROGRAMME_KINDS = [
  "performance_block",
  "single_act",
  "sport_event",
  "card_chess",
  "ceremony",
  "fair_booth",
  "wish_ceremony",
] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
