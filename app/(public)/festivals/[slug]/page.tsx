import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { PROGRAMME_KINDS } from "@/db/schema/festivals";
import { getPublicProgramme } from "@/lib/festivals/queries";
import { itemsOfDay } from "@/lib/festivals/programme-view";
import { festivalDays } from "@/lib/festivals/time";
import { festivalDay } from "@/components/festivals/format";
import { ProgrammeByVenue, ProgrammeList } from "@/components/festivals/programme-list";
import { buttonClass } from "@/components/ui/button";
import { SelectFilter } from "@/components/ui/filter-field";

export const dynamic = "force-dynamic";

type Search = { day?: string; view?: string; kind?: string };

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const data = await getPublicProgramme(await getDb(), (await params).slug);
  return { title: data?.festival.title };
}

export default async function FestivalPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const search = await searchParams;
  const data = await getPublicProgramme(await getDb(), slug);
  if (!data) notFound();
  const { festival, venues, items, publishedAt } = data;
  const t = await getTranslations("programme");
  const th = await getTranslations("home");
  const format = await getFormatter();
  const days = festivalDays(festival);
  const day = days.includes(search.day ?? "") ? search.day! : days[0];
  const view = search.view === "venue" ? "venue" : "list";
  const kind = (PROGRAMME_KINDS as readonly string[]).includes(search.kind ?? "") ? search.kind : undefined;
  const shown = itemsOfDay(items, day, festival.timeZone, kind);
  const dayLabel = (d: string) => format.dateTime(festivalDay(d), { month: "long", day: "numeric", weekday: "short", timeZone: festival.timeZone });
  const href = (over: Partial<Search>) => {
    const q = new URLSearchParams();
    const merged = { day, view, kind, ...over };
    if (merged.day && merged.day !== days[0]) q.set("day", merged.day);
    if (merged.view && merged.view !== "list") q.set("view", merged.view);
    if (merged.kind) q.set("kind", merged.kind);
    const s = q.toString();
    return `/festivals/${slug}${s ? `?${s}` : ""}`;
  };

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-lg font-semibold text-gold-ink">{th("edition", { edition: festival.edition })}</p>
        <h1 className="text-3xl font-black text-red-deep sm:text-4xl">{festival.title}</h1>
        {festival.theme && <p className="text-xl">{th("theme", { theme: festival.theme })}</p>}
        <p className="text-xl font-semibold">{th("dates", { start: dayLabel(festival.startsOn), end: dayLabel(festival.endsOn) })}</p>
      </header>

      <section aria-labelledby="programme-title" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="programme-title" className="text-2xl font-bold sm:text-3xl">
            {t("title")}
          </h2>
          {publishedAt && (
            <p className="text-lg text-muted">
              {t("lastUpdated", { time: format.dateTime(publishedAt, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: festival.timeZone }) })}
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
                    <Link href={href({ day: d })} aria-current={d === day ? "page" : undefined} className={buttonClass(d === day ? "primary" : "secondary", "md")}>
                      {dayLabel(d)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="flex flex-wrap items-end gap-3">
              <nav aria-label={t("views")} className="flex gap-2">
                <Link href={href({ view: "list" })} aria-current={view === "list" ? "true" : undefined} className={buttonClass(view === "list" ? "primary" : "ghost", "sm", "underline")}>
                  {t("viewList")}
                </Link>
                <Link href={href({ view: "venue" })} aria-current={view === "venue" ? "true" : undefined} className={buttonClass(view === "venue" ? "primary" : "ghost", "sm", "underline")}>
                  {t("viewGrid")}
                </Link>
              </nav>
              <form method="get" className="flex flex-wrap items-end gap-2">
                {day !== days[0] && <input type="hidden" name="day" value={day} />}
                {view !== "list" && <input type="hidden" name="view" value={view} />}
                <SelectFilter id="kind" label={t("filterKind")} defaultValue={kind} options={[{ value: "", label: t("allKinds") }, ...PROGRAMME_KINDS.filter((k) => k !== "single_act").map((k) => ({ value: k, label: t(`kinds.${k}`) }))]} />
                <button type="submit" className={buttonClass("secondary", "sm")}>
                  {t("show")}
                </button>
              </form>
            </div>
            {shown.length === 0 ? (
              <p className="text-lg">{t("empty")}</p>
            ) : view === "venue" ? (
              <ProgrammeByVenue slug={slug} items={shown} venues={venues} timeZone={festival.timeZone} />
            ) : (
              <ProgrammeList slug={slug} items={shown} venues={venues} timeZone={festival.timeZone} />
            )}
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
