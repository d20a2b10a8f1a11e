import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getPublicCompetition } from "@/lib/competitions/queries";
import { applyLocale } from "@/lib/i18n/locale-params";
import { AutoRefresh } from "@/components/festivals/auto-refresh";
import { BracketView } from "@/components/competitions/bracket";
import { EntrantsList } from "@/components/competitions/entrants-list";
import { RoundsTables } from "@/components/competitions/fixtures";
import { StandingsTable, TieBreakRule } from "@/components/competitions/standings-table";
import { Alert } from "@/components/ui/alert";
import { sideLabels, whenText } from "@/components/competitions/score";
import { BOARD_GAMES } from "@/lib/competitions/schemas";
import { Badge } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";

// Cached whole per language; every result, draw or schedule saved renews it at once (and the
// cache expires within a minute regardless). While the competition is on, the open page asks for
// the renewed copy every minute (AutoRefresh), keeping scroll and focus.
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Params = Promise<{ locale: string; slug: string; itemId: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  await applyLocale(params);
  const { slug, itemId } = await params;
  const c = await getPublicCompetition(await getDb(), slug, itemId);
  return { title: c ? `${c.item.title} · ${c.festival.title}` : undefined };
}

export default async function CompetitionPage({ params }: { params: Params }) {
  await applyLocale(params);
  const { slug, itemId } = await params;
  const c = await getPublicCompetition(await getDb(), slug, itemId);
  if (!c) notFound();
  const t = await getTranslations("competitions");
  const format = await getFormatter();
  const clock = (d: Date) =>
    format.dateTime(d, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: c.festival.timeZone });
  const live = c.status === "drawn" || c.status === "locked";
  const sides = sideLabels(c.game, t);
  // Board games can be drawn; the others are played to a winner.
  const draws = BOARD_GAMES.includes(c.game);
  const manyGroups = c.groups.length > 1;
  const withdrawn = new Set(c.entrants.filter((e) => e.withdrawn).map((e) => e.id));

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      {live && <AutoRefresh seconds={60} />}
      <header className="flex flex-col gap-2">
        <p className="text-lg font-semibold text-gold-ink">{c.festival.title}</p>
        <h1 className="text-3xl font-black text-red-deep sm:text-4xl">{c.item.title}</h1>
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone={c.status === "finished" ? "grey" : c.status === "setup" ? "gold" : "green"}>
            {t(`status.${c.status}`)}
          </Badge>
          <span className="text-lg text-muted">
            {t(`game.${c.game}`)} · {t(`format.${c.format}`)}
          </span>
        </p>
        <p className="text-lg">{whenText(c.item.startsAt, c.item.endsAt, c.festival.timeZone, format, t)}</p>
        {c.item.venue && <p className="text-lg">{t("where", { venue: c.item.venue })}</p>}
        <p className="text-lg">
          {t("entrantCount", { count: t(`entrantUnit.${c.entrantKind}`, { count: c.entrants.length }) })}
          {withdrawn.size > 0 && t("entrantsWithdrawn", { count: withdrawn.size })}
        </p>
        {live && <p className="text-lg text-green-ink">{t("live")}</p>}
      </header>

      {!c.drawn ? (
        <Alert tone="info">{t("notDrawn")}</Alert>
      ) : c.bracket ? (
        <BracketView bracket={c.bracket} t={t} />
      ) : (
        <>
          <section aria-labelledby="standings-title" className="flex flex-col gap-4">
            <h2 id="standings-title" className="text-2xl font-bold sm:text-3xl">
              {t("standingsTitle")}
            </h2>
            <TieBreakRule order={c.tieBreakOrder} table={c.points} draws={draws} game={c.game} t={t} />
            {c.groups.map((g) => {
              const caption = t("standingsTable", {
                group: manyGroups && g.groupNo !== null ? t("groupOf", { group: g.groupNo }) : "",
              }).trim();
              return manyGroups && g.groupNo !== null ? (
                <div key={g.groupNo} className="flex flex-col gap-2">
                  <h3 className="text-xl font-bold">{t("groupOf", { group: g.groupNo })}</h3>
                  <StandingsTable
                    rows={g.standings}
                    order={c.tieBreakOrder}
                    caption={caption}
                    draws={draws}
                    byes={c.format === "swiss"}
                    withdrawn={withdrawn}
                    game={c.game}
                    t={t}
                  />
                </div>
              ) : (
                <StandingsTable
                  key={g.groupNo ?? 0}
                  rows={g.standings}
                  order={c.tieBreakOrder}
                  caption={caption}
                  draws={draws}
                  byes={c.format === "swiss"}
                  withdrawn={withdrawn}
                  game={c.game}
                  t={t}
                />
              );
            })}
          </section>
          <section aria-labelledby="rounds-title" className="flex flex-col gap-4">
            <h2 id="rounds-title" className="text-2xl font-bold sm:text-3xl">
              {c.format === "swiss" ? t("pairingsTitle") : t("fixturesTitle")}
            </h2>
            {c.groups.map((g) =>
              manyGroups && g.groupNo !== null ? (
                <div key={g.groupNo} className="flex flex-col gap-3">
                  <h3 className="border-b-4 border-gold pb-1 text-xl font-bold">
                    {t("groupOf", { group: g.groupNo })}
                  </h3>
                  <RoundsTables
                    rounds={g.rounds}
                    sides={sides}
                    idPrefix={`g${g.groupNo}`}
                    level={4}
                    group={t("groupOf", { group: g.groupNo })}
                    clock={clock}
                    t={t}
                  />
                </div>
              ) : (
                <RoundsTables
                  key={g.groupNo ?? 0}
                  rounds={g.rounds}
                  sides={sides}
                  idPrefix="all"
                  level={3}
                  clock={clock}
                  t={t}
                />
              ),
            )}
          </section>
        </>
      )}

      <section aria-labelledby="entrants-title" className="flex flex-col gap-3">
        <h2 id="entrants-title" className="text-2xl font-bold sm:text-3xl">
          {t("entrantsTitle")}
        </h2>
        <EntrantsList entrants={c.entrants} t={t} />
        {c.drawSeed !== null && <p className="text-base text-muted">{t("drawSeed", { seed: c.drawSeed })}</p>}
      </section>

      <div className="flex flex-wrap gap-3">
        {c.drawn && (
          <Link href={`/festivals/${slug}/competitions/${itemId}/print`} className={buttonClass("secondary", "md")}>
            {t("printLink")}
          </Link>
        )}
        <Link href={`/festivals/${slug}/competitions`} className={buttonClass("ghost", "md", "underline")}>
          {t("backToList")}
        </Link>
      </div>
    </div>
  );
}
