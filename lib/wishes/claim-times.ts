import "server-only";
import type { DbOrTx } from "@/db/types";
import { cancelJob, scheduleJob } from "@/lib/jobs/queue";

// The times a claim on a micro-wish has: the reminder a day before it lapses, and the lapse itself.
// Both are jobs on the queue, sent with the claim and cancelled when the claim ends.

const HOUR = 3_600_000;
/** The reminder goes this long before the claim lapses. */
export const CLAIM_REMINDER_BEFORE_MS = 24 * HOUR;

export const claimLapseKey = (claimId: string) => `wish-claim-lapse:${claimId}`;
export const claimReminderKey = (claimId: string) => `wish-claim-reminder:${claimId}`;

/** Sends the claim's lapse and, when there is a day left, its reminder. */
export async function scheduleClaimJobs(tx: DbOrTx, claimId: string, lapsesAt: Date, now = new Date()): Promise<void> {
  await scheduleJob(tx, "wishes.claim-lapse", claimLapseKey(claimId), { claimId }, lapsesAt);
  const remindAt = new Date(lapsesAt.getTime() - CLAIM_REMINDER_BEFORE_MS);
  if (remindAt.getTime() > now.getTime())
    await scheduleJob(tx, "wishes.claim-reminder", claimReminderKey(claimId), { claimId }, remindAt);
}

/** The claim ended (fulfilled, withdrawn, released, lapsed): nothing is left to remind of. */
export async function cancelClaimJobs(tx: DbOrTx, claimId: string): Promise<void> {
  await cancelJob(tx, claimReminderKey(claimId));
  await cancelJob(tx, claimLapseKey(claimId));
}
