import { GUANDAN_LEVELS, GUANDAN_PASSED } from "@/lib/competitions/scores";

type T = (key: string, values?: Record<string, string | number>) => string;

const half = (p: number) => (p === 0.5 ? "½" : String(p));

/**
 * A stored result in words, for organisers' tables and the referees' "now recorded" line.
 * `t` is the competitionsAdmin translator; names are the two sides'.
 */
export function scoreText(
  t: T,
  score: Record<string, unknown> | null,
  outcome: string | null,
  names: { a: string; b: string },
): string {
  if (!score || !outcome) return t("score.none");
  const s = score as {
    kind: string;
    points?: [number, number];
    games?: [number, number][];
    levels?: [number, number];
    pulls?: [number, number];
    absent?: "A" | "B";
    withdrawn?: "A" | "B";
  };
  const winner = outcome === "a" ? names.a : outcome === "b" ? names.b : "";
  switch (s.kind) {
    case "chess":
    case "go":
      return `${half(s.points![0])}–${half(s.points![1])}`;
    case "table_tennis":
      return s.games!.map(([a, b]) => `${a}–${b}`).join(", ");
    case "guandan": {
      const level = (n: number) => (n === GUANDAN_PASSED ? t("score.passedA") : (GUANDAN_LEVELS[n - 2] ?? String(n)));
      return `${level(s.levels![0])} : ${level(s.levels![1])}`;
    }
    case "tug_of_war":
      return `${s.pulls![0]}–${s.pulls![1]}`;
    case "walkover":
      return t("score.walkover", { name: s.absent === "A" ? names.a : names.b });
    case "withdrawal":
      return t("score.withdrawal", { name: s.withdrawn === "A" ? names.a : names.b });
    case "bye":
      return (s as { half?: boolean }).half ? t("score.halfBye") : t("score.bye");
    default:
      return winner ? t("score.won", { name: winner }) : t("score.drawn");
  }
}
