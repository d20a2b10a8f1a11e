import { getDb } from "@/db";
import { festivalWinners } from "@/lib/competitions/queries";
import { getStarsFestival, listCategories, publishedWinners } from "@/lib/stars/queries";
import { FestivalWinners } from "@/components/competitions/festival-winners";
import { StarsResultsSummary } from "@/components/stars/results-summary";

/**
 * Once a festival has results: its published Neighbourhood Stars beside the winners of its
 * finished competitions (side by side on a wide screen, one after the other on a phone).
 * Nothing at all before either exists.
 */
export async function FestivalResults({ slug }: { slug: string }) {
  const db = await getDb();
  const festival = await getStarsFestival(db, slug);
  if (!festival) return null;
  const [stars, categories, competitions] = await Promise.all([
    publishedWinners(db, festival.id),
    listCategories(db, festival.id),
    festivalWinners(db, festival.id),
  ]);
  if (!stars && competitions.length === 0) return null;
  return (
    <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
      {stars && <StarsResultsSummary slug={slug} categories={categories} winners={stars} />}
      {competitions.length > 0 && <FestivalWinners slug={slug} winners={competitions} />}
    </div>
  );
}
