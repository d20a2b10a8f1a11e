// Client-safe: the service hours' vocabulary (time-bank style), shared by the table, the services
// and the pages.

/**
 * What earned the hours: a patrol walked, a backstage shift served, a culture session led, a
 * training attended, a micro-wish fulfilled.
 */
export const HOUR_KINDS = ["patrol", "shift", "culture_session", "training", "wish"] as const;
export type HourKind = (typeof HOUR_KINDS)[number];

/** The longest one service may count for: a day. */
export const MAX_SERVICE_MINUTES = 24 * 60;
