import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { starBallots, starNominations, starPendingVotes, type StarCategory } from "@/db/schema";
import type { DbOrTx, Tx } from "@/db/types";
import { fail, ok, type Result } from "@/lib/result";
import { newReceipt } from "./receipt";

// The ballot box both ways of voting drop into: online (castBallot) and on paper at the desk
// (recordPaperBallot). One place writes a ballot, so both obey the same guard and the same
// secrecy: the ballot row says who voted, the pending choice says what, and nothing but the
// receipt (which the voter keeps) joins the two.

/** The choice, checked against the category: at most its votes, approved candidates of it only. */
export async function checkChoice(
  db: DbOrTx,
  category: Pick<StarCategory, "id" | "votesPerVoter">,
  chosen: readonly string[],
): Promise<Result<string[]>> {
  const candidateIds = [...new Set(chosen)];
  if (candidateIds.length > category.votesPerVoter) return fail("invalid", { candidateIds: ["too_many_votes"] });
  const candidates = await db
    .select({ id: starNominations.id })
    .from(starNominations)
    .where(
      and(
        inArray(starNominations.id, candidateIds),
        eq(starNominations.categoryId, category.id),
        eq(starNominations.status, "approved"),
      ),
    );
  if (candidates.length !== candidateIds.length) return fail("invalid", { candidateIds: ["candidate_unknown"] });
  return ok(candidateIds);
}

/**
 * Writes the ballot and its pending choice in the caller's transaction and returns the receipt,
 * or null when this voter key has voted in the category already (the unique index decides, so
 * two ballots at once, online or at the desk, leave one).
 */
export async function dropBallot(
  tx: Tx,
  ballot: Omit<typeof starBallots.$inferInsert, "id" | "createdAt">,
  candidateIds: string[],
): Promise<string | null> {
  const [row] = await tx.insert(starBallots).values(ballot).onConflictDoNothing().returning({ id: starBallots.id });
  if (!row) return null;
  // Receipts are drawn at random; one already taken in the category is drawn again.
  for (;;) {
    const receipt = newReceipt();
    const [pending] = await tx
      .insert(starPendingVotes)
      .values({ categoryId: ballot.categoryId, candidateIds, receipt })
      .onConflictDoNothing()
      .returning({ id: starPendingVotes.id });
    if (pending) return receipt;
  }
}
