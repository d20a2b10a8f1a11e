import { SamePageLink } from "@/components/ui/same-page-link";
import { getTranslations } from "next-intl/server";
import { REGISTRATION_ROLES, REVIEW_STATUSES } from "@/vocabulary/registrations";
import type { ReviewFilters } from "@/lib/registrations/schemas";
import type { StatusCounts } from "@/lib/registrations/review-queries";
import { buttonClass } from "@/components/ui/button";
import { SelectFilter } from "@/components/ui/filter-field";
import { addressQuery, StatusTabs } from "@/components/ui/status-tabs";

/** The filters as an address query, without the empty ones. */
export const filterQuery = (f: Partial<ReviewFilters>, over: Partial<ReviewFilters> = {}) =>
  addressQuery<ReviewFilters>(f, over);

/** Status tabs: each a link that keeps the other filters, with how many registrations it holds. */
export async function StatusCountsNav({
  base,
  filters,
  counts,
}: {
  base: string;
  filters: ReviewFilters;
  counts: StatusCounts;
}) {
  const t = await getTranslations("review");
  const tabs = [
    { status: undefined, text: t("counts.all", { count: counts.all }) },
    ...REVIEW_STATUSES.map((s) => ({
      status: s,
      text: t("counts.status", { status: t(`statuses.${s}`), count: counts[s] }),
    })),
  ];
  return <StatusTabs label={t("counts.label")} base={base} filters={filters} tabs={tabs} />;
}

/** The GET filter form: what it shows lives in the address, so it can be shared, paged and exported. */
export async function ReviewFilterForm({
  base,
  filters,
  events,
  buildings,
}: {
  base: string;
  filters: ReviewFilters;
  events: { id: string; title: string }[];
  buildings: string[];
}) {
  const t = await getTranslations("review");
  const any = { value: "", label: t("filters.any") };
  return (
    <form
      method="get"
      action={base}
      role="search"
      aria-label={t("filters.label")}
      className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-white p-4"
    >
      <div className="flex min-w-0 flex-1 basis-80 flex-col gap-1">
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
        id="role"
        label={t("filters.role")}
        defaultValue={filters.role}
        options={[any, ...REGISTRATION_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
      />
      <SelectFilter
        id="status"
        label={t("filters.status")}
        defaultValue={filters.status}
        options={[any, ...REVIEW_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]}
      />
      <SelectFilter
        id="item"
        label={t("filters.item")}
        defaultValue={filters.item}
        options={[any, ...events.map((e) => ({ value: e.id, label: e.title }))]}
      />
      <SelectFilter
        id="building"
        label={t("filters.building")}
        defaultValue={filters.building}
        options={[any, ...buildings.map((b) => ({ value: b, label: b }))]}
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
