import { SamePageLink } from "@/components/ui/same-page-link";
import { getTranslations } from "next-intl/server";
import { NOMINATION_STATUSES } from "@/vocabulary/stars";
import type { VettingFilters } from "@/lib/stars/admin-forms";
import type { VettingCounts } from "@/lib/stars/admin-queries";
import { buttonClass } from "@/components/ui/button";
import { SelectFilter } from "@/components/ui/filter-field";
import { StatusTabs } from "@/components/ui/status-tabs";

/** Status tabs, each keeping the chosen category, with how many nominations it holds. */
export async function VettingStatusNav({
  base,
  filters,
  counts,
}: {
  base: string;
  filters: VettingFilters;
  counts: VettingCounts;
}) {
  const t = await getTranslations("starsAdmin.vetting");
  const tabs = [
    { status: undefined, text: t("countAll", { count: counts.all }) },
    ...NOMINATION_STATUSES.map((s) => ({
      status: s,
      text: t("countStatus", { status: t(`statuses.${s}`), count: counts[s] }),
    })),
  ];
  return <StatusTabs label={t("byStatus")} base={base} filters={filters} tabs={tabs} />;
}

/** The GET filter form: status and category live in the address, so a view can be shared. */
export async function VettingFilterForm({
  base,
  filters,
  categories,
}: {
  base: string;
  filters: VettingFilters;
  categories: { id: string; name: string }[];
}) {
  const t = await getTranslations("starsAdmin.vetting");
  const any = { value: "", label: t("any") };
  return (
    <form
      method="get"
      action={base}
      role="search"
      aria-label={t("filters")}
      className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-white p-4"
    >
      <SelectFilter
        id="status"
        label={t("status")}
        defaultValue={filters.status}
        options={[any, ...NOMINATION_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]}
      />
      <SelectFilter
        id="category"
        label={t("category")}
        defaultValue={filters.category}
        options={[any, ...categories.map((c) => ({ value: c.id, label: c.name }))]}
      />
      <button type="submit" className={buttonClass("primary", "sm")}>
        {t("apply")}
      </button>
      <SamePageLink href={base} className={buttonClass("ghost", "sm", "underline")}>
        {t("clear")}
      </SamePageLink>
    </form>
  );
}
