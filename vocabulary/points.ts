// Client-safe: the volunteer points vocabulary, shared by the ledger table, the services and the pages.

export const POINT_KINDS = ["wish_fulfilled", "shift_served", "manual", "redemption"] as const;
export type PointKind = (typeof POINT_KINDS)[number];

/** Points per fulfilled wish, per backstage shift served. */
export const POINTS = { wishFulfilled: 10, shiftServed: 5 } as const;
