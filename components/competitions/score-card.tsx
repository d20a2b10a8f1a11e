import type { GameType } from "@/vocabulary/competitions";
import type { MatchView } from "@/lib/competitions/queries";
import { sideLabels, sideName, type CompetitionsT } from "./score";

const box = "inline-block h-10 w-14 border-2 border-ink align-middle";

/** A paper card for one match: sides, table, boxes for the score as the game writes it, the referee's signature. */
export function ScoreCard({
  m,
  title,
  game,
  bestOf,
  roundName,
  clock,
  t,
}: {
  m: MatchView;
  title: string;
  game: GameType;
  bestOf: number | null;
  roundName?: (round: number) => string;
  clock: (d: Date) => string;
  t: CompetitionsT;
}) {
  const [labelA, labelB] = sideLabels(game, t);
  const sides = [
    { key: "a", label: labelA, name: sideName(m.a, m.feedA, t, roundName) },
    { key: "b", label: labelB, name: sideName(m.b, m.feedB, t, roundName) },
  ];
  const games = game === "table_tennis" ? (bestOf ?? 3) : game === "tug_of_war" ? 3 : 1;
  const scored = game !== "relay" && game !== "badminton" && game !== "bridge";
  return (
    <article
      className="score-card flex flex-col gap-3 rounded-lg border-2 border-ink p-4 break-inside-avoid"
      aria-label={`${title} ${t("table", { table: m.table })}`}
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b-2 border-ink pb-2">
        <h3 className="text-xl font-bold">{title}</h3>
        <p className="text-xl font-bold">
          {t("table", { table: m.table })}
          {m.startsAt && <span className="font-semibold"> · {clock(m.startsAt)}</span>}
        </p>
      </header>
      {m.label === "third_place" && <p className="text-lg font-semibold">{t("thirdPlace")}</p>}
      {m.label === "losers" && <p className="text-lg font-semibold">{t("losersBracket")}</p>}
      {m.label === "grand_final" && <p className="text-lg font-semibold">{t("grandFinal")}</p>}
      <table className="w-full border-collapse text-lg">
        <caption className="sr-only">{t("cardScore")}</caption>
        <thead>
          <tr>
            <th scope="col" className="text-left font-semibold">
              <span className="sr-only">{t("nameCol")}</span>
            </th>
            {scored &&
              Array.from({ length: games }, (_, i) => (
                <th key={i} scope="col" className="px-1 text-center text-base font-normal">
                  {games > 1 ? t("cardGame", { game: i + 1 }) : t("cardResult")}
                </th>
              ))}
            <th scope="col" className="px-1 text-center text-base font-normal">
              {t("cardWinner")}
            </th>
          </tr>
        </thead>
        <tbody>
          {sides.map((s) => (
            <tr key={s.key}>
              <th scope="row" className="py-2 pr-2 text-left align-middle">
                <span className="block text-base font-normal">{s.label}</span>
                <span className="font-bold">{s.name}</span>
              </th>
              {scored &&
                Array.from({ length: games }, (_, i) => (
                  <td key={i} className="px-1 py-2 text-center">
                    <span className={box} aria-hidden="true" />
                  </td>
                ))}
              <td className="px-1 py-2 text-center">
                <span className="inline-block h-8 w-8 border-2 border-ink align-middle" aria-hidden="true" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-2 grid grid-cols-1 gap-4 sm:grid-cols-2">
        <p className="flex items-end gap-2 text-lg">
          {t("cardSignature")}
          <span className="flex-1 border-b-2 border-ink" aria-hidden="true">
            &nbsp;
          </span>
        </p>
        <p className="flex items-end gap-2 text-lg">
          {t("cardTime")}
          <span className="flex-1 border-b-2 border-ink" aria-hidden="true">
            &nbsp;
          </span>
        </p>
      </div>
    </article>
  );
}
