import { SamePageLink } from "@/components/ui/same-page-link";
import { getTranslations } from "next-intl/server";
import { CIRCUMSTANCES, WISH_CATEGORIES } from "@/vocabulary/wishes";
import { WISH_TABS, type WishAdminFilters } from "@/lib/wishes/admin-forms";
import type { WishCounts } from "@/lib/wishes/admin-queries";
import { buttonClass } from "@/components/ui/button";
import { SelectFilter } from "@/components/ui/filter-field";
import { StatusTabs } from "@/components/ui/status-tabs";

/** The status tabs, keeping the other filters, each with its count. */
export async function WishStatusTabs({
  base,
  filters,
  counts,
}: {
  base: string;
  filters: WishAdminFilters;
  counts: WishCounts;
}) {
  const t = await getTranslations("wishAdmin");
  const tabs = [
    { status: undefined, text: t("tabs.all", { count: counts.all }) },
    ...WISH_TABS.map((s) => ({ status: s, text: t("tabs.status", { status: t(`tabs.${s}`), count: counts[s] }) })),
  ];
  return <StatusTabs label={t("tabs.label")} base={base} filters={filters} tabs={tabs} />;
}

/** The GET filter form: what it shows lives in the address, so a view can be shared and paged. */
export async function WishFilterForm({ base, filters }: { base: string; filters: WishAdminFilters }) {
  const t = await getTranslations("wishAdmin");
  const any = { value: "", label: t("filters.any") };
  return (
    <form
      method="get"
      action={base}
      role="search"
      aria-label={t("filters.label")}
      className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-white p-4"
    >
      {filters.status && <input type="hidden" name="status" value={filters.status} />}
      <div className="flex min-w-0 flex-1 basis-72 flex-col gap-1">
        <label htmlFor="q" className="text-base font-semibold">
          {t("filters.q")}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={filters.q}
          placeholder={t("filters.qHint")}
          className="min-h-11 rounded-lg border-2 border-stone-400 bg-white px-3 text-base"
        />
      </div>
      <SelectFilter
        id="category"
        label={t("filters.category")}
        defaultValue={filters.category}
        options={[any, ...WISH_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))]}
      />
      <SelectFilter
        id="circumstance"
        label={t("filters.circumstance")}
        defaultValue={filters.circumstance}
        options={[any, ...CIRCUMSTANCES.map((c) => ({ value: c, label: t(`circumstances.${c}`) }))]}
      />
      <button type="submit" className={buttonClass("primary", "sm")}>
        {t("filters.apply")}
      </button>
      <SamePageLink href={base} className={buttonClass("ghost", "sm", "underline")}>
        {t("filters.clear")}
      </SamePageLink>
    </form>
  );
}
