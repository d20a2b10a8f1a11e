import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { festivals, smsPreferences, users } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { cancelJob, scheduleJob } from "@/lib/jobs/queue";
import { notify, smsTitle } from "@/lib/messages/notify";

// The day before the Neighbourhood Star vote opens and the day before it closes, verified
// residents who asked for it are told. The jobs follow the festival's window: moving it moves
// them, clearing it cancels them.

const DAY = 86_400_000;
const EDGES = ["opens", "closes"] as const;
type Edge = (typeof EDGES)[number];
export const votingReminderKey = (festivalId: string, edge: Edge) => `voting-reminder:${festivalId}:${edge}`;

/** Sets (or moves, or cancels) the festival's two voting reminders from its window as saved. */
export async function scheduleVotingReminders(tx: DbOrTx, festivalId: string, now = new Date()): Promise<void> {
  const [f] = await tx
    .select({ opens: festivals.votingOpensAt, closes: festivals.votingClosesAt })
    .from(festivals)
    .where(eq(festivals.id, festivalId));
  for (const edge of EDGES) {
    const at = f?.[edge] ?? null;
    const remindAt = at ? new Date(at.getTime() - DAY) : null;
    if (!at || !remindAt || remindAt.getTime() <= now.getTime()) {
      await cancelJob(tx, votingReminderKey(festivalId, edge));
      continue;
    }
    await scheduleJob(
      tx,
      "reminders.voting",
      votingReminderKey(festivalId, edge),
      { festivalId, edge, at: at.toISOString() },
      remindAt,
    );
  }
}

/** The reminder's moment: each verified resident who turned the vote's dates on is told. */
export async function runVotingReminder(db: Db, data: Record<string, unknown>, now = new Date()): Promise<number> {
  const festivalId = typeof data.festivalId === "string" ? data.festivalId : null;
  const edge = EDGES.find((e) => e === data.edge);
  if (!festivalId || !edge) return 0;
  const [f] = await db
    .select({
      title: festivals.title,
      status: festivals.status,
      opens: festivals.votingOpensAt,
      closes: festivals.votingClosesAt,
    })
    .from(festivals)
    .where(eq(festivals.id, festivalId));
  const at = f?.[edge];
  // A festival not (or no longer) public, or a window moved since (its own job follows).
  if (!f || f.status !== "published" || !at || at.toISOString() !== data.at || at <= now) return 0;
  const residents = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(smsPreferences, and(eq(smsPreferences.userId, users.id), eq(smsPreferences.topic, "voting")))
    .where(and(isNotNull(users.verifiedAt), isNull(users.disabledAt), eq(smsPreferences.sms, true)));
  for (const r of residents)
    await notify(
      db,
      {
        userId: r.id,
        kind: edge === "opens" ? "voting_opens" : "voting_closes",
        data: { festivalId, title: f.title, startsAt: at.toISOString() },
        sms: {
          topic: "voting",
          template: edge === "opens" ? "voting_opens" : "voting_closes",
          params: { festival: smsTitle(f.title), time: at.toISOString() },
          happensAt: at,
        },
      },
      now,
    );
  return residents.length;
}
