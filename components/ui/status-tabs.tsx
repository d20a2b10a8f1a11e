import { SamePageLink } from "./same-page-link";
import { addressQuery } from "@/lib/address-query";

export { addressQuery };

export interface StatusTab {
  /** undefined: all of them. */
  status: string | undefined;
  text: string;
}

/**
 * Status tabs: each a link that keeps the other filters (and goes back to page 1), saying how many
 * rows it holds; the current one is marked for screen readers.
 */
export function StatusTabs<F extends { status?: string; page?: number }>({
  label,
  base,
  filters,
  tabs,
}: {
  label: string;
  base: string;
  filters: F;
  tabs: StatusTab[];
}) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-2">
        {tabs.map((l) => {
          const current = filters.status === l.status;
          return (
            <li key={l.status ?? "all"}>
              <SamePageLink
                href={`${base}${addressQuery<F>(filters, { status: l.status, page: 1 } as Partial<F>)}`}
                aria-current={current ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-full border-2 px-4 text-base font-semibold tabular-nums ${current ? "border-red-brand bg-red-brand text-white" : "border-line bg-white text-ink hover:bg-gold-soft"}`}
              >
                {l.text}
              </SamePageLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
