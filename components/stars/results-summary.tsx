import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StarCategory } from "@/db/schema";
import type { Winner } from "@/lib/stars/queries";
import { buttonClass } from "@/components/ui/button";

/** The published Neighbourhood Stars in a few lines: each category and who won it, then the full results. */
export async function StarsResultsSummary({
  slug,
  categories,
  winners,
}: {
  slug: string;
  categories: Pick<StarCategory, "id" | "name">[];
  winners: Winner[];
}) {
  const t = await getTranslations("festivalResults");
  return (
    <section aria-labelledby="stars-winners" className="flex flex-col gap-4">
      <h2 id="stars-winners" className="border-b-4 border-gold pb-2 text-2xl font-bold text-red-deep sm:text-3xl">
        {t("starsTitle")}
      </h2>
      <ul className="flex flex-col gap-4">
        {categories.map((c) => {
          const won = winners.filter((w) => w.categoryId === c.id);
          return (
            <li
              key={c.id}
              className="flex flex-col gap-2 rounded-[var(--radius-card)] border border-line bg-white p-4 shadow-sm sm:p-5"
            >
              <h3 className="text-2xl font-bold">{c.name}</h3>
              {won.length === 0 ? (
                <p className="text-lg text-muted">{t("starsNone")}</p>
              ) : (
                <ul className="flex flex-col gap-2">
                  {won.map((w) => (
                    <li key={w.id} className="flex items-start gap-3">
                      <span aria-hidden="true" className="text-2xl leading-8 text-gold">
                        ★
                      </span>
                      <span className="flex min-w-0 flex-col">
                        <span className="text-xl font-bold break-words">{w.name}</span>
                        {w.building && <span className="text-lg text-muted">{w.building}</span>}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      <Link
        href={`/festivals/${slug}/stars/results`}
        className={buttonClass("secondary", "md", "self-start py-2 text-center")}
      >
        {t("starsLink")}
      </Link>
    </section>
  );
}
