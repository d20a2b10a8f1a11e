import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getPublicCompetition, type MatchView } from "@/lib/competitions/queries";
import { applyLocale } from "@/lib/i18n/locale-params";
import { RoundsTables } from "@/components/competitions/fixtures";
import { knockoutRoundName, sideLabels } from "@/components/competitions/score";
import { ScoreCard } from "@/components/competitions/score-card";
import { PrintButton } from "@/components/ui/print-button";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { SeniorSwitch } from "@/components/shell/senior-switch";

// Printed at the desk before each round: renewed at most once a minute, like the public page.
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

const byRound = (ms: MatchView[]) =>
  [...new Set(ms.map((m) => m.round))]
    .sort((x, y) => x - y)
    .map((round) => ({ round, matches: ms.filter((m) => m.round === round) }));

/** The draw sheet (every round, every table) on A4, then a score card for each match of the current round. */
export default async function CompetitionPrint({
  params,
}: {
  params: Promise<{ locale: string; slug: string; itemId: string }>;
}) {
  await applyLocale(params);
  const { slug, itemId } = await params;
  const c = await getPublicCompetition(await getDb(), slug, itemId);
  if (!c || !c.drawn) notFound();
  const t = await getTranslations("competitions");
  const format = await getFormatter();
  const clock = (d: Date) =>
    format.dateTime(d, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: c.festival.timeZone });
  const tc = await getTranslations("common");
  const sides = sideLabels(c.game, t);
  const finalRound = c.bracket?.rounds.at(-1)?.round ?? 0;
  // A double elimination's rounds of play mix its brackets: they keep their numbers.
  const roundName =
    c.bracket && c.format !== "double_elimination"
      ? (round: number) => knockoutRoundName(round, finalRound - round, t)
      : undefined;
  const cards = c.matches.filter((m) => m.round === c.currentRound && m.label !== "bye" && !m.winner);
  const currentName =
    c.currentRound === null ? "" : roundName ? roundName(c.currentRound) : t("round", { round: c.currentRound });
  const groups = c.bracket ? [{ groupNo: null, rounds: byRound(c.matches) }] : c.groups;

  return (
    <>
      <style>{`@page { size: A4; margin: 12mm; } @media print { .cards { break-before: page; } .score-card { break-inside: avoid; } }`}</style>
      <div className="no-print mb-6 flex flex-wrap items-center gap-3">
        <Link
          href={`/festivals/${slug}/competitions/${itemId}`}
          className="text-lg font-semibold text-red-deep underline underline-offset-4"
        >
          {t("backToCompetition")}
        </Link>
        <PrintButton label={tc("print")} />
        <SeniorSwitch tone="dark" />
        <LocaleSwitch tone="dark" />
      </div>
      <h1 className="mb-4 border-b-4 border-red-brand pb-2 text-3xl font-black text-red-deep">
        {t("printTitle", { title: c.item.title })}
      </h1>
      <section aria-labelledby="sheet-title" className="flex flex-col gap-4">
        <h2 id="sheet-title" className="text-2xl font-bold">
          {t("drawSheet")} · {c.festival.title}
        </h2>
        {groups.map((g) =>
          g.groupNo !== null && groups.length > 1 ? (
            <div key={g.groupNo} className="flex flex-col gap-2">
              <h3 className="text-xl font-bold">{t("groupOf", { group: g.groupNo })}</h3>
              <RoundsTables
                rounds={g.rounds}
                sides={sides}
                idPrefix={`p${g.groupNo}`}
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
              idPrefix="p"
              level={3}
              name={roundName}
              clock={clock}
              t={t}
            />
          ),
        )}
      </section>
      <section aria-labelledby="cards-title" className="cards mt-10 flex flex-col gap-4">
        <h2 id="cards-title" className="text-2xl font-bold">
          {t("scoreCards", { round: currentName })}
        </h2>
        {cards.length === 0 ? (
          <p className="text-lg">{t("noScoreCards")}</p>
        ) : (
          <div className="grid gap-4">
            {cards.map((m) => (
              <ScoreCard
                key={m.id}
                m={m}
                title={t("cardTitle", { title: c.item.title, round: currentName })}
                game={c.game}
                bestOf={c.bestOf}
                roundName={roundName}
                clock={clock}
                t={t}
              />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
