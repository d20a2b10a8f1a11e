import type { MatchView, PublicCompetition } from "@/lib/competitions/queries";
import { Badge } from "@/components/ui/card";
import { knockoutRoundName, scoreText, sideName, type CompetitionsT } from "./score";

/** One bracket match: both sides, the winner marked in words and colour, the score. */
function MatchCard({
  m,
  title,
  roundName,
  t,
}: {
  m: MatchView;
  title: string;
  roundName: (round: number) => string;
  t: CompetitionsT;
}) {
  const sides = [
    { key: "a" as const, name: sideName(m.a, m.feedA, t, roundName), known: !!m.a },
    { key: "b" as const, name: sideName(m.b, m.feedB, t, roundName), known: !!m.b },
  ];
  const score = scoreText(m.score, t);
  return (
    <article aria-label={title} className="rounded-xl border-2 border-line bg-white">
      <p className="px-3 pt-2 text-base text-muted">
        {t("matchNo", { position: m.position })} · {t("table", { table: m.table })}
      </p>
      <ul>
        {sides.map((s) => {
          const won = m.winner === s.key;
          return (
            <li
              key={s.key}
              className={`flex items-center justify-between gap-2 px-3 py-2 text-lg ${won ? "bg-green-soft font-bold" : ""} ${s.known ? "" : "text-muted"}`}
            >
              <span className="break-words">{s.name}</span>
              {won && <Badge tone="green">{t("won")}</Badge>}
            </li>
          );
        })}
      </ul>
      <p className="border-t border-line px-3 py-2 text-lg">{m.winner ? (score ?? "") : t("notPlayed")}</p>
    </article>
  );
}

/**
 * The knockout bracket: rounds as columns that scroll sideways in their own box from 640 px up;
 * on a narrow phone, the rounds one under the other, so nothing needs a sideways scroll.
 */
export function BracketView({ bracket, t }: { bracket: NonNullable<PublicCompetition["bracket"]>; t: CompetitionsT }) {
  if (bracket.grandFinal !== undefined) return <DoubleBracketView bracket={bracket} t={t} />;
  const finalRound = bracket.rounds.at(-1)?.round ?? 0;
  const roundName = (round: number) => knockoutRoundName(round, finalRound - round, t);
  return (
    <section aria-labelledby="bracket-title" className="flex flex-col gap-3">
      <h2 id="bracket-title" className="text-2xl font-bold sm:text-3xl">
        {t("bracketTitle")}
      </h2>
      {bracket.champion && (
        <p className="rounded-xl bg-gold-soft p-4 text-xl font-bold text-red-deep">
          {t("champion", { names: bracket.champion.name })}
        </p>
      )}
      <p className="hidden text-lg text-muted sm:block lg:hidden">{t("bracketHint")}</p>
      <Columns
        label={t("bracketRounds")}
        rounds={bracket.rounds}
        name={(i) => knockoutRoundName(bracket.rounds[i].round, bracket.rounds[i].fromFinal, t)}
        roundName={roundName}
        heading="h3"
        t={t}
      />
      {bracket.thirdPlace && (
        <div className="flex flex-col gap-3 sm:max-w-64">
          <h3 className="border-b-4 border-gold pb-1 text-xl font-bold">{t("thirdPlace")}</h3>
          <MatchCard m={bracket.thirdPlace} title={t("thirdPlace")} roundName={roundName} t={t} />
        </div>
      )}
    </section>
  );
}

/** One bracket's rounds as columns (from 640 px up) or one under the other (on a phone). */
function Columns({
  label,
  rounds,
  name,
  roundName,
  heading: H,
  playedIn = false,
  t,
}: {
  label: string;
  rounds: Array<{ round: number; matches: MatchView[] }>;
  name: (index: number) => string;
  roundName: (round: number) => string;
  heading: "h3" | "h4";
  /** Say under each round's name which round of play it is (when brackets share the rounds). */
  playedIn?: boolean;
  t: CompetitionsT;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="sm:overflow-x-auto sm:rounded-xl sm:border sm:border-line sm:bg-paper sm:p-3"
    >
      <ol className="flex flex-col gap-6 sm:min-w-max sm:flex-row sm:gap-4">
        {rounds.map((r, i) => (
          <li key={r.round} className="flex flex-col gap-3 sm:w-64">
            <H className="border-b-4 border-gold pb-1 text-xl font-bold">
              {name(i)}
              {playedIn && (
                <span className="block text-base font-normal text-muted">{t("playedInRound", { round: r.round })}</span>
              )}
            </H>
            <ol className="flex flex-1 flex-col gap-3 sm:justify-around">
              {r.matches.map((m) => (
                <li key={m.id}>
                  <MatchCard
                    m={m}
                    title={`${name(i)} ${t("matchNo", { position: m.position })}`}
                    roundName={roundName}
                    t={t}
                  />
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * Double elimination: the winners' bracket, the losers' bracket and the grand final. Rounds are
 * named within their bracket and say which round of play they are, as the tables and times do.
 */
function DoubleBracketView({ bracket, t }: { bracket: NonNullable<PublicCompetition["bracket"]>; t: CompetitionsT }) {
  const roundName = (round: number) => t("round", { round });
  const losers = bracket.losers ?? [];
  return (
    <section aria-labelledby="bracket-title" className="flex flex-col gap-4">
      <h2 id="bracket-title" className="text-2xl font-bold sm:text-3xl">
        {t("bracketTitle")}
      </h2>
      {bracket.champion && (
        <p className="rounded-xl bg-gold-soft p-4 text-xl font-bold text-red-deep">
          {t("champion", { names: bracket.champion.name })}
        </p>
      )}
      <p className="text-lg">{t("doubleHint")}</p>
      <h3 className="text-xl font-bold text-red-deep">{t("winnersBracket")}</h3>
      <Columns
        label={t("winnersBracket")}
        rounds={bracket.rounds}
        name={(i) => (i === bracket.rounds.length - 1 ? t("winnersFinal") : t("bracketRound", { n: i + 1 }))}
        roundName={roundName}
        heading="h4"
        playedIn
        t={t}
      />
      <h3 className="text-xl font-bold text-red-deep">{t("losersBracket")}</h3>
      <Columns
        label={t("losersBracket")}
        rounds={losers}
        name={(i) => (i === losers.length - 1 ? t("losersFinal") : t("bracketRound", { n: i + 1 }))}
        roundName={roundName}
        heading="h4"
        playedIn
        t={t}
      />
      {bracket.grandFinal && (
        <div className="flex flex-col gap-3 sm:max-w-64">
          <h3 className="border-b-4 border-gold pb-1 text-xl font-bold">
            {t("grandFinal")}
            <span className="block text-base font-normal text-muted">
              {t("playedInRound", { round: bracket.grandFinal.round })}
            </span>
          </h3>
          <MatchCard m={bracket.grandFinal} title={t("grandFinal")} roundName={roundName} t={t} />
        </div>
      )}
    </section>
  );
}
