import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getWishProgress, listGallery, listWall, parseWallFilters } from "@/lib/wishes/queries";
import { GalleryCard, WishCard } from "@/components/wishes/wish-card";
import { WishProgressBar } from "@/components/wishes/progress";
import { WallFilterForm } from "@/components/wishes/wall-filters";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";

// The same for every reader (no session is read here), but filtered by the query and changed by
// every claim: rendered per request.
export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("wishes");
  return { title: t("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The wish wall: progress, filters, the open and claimed wishes, and those that came true. */
export default async function WishWallPage({ searchParams }: { searchParams: Search }) {
  const filters = parseWallFilters(await searchParams);
  const db = await getDb();
  const [progress, wall, gallery] = await Promise.all([getWishProgress(db), listWall(db, filters), listGallery(db)]);
  const t = await getTranslations("wishes");
  const anyFilter = !!(filters.category || filters.band);

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-black text-red-deep sm:text-4xl">{t("title")}</h1>
        <p className="text-lg">{t("intro")}</p>
      </header>

      <WishProgressBar progress={progress} />
      <WallFilterForm filters={filters} />

      <section aria-labelledby="wall-title" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2 border-b-4 border-gold pb-2">
          <h2 id="wall-title" className="text-2xl font-bold text-red-deep sm:text-3xl">
            {t("listTitle")}
          </h2>
          <p className="text-lg font-semibold" role="status">
            {t("found", { count: wall.total })}
          </p>
        </div>
        {wall.items.length === 0 ? (
          <p className="text-lg">{anyFilter ? t("none") : t("noneAtAll")}</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {wall.items.map((w) => (
              <li key={w.id}>
                <WishCard wish={w} />
              </li>
            ))}
          </ul>
        )}
        {wall.pageCount > 1 && (
          <Pagination
            page={wall.page}
            pageCount={wall.pageCount}
            total={wall.total}
            basePath="/wishes"
            params={{
              category: filters.category,
              age: filters.band,
              sort: filters.sort === "newest" ? undefined : filters.sort,
            }}
          />
        )}
      </section>

      <section aria-labelledby="gallery-title" className="flex flex-col gap-4">
        <div className="border-b-4 border-green-ink pb-2">
          <h2 id="gallery-title" className="text-2xl font-bold text-green-ink sm:text-3xl">
            {t("galleryTitle")}
          </h2>
          <p className="mt-1 text-lg">{t("galleryIntro")}</p>
        </div>
        {gallery.length === 0 ? (
          <p className="text-lg">{t("galleryEmpty")}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {gallery.map((g) => (
              <li key={g.id}>
                <GalleryCard wish={g} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section
        aria-labelledby="ask-title"
        className="rounded-[var(--radius-card)] border-2 border-red-brand/30 bg-white p-5 shadow-sm sm:p-6"
      >
        <h2 id="ask-title" className="text-2xl font-bold text-red-deep">
          {t("askTitle")}
        </h2>
        <p className="mt-2 text-lg">{t("askText")}</p>
        <div className="mt-4 flex flex-wrap gap-3">
          <Link href="/wishes/new" className={buttonClass("primary", "lg")}>
            {t("askLink")}
          </Link>
          <Link href="/me/wishes" className={buttonClass("secondary", "lg")}>
            {t("myLink")}
          </Link>
          <Link href="/points" className={buttonClass("ghost", "lg", "underline")}>
            {t("leaderboardLink")}
          </Link>
        </div>
      </section>
    </div>
  );
}
