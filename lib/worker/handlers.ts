import "server-only";
import type { JobHandlers } from "@/lib/jobs/worker";
import { deliverSms } from "@/lib/messages/deliver";
import { mixClosedBallots } from "@/lib/stars/mix";
import { lapseClaims } from "@/lib/wishes/service";
import { claimMessageStillTrue, runClaimLapse, runClaimReminder } from "@/lib/wishes/jobs";

// What each queue does. This is the one place that knows every domain's jobs: the domains send
// their jobs, the worker runs them through this table.

export const jobHandlers: JobHandlers = {
  "messages.sms": (db, data, run) => deliverSms(db, data, run, claimMessageStillTrue),
  "wishes.claim-lapse": (db, data) => runClaimLapse(db, data),
  "wishes.claim-reminder": (db, data) => runClaimReminder(db, data),
  "wishes.lapse-sweep": async (db) => {
    const n = await lapseClaims(db);
    if (n) console.log(`[linli] ${n} wish claim(s) lapsed; the wishes are open again.`);
  },
  "stars.mix": async (db) => {
    const n = await mixClosedBallots(db);
    if (n) console.log(`[linli] ${n} Neighbourhood Star ballot(s) mixed and counted.`);
  },
};
