import "server-only";
import { and, eq, inArray, isNotNull, ne } from "drizzle-orm";
import { festivals, starCategories, starNominations, starWinners } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import type { Actor } from "@/lib/actor";
import { listMyBallots } from "./queries";
import { isUuid } from "@/lib/ids";

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
