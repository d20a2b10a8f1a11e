import "server-only";
import { and, asc, eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import { festivals, householdMembers, households, starBallots, starCategories, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { isUuid } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { listPaperCandidates, type PaperCandidate } from "./resident-queries";

// What the desk sees before typing in a paper ballot: the person, and for each category whose
// voting is open whether they (or, in household mode, their household) have voted — and how, at
// the desk or online — never for whom.

export interface DeskVoter {
  kind: "user" | "member";
  id: string;
  name: string;
  /** May vote: a verified account, or a member still on the household's roster. */
  eligible: boolean;
  address: string | null;
}

export interface DeskBallotCategory {
  id: string;
  name: string;
  mode: string;
  votesPerVoter: number;
  /** Voted already in this category (this person, or their household in household mode): how. */
  voted: { channel: string; byThisPerson: boolean } | null;
  candidates: PaperCandidate[];
}

export interface DeskBallots {
  voter: DeskVoter;
  festivals: {
    slug: string;
    title: string;
    timeZone: string;
    votingClosesAt: Date;
    categories: DeskBallotCategory[];
  }[];
}

const address = (h: { building: string | null; unit: string | null; room: string | null }) =>
  h.building ? `${h.building} ${h.unit}-${h.room}` : null;

async function findVoter(
  db: DbOrTx,
  who: { userId?: string; memberId?: string },
): Promise<(DeskVoter & { householdId: string | null }) | null> {
  if (who.userId) {
    if (!isUuid(who.userId)) return null;
    const [u] = await db
      .select({
        id: users.id,
        name: users.name,
        verifiedAt: users.verifiedAt,
        disabledAt: users.disabledAt,
        householdId: users.householdId,
        building: households.building,
        unit: households.unit,
        room: households.room,
      })
      .from(users)
      .leftJoin(households, eq(households.id, users.householdId))
      .where(eq(users.id, who.userId));
    if (!u) return null;
    return {
      kind: "user",
      id: u.id,
      name: u.name,
      eligible: !!u.verifiedAt && !u.disabledAt,
      address: address(u),
      householdId: u.householdId,
    };
  }
  if (!who.memberId || !isUuid(who.memberId)) return null;
  const [m] = await db
    .select({
      id: householdMembers.id,
      name: householdMembers.name,
      removedAt: householdMembers.removedAt,
      householdId: householdMembers.householdId,
      building: households.building,
      unit: households.unit,
      room: households.room,
    })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(eq(householdMembers.id, who.memberId));
  if (!m) return null;
  return {
    kind: "member",
    id: m.id,
    name: m.name,
    eligible: !m.removedAt,
    address: address(m),
    householdId: m.householdId,
  };
}

/**
 * The desk's ballot page for one account (`userId`) or household member (`memberId`): null when
 * there is no such person. Organisers only: it names who has voted.
 */
export async function getDeskBallots(
  db: DbOrTx,
  actor: Actor | null,
  who: { userId?: string; memberId?: string },
  now = new Date(),
): Promise<Result<DeskBallots | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const found = await findVoter(db, who);
  if (!found) return ok(null);
  const { householdId, ...voter } = found;
  const at = sql`${now.toISOString()}::timestamptz`;
  const open = await db
    .select({
      festivalId: festivals.id,
      slug: festivals.slug,
      title: festivals.title,
      timeZone: festivals.timeZone,
      votingClosesAt: festivals.votingClosesAt,
      id: starCategories.id,
      name: starCategories.name,
      mode: starCategories.mode,
      votesPerVoter: starCategories.votesPerVoter,
    })
    .from(starCategories)
    .innerJoin(festivals, eq(festivals.id, starCategories.festivalId))
    .where(and(eq(festivals.status, "published"), lte(festivals.votingOpensAt, at), gte(festivals.votingClosesAt, at)))
    .orderBy(asc(festivals.votingClosesAt), asc(starCategories.position), asc(starCategories.name));
  const keys = [`${voter.kind}:${voter.id}`, ...(householdId ? [`household:${householdId}`] : [])];
  const ballots = open.length
    ? await db
        .select({
          categoryId: starBallots.categoryId,
          channel: starBallots.channel,
          voterId: starBallots.voterId,
          memberId: starBallots.memberId,
        })
        .from(starBallots)
        .where(
          and(
            inArray(
              starBallots.categoryId,
              open.map((c) => c.id),
            ),
            or(...keys.map((k) => eq(starBallots.voterKey, k))),
          ),
        )
    : [];
  const candidates = await listPaperCandidates(
    db,
    open.map((c) => c.id),
  );
  const result: DeskBallots = { voter, festivals: [] };
  for (const c of open) {
    let f = result.festivals.find((x) => x.slug === c.slug);
    if (!f) {
      f = { slug: c.slug, title: c.title, timeZone: c.timeZone, votingClosesAt: c.votingClosesAt!, categories: [] };
      result.festivals.push(f);
    }
    // A category holds ballots of one kind of key only (its mode's), so its one match is the one.
    const b = ballots.find((x) => x.categoryId === c.id);
    f.categories.push({
      id: c.id,
      name: c.name,
      mode: c.mode,
      votesPerVoter: c.votesPerVoter,
      voted: b
        ? { channel: b.channel, byThisPerson: voter.kind === "user" ? b.voterId === voter.id : b.memberId === voter.id }
        : null,
      candidates: candidates.filter((x) => x.categoryId === c.id),
    });
  }
  return ok(result);
}
