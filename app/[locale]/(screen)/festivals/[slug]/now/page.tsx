import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getPublicProgramme } from "@/lib/festivals/queries";
import { nowAndNext } from "@/lib/festivals/programme-view";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { SeniorSwitch } from "@/components/shell/senior-switch";
import { AutoRefresh } from "@/components/festivals/auto-refresh";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("programme");
  return { title: t("nowView") };
}

/**
 * "Now and next" for a screen at the venue, readable from across a room. It reloads itself
 * every minute. `?at=` shows another moment (to check the screen before the day).
 */
export default async function NowPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ at?: string }>;
}) {
  const { slug } = await params;
  const { at } = await searchParams;
  const data = await getPublicProgramme(await getDb(), slug);
  if (!data) notFound();
  const t = await getTranslations("programme");
  const format = await getFormatter();
  const tz = data.festival.timeZone;
  const requested = at ? new Date(at) : null;
  const now = requested && !Number.isNaN(requested.getTime()) ? requested : new Date();
  const { current, next } = nowAndNext(data.items, now, tz);
  const venue = new Map(data.venues.map((v) => [v.id, v.name]));
  const time = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: tz });
  return (
    <div className="flex flex-col gap-10">
      <AutoRefresh seconds={60} />
      <header className="flex flex-wrap items-baseline justify-between gap-4 border-b-4 border-gold pb-4">
        <h1 className="text-4xl font-black lg:text-6xl">{data.festival.title}</h1>
        <p className="text-4xl font-black tabular-nums text-gold-soft lg:text-6xl">{time(now)}</p>
      </header>
      <section aria-labelledby="now-title">
        <h2 id="now-title" className="text-3xl font-bold text-gold-soft lg:text-5xl">
          {t("nowTitle")}
        </h2>
        {current.length === 0 ? (
          <p className="mt-4 text-3xl lg:text-5xl">{t("nothingNow")}</p>
        ) : (
          <ul className="mt-4 flex flex-col gap-6">
            {current.map((i) => {
              const act = i.acts.find((a) => a.startsAt <= now && now < a.endsAt);
              return (
                <li key={i.id} className="rounded-2xl bg-white/10 p-6">
                  <p className="text-4xl font-black lg:text-7xl">{i.title}</p>
                  <p className="mt-2 text-3xl lg:text-5xl">
                    {venue.get(i.venueId ?? "")} · {t("timeRange", { start: time(i.startsAt), end: time(i.endsAt) })}
                  </p>
                  {act && <p className="mt-3 text-3xl font-bold text-gold-soft lg:text-5xl">{act.title}</p>}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="next-title">
        <h2 id="next-title" className="text-3xl font-bold text-gold-soft lg:text-5xl">
          {t("nextTitle")}
        </h2>
        {next.length === 0 ? (
          <p className="mt-4 text-3xl lg:text-5xl">{t("nothingNext")}</p>
        ) : (
          <ul className="mt-4 flex flex-col gap-3">
            {next.map((i) => (
              <li key={i.id} className="text-3xl lg:text-5xl">
                <span className="font-black tabular-nums">{time(i.startsAt)}</span> {i.title}{" "}
                <span className="text-gold-soft">· {venue.get(i.venueId ?? "")}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <footer className="flex flex-wrap items-center justify-between gap-4">
        <p className="text-xl text-white/90">{t("refreshes", { time: time(now) })}</p>
        <div className="flex flex-wrap items-center gap-1">
          <SeniorSwitch />
          <LocaleSwitch />
        </div>
      </footer>
    </div>
  );
}
