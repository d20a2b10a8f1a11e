import Link from "next/link";
import { useTranslations } from "next-intl";
import { AGE_BANDS, WISH_CATEGORIES } from "@/vocabulary/wishes";
import type { WallFilters } from "@/lib/wishes/queries";
import { buttonClass } from "@/components/ui/button";

const control =
  "min-h-12 w-full rounded-xl border-2 border-stone-400 bg-white px-3 text-lg text-ink focus:border-red-brand";

/** A plain GET form: it works before (and without) any JavaScript, and the URL can be shared. */
export function WallFilterForm({ filters }: { filters: WallFilters }) {
  const t = useTranslations("wishes");
  const filtered = !!(filters.category || filters.band || (filters.sort && filters.sort !== "newest"));
  return (
    <form
      method="get"
      action="/wishes"
      aria-labelledby="filters-title"
      className="flex flex-col gap-4 rounded-[var(--radius-card)] border border-line bg-white p-4 shadow-sm sm:p-5"
    >
      <h2 id="filters-title" className="text-2xl font-bold text-red-deep">
        {t("filtersTitle")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="flex flex-col gap-1.5">
          <label htmlFor="filter-category" className="text-lg font-semibold">
            {t("filterCategory")}
          </label>
          <select id="filter-category" name="category" defaultValue={filters.category ?? ""} className={control}>
            <option value="">{t("any")}</option>
            {WISH_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="filter-age" className="text-lg font-semibold">
            {t("filterAge")}
          </label>
          <select id="filter-age" name="age" defaultValue={filters.band ?? ""} className={control}>
            <option value="">{t("any")}</option>
            {AGE_BANDS.map((b) => (
              <option key={b} value={b}>
                {t(`ageBand.${b}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="filter-sort" className="text-lg font-semibold">
            {t("filterSort")}
          </label>
          <select id="filter-sort" name="sort" defaultValue={filters.sort ?? "newest"} className={control}>
            <option value="newest">{t("sortNewest")}</option>
            <option value="soonest">{t("sortSoonest")}</option>
          </select>
        </div>
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass("primary", "md", "min-w-32")}>
          {t("applyFilters")}
        </button>
        {filtered && (
          <Link href="/wishes" className={buttonClass("ghost", "md", "underline")}>
            {t("clearFilters")}
          </Link>
        )}
      </div>
    </form>
  );
}
