import type { getFormatter, getTranslations } from "next-intl/server";
import type { GameType } from "@/vocabulary/competitions";
import { SIDE_COLOURS } from "@/lib/competitions/schemas";
import type { FeedView, MatchView, ScoreView, SideView } from "@/lib/competitions/queries";

export type CompetitionsT = Awaited<ReturnType<typeof getTranslations<"competitions">>>;

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

const DASH = "\u2013";

/** "Date: 9 January (Sat), 14:00–16:00": the day in words, then the hours. */
export function whenText(
  startsAt: string,
  endsAt: string,
  timeZone: string,
  format: Formatter,
  t: CompetitionsT,
): string {
  const start = new Date(startsAt);
  const hours = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone } as const;
  return t("whenDate", {
    date: format.dateTime(start, { month: "long", day: "numeric", weekday: "short", timeZone }),
    time: `${format.dateTime(start, hours)}${DASH}${format.dateTime(new Date(endsAt), hours)}`,
  });
}
const chessPoint = (n: number) => (n === 0.5 ? "\u00bd" : String(n));

/** A score from side A's point of view, written the way each game writes it. */
export function scoreText(score: ScoreView | null, t: CompetitionsT): string | null {
  if (!score) return null;
  switch (score.kind) {
    case "chess":
      return `${chessPoint(score.a)}${DASH}${chessPoint(score.b)}`;
    case "games":
      return score.games.map(([a, b]) => `${a}${DASH}${b}`).join(", ");
    case "guandan": {
      const level = (l: string) => (l === "passed" ? t("passedA") : l);
      return `${level(score.a)} : ${level(score.b)}`;
    }
    case "pulls":
      return `${score.a}${DASH}${score.b}`;
    case "winner":
      return null;
    case "walkover":
      return t("walkover");
    case "withdrawal":
      return t("withdrawal");
    case "bye":
      return score.half ? t("halfBye") : t("bye");
  }
}

/** Who fills a side: the entrant, else where they will come from, else "to be decided". */
export function sideName(
  side: SideView | null,
  feed: FeedView | null,
  t: CompetitionsT,
  roundName?: (round: number) => string,
): string {
  if (side) return side.name;
  const name = (round: number) => (roundName ? roundName(round) : t("round", { round }));
  if (feed?.winnerOf) return t("winnerOf", { round: name(feed.winnerOf.round), position: feed.winnerOf.position });
  if (feed?.loserOf) return t("loserOf", { round: name(feed.loserOf.round), position: feed.loserOf.position });
  return t("tbd");
}

/** The name of a knockout round by its distance from the final. */
export function knockoutRoundName(round: number, fromFinal: number, t: CompetitionsT): string {
  if (fromFinal === 0) return t("final");
  if (fromFinal === 1) return t("semiFinal");
  if (fromFinal === 2) return t("quarterFinal");
  return t("round", { round });
}

/** A short line for a screen reader and the fixtures table: the score, who won. */
export function resultText(m: MatchView, t: CompetitionsT): string {
  if (m.label === "bye") return m.score?.kind === "bye" && m.score.half ? t("halfBye") : t("bye");
  if (!m.winner) return t("notPlayed");
  const score = scoreText(m.score, t);
  if (m.winner === "draw") return score ? `${score} ${t("draw")}` : t("draw");
  const winner = m.winner === "a" ? m.a : m.b;
  const who = winner ? t("winnerIs", { name: winner.name }) : "";
  return [score, who].filter(Boolean).join(" · ");
}

/** The two sides' names: their colours in a board game (red and black in xiangqi), else side A and side B. */
export function sideLabels(game: GameType, t: CompetitionsT): readonly [string, string] {
  const colours = SIDE_COLOURS[game];
  return colours ? [t(colours[0]), t(colours[1])] : [t("sideA"), t("sideB")];
}
