import Link from "next/link";
import { getTranslations } from "next-intl/server";

const PAGES = ["categories", "nominations", "tally", "publish"] as const;
export type StarsPage = (typeof PAGES)[number];

const HREF: Record<StarsPage, (slug: string) => string> = {
  categories: (s) => `/dashboard/festivals/${s}/stars`,
  nominations: (s) => `/dashboard/festivals/${s}/stars/nominations`,
  tally: (s) => `/dashboard/festivals/${s}/stars/tally`,
  publish: (s) => `/dashboard/festivals/${s}/stars/publish`,
};

/** The Neighbourhood Star work in its order: categories, vetting, the count, the results. */
export async function StarsNav({ slug, current }: { slug: string; current: StarsPage }) {
  const t = await getTranslations("starsAdmin.nav");
  return (
    <nav aria-label={t("label")}>
      <ol className="flex flex-wrap gap-2">
        {PAGES.map((p, i) => (
          <li key={p}>
            <Link
              href={HREF[p](slug)}
              aria-current={p === current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center gap-2 rounded-full border-2 px-4 text-base font-semibold ${
                p === current
                  ? "border-red-brand bg-red-brand text-white"
                  : "border-line bg-white text-ink hover:bg-gold-soft"
              }`}
            >
              <span aria-hidden="true" className="tabular-nums">
                {i + 1}
              </span>
              {t(p)}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
