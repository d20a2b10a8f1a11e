import Link from "next/link";
import { getTranslations } from "next-intl/server";

const TABS = ["settings", "programme", "registrations", "shifts", "stars", "competitions"] as const;
type Tab = (typeof TABS)[number];

const HREF: Record<Tab, (slug: string) => string> = {
  settings: (s) => `/dashboard/festivals/${s}`,
  programme: (s) => `/dashboard/festivals/${s}/programme`,
  registrations: (s) => `/dashboard/festivals/${s}/registrations`,
  shifts: (s) => `/dashboard/festivals/${s}/registrations/shifts`,
  stars: (s) => `/dashboard/festivals/${s}/stars`,
  competitions: (s) => `/dashboard/festivals/${s}/competitions`,
};

/** The festival's dashboard pages side by side: settings, programme, registrations, shifts, stars and competitions. */
export async function FestivalTabs({ slug, current }: { slug: string; current: Tab }) {
  const t = await getTranslations("festivals.tabs");
  return (
    <nav aria-label={t("label")} className="border-b-2 border-line">
      <ul className="-mb-0.5 flex flex-wrap gap-1">
        {TABS.map((tab) => (
          <li key={tab}>
            <Link
              href={HREF[tab](slug)}
              aria-current={tab === current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-t-lg border-2 px-4 text-base font-semibold ${
                tab === current
                  ? "border-line border-b-paper bg-paper text-red-deep"
                  : "border-transparent text-ink underline-offset-4 hover:bg-gold-soft hover:underline"
              }`}
            >
              {t(tab)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
