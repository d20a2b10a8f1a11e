import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getPublicProgramme } from "@/lib/festivals/queries";
import { applyLocale } from "@/lib/i18n/locale-params";
import { Badge, Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { ReadAloud } from "@/components/ui/read-aloud";
import { ActList } from "@/components/festivals/programme-list";
import { getItemCompetition } from "@/lib/competitions/schedule-service";

export const revalidate = false;
export function generateStaticParams() {
  return [];
}

type Params = Promise<{ locale: string; slug: string; id: string }>;

/** The tab and a shared link name the item and its festival ("开幕式 · 第十五届美湖邻里节"). */
export async function generateMetadata({ params }: { params: Params }) {
  await applyLocale(params);
  const { slug, id } = await params;
  const data = await getPublicProgramme(await getDb(), slug);
  const item = data?.items.find((i) => i.id === id);
  return { title: item && data ? `${item.title} · ${data.festival.title}` : undefined };
}

export default async function ItemPage({ params }: { params: Params }) {
  await applyLocale(params);
  const { slug, id } = await params;
  const db = await getDb();
  const data = await getPublicProgramme(db, slug);
  const item = data?.items.find((i) => i.id === id);
  if (!data || !item) notFound();
  const competition =
    item.kind === "sport_event" || item.kind === "card_chess" ? await getItemCompetition(db, item.id) : null;
  const t = await getTranslations("programme");
  const format = await getFormatter();
  const tz = data.festival.timeZone;
  const when = (iso: string, withDay = false) =>
    format.dateTime(new Date(iso), {
      ...(withDay ? { month: "long", day: "numeric", weekday: "short" } : {}),
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: tz,
    });
  const venue = data.venues.find((v) => v.id === item.venueId);
  const block = item.parentId ? data.items.find((i) => i.id === item.parentId) : undefined;
  const acts = data.items.filter((i) => i.parentId === item.id).sort((a, b) => a.position - b.position);
  const minutes = Math.round((Date.parse(item.endsAt) - Date.parse(item.startsAt)) / 60_000);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-5">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <Link
          href={`/festivals/${slug}`}
          className="inline-flex min-h-11 items-center text-lg font-semibold text-red-deep underline underline-offset-4"
        >
          {t("back")}
        </Link>
        <ReadAloud
          parts={[
            item.title,
            t("timeRange", { start: when(item.startsAt, true), end: when(item.endsAt) }),
            venue?.name,
            item.description,
          ]}
        />
      </div>
      <div>
        <p className="text-lg text-muted">{data.festival.title}</p>
        <h1 className="text-3xl font-black text-red-deep">{item.title}</h1>
      </div>
      <Card className="@container">
        <dl className="grid gap-x-4 gap-y-2 text-lg @min-[16rem]:grid-cols-[auto_1fr]">
          <dt className="text-muted">{t("time")}</dt>
          <dd className="font-semibold">
            {t("timeRange", { start: when(item.startsAt, true), end: when(item.endsAt) })}
            {t("minutes", { count: minutes })}
          </dd>
          {venue && (
            <>
              <dt className="text-muted">{t("venue")}</dt>
              <dd>
                {venue.name}
                {venue.description && <span className="block text-base text-muted">{venue.description}</span>}
              </dd>
            </>
          )}
          <dt className="text-muted">{t("filterKind")}</dt>
          <dd>
            <Badge>{t(`kinds.${item.kind}`)}</Badge>
          </dd>
          {item.people.length > 0 && (
            <>
              <dt className="text-muted">{t("people")}</dt>
              <dd>{format.list(item.people)}</dd>
            </>
          )}
        </dl>
        {item.description && <p className="mt-4 text-lg">{item.description}</p>}
        {block && (
          <p className="mt-4 text-lg">
            <Link href={`/festivals/${slug}/items/${block.id}`} className="text-red-deep underline underline-offset-4">
              {block.title}
            </Link>
          </p>
        )}
      </Card>
      {acts.length > 0 && (
        <Card aria-labelledby="order-title">
          <h2 id="order-title" className="text-2xl font-bold">
            {t("runningOrder")}
          </h2>
          <ActList
            acts={acts.map((a) => ({ ...a, startsAt: new Date(a.startsAt) }))}
            time={(d) => when(d.toISOString())}
            className="mt-3 gap-2"
          />
        </Card>
      )}
      {competition && (
        <Card aria-labelledby="competition-title">
          <h2 id="competition-title" className="text-2xl font-bold">
            {t("competition")}
          </h2>
          {competition.rounds.length > 0 && (
            <ul className="mt-3 flex flex-col gap-1 text-lg">
              {competition.rounds.map((r) => (
                <li key={r.round} className="flex flex-wrap gap-x-3">
                  <span className="font-semibold">{t("roundNo", { round: r.round })}</span>
                  <span className="tabular-nums">{when(r.startsAt.toISOString(), true)}</span>
                </li>
              ))}
            </ul>
          )}
          <Link
            href={`/festivals/${slug}/competitions/${item.id}`}
            className="mt-3 inline-flex min-h-11 items-center text-lg font-semibold text-red-deep underline underline-offset-4"
          >
            {t(competition.status === "setup" ? "competitionEntrants" : "competitionDraw")}
          </Link>
        </Card>
      )}
      {!item.parentId && (
        <a
          href={`/festivals/${slug}/items/${item.id}/calendar.ics`}
          className={buttonClass("secondary", "md", "self-start")}
        >
          {t("calendarItem")}
        </a>
      )}
    </div>
  );
}
