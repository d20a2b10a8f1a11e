import { env } from "@/env";

const DAY_MS = 24 * 3600_000;

/**
 * A session slides while it is used (each visit re-signs the short token), but never past
 * SESSION_MAX_DAYS from the sign-in itself: a token copied off a phone stops working on that day
 * even if it is used every hour. A token without a sign-in time counts as outlived.
 */
export function sessionOutlived(authAt: number | undefined, now = Date.now(), maxDays = env.SESSION_MAX_DAYS): boolean {
  return typeof authAt !== "number" || !Number.isFinite(authAt) || now - authAt >= maxDays * DAY_MS;
}
