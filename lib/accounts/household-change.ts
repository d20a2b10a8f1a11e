import "server-only";
import { and, asc, count, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { communitySettings, festivals, householdLinkRequests, households, starBallots, users } from "@/db/schema";
import type { DbOrTx, Tx } from "@/db/types";
import { writeAudit } from "@/lib/audit/log";
import { fail, ok, type Result } from "@/lib/result";

// Every change of a person's household goes through `changeHousehold`: a household code linked at
// sign-up or on /me, an organiser verifying someone with a household, an approved request. It
// holds the two rules of a household: a code verifies only so many accounts, and nobody moves
// household in a way that lets a household ballot be cast twice.
//
// Locks, always in this order so that no two of these wait on each other in a circle: the
// person's row, then the households' rows (by id). A household ballot takes the same two locks in
// share mode (`holdHouseholdForBallot`), so a ballot and a move of the same person, or of a
// member of the same household, happen one after the other, never at once. ("No key update": the
// rows' keys do not change, so inserts that only reference them need not wait.)

export const DEFAULT_HOUSEHOLD_CODE_CAP = 6;

/** How many verified accounts one household code may give (a community setting). */
export async function householdCodeCap(db: DbOrTx): Promise<number> {
  const [s] = await db
    .select({ cap: communitySettings.householdCodeCap })
    .from(communitySettings)
    .where(eq(communitySettings.id, 1));
  return s?.cap ?? DEFAULT_HOUSEHOLD_CODE_CAP;
}

// The instant as text: a Date bound in raw SQL reaches postgres.js unconverted.
const votingOpen = (now: Date) => {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`${festivals.votingOpensAt} <= ${at} and ${festivals.votingClosesAt} >= ${at}`;
};

/**
 * Whether moving this person out of `fromHouseholdId` could count a household twice: they cast a
 * household ballot, or their household has one, in a festival whose voting is open. Only the
 * ballot rows are read: the record that a voter (or a household) voted in a category.
 */
export async function householdHasVoted(
  db: DbOrTx,
  userId: string,
  fromHouseholdId: string | null,
  now: Date,
): Promise<boolean> {
  const voterKeys = sql`${starBallots.voterKey} like 'household:%'`;
  const whose = fromHouseholdId
    ? sql`(${starBallots.voterId} = ${userId} or ${starBallots.voterKey} = ${`household:${fromHouseholdId}`})`
    : sql`${starBallots.voterId} = ${userId}`;
  const [row] = await db
    .select({ id: starBallots.id })
    .from(starBallots)
    .innerJoin(festivals, eq(festivals.id, starBallots.festivalId))
    .where(and(voterKeys, whose, votingOpen(now)))
    .limit(1);
  return !!row;
}

/**
 * The household a voter casts a household ballot for, read again under a share lock inside the
 * ballot's transaction: the session's copy may be older than a move that is committing now.
 */
export async function holdHouseholdForBallot(tx: Tx, userId: string): Promise<string | null> {
  const [u] = await tx.select({ householdId: users.householdId }).from(users).where(eq(users.id, userId)).for("share");
  if (!u?.householdId) return null;
  await tx.select({ id: households.id }).from(households).where(eq(households.id, u.householdId)).for("share");
  return u.householdId;
}

const waitingOf = (userId: string, householdId?: string) =>
  and(
    eq(householdLinkRequests.userId, userId),
    eq(householdLinkRequests.status, "waiting"),
    householdId ? eq(householdLinkRequests.householdId, householdId) : undefined,
  );

export interface HouseholdChange {
  userId: string;
  householdId: string;
  /** "code": the household code, within its cap; "organiser": checked in person or approved. */
  by: "code" | "organiser";
  /** Who changes it: the person themselves, or an organiser (themselves included). */
  actorId: string;
  /** The audit entry's action. */
  action: string;
  ip?: string | null;
  now: Date;
  details?: Record<string, unknown>;
}

export type HouseholdChangeOutcome = { status: "verified" | "waiting"; from: string | null };

/**
 * Puts a person in a household and verifies them, inside the caller's transaction, with an audit
 * entry that keeps the household before and after and whether the actor changed their own.
 * Refused with `household_vote_cast` while a household ballot would count twice; a code beyond
 * its cap leaves the account as it is and queues a request for the organisers (`waiting`).
 */
export async function changeHousehold(tx: Tx, change: HouseholdChange): Promise<Result<HouseholdChangeOutcome>> {
  const { userId, householdId, by, actorId, now } = change;
  const [user] = await tx
    .select({ householdId: users.householdId, verifiedAt: users.verifiedAt })
    .from(users)
    .where(eq(users.id, userId))
    .for("no key update");
  if (!user) return fail("not_found");
  const from = user.householdId;
  const ids = [...new Set([householdId, ...(from ? [from] : [])])].sort();
  const locked = await tx
    .select({ id: households.id })
    .from(households)
    .where(inArray(households.id, ids))
    .orderBy(asc(households.id))
    .for("no key update");
  if (!locked.some((h) => h.id === householdId)) return fail("not_found");
  const audit = {
    actorId,
    action: change.action,
    targetType: "user",
    targetId: userId,
    ip: change.ip ?? null,
    details: { ...change.details, from, to: householdId, by, self: actorId === userId },
  };
  // A code for the household one is verified in already changes nothing.
  if (by === "code" && from === householdId && user.verifiedAt) return ok({ status: "verified", from });
  if (from !== householdId && (await householdHasVoted(tx, userId, from, now))) {
    await writeAudit(tx, {
      ...audit,
      outcome: "refused",
      details: { ...audit.details, reason: "household_vote_cast" },
    });
    return fail("household_vote_cast");
  }
  if (by === "code") {
    // Counted under the household's row lock: parallel links of one code see each other.
    const [{ n }] = await tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.householdId, householdId), isNotNull(users.verifiedAt), ne(users.id, userId)));
    if (n >= (await householdCodeCap(tx))) {
      // The same code again keeps its place in the queue; another household's replaces it.
      const [same] = await tx
        .select({ id: householdLinkRequests.id })
        .from(householdLinkRequests)
        .where(waitingOf(userId, householdId));
      if (same) return ok({ status: "waiting", from });
      await tx.delete(householdLinkRequests).where(waitingOf(userId));
      await tx.insert(householdLinkRequests).values({ userId, householdId, createdAt: now });
      await writeAudit(tx, {
        ...audit,
        action: "residents.household_waiting",
        details: { ...audit.details, verified: n },
      });
      return ok({ status: "waiting", from });
    }
  }
  await tx.update(users).set({ householdId, verifiedAt: now, verifiedBy: by }).where(eq(users.id, userId));
  // A request waiting for this household is granted by the change; one for another is void.
  await tx
    .update(householdLinkRequests)
    .set({ status: "approved", decidedBy: actorId, decidedAt: now })
    .where(waitingOf(userId, householdId));
  await tx.delete(householdLinkRequests).where(waitingOf(userId));
  await writeAudit(tx, audit);
  return ok({ status: "verified", from });
}
