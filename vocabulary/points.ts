// Client-safe: the volunteer points vocabulary, shared by the ledger table, the services and the pages.

import type { HourKind } from "./hours";

export const POINT_KINDS = [
  "wish_fulfilled",
  "shift_served",
  "patrol",
  "culture_session",
  "training",
  "manual",
  "redemption",
] as const;
export type PointKind = (typeof POINT_KINDS)[number];

/** The services whose points follow a rule the organisers set; the other kinds are typed in by hand. */
export const SERVICE_POINT_KINDS = ["patrol", "culture_session", "training", "shift_served", "wish_fulfilled"] as const;
export type ServicePointKind = (typeof SERVICE_POINT_KINDS)[number];

/** The service behind a kind of service hours, as the points ledger names it. */
export const POINT_KIND_OF_HOURS: Record<HourKind, ServicePointKind> = {
  patrol: "patrol",
  shift: "shift_served",
  culture_session: "culture_session",
  training: "training",
  wish: "wish_fulfilled",
};

/** A rule gives so many points for each service, or so many for each hour of it (pro rata). */
export const RULE_BASES = ["each", "hour"] as const;
export type RuleBasis = (typeof RULE_BASES)[number];

export interface PointRule {
  basis: RuleBasis;
  points: number;
}

/** What each service earns until an organiser sets a rule of their own. */
export const DEFAULT_POINT_RULES: Record<ServicePointKind, PointRule> = {
  patrol: { basis: "each", points: 10 },
  culture_session: { basis: "each", points: 5 },
  training: { basis: "each", points: 5 },
  shift_served: { basis: "each", points: 5 },
  wish_fulfilled: { basis: "each", points: 10 },
};

/** The most a rule may give, for each service or for each hour. */
export const MAX_RULE_POINTS = 100;

/** The points a rule gives for one service of so many minutes (per hour: pro rata, rounded). */
export function pointsByRule(rule: PointRule, minutes: number): number {
  if (rule.basis === "each") return rule.points;
  return Math.round((rule.points * Math.max(0, minutes)) / 60);
}

/** How the ledger keeps the rule an entry was worked out by, to say it in plain words later. */
export interface AppliedRule extends PointRule {
  minutes: number;
}

/** A year-end reward round: its bands are set while a draft; recording it freezes who gets what. */
export const REWARD_ROUND_STATUSES = ["draft", "recorded"] as const;
export type RewardRoundStatus = (typeof REWARD_ROUND_STATUSES)[number];

/** At most so many bands in a round. */
export const MAX_REWARD_BANDS = 8;
