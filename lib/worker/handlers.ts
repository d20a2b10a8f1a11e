import "server-only";
import type { JobHandlers } from "@/lib/jobs/worker";
import { runBroadcast } from "@/lib/broadcasts/service";
import { runMatchReminder } from "@/lib/competitions/match-reminders";
import { runVotingReminder } from "@/lib/festivals/voting-reminders";
import { deliverSms } from "@/lib/messages/deliver";
import { runItemReminder, runProgrammePublished, runShiftReminder } from "@/lib/registrations/reminders";
import { closeUnendedPatrol } from "@/lib/posts/patrol";
import { mixClosedBallots } from "@/lib/stars/mix";
import { lapseClaims } from "@/lib/wishes/service";
import { claimMessageStillTrue, runClaimLapse, runClaimReminder } from "@/lib/wishes/jobs";

// What each queue does. This is the one place that knows every domain's jobs: the domains send
// their jobs, the worker runs them through this table.

export const jobHandlers: JobHandlers = {
  "messages.sms": (db, data, run) => deliverSms(db, data, run, claimMessageStillTrue),
  "messages.broadcast": async (db, data) => {
    await runBroadcast(db, data);
  },
  "wishes.claim-lapse": (db, data) => runClaimLapse(db, data),
  "wishes.claim-reminder": (db, data) => runClaimReminder(db, data),
  "wishes.lapse-sweep": async (db) => {
    const n = await lapseClaims(db);
    if (n) console.log(`[linli] ${n} wish claim(s) lapsed; the wishes are open again.`);
  },
  "programme.published": async (db, data) => {
    await runProgrammePublished(db, data);
  },
  "reminders.item": async (db, data) => {
    await runItemReminder(db, data);
  },
  "reminders.match": async (db, data) => {
    await runMatchReminder(db, data);
  },
  "reminders.shift": async (db, data) => {
    await runShiftReminder(db, data);
  },
  "reminders.voting": async (db, data) => {
    await runVotingReminder(db, data);
  },
  "posts.patrol-close": async (db, data) => {
    if (await closeUnendedPatrol(db, data)) console.log("[linli] A patrol nobody ended was closed at its stated end.");
  },
  "stars.mix": async (db) => {
    const n = await mixClosedBallots(db);
    if (n) console.log(`[linli] ${n} Neighbourhood Star ballot(s) mixed and counted.`);
  },
};
