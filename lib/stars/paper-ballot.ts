import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { festivals, householdMembers, households, starCategories, users } from "@/db/schema";
import type { Db, DbOrTx, Tx } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { holdHouseholdForBallot } from "@/lib/accounts/household-change";
import { checkChoice, dropBallot } from "./ballot-box";
import { paperBallotSchema } from "./schemas";

// A paper ballot, typed in at the service desk by an organiser while voting is open, for a
// resident who votes on paper: one with an account, or a household member without one.
//
// Who may vote on paper is who may vote online: a verified account; or a household member on the
// roster — a member is as verified as their household, since only an organiser at the desk or a
// verified member of the household puts them on it, and a household exists only once the
// organisers have it on the roster. A removed member no longer votes. One ballot per voter key
// and category, the same key as online ("user:<id>", "member:<id>", or "household:<id>" in
// household mode whoever casts it), so a paper ballot after an online one is refused with
// `already_voted`, and the other way round.
//
// The audit log says who recorded it, for whom and in which category, never the choice; the
// ballot keeps no address (the desk's would make a busy morning look like a burst from one place).

export const PAPER_BALLOT_ACTION = "stars.paper_ballot";

type Voter =
  { kind: "user"; id: string; householdId: string | null } | { kind: "member"; id: string; householdId: string };

const whom = (v: { userId?: string; memberId?: string }) =>
  v.userId ? { forUserId: v.userId } : { forMemberId: v.memberId };

/** The person the desk votes for, if they may vote at all (see above). */
async function eligibleVoter(
  db: DbOrTx,
  v: { userId?: string; memberId?: string },
  lock = false,
): Promise<Voter | "not_found" | "not_verified"> {
  if (v.userId) {
    const q = db
      .select({
        id: users.id,
        householdId: users.householdId,
        verifiedAt: users.verifiedAt,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .where(eq(users.id, v.userId));
    const [u] = lock ? await q.for("share") : await q;
    if (!u) return "not_found";
    if (!u.verifiedAt || u.disabledAt) return "not_verified";
    return { kind: "user", id: u.id, householdId: u.householdId };
  }
  const q = db
    .select({
      id: householdMembers.id,
      householdId: householdMembers.householdId,
      removedAt: householdMembers.removedAt,
    })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(eq(householdMembers.id, v.memberId!));
  const [m] = lock ? await q.for("share", { of: householdMembers }) : await q;
  if (!m) return "not_found";
  if (m.removedAt) return "not_verified";
  return { kind: "member", id: m.id, householdId: m.householdId };
}

/** The household the ballot is cast for, held (share locks) until it commits: a move cannot slip in. */
async function holdHousehold(tx: Tx, voter: Voter): Promise<string | null> {
  if (voter.kind === "user") return holdHouseholdForBallot(tx, voter.id);
  await tx.select({ id: households.id }).from(households).where(eq(households.id, voter.householdId)).for("share");
  const [still] = await tx
    .select({ id: householdMembers.id })
    .from(householdMembers)
    .where(and(eq(householdMembers.id, voter.id), isNull(householdMembers.removedAt)));
  return still ? voter.householdId : null;
}

type Refusal = "not_verified" | "voting_closed" | "already_voted";

async function refusePaper(db: DbOrTx, actor: Actor, code: Refusal, details: Record<string, unknown>) {
  await writeAudit(db, {
    actorId: actor.id,
    action: PAPER_BALLOT_ACTION,
    outcome: "refused",
    details: { atDesk: true, ...details, reason: code },
  });
  return fail(code);
}

/**
 * Records a paper ballot at the desk and returns its receipt, for the desk to hand to the voter.
 * Organisers only; refused outside the voting window, for someone who may not vote, for a choice
 * that is not the category's, and for a voter (or household) that has voted already.
 */
export async function recordPaperBallot(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ receipt: string }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, PAPER_BALLOT_ACTION);
  const parsed = parseInput(paperBallotSchema, input);
  if (!parsed.ok) return parsed;
  const { festivalSlug, categoryId, candidateIds } = parsed.data;
  const details = { ...whom(parsed.data), categoryId };
  const [f] = await db.select().from(festivals).where(eq(festivals.slug, festivalSlug));
  if (!f || f.status !== "published") return fail("not_found");
  const [category] = await db
    .select()
    .from(starCategories)
    .where(and(eq(starCategories.id, categoryId), eq(starCategories.festivalId, f.id)));
  if (!category) return fail("invalid", { categoryId: ["category_unknown"] });
  const now = ctx.now ?? new Date();
  if (!f.votingOpensAt || !f.votingClosesAt || now < f.votingOpensAt || now > f.votingClosesAt)
    return refusePaper(db, actor!, "voting_closed", details);
  const voter = await eligibleVoter(db, parsed.data);
  if (voter === "not_found") return fail("not_found");
  if (voter === "not_verified") return refusePaper(db, actor!, "not_verified", details);
  const choice = await checkChoice(db, category, candidateIds);
  if (!choice.ok) return choice;

  return db.transaction(async (tx) => {
    const householdId = await holdHousehold(tx, voter);
    // Between the check above and now the member was taken off the roster, or the account its household.
    if (voter.kind === "member" && !householdId) return refusePaper(tx, actor!, "not_verified", details);
    const checked = await eligibleVoter(tx, parsed.data, true);
    if (typeof checked === "string") return refusePaper(tx, actor!, "not_verified", details);
    const household = category.mode === "household";
    if (household && !householdId) return refusePaper(tx, actor!, "not_verified", details);
    const voterKey = household ? `household:${householdId}` : `${voter.kind}:${voter.id}`;
    const receipt = await dropBallot(
      tx,
      {
        festivalId: f.id,
        categoryId: category.id,
        voterKey,
        voterId: voter.kind === "user" ? voter.id : null,
        memberId: voter.kind === "member" ? voter.id : null,
        householdId,
        channel: "desk",
        recordedBy: actor!.id,
        ip: null,
      },
      choice.data,
    );
    if (!receipt) return refusePaper(tx, actor!, "already_voted", details);
    await writeAudit(tx, {
      actorId: actor!.id,
      action: PAPER_BALLOT_ACTION,
      targetType: "star_category",
      targetId: category.id,
      details: { atDesk: true, ...details },
    });
    return ok({ receipt });
  });
}
