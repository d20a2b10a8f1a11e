"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { publicPath } from "@/lib/i18n/public-path";

/** Sidebar links; the current page is marked for screen readers and by colour. */
export function DashboardNav({ label, items }: { label: string; items: { href: string; label: string }[] }) {
  const path = publicPath(usePathname());
  const current = items.reduce<string | undefined>(
    (best, i) =>
      (path === i.href || path.startsWith(i.href + "/")) && (!best || i.href.length > best.length) ? i.href : best,
    undefined,
  );
  return (
    <nav aria-label={label}>
      <ul className="flex flex-row flex-wrap gap-1 lg:flex-col">
        {items.map((i) => (
          <li key={i.href}>
            <Link
              href={i.href}
              aria-current={current === i.href ? "page" : undefined}
              className={`flex min-h-11 items-center rounded-lg px-3 text-base font-semibold ${
                current === i.href ? "bg-red-brand text-white" : "text-ink hover:bg-gold-soft"
              }`}
            >
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
