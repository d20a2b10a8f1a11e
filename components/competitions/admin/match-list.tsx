import { getFormatter, getTranslations } from "next-intl/server";
import type { GameType } from "@/vocabulary/competitions";
import type { MatchRow } from "@/lib/competitions/admin-queries";
import { Badge } from "@/components/ui/card";
import { ResultForm } from "./result-form";
import { scoreText } from "./score-text";

/**
 * Matches by round (and group), each with its result and a form to enter or correct it. On the
 * referees' phone page the forms are open; on the organisers' page they open on demand.
 */
export async function MatchList({
  matches,
  game,
  bestOf,
  timeZone,
  formsOpen = false,
  level = 3,
}: {
  matches: MatchRow[];
  game: GameType;
  bestOf: number | null;
  timeZone: string;
  formsOpen?: boolean;
  level?: 2 | 3;
}) {
  // Rounds sit one level under the page's heading above them; matches one more.
  const RoundHeading = `h${level}` as "h2" | "h3";
  const MatchHeading = `h${level + 1}` as "h3" | "h4";
  const t = await getTranslations("competitionsAdmin");
  const format = await getFormatter();
  const time = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  const rounds = [...new Set(matches.map((m) => m.round))];
  const side = (s: MatchRow["a"]) => s?.name ?? t("matches.toBeDecided");
  // "Group 1" says nothing when everyone plays in one group.
  const grouped = matches.some((m) => m.groupNo !== null && m.groupNo > 1);
  return (
    <div className="flex flex-col gap-5">
      {rounds.map((round) => (
        <section key={round} aria-labelledby={`round-${round}`} className="flex flex-col gap-2">
          <RoundHeading id={`round-${round}`} className="text-xl font-bold">
            {t("matches.round", { round })}
          </RoundHeading>
          <ul className="flex flex-col gap-3">
            {matches
              .filter((m) => m.round === round)
              .map((m) => {
                const names = { a: side(m.a), b: side(m.b) };
                const table = m.table ?? String(m.position);
                const place =
                  grouped && m.groupNo !== null
                    ? t("matches.groupTable", { group: m.groupNo, table })
                    : t("matches.table", { table });
                const label = [
                  m.label === "third_place"
                    ? t("matches.thirdPlace")
                    : m.label === "losers"
                      ? t("matches.losers")
                      : m.label === "grand_final"
                        ? t("matches.grandFinal")
                        : null,
                  m.label === "bye" ? null : place,
                  m.startsAt ? time(m.startsAt) : null,
                ]
                  .filter(Boolean)
                  .join(" · ");
                return (
                  <li key={m.id} className="rounded-xl border border-line bg-white p-4">
                    <MatchHeading id={`match-${m.id}`} className="flex flex-wrap items-baseline gap-x-2 text-lg">
                      <span className="text-base text-muted">{label}</span>
                      <span className="font-semibold">
                        {m.label === "bye"
                          ? t((m.score as { half?: boolean } | null)?.half ? "matches.halfByeFor" : "matches.byeFor", {
                              name: names.a,
                            })
                          : t("matches.versus", names)}
                      </span>
                    </MatchHeading>
                    {m.label !== "bye" && (
                      <p className="mt-1 flex flex-wrap items-center gap-2 text-lg">
                        <span>{t("matches.now")}</span>
                        {m.outcome ? (
                          <Badge tone="green">{scoreText(t, m.score, m.outcome, names)}</Badge>
                        ) : (
                          <Badge tone="grey">{t("score.none")}</Badge>
                        )}
                      </p>
                    )}
                    {m.playable &&
                      (formsOpen ? (
                        <div className="mt-3">
                          <ResultForm
                            match={{
                              id: m.id,
                              version: m.version,
                              a: names.a,
                              b: names.b,
                              outcome: m.outcome,
                              score: m.score,
                            }}
                            game={game}
                            bestOf={bestOf}
                          />
                        </div>
                      ) : (
                        <details className="mt-2">
                          <summary className="inline-flex min-h-11 cursor-pointer items-center text-base font-semibold text-red-deep underline underline-offset-4">
                            {m.outcome ? t("result.correctFor", names) : t("result.enterFor", names)}
                          </summary>
                          <div className="mt-2 max-w-xl">
                            <ResultForm
                              match={{
                                id: m.id,
                                version: m.version,
                                a: names.a,
                                b: names.b,
                                outcome: m.outcome,
                                score: m.score,
                              }}
                              game={game}
                              bestOf={bestOf}
                            />
                          </div>
                        </details>
                      ))}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </div>
  );
}
