import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PROGRAMME_KINDS } from "@/vocabulary/festivals";
import type { PublicProgramme } from "@/lib/festivals/queries";
import { itemsOfDay } from "@/lib/festivals/programme-view";
import { festivalDays } from "@/lib/festivals/time";
import { festivalDay } from "@/components/ui/format";
import { KindFilter } from "./kind-filter";
import { ProgrammeByVenue, ProgrammeList } from "./programme-list";
import { buttonClass } from "@/components/ui/button";

/**
 * A festival's public page: every day of its published programme, by time or by venue, after
 * `results` when the page shows them. It reads no cookie or query, so each language's copy is
 * cached until an organiser publishes again (the programme, the stars' results, or a result).
 */
export async function ProgrammePage({
  slug,
  programme,
  view,
  results,
}: {
  slug: string;
  programme: PublicProgramme;
  view: "list" | "venue";
  results?: React.ReactNode;
}) {
  const { festival, venues, items, publishedAt } = programme;
  const t = await getTranslations("programme");
  const th = await getTranslations("home");
  const ts = await getTranslations("stars");
  const tc = await getTranslations("competitions");
  const format = await getFormatter();
  const days = festivalDays(festival);
  const dayLabel = (d: string) =>
    format.dateTime(festivalDay(d), { month: "long", day: "numeric", weekday: "short", timeZone: festival.timeZone });
  const shortDay = (d: Date) => format.dateTime(d, { month: "long", day: "numeric", timeZone: festival.timeZone });
  const kinds = PROGRAMME_KINDS.filter((k) => k !== "single_act" && items.some((i) => i.kind === k && !i.parentId));

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-lg font-semibold text-gold-ink">{th("edition", { edition: festival.edition })}</p>
        <h1 className="text-3xl font-black text-red-deep sm:text-4xl">{festival.title}</h1>
        {festival.theme && <p className="text-xl">{th("theme", { theme: festival.theme })}</p>}
        <p className="text-xl font-semibold">
          {festival.startsOn === festival.endsOn
            ? dayLabel(festival.startsOn)
            : th("dates", { start: dayLabel(festival.startsOn), end: dayLabel(festival.endsOn) })}
        </p>
        {festival.status === "published" && festival.registrationOpensAt && festival.registrationClosesAt && (
          <p className="mt-1 flex flex-wrap items-center gap-3">
            {/* The dates, not "open now": this page is cached until the next publication. */}
            <Link href={`/festivals/${slug}/register`} className={buttonClass("primary", "lg")}>
              {t("register")}
            </Link>
            <span className="text-lg text-muted">
              {th("registrationWindow", {
                start: format.dateTime(festival.registrationOpensAt, {
                  month: "long",
                  day: "numeric",
                  timeZone: festival.timeZone,
                }),
                end: format.dateTime(festival.registrationClosesAt, {
                  month: "long",
                  day: "numeric",
                  timeZone: festival.timeZone,
                }),
              })}
            </span>
          </p>
        )}
        {(festival.nominationOpensAt || festival.votingOpensAt) && (
          <p className="mt-1 flex flex-wrap items-center gap-3">
            {/* Dates again, not the state: the page is cached until the next publication. */}
            <Link
              href={`/festivals/${slug}/stars`}
              className={buttonClass(
                festival.status === "published" && festival.registrationOpensAt ? "secondary" : "primary",
                "lg",
              )}
            >
              {ts("festivalLink")}
            </Link>
            <span className="flex flex-col text-lg text-muted">
              {festival.nominationOpensAt && festival.nominationClosesAt && (
                <span>
                  {th("nominationWindow", {
                    start: shortDay(festival.nominationOpensAt),
                    end: shortDay(festival.nominationClosesAt),
                  })}
                </span>
              )}
              {festival.votingOpensAt && festival.votingClosesAt && (
                <span>
                  {th("votingWindow", {
                    start: shortDay(festival.votingOpensAt),
                    end: shortDay(festival.votingClosesAt),
                  })}
                </span>
              )}
            </span>
          </p>
        )}
        {/* Sport and card & chess items are where competitions are run: their draws and results. */}
        {items.some((i) => i.kind === "sport_event" || i.kind === "card_chess") && (
          <p className="mt-1">
            <Link href={`/festivals/${slug}/competitions`} className={buttonClass("secondary", "lg")}>
              {tc("festivalLink")}
            </Link>
          </p>
        )}
      </header>

      {results}

      <section aria-labelledby="programme-title" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="programme-title" className="text-2xl font-bold sm:text-3xl">
            {t("title")}
          </h2>
          {publishedAt && (
            <p className="text-lg text-muted">
              {t("lastUpdated", {
                time: format.dateTime(publishedAt, {
                  year: "numeric",
                  month: "long",
                  day: "numeric",
                  hour: "2-digit",
                  minute: "2-digit",
                  hourCycle: "h23",
                  timeZone: festival.timeZone,
                }),
              })}
            </p>
          )}
        </div>

        {!publishedAt ? (
          <p className="rounded-xl bg-gold-soft p-4 text-lg">{t("notPublished")}</p>
        ) : (
          <>
            <nav aria-label={t("days")}>
              <ul className="flex flex-wrap gap-2">
                {days.map((d) => (
                  <li key={d}>
                    <a href={`#day-${d}`} className={buttonClass("secondary", "md")}>
                      {dayLabel(d)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <nav aria-label={t("views")} className="flex flex-wrap gap-2">
              <Link
                href={`/festivals/${slug}`}
                aria-current={view === "list" ? "page" : undefined}
                className={buttonClass(view === "list" ? "primary" : "ghost", "sm", "underline")}
              >
                {t("viewList")}
              </Link>
              <Link
                href={`/festivals/${slug}/venues`}
                aria-current={view === "venue" ? "page" : undefined}
                className={buttonClass(view === "venue" ? "primary" : "ghost", "sm", "underline")}
              >
                {t("viewGrid")}
              </Link>
            </nav>
            <KindFilter kinds={kinds}>
              {days.map((d) => {
                const shown = itemsOfDay(items, d, festival.timeZone);
                return (
                  <section
                    key={d}
                    id={`day-${d}`}
                    aria-labelledby={`day-title-${d}`}
                    className="flex scroll-mt-4 flex-col gap-3"
                  >
                    <h3 id={`day-title-${d}`} className="border-b-4 border-gold pb-1 text-2xl font-bold">
                      {dayLabel(d)}
                    </h3>
                    {shown.length === 0 ? (
                      <p className="text-lg">{t("empty")}</p>
                    ) : view === "venue" ? (
                      <ProgrammeByVenue slug={slug} items={shown} venues={venues} timeZone={festival.timeZone} />
                    ) : (
                      <ProgrammeList slug={slug} items={shown} venues={venues} timeZone={festival.timeZone} />
                    )}
                  </section>
                );
              })}
            </KindFilter>
            <div className="flex flex-wrap gap-3">
              <a href={`/festivals/${slug}/programme.ics`} className={buttonClass("secondary", "md")}>
                {t("calendar")}
              </a>
              <Link href={`/festivals/${slug}/print`} className={buttonClass("secondary", "md")}>
                {t("print")}
              </Link>
              <Link href={`/festivals/${slug}/now`} className={buttonClass("ghost", "md", "underline")}>
                {t("nowView")}
              </Link>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
