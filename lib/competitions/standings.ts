// Client-safe and pure: the standings page, the organiser's preview and the server all rank the
// same results the same way, whatever order the results were entered in.

import type { ScoreCheck } from "./scores";

export type StandingsGame = "chess" | "go" | "table_tennis" | "guandan" | "team";
export type StandingsSystem = "round_robin" | "swiss";

export type TieBreakKey =
  | "head_to_head"
  | "sonneborn_berger"
  | "buchholz"
  | "buchholz_cut1"
  | "game_difference"
  | "point_difference"
  | "score_difference";

/** Points for one match. `forfeitLoss` is for losing by walkover or withdrawal. */
export interface PointsTable {
  win: number;
  draw: number;
  loss: number;
  forfeitLoss: number;
}

export interface StandingsFormat {
  system: StandingsSystem;
  game: StandingsGame;
  /** Overrides the game's usual points (see DEFAULT_POINTS). */
  points?: Partial<PointsTable>;
}

/**
 * One result, from `a`'s side. `b: null` is a bye for `a` (Swiss, or an odd round robin), where
 * `outcome` is the share of a win awarded: 1 a full point's bye, 0.5 a half-point bye, 0 none.
 */
export interface MatchResult {
  a: string;
  b: string | null;
  outcome: 1 | 0.5 | 0;
  /** Table tennis game scores, `a`'s points first. */
  games?: ReadonlyArray<readonly [number, number]>;
  /** A match score with a margin, `a` first: Guandan levels (passed A = 15), tug-of-war pulls. */
  score?: readonly [number, number];
  /** The loser did not show, or withdrew: they get `forfeitLoss` points and no games. */
  walkover?: boolean;
}

/**
 * Usual points per game:
 * - chess and Go: 1 for a win, ½ for a draw, 0 for a loss;
 * - table tennis: 2 for a win, 1 for a loss, 0 for a walkover loss (as in ITTF group play:
 *   turning up and playing is worth something); no draws;
 * - Guandan and team games: 2 for a win, 1 for a draw, 0 for a loss or a walkover.
 */
export const DEFAULT_POINTS: Record<StandingsGame, PointsTable> = {
  chess: { win: 1, draw: 0.5, loss: 0, forfeitLoss: 0 },
  go: { win: 1, draw: 0.5, loss: 0, forfeitLoss: 0 },
  table_tennis: { win: 2, draw: 1, loss: 1, forfeitLoss: 0 },
  guandan: { win: 2, draw: 1, loss: 0, forfeitLoss: 0 },
  team: { win: 2, draw: 1, loss: 0, forfeitLoss: 0 },
};

/** Games whose matches always have a winner: a draw in their results is refused. */
const NO_DRAWS: ReadonlySet<StandingsGame> = new Set(["table_tennis", "guandan"]);

/**
 * The tie-breaks, in the order applied after points:
 * - round robin, chess/Go: head-to-head, then Sonneborn–Berger;
 * - round robin, table tennis: head-to-head, then game difference, then points difference;
 * - round robin, Guandan and team games: head-to-head, then score difference (Guandan levels,
 *   tug-of-war pulls; 0 where a game has no score);
 * - Swiss, any game: Buchholz, then Buchholz cut-1, then Sonneborn–Berger.
 */
export function tieBreakOrder(format: Pick<StandingsFormat, "system" | "game">): TieBreakKey[] {
  if (format.system === "swiss") return ["buchholz", "buchholz_cut1", "sonneborn_berger"];
  switch (format.game) {
    case "chess":
    case "go":
      return ["head_to_head", "sonneborn_berger"];
    case "table_tennis":
      return ["head_to_head", "game_difference", "point_difference"];
    default:
      return ["head_to_head", "score_difference"];
  }
}

export interface StandingRow {
  entrant: string;
  /** Competition ranking: fully tied entrants share a place and the next place is skipped (1, 1, 3). */
  rank: number;
  shared: boolean;
  /** What set this entrant apart from those level with it: "points", a tie-break, or null when shared. */
  decidedBy: "points" | TieBreakKey | null;
  points: number;
  /** Matches against an opponent, walkovers included; byes are counted apart. */
  played: number;
  won: number;
  drawn: number;
  lost: number;
  byes: number;
  gamesWon: number;
  gamesLost: number;
  pointsFor: number;
  pointsAgainst: number;
  scoreFor: number;
  scoreAgainst: number;
  /**
   * Every tie-break of the format, in order, with this entrant's value. Head-to-head is the
   * points in the mini-league of the last tied group the entrant was in (null if never tied).
   */
  tieBreaks: Array<{ key: TieBreakKey; value: number | null }>;
}

export interface Standings {
  tieBreakOrder: TieBreakKey[];
  points: PointsTable;
  rows: StandingRow[];
}

const EPS = 1e-9;

interface Line {
  entrant: string;
  opponent: string | null;
  /** 1, 0.5 or 0 for this entrant. */
  share: number;
  walkover: boolean;
  games: ReadonlyArray<readonly [number, number]>;
  score: readonly [number, number] | null;
}

const flip = (p: readonly [number, number]): [number, number] => [p[1], p[0]];

function matchPoints(share: number, walkover: boolean, table: PointsTable): number {
  if (share === 1) return table.win;
  if (share === 0.5) return table.draw;
  return walkover ? table.forfeitLoss : table.loss;
}

/** Splits into groups of equal value, best first, keeping the given order inside each group. */
function splitBy(group: string[], value: (e: string) => number): string[][] {
  const sorted = group.map((e, i) => ({ e, i, v: value(e) })).sort((x, y) => y.v - x.v || x.i - y.i);
  const out: Array<{ v: number; members: Array<{ e: string; i: number }> }> = [];
  for (const item of sorted) {
    const last = out.at(-1);
    if (last && Math.abs(last.v - item.v) < EPS) last.members.push(item);
    else out.push({ v: item.v, members: [item] });
  }
  return out.map((g) => g.members.sort((x, y) => x.i - y.i).map((m) => m.e));
}

/**
 * Points, then the format's tie-breaks. A tie-break that separates a tied group into smaller
 * groups sends each group still tied back to the first tie-break, applied among just them:
 * head-to-head is then the mini-league of exactly those entrants' games with each other (so in
 * a three-way tie where one entrant is separated, the other two are decided by their own game).
 * Head-to-head counts the games played so far between the tied entrants. Entrants level after
 * every tie-break share the place, listed in the order `entrants` was given (the seeding).
 *
 * Refuses (throws) results naming an unknown entrant, an entrant against itself, or a draw in a
 * game that cannot be drawn — the result forms never produce these.
 */
export function computeStandings(
  format: StandingsFormat,
  entrants: readonly string[],
  results: readonly MatchResult[],
): Standings {
  const base = DEFAULT_POINTS[format.game];
  const own = format.points ?? {};
  // Field by field, so a field left undefined keeps the game's usual value.
  const table: PointsTable = {
    win: own.win ?? base.win,
    draw: own.draw ?? base.draw,
    loss: own.loss ?? base.loss,
    forfeitLoss: own.forfeitLoss ?? base.forfeitLoss,
  };
  const order = tieBreakOrder(format);
  const known = new Set(entrants);
  if (known.size !== entrants.length) throw new RangeError("An entrant is listed twice");

  const lines = new Map<string, Line[]>(entrants.map((e) => [e, []]));
  for (const r of results) {
    if (!known.has(r.a) || (r.b !== null && !known.has(r.b))) throw new RangeError(`Unknown entrant in ${r.a}–${r.b}`);
    if (r.a === r.b) throw new RangeError(`${r.a} cannot play itself`);
    if (r.outcome !== 1 && r.outcome !== 0.5 && r.outcome !== 0)
      throw new RangeError(`Outcome ${r.outcome} is not 1, 0.5 or 0`);
    if (r.outcome === 0.5 && r.b !== null && NO_DRAWS.has(format.game))
      throw new RangeError(`${format.game} has no draws`);
    const walkover = !!r.walkover;
    const games = walkover ? [] : (r.games ?? []);
    const score = walkover ? null : (r.score ?? null);
    lines.get(r.a)!.push({ entrant: r.a, opponent: r.b, share: r.outcome, walkover, games, score });
    if (r.b !== null) {
      lines.get(r.b)!.push({
        entrant: r.b,
        opponent: r.a,
        share: 1 - r.outcome,
        walkover,
        games: games.map(flip),
        score: score && flip(score),
      });
    }
  }

  const stats = new Map(
    entrants.map((e) => {
      const s = {
        points: 0,
        played: 0,
        won: 0,
        drawn: 0,
        lost: 0,
        byes: 0,
        gamesWon: 0,
        gamesLost: 0,
        pointsFor: 0,
        pointsAgainst: 0,
        scoreFor: 0,
        scoreAgainst: 0,
      };
      for (const l of lines.get(e)!) {
        if (l.opponent === null) {
          s.byes++;
          s.points += l.share * table.win;
          continue;
        }
        s.played++;
        s.points += matchPoints(l.share, l.walkover, table);
        if (l.share === 1) s.won++;
        else if (l.share === 0.5) s.drawn++;
        else s.lost++;
        for (const [x, y] of l.games) {
          if (x > y) s.gamesWon++;
          else if (y > x) s.gamesLost++;
          s.pointsFor += x;
          s.pointsAgainst += y;
        }
        if (l.score) {
          s.scoreFor += l.score[0];
          s.scoreAgainst += l.score[1];
        }
      }
      return [e, s] as const;
    }),
  );
  const pointsOf = (e: string) => stats.get(e)!.points;

  // Buchholz contributions: each opponent's points. A round not played over the board — a bye,
  // or a walkover either way — counts as against a stand-in opponent with the entrant's own points
  // (FIDE's rule for unplayed rounds), so a no-show neither helps nor hurts the tie-break.
  const buchholzParts = (e: string) =>
    lines.get(e)!.map((l) => (l.opponent === null || l.walkover ? pointsOf(e) : pointsOf(l.opponent)));
  const individual: Record<Exclude<TieBreakKey, "head_to_head">, (e: string) => number> = {
    // Sum of the points of the opponents beaten, plus half of those drawn with; a bye adds nothing.
    sonneborn_berger: (e) =>
      lines.get(e)!.reduce((n, l) => (l.opponent === null ? n : n + l.share * pointsOf(l.opponent)), 0),
    buchholz: (e) => buchholzParts(e).reduce((n, p) => n + p, 0),
    // Buchholz without the single lowest contribution, so one weak opponent weighs less.
    buchholz_cut1: (e) => {
      const parts = buchholzParts(e);
      return parts.length === 0 ? 0 : parts.reduce((n, p) => n + p, 0) - Math.min(...parts);
    },
    game_difference: (e) => stats.get(e)!.gamesWon - stats.get(e)!.gamesLost,
    point_difference: (e) => stats.get(e)!.pointsFor - stats.get(e)!.pointsAgainst,
    score_difference: (e) => stats.get(e)!.scoreFor - stats.get(e)!.scoreAgainst,
  };

  const headToHead = new Map<string, number>();
  const decidedBy = new Map<string, StandingRow["decidedBy"]>();
  const miniLeague = (group: string[]) => {
    const members = new Set(group);
    const pts = new Map(group.map((e) => [e, 0]));
    for (const e of group) {
      for (const l of lines.get(e)!)
        if (l.opponent !== null && members.has(l.opponent))
          pts.set(e, pts.get(e)! + matchPoints(l.share, l.walkover, table));
    }
    for (const e of group) headToHead.set(e, pts.get(e)!);
    return (e: string) => pts.get(e)!;
  };

  /** Orders one group level on points into groups that are singletons or fully tied. */
  const breakTie = (group: string[]): string[][] => {
    if (group.length === 1) return [group];
    for (const key of order) {
      const parts = splitBy(group, key === "head_to_head" ? miniLeague(group) : individual[key]);
      if (parts.length === 1) continue;
      for (const p of parts) if (p.length === 1) decidedBy.set(p[0], key);
      return parts.flatMap(breakTie);
    }
    return [group];
  };

  const placed: string[][] = [];
  for (const group of splitBy([...entrants], pointsOf)) {
    if (group.length === 1) decidedBy.set(group[0], "points");
    placed.push(...breakTie(group));
  }

  const rows: StandingRow[] = [];
  let ahead = 0;
  for (const group of placed) {
    for (const e of group) {
      const s = stats.get(e)!;
      rows.push({
        entrant: e,
        rank: ahead + 1,
        shared: group.length > 1,
        decidedBy: group.length > 1 ? null : (decidedBy.get(e) ?? null),
        ...s,
        tieBreaks: order.map((key) => ({
          key,
          value: key === "head_to_head" ? (headToHead.get(e) ?? null) : individual[key](e),
        })),
      });
    }
    ahead += group.length;
  }
  return { tieBreakOrder: order, points: table, rows };
}

/** The standings' view of a checked score between `a` (side A) and `b` (side B). */
export function resultFromScore(a: string, b: string, check: Extract<ScoreCheck, { ok: true }>): MatchResult {
  const outcome = check.winner === "A" ? 1 : check.winner === "B" ? 0 : 0.5;
  const d = check.detail;
  switch (d.kind) {
    case "table_tennis":
      return { a, b, outcome, games: d.games };
    case "guandan":
      return { a, b, outcome, score: d.levels };
    case "tug_of_war":
      return { a, b, outcome, score: d.pulls };
    case "walkover":
    case "withdrawal":
      return { a, b, outcome, walkover: true };
    default:
      return { a, b, outcome };
  }
}
