import "server-only";
import { and, asc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { festivals, households, starCategories, starNominations, starWinners, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import type { Actor } from "@/lib/actor";
import { listMyBallots } from "./queries";
import { isUuid } from "@/lib/ids";
import { paperOrder } from "./paper-order";

// Reads for the residents' Neighbourhood Star pages, beside the core queries: a ballot with the
// category names, and what a certificate prints.

export interface MyStarBallot {
  categoryId: string;
  categoryName: string;
  /** My own ballot: when I cast it (null when my household voted through someone else). Never for whom. */
  mine: { at: Date } | null;
  /** In household mode, the member of my household who voted for us. */
  byHousehold: string | null;
}

/** My ballots in a festival, in the categories' order. */
export async function listMyStarBallots(db: DbOrTx, actor: Actor, festivalId: string): Promise<MyStarBallot[]> {
  const ballots = await listMyBallots(db, actor, festivalId);
  if (!ballots.length) return [];
  const categories = await db
    .select({ id: starCategories.id, name: starCategories.name, position: starCategories.position })
    .from(starCategories)
    .where(
      inArray(
        starCategories.id,
        ballots.map((b) => b.categoryId),
      ),
    );
  const order = (id: string) => categories.find((c) => c.id === id)?.position ?? 0;
  return [...ballots]
    .sort((a, b) => order(a.categoryId) - order(b.categoryId))
    .map((b) => ({
      categoryId: b.categoryId,
      categoryName: categories.find((c) => c.id === b.categoryId)?.name ?? "",
      mine: b.mine,
      byHousehold: b.byHousehold,
    }));
}

export interface Certificate {
  winnerId: string;
  name: string;
  categoryName: string;
  festivalTitle: string;
  edition: number;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  publishedAt: Date;
}

/** One published winner of a festival residents can see, as a certificate prints it. */
export async function getCertificate(db: DbOrTx, slug: string, winnerId: string): Promise<Certificate | null> {
  if (!isUuid(winnerId)) return null;
  const [row] = await db
    .select({
      winnerId: starWinners.id,
      name: starNominations.nomineeName,
      categoryName: starCategories.name,
      festivalTitle: festivals.title,
      edition: festivals.edition,
      startsOn: festivals.startsOn,
      endsOn: festivals.endsOn,
      timeZone: festivals.timeZone,
      publishedAt: festivals.starsPublishedAt,
    })
    .from(starWinners)
    .innerJoin(starNominations, eq(starNominations.id, starWinners.nominationId))
    .innerJoin(starCategories, eq(starCategories.id, starWinners.categoryId))
    .innerJoin(festivals, eq(festivals.id, starCategories.festivalId))
    .where(
      and(
        eq(starWinners.id, winnerId),
        eq(festivals.slug, slug),
        ne(festivals.status, "draft"),
        isNotNull(festivals.starsPublishedAt),
      ),
    );
  return row ? { ...row, publishedAt: row.publishedAt! } : null;
}

export interface PaperCandidate {
  id: string;
  categoryId: string;
  name: string;
  /** The building only, to tell namesakes apart; never the room. */
  building: string | null;
}

/** The candidates of these categories as paper shows them: in the one fixed order (paper-order.ts). */
export async function listPaperCandidates(db: DbOrTx, categoryIds: string[]): Promise<PaperCandidate[]> {
  if (!categoryIds.length) return [];
  const rows = await db
    .select({
      id: starNominations.id,
      categoryId: starNominations.categoryId,
      name: starNominations.nomineeName,
      building: sql<string | null>`coalesce(${starNominations.building}, ${households.building})`,
    })
    .from(starNominations)
    .leftJoin(users, eq(users.id, starNominations.nomineeUserId))
    .leftJoin(households, eq(households.id, users.householdId))
    .where(and(inArray(starNominations.categoryId, categoryIds), eq(starNominations.status, "approved")));
  return paperOrder(rows);
}

export interface PaperBallotSheet {
  festivalTitle: string;
  festivalSlug: string;
  timeZone: string;
  votingOpensAt: Date | null;
  votingClosesAt: Date | null;
  category: { id: string; name: string; description: string; mode: string; votesPerVoter: number };
  candidates: PaperCandidate[];
}

/**
 * A category's paper ballot, for anyone to print: only what the public stars page shows (the
 * category, its rule and its approved candidates), of a festival residents can see.
 */
export async function getPaperBallotSheet(
  db: DbOrTx,
  slug: string,
  categoryId: string,
): Promise<PaperBallotSheet | null> {
  if (!isUuid(categoryId)) return null;
  const [row] = await db
    .select({
      festivalTitle: festivals.title,
      festivalSlug: festivals.slug,
      timeZone: festivals.timeZone,
      votingOpensAt: festivals.votingOpensAt,
      votingClosesAt: festivals.votingClosesAt,
      id: starCategories.id,
      name: starCategories.name,
      description: starCategories.description,
      mode: starCategories.mode,
      votesPerVoter: starCategories.votesPerVoter,
    })
    .from(starCategories)
    .innerJoin(festivals, eq(festivals.id, starCategories.festivalId))
    .where(and(eq(starCategories.id, categoryId), eq(festivals.slug, slug), ne(festivals.status, "draft")))
    .orderBy(asc(starCategories.position));
  if (!row) return null;
  const { id, name, description, mode, votesPerVoter, ...festival } = row;
  return {
    ...festival,
    category: { id, name, description, mode, votesPerVoter },
    candidates: await listPaperCandidates(db, [id]),
  };
}
