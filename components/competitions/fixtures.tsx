import type { MatchView } from "@/lib/competitions/queries";
import { Table, Td, Th } from "@/components/ui/table";
import { scoreText, sideName, type CompetitionsT } from "./score";

/** Each round's matches: table, the two sides (with their colours in board games), the score, the winner in bold. */
export function RoundsTables({
  rounds,
  sides,
  idPrefix,
  level,
  name,
  group = "",
  clock,
  t,
}: {
  rounds: Array<{ round: number; matches: MatchView[] }>;
  /** What the two sides are called: white and black, red and black, or side A and side B. */
  sides: readonly [string, string];
  idPrefix: string;
  level: 3 | 4;
  name?: (round: number) => string;
  group?: string;
  /** A match's start as the page shows the time of day. */
  clock: (d: Date) => string;
  t: CompetitionsT;
}) {
  const H = level === 3 ? "h3" : "h4";
  const resultCell = (m: MatchView) => {
    const score = scoreText(m.score, t);
    if (!m.winner) return <span className="font-normal text-muted">{t("notPlayed")}</span>;
    if (m.winner === "draw" && !score) return t("draw");
    return score ?? t("won");
  };
  return (
    <div className="flex flex-col gap-5">
      {rounds.map((r) => {
        const title = name ? name(r.round) : t("round", { round: r.round });
        const played = r.matches.filter((m) => m.label !== "bye");
        const starts = played.map((m) => m.startsAt?.getTime()).filter((x): x is number => x !== undefined);
        const first = starts.length ? new Date(Math.min(...starts)) : null;
        // Each match's own time only when the round is played in turns; else the heading says it.
        const inTurns = new Set(starts).size > 1;
        const byes = r.matches.filter((m) => m.label === "bye");
        return (
          <div key={r.round} className="flex flex-col gap-2">
            <H id={`${idPrefix}-round-${r.round}`} className="text-xl font-bold">
              {title}
              {first && <span className="font-semibold text-muted"> · {t("startsAt", { time: clock(first) })}</span>}
            </H>
            {/* A narrow phone: one card a match, the two sides either side of the score, nothing to scroll. */}
            <ul className="flex flex-col gap-2 sm:hidden">
              {played.map((m) => (
                <li key={m.id} className="@container rounded-xl border border-line bg-white px-[12px] py-2">
                  <p className="text-base text-muted">
                    {t("table", { table: m.table })}
                    {inTurns && m.startsAt && ` · ${clock(m.startsAt)}`}
                    {m.label === "third_place" && ` · ${t("thirdPlace")}`}
                    {m.label === "losers" && ` · ${t("losersBracket")}`}
                    {m.label === "grand_final" && ` · ${t("grandFinal")}`}
                  </p>
                  {/* Side by side with the score between them; one under the other when the text is large. */}
                  <div className="grid items-center gap-2 text-lg @min-[15rem]:grid-cols-[1fr_auto_1fr]">
                    <p className={`break-words ${m.winner === "a" ? "font-bold text-green-ink" : ""}`}>
                      <span className="block text-base font-normal text-muted">{sides[0]}</span>
                      {sideName(m.a, m.feedA, t, name)}
                      {m.winner === "a" && <span className="sr-only"> ({t("won")})</span>}
                    </p>
                    <p className="font-semibold @min-[15rem]:text-center">{resultCell(m)}</p>
                    <p
                      className={`break-words @min-[15rem]:text-right ${m.winner === "b" ? "font-bold text-green-ink" : ""}`}
                    >
                      <span className="block text-base font-normal text-muted">{sides[1]}</span>
                      {sideName(m.b, m.feedB, t, name)}
                      {m.winner === "b" && <span className="sr-only"> ({t("won")})</span>}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
            <Table caption={t("roundTable", { group, round: title }).trim()} className="hidden sm:block">
              <thead>
                <tr>
                  <Th>{t("tableCol")}</Th>
                  <Th>{sides[0]}</Th>
                  <Th className="text-center">{t("scoreCol")}</Th>
                  <Th>{sides[1]}</Th>
                </tr>
              </thead>
              <tbody className="text-lg">
                {played.map((m) => {
                  return (
                    <tr key={m.id}>
                      <Td>
                        {m.table}
                        {inTurns && m.startsAt && (
                          <span className="block text-base text-muted">{clock(m.startsAt)}</span>
                        )}
                        {m.label === "third_place" && (
                          <span className="block text-base text-muted">{t("thirdPlace")}</span>
                        )}
                        {m.label === "losers" && (
                          <span className="block text-base text-muted">{t("losersBracket")}</span>
                        )}
                        {m.label === "grand_final" && (
                          <span className="block text-base text-muted">{t("grandFinal")}</span>
                        )}
                      </Td>
                      <Td className={m.winner === "a" ? "font-bold text-green-ink" : undefined}>
                        {sideName(m.a, m.feedA, t, name)}
                        {m.winner === "a" && <span className="sr-only"> ({t("won")})</span>}
                      </Td>
                      <Td className="text-center font-semibold">{resultCell(m)}</Td>
                      <Td className={m.winner === "b" ? "font-bold text-green-ink" : undefined}>
                        {sideName(m.b, m.feedB, t, name)}
                        {m.winner === "b" && <span className="sr-only"> ({t("won")})</span>}
                      </Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
            {byes.map((m) => (
              <p key={m.id} className="text-lg">
                {t(m.score?.kind === "bye" && m.score.half ? "halfByeFor" : "byeFor", { name: m.a?.name ?? "" })}
              </p>
            ))}
          </div>
        );
      })}
    </div>
  );
}
