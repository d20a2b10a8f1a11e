// Client-safe and pure: the result form checks a score as it is typed, and the server checks
// it again before saving, with the same rules and the same codes.

export type Side = "A" | "B";

/**
 * Stable codes; the UI translates them.
 * - `score_malformed`: not a score at all (unknown result text, negative or fractional numbers);
 * - `score_impossible`: cannot be a finished result under the rules (11–10, a game after the match was won);
 * - `score_incomplete`: could still be on its way (1–1 in games, nobody at 11 yet).
 */
export type ScoreCode = "score_malformed" | "score_impossible" | "score_incomplete";

export type ScoreDetail =
  /** Chess/Go points, A then B. */
  | { kind: "chess" | "go"; points: [number, number] }
  | {
      kind: "table_tennis";
      bestOf: 3 | 5;
      games: Array<[number, number]>;
      gamesWon: [number, number];
      points: [number, number];
    }
  /** Levels as numbers: 2..14 (J = 11 … A = 14), 15 for the side that passed A. */
  | { kind: "guandan"; levels: [number, number] }
  | { kind: "tug_of_war"; pulls: [number, number] }
  | { kind: "relay" }
  /** `absent`: the side that did not show; `withdrawn`: the side that retired or withdrew. */
  | { kind: "walkover"; absent: Side }
  | { kind: "withdrawal"; withdrawn: Side };

export type ScoreCheck =
  | { ok: true; winner: Side | null; detail: ScoreDetail }
  /** `game`: 1-based game (or pull) at fault, when one is. */
  | { ok: false; code: ScoreCode; game?: number };

const fail = (code: ScoreCode, game?: number): ScoreCheck =>
  game === undefined ? { ok: false, code } : { ok: false, code, game };
const isCount = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x) && x >= 0;

// ---------------------------------------------------------------------------------------------
// Chess and Go: one game, "1-0", "½-½" (or "0.5-0.5", "1/2-1/2"), "0-1". A drawn Go game (jigo)
// only happens with a whole-number komi, but the form allows it so the organiser can record one.

const HALF = /^(?:½|0?\.5|1\/2)$/;
function chessPoints(text: string): number | null {
  if (text === "1") return 1;
  if (text === "0") return 0;
  return HALF.test(text) ? 0.5 : null;
}

export function checkChess(result: string, kind: "chess" | "go" = "chess"): ScoreCheck {
  if (typeof result !== "string") return fail("score_malformed");
  // Hyphen, en dash, em dash or colon between, spaces ignored: people type all of these.
  const parts = result.replace(/\s+/g, "").split(/[-–—:]/);
  if (parts.length !== 2) return fail("score_malformed");
  const a = chessPoints(parts[0]);
  const b = chessPoints(parts[1]);
  if (a === null || b === null) return fail("score_malformed");
  if (a + b !== 1) return fail("score_impossible");
  return { ok: true, winner: a > b ? "A" : a < b ? "B" : null, detail: { kind, points: [a, b] } };
}

// ---------------------------------------------------------------------------------------------
// Table tennis: games to 11; a game is won with at least 11 and a 2-point lead, so past 10–10 it
// ends exactly 2 apart (12–10, 15–13). Best of 3 or 5; the match ends as soon as a side has won
// the majority (2 or 3) and no game is played after that.

/** A finished game's winner, or why the score is not one. */
export function checkTableTennisGame(a: number, b: number): Side | ScoreCode {
  if (!isCount(a) || !isCount(b)) return "score_malformed";
  const [hi, lo] = a >= b ? [a, b] : [b, a];
  const finished = (hi === 11 && lo <= 9) || (hi > 11 && hi - lo === 2);
  if (finished) return a > b ? "A" : "B";
  // Nobody at 11 yet: the game is still going. Anything else (11–10, 13–10, 12–9) cannot be a
  // final score: the game would have ended earlier or would still be on.
  return hi < 11 ? "score_incomplete" : "score_impossible";
}

export function checkTableTennis(games: ReadonlyArray<readonly [number, number]>, bestOf: 3 | 5): ScoreCheck {
  if (bestOf !== 3 && bestOf !== 5) return fail("score_malformed");
  if (!Array.isArray(games)) return fail("score_malformed");
  const need = (bestOf + 1) / 2;
  const won: [number, number] = [0, 0];
  const points: [number, number] = [0, 0];
  for (let i = 0; i < games.length; i++) {
    const g = games[i];
    if (!Array.isArray(g) || g.length !== 2) return fail("score_malformed", i + 1);
    if (won[0] === need || won[1] === need) return fail("score_impossible", i + 1);
    const outcome = checkTableTennisGame(g[0], g[1]);
    if (outcome !== "A" && outcome !== "B") return fail(outcome, i + 1);
    won[outcome === "A" ? 0 : 1]++;
    points[0] += g[0];
    points[1] += g[1];
  }
  if (won[0] < need && won[1] < need) return fail("score_incomplete");
  return {
    ok: true,
    winner: won[0] === need ? "A" : "B",
    detail: { kind: "table_tennis", bestOf, games: games.map(([a, b]) => [a, b]), gamesWon: won, points },
  };
}

// ---------------------------------------------------------------------------------------------
// Guandan (掼蛋), pairs: both pairs start at level 2 and climb 2, 3 … 10, J, Q, K, A as they
// win hands; the match goes to the pair that passes A (clears its A level under the table's usual
// rules — this check does not replay hands). The form records each pair's final level, and "A+"
// (or "passed", "过A") for the pair that passed A. The loser can be at any level 2..A; both
// passing A cannot happen, and neither means the match is not over.
// The level gap (15 for passing A, minus the loser's level) is the match's score margin.

export const GUANDAN_LEVELS = ["2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K", "A"] as const;
export type GuandanLevel = (typeof GUANDAN_LEVELS)[number];
export const GUANDAN_PASSED = 15;

/** 2..14 for a level, 15 for passed A, null when not a level. */
export function guandanLevel(text: string): number | null {
  if (typeof text !== "string") return null;
  const t = text.trim().toUpperCase();
  if (t === "A+" || t === "PASSED" || t === "过A") return GUANDAN_PASSED;
  const i = GUANDAN_LEVELS.indexOf(t as GuandanLevel);
  return i < 0 ? null : i + 2;
}

export function checkGuandan(levelA: string, levelB: string): ScoreCheck {
  const a = guandanLevel(levelA);
  const b = guandanLevel(levelB);
  if (a === null || b === null) return fail("score_malformed");
  if (a === GUANDAN_PASSED && b === GUANDAN_PASSED) return fail("score_impossible");
  if (a !== GUANDAN_PASSED && b !== GUANDAN_PASSED) return fail("score_incomplete");
  return { ok: true, winner: a === GUANDAN_PASSED ? "A" : "B", detail: { kind: "guandan", levels: [a, b] } };
}

// ---------------------------------------------------------------------------------------------
// Team games. Tug-of-war is best of three pulls: 2–0 or 2–1, nothing else is finished. A relay
// between teams is simply won or lost (no dead heats: the judges decide).

export function checkTugOfWar(pullsA: number, pullsB: number): ScoreCheck {
  if (!isCount(pullsA) || !isCount(pullsB)) return fail("score_malformed");
  const [hi, lo] = pullsA >= pullsB ? [pullsA, pullsB] : [pullsB, pullsA];
  if (hi > 2 || (hi === 2 && lo === 2)) return fail("score_impossible");
  if (hi < 2) return fail("score_incomplete");
  return { ok: true, winner: pullsA > pullsB ? "A" : "B", detail: { kind: "tug_of_war", pulls: [pullsA, pullsB] } };
}

export function checkRelay(winner: Side): ScoreCheck {
  if (winner !== "A" && winner !== "B") return fail("score_malformed");
  return { ok: true, winner, detail: { kind: "relay" } };
}

// ---------------------------------------------------------------------------------------------
// For any game: a walkover (one side did not show) or a withdrawal (one side retired during
// the match or withdrew before it) — the other side wins without a score.

export function walkover(absent: Side): ScoreCheck {
  if (absent !== "A" && absent !== "B") return fail("score_malformed");
  return { ok: true, winner: absent === "A" ? "B" : "A", detail: { kind: "walkover", absent } };
}

export function withdrawal(withdrawn: Side): ScoreCheck {
  if (withdrawn !== "A" && withdrawn !== "B") return fail("score_malformed");
  return { ok: true, winner: withdrawn === "A" ? "B" : "A", detail: { kind: "withdrawal", withdrawn } };
}

/** One entry point for forms and server actions, which receive the score as data. */
export type ScoreInput =
  | { kind: "chess" | "go"; result: string }
  | { kind: "table_tennis"; bestOf: 3 | 5; games: Array<[number, number]> }
  | { kind: "guandan"; a: string; b: string }
  | { kind: "tug_of_war"; pulls: [number, number] }
  | { kind: "relay"; winner: Side }
  | { kind: "walkover"; absent: Side }
  | { kind: "withdrawal"; withdrawn: Side };

export function checkScore(input: ScoreInput): ScoreCheck {
  switch (input?.kind) {
    case "chess":
    case "go":
      return checkChess(input.result, input.kind);
    case "table_tennis":
      return checkTableTennis(input.games, input.bestOf);
    case "guandan":
      return checkGuandan(input.a, input.b);
    case "tug_of_war":
      return Array.isArray(input.pulls) ? checkTugOfWar(input.pulls[0], input.pulls[1]) : fail("score_malformed");
    case "relay":
      return checkRelay(input.winner);
    case "walkover":
      return walkover(input.absent);
    case "withdrawal":
      return withdrawal(input.withdrawn);
    default:
      return fail("score_malformed");
  }
}
