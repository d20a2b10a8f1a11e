import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NOMINATION_STATUSES } from "@/db/schema/stars";
import type { VettingFilters } from "@/lib/stars/admin-forms";
import type { VettingCounts } from "@/lib/stars/admin-queries";
import { buttonClass } from "@/components/ui/button";
import { SelectFilter } from "@/components/ui/filter-field";

/** The filters as an address query, without the empty ones. */
export function vettingQuery(f: Partial<VettingFilters>, over: Partial<VettingFilters> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...over })) if (v !== undefined && v !== "" && !(k === "page" && v === 1)) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** Status tabs, each keeping the chosen category, with how many nominations it holds. */
export async function VettingStatusNav({ base, filters, counts }: { base: string; filters: VettingFilters; counts: VettingCounts }) {
  const t = await getTranslations("starsAdmin.vetting");
  const links = [{ status: undefined, text: t("countAll", { count: counts.all }) }, ...NOMINATION_STATUSES.map((s) => ({ status: s, text: t("countStatus", { status: t(`statuses.${s}`), count: counts[s] }) }))];
  return (
    <nav aria-label={t("byStatus")}>
      <ul className="flex flex-wrap gap-2">
        {links.map((l) => {
          const current = filters.status === l.status;
          return (
            <li key={l.status ?? "all"}>
              <Link
                href={`${base}${vettingQuery(filters, { status: l.status, page: 1 })}`}
                aria-current={current ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-full border-2 px-4 text-base font-semibold tabular-nums ${current ? "border-red-brand bg-red-brand text-white" : "border-line bg-white text-ink hover:bg-gold-soft"}`}
              >
                {l.text}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The GET filter form: status and category live in the address, so a view can be shared. */
export async function VettingFilterForm({ base, filters, categories }: { base: string; filters: VettingFilters; categories: { id: string; name: string }[] }) {
  const t = await getTranslations("starsAdmin.vetting");
  const any = { value: "", label: t("any") };
  return (
    <form method="get" action={base} role="search" aria-label={t("filters")} className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-white p-4">
      <SelectFilter id="status" label={t("status")} defaultValue={filters.status} options={[any, ...NOMINATION_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]} />
      <SelectFilter id="category" label={t("category")} defaultValue={filters.category} options={[any, ...categories.map((c) => ({ value: c.id, label: c.name }))]} />
      <button type="submit" className={buttonClass("primary", "sm")}>
        {t("apply")}
      </button>
      <Link href={base} className={buttonClass("ghost", "sm", "underline")}>
        {t("clear")}
      </Link>
    </form>
  );
}
