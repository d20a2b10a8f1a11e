import "server-only";
import { and, asc, desc, eq, gte, ne } from "drizzle-orm";
import { festivals, programmePublications, type PublishedItem, type PublishedVenue } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

export interface FestivalSummary {
  slug: string;
  edition: number;
  title: string;
  theme: string | null;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  status: "draft" | "published" | "archived";
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  nominationOpensAt: Date | null;
  nominationClosesAt: Date | null;
  votingOpensAt: Date | null;
  votingClosesAt: Date | null;
}

const summary = {
  slug: festivals.slug,
  edition: festivals.edition,
  title: festivals.title,
  theme: festivals.theme,
  startsOn: festivals.startsOn,
  endsOn: festivals.endsOn,
  timeZone: festivals.timeZone,
  status: festivals.status,
  registrationOpensAt: festivals.registrationOpensAt,
  registrationClosesAt: festivals.registrationClosesAt,
  nominationOpensAt: festivals.nominationOpensAt,
  nominationClosesAt: festivals.nominationClosesAt,
  votingOpensAt: festivals.votingOpensAt,
  votingClosesAt: festivals.votingClosesAt,
};

/**
 * The festival residents should see first: the published one that is on now or comes next,
 * else the latest one that is not a draft.
 */
export async function getCurrentFestival(db: DbOrTx, today = new Date()): Promise<FestivalSummary | null> {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(today);
  const [current] = await db
    .select(summary)
    .from(festivals)
    .where(and(eq(festivals.status, "published"), gte(festivals.endsOn, day)))
    .orderBy(asc(festivals.startsOn))
    .limit(1);
  if (current) return current;
  const [last] = await db
    .select(summary)
    .from(festivals)
    .where(ne(festivals.status, "draft"))
    .orderBy(desc(festivals.edition))
    .limit(1);
  return last ?? null;
}

export async function listPastFestivals(
  db: DbOrTx,
  exceptSlug?: string,
): Promise<Pick<FestivalSummary, "slug" | "edition" | "title" | "startsOn">[]> {
  return db
    .select({ slug: festivals.slug, edition: festivals.edition, title: festivals.title, startsOn: festivals.startsOn })
    .from(festivals)
    .where(and(eq(festivals.status, "archived"), exceptSlug ? ne(festivals.slug, exceptSlug) : undefined))
    .orderBy(asc(festivals.edition));
}

export interface PublicProgramme {
  festival: FestivalSummary;
  publishedAt: Date | null;
  venues: PublishedVenue[];
  items: PublishedItem[];
}

/**
 * A festival as residents see it: never a draft, and its programme as last published (later
 * edits stay in the dashboard until published again).
 */
export async function getPublicProgramme(db: DbOrTx, slug: string): Promise<PublicProgramme | null> {
  const [festival] = await db
    .select(summary)
    .from(festivals)
    .where(and(eq(festivals.slug, slug), ne(festivals.status, "draft")));
  if (!festival) return null;
  const [pub] = await db
    .select({
      publishedAt: programmePublications.publishedAt,
      venues: programmePublications.venues,
      items: programmePublications.items,
    })
    .from(programmePublications)
    .innerJoin(festivals, eq(festivals.id, programmePublications.festivalId))
    .where(eq(festivals.slug, slug))
    .orderBy(desc(programmePublications.publishedAt))
    .limit(1);
  return { festival, publishedAt: pub?.publishedAt ?? null, venues: pub?.venues ?? [], items: pub?.items ?? [] };
}
