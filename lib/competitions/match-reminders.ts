import "server-only";
import { eq, inArray } from "drizzle-orm";
import { competitionEntrants, competitionMatches, competitions, programmeItems, venues } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { cancelJob, scheduleJob } from "@/lib/jobs/queue";
import { notify, smsTitle } from "@/lib/messages/notify";

// A match that starts later than its event is reminded on its own, an hour before, with its round,
// table and opponent. One played when the event starts needs none: the event's reminder says it.
// The job follows the match's time as the schedule sets it; the players are read when it runs, so
// a bracket's later rounds remind whoever won their way into them.

/** The reminder goes this long before the match. */
export const MATCH_REMINDER_BEFORE_MS = 3_600_000;

export const matchReminderKey = (matchId: string) => `match-reminder:${matchId}`;

/** The match's reminder at its new time, or none when it has no time or the hour is past. */
export async function scheduleMatchReminder(
  tx: DbOrTx,
  match: { id: string; startsAt: Date | null },
  now = new Date(),
): Promise<void> {
  const at = match.startsAt ? new Date(match.startsAt.getTime() - MATCH_REMINDER_BEFORE_MS) : null;
  if (!match.startsAt || !at || at.getTime() <= now.getTime()) {
    await cancelJob(tx, matchReminderKey(match.id));
    return;
  }
  await scheduleJob(
    tx,
    "reminders.match",
    matchReminderKey(match.id),
    { matchId: match.id, startsAt: match.startsAt.toISOString() },
    at,
  );
}

/** The reminder's moment: both sides' players are told, if the match is still then and unplayed. */
export async function runMatchReminder(db: Db, data: Record<string, unknown>, now = new Date()): Promise<number> {
  const matchId = typeof data.matchId === "string" ? data.matchId : null;
  if (!matchId) return 0;
  const [m] = await db
    .select({
      round: competitionMatches.round,
      tableName: competitionMatches.tableName,
      startsAt: competitionMatches.startsAt,
      outcome: competitionMatches.outcome,
      entrantA: competitionMatches.entrantA,
      entrantB: competitionMatches.entrantB,
      itemTitle: programmeItems.title,
      itemStartsAt: programmeItems.startsAt,
      venue: venues.name,
    })
    .from(competitionMatches)
    .innerJoin(competitions, eq(competitions.id, competitionMatches.competitionId))
    .innerJoin(programmeItems, eq(programmeItems.id, competitions.itemId))
    .leftJoin(venues, eq(venues.id, programmeItems.venueId))
    .where(eq(competitionMatches.id, matchId));
  // Gone (a draw made again), moved since (its own job), played, begun, or as the event: nothing to say.
  if (!m?.startsAt || m.outcome || m.startsAt.toISOString() !== data.startsAt || m.startsAt <= now) return 0;
  if (m.startsAt.getTime() === m.itemStartsAt.getTime()) return 0;
  const sideIds = [m.entrantA, m.entrantB].filter((id): id is string => !!id);
  if (!sideIds.length) return 0;
  const sides = await db.select().from(competitionEntrants).where(inArray(competitionEntrants.id, sideIds));
  const byId = new Map(sides.map((s) => [s.id, s]));
  const venue = m.venue ?? "";
  const table = m.tableName ?? "";
  let told = 0;
  for (const [own, other] of [
    [m.entrantA, m.entrantB],
    [m.entrantB, m.entrantA],
  ] as const) {
    const side = own ? byId.get(own) : undefined;
    if (!side || side.withdrawnAt) continue;
    const opponent = other ? (byId.get(other)?.name ?? "") : "";
    const seen = new Set<string>();
    for (const member of side.members) {
      if (!member.userId || seen.has(member.userId)) continue;
      seen.add(member.userId);
      await notify(
        db,
        {
          userId: member.userId,
          kind: "match_reminder",
          data: {
            registrationId: member.registrationId,
            title: m.itemTitle,
            round: m.round,
            table,
            opponent,
            venue,
            startsAt: m.startsAt.toISOString(),
          },
          sms: {
            topic: "reminders",
            template: "match_reminder",
            params: {
              item: smsTitle(m.itemTitle),
              round: String(m.round),
              table: smsTitle(table || "—"),
              time: m.startsAt.toISOString(),
              venue: smsTitle(venue || "—"),
            },
            happensAt: m.startsAt,
          },
        },
        now,
      );
      told++;
    }
  }
  return told;
}
