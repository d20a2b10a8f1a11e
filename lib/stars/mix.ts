import "server-only";
import { eq, inArray, lt, sql } from "drizzle-orm";
import { festivals, starCategories, starNominations, starPendingVotes, starReceipts, starVotes } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { shuffle } from "./receipt";

// The secret ballot's mixing step. A ballot is written with its pending choice in one
// transaction, so until voting closes the two share a transaction id. Once it closes, the choices
// move into the counted votes (no voter, no receipt, no time) and the receipts into a list of
// their own (no choice), many ballots at a time, in an order drawn afresh, in transactions that
// hold no ballot; the pending rows go. After that nothing stored ties a voter to a choice: not a
// transaction id, not an order of insertion, not a time.

/** Ballots per transaction: enough that a batch hides each ballot among many. */
export const MIX_BATCH = 500;

type Scope = { now?: Date; festivalId?: string; batchSize?: number };

/** The categories whose voting has closed (of one festival, when given). */
const closedCategories = (now: Date, festivalId?: string) =>
  sql`(select ${starCategories.id} from ${starCategories} join ${festivals} on ${festivals.id} = ${starCategories.festivalId}
       where ${lt(festivals.votingClosesAt, now)} ${festivalId ? sql`and ${eq(festivals.id, festivalId)}` : sql``})`;

/**
 * One batch, in the caller's transaction: a random choice of pending ballots, locked (skipping
 * those another mixer holds, unless `wait`), moved and deleted. Returns how many it moved.
 */
export async function mixBatch(tx: DbOrTx, scope: Scope & { wait?: boolean } = {}): Promise<number> {
  const now = scope.now ?? new Date();
  const pending = await tx
    .select({
      id: starPendingVotes.id,
      categoryId: starPendingVotes.categoryId,
      candidateIds: starPendingVotes.candidateIds,
      receipt: starPendingVotes.receipt,
    })
    .from(starPendingVotes)
    .where(sql`${starPendingVotes.categoryId} in ${closedCategories(now, scope.festivalId)}`)
    .orderBy(sql`random()`)
    .limit(scope.batchSize ?? MIX_BATCH)
    .for("update", scope.wait ? {} : { skipLocked: true });
  if (!pending.length) return 0;
  // A candidate gone since (its nomination deleted with its nominator's account) counts for nobody.
  const wanted = [...new Set(pending.flatMap((p) => p.candidateIds))];
  const alive = new Set(
    (await tx.select({ id: starNominations.id }).from(starNominations).where(inArray(starNominations.id, wanted))).map(
      (r) => r.id,
    ),
  );
  const votes = shuffle(
    pending.flatMap((p) =>
      p.candidateIds.filter((c) => alive.has(c)).map((candidateId) => ({ categoryId: p.categoryId, candidateId })),
    ),
  );
  const receipts = shuffle(pending.map((p) => ({ categoryId: p.categoryId, receipt: p.receipt })));
  await tx.delete(starPendingVotes).where(
    inArray(
      starPendingVotes.id,
      pending.map((p) => p.id),
    ),
  );
  if (votes.length) await tx.insert(starVotes).values(votes);
  await tx.insert(starReceipts).values(receipts).onConflictDoNothing();
  return pending.length;
}

/**
 * Mixes every pending ballot whose voting has closed, one batch per transaction, until none is
 * left. Safe to run at any time and from several places at once: each batch locks its own rows
 * and skips those another run holds. Returns how many ballots it moved.
 */
export async function mixClosedBallots(db: DbOrTx, scope: Scope = {}): Promise<number> {
  const now = scope.now ?? new Date();
  let moved = 0;
  for (;;) {
    const n = await db.transaction((tx) => mixBatch(tx, { ...scope, now }));
    if (!n) return moved;
    moved += n;
  }
}
