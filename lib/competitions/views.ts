// Client-safe and pure: how a competition's stored entrants and matches read on its pages —
// scores as words, each match with its sides, the standings with their tie-breaks, the bracket.
// The database reads that feed it are in queries.ts.

import type { CompetitionFormat, GameType, MatchOutcome } from "@/vocabulary/competitions";
import { GUANDAN_LEVELS, GUANDAN_PASSED, type ScoreDetail } from "./scores";
import {
  computeStandings,
  resultFromScore,
  type MatchResult,
  type PointsTable,
  type StandingsGame,
  type TieBreakKey,
} from "./standings";

/** A match as stored, with what its pages need. */
export interface StoredMatch {
  id: string;
  competitionId: string;
  round: number;
  groupNo: number | null;
  position: number;
  entrantA: string | null;
  entrantB: string | null;
  feeds: { a?: { winnerOf?: string; loserOf?: string }; b?: { winnerOf?: string; loserOf?: string } };
  label: string | null;
  tableName: string | null;
  startsAt: Date | null;
  outcome: MatchOutcome | null;
  score: Record<string, unknown> | null;
}

/** An entrant as stored, with what its pages need. */
export interface StoredEntrant {
  id: string;
  competitionId: string;
  name: string;
  members: { name: string }[];
  seed: number | null;
  groupNo: number | null;
  withdrawnAt: Date | null;
}

/** The standings' game for each game played. */
export const STANDINGS_GAME: Record<GameType, StandingsGame> = {
  chess: "chess",
  xiangqi: "chess",
  go: "go",
  table_tennis: "table_tennis",
  guandan: "guandan",
  tug_of_war: "team",
  relay: "team",
  badminton: "team",
  bridge: "team",
};

/** A score as the page writes it; words (walkover, passed A) are translated by the page. */
export type ScoreView =
  | { kind: "chess"; a: number; b: number }
  | { kind: "games"; games: Array<[number, number]> }
  /** Levels as labels ("9", "K"), or "passed" for the pair that passed A. */
  | { kind: "guandan"; a: string; b: string }
  | { kind: "pulls"; a: number; b: number }
  | { kind: "winner" }
  | { kind: "walkover"; absent: "a" | "b" }
  | { kind: "withdrawal"; withdrawn: "a" | "b" }
  | { kind: "bye"; half?: boolean };

export interface SideView {
  id: string;
  name: string;
}

/** Where a bracket side still to be decided comes from: the winner or loser of an earlier match. */
export interface FeedView {
  winnerOf?: { round: number; position: number };
  loserOf?: { round: number; position: number };
}

export interface MatchView {
  id: string;
  round: number;
  groupNo: number | null;
  position: number;
  /** The named table, else the table number (the position). */
  table: string;
  startsAt: Date | null;
  /** A third-place match, a bye, a double elimination's losers' bracket match or its grand final. */
  label: "third_place" | "bye" | "losers" | "grand_final" | null;
  a: SideView | null;
  b: SideView | null;
  feedA: FeedView | null;
  feedB: FeedView | null;
  winner: "a" | "b" | "draw" | null;
  score: ScoreView | null;
}

export interface StandingView {
  entrant: SideView;
  rank: number;
  shared: boolean;
  points: number;
  played: number;
  won: number;
  drawn: number;
  lost: number;
  byes: number;
  tieBreaks: Array<{ key: TieBreakKey; value: number | null }>;
}

export interface GroupView {
  groupNo: number | null;
  standings: StandingView[];
  rounds: Array<{ round: number; matches: MatchView[] }>;
}

const levelLabel = (n: number) => (n === GUANDAN_PASSED ? "passed" : (GUANDAN_LEVELS[n - 2] ?? String(n)));

/** The stored score as the page shows it. */
export function scoreView(score: Record<string, unknown> | null): ScoreView | null {
  if (!score) return null;
  const d = score as ScoreDetail | { kind: "bye"; half?: boolean };
  switch (d.kind) {
    case "chess":
    case "go":
      return { kind: "chess", a: d.points[0], b: d.points[1] };
    case "table_tennis":
      return { kind: "games", games: d.games.map(([a, b]) => [a, b]) };
    case "guandan":
      return { kind: "guandan", a: levelLabel(d.levels[0]), b: levelLabel(d.levels[1]) };
    case "tug_of_war":
      return { kind: "pulls", a: d.pulls[0], b: d.pulls[1] };
    case "relay":
      return { kind: "winner" };
    case "walkover":
      return { kind: "walkover", absent: d.absent === "A" ? "a" : "b" };
    case "withdrawal":
      return { kind: "withdrawal", withdrawn: d.withdrawn === "A" ? "a" : "b" };
    case "bye":
      return { kind: "bye", half: (d as { half?: boolean }).half === true };
    default:
      return null;
  }
}

/** One decided match as the standings count it: a bye is a full point for its one side. */
export function matchResult(
  m: Pick<StoredMatch, "entrantA" | "entrantB" | "label" | "outcome" | "score">,
): MatchResult | null {
  if (!m.outcome || !m.entrantA) return null;
  // A round asked off (a half-point bye) is stored as a drawn bye.
  if (m.label === "bye" || !m.entrantB) return { a: m.entrantA, b: null, outcome: m.outcome === "draw" ? 0.5 : 1 };
  const winner = m.outcome === "a" ? "A" : m.outcome === "b" ? "B" : null;
  const detail = m.score as ScoreDetail | null;
  if (!detail || (detail as { kind: string }).kind === "bye")
    return { a: m.entrantA, b: m.entrantB, outcome: m.outcome === "a" ? 1 : m.outcome === "b" ? 0 : 0.5 };
  return resultFromScore(m.entrantA, m.entrantB, { ok: true, winner, detail });
}

function toMatchView(
  m: StoredMatch,
  names: Map<string, string>,
  where: Map<string, { round: number; position: number }>,
): MatchView {
  const side = (id: string | null): SideView | null => (id ? { id, name: names.get(id) ?? "" } : null);
  const feed = (f?: { winnerOf?: string; loserOf?: string }): FeedView | null => {
    if (!f) return null;
    if (f.winnerOf && where.has(f.winnerOf)) return { winnerOf: where.get(f.winnerOf)! };
    if (f.loserOf && where.has(f.loserOf)) return { loserOf: where.get(f.loserOf)! };
    return null;
  };
  return {
    id: m.id,
    round: m.round,
    groupNo: m.groupNo,
    position: m.position,
    table: m.tableName ?? String(m.position),
    startsAt: m.startsAt,
    label:
      m.label === "third_place" || m.label === "bye" || m.label === "losers" || m.label === "grand_final"
        ? m.label
        : null,
    a: side(m.entrantA),
    b: side(m.entrantB),
    feedA: feed(m.feeds.a),
    feedB: feed(m.feeds.b),
    winner: (m.outcome as MatchOutcome | null) ?? null,
    score: scoreView(m.score),
  };
}

function byRound(ms: MatchView[]): Array<{ round: number; matches: MatchView[] }> {
  const rounds = [...new Set(ms.map((m) => m.round))].sort((x, y) => x - y);
  return rounds.map((round) => ({ round, matches: ms.filter((m) => m.round === round) }));
}

/** Knockout: main bracket rounds (the final last), the third-place match and the champion. */
export interface BracketView {
  /** The main bracket (a double elimination's winners' bracket), its final last. */
  rounds: Array<{ round: number; fromFinal: number; matches: MatchView[] }>;
  thirdPlace: MatchView | null;
  champion: SideView | null;
  /** Double elimination: the losers' bracket by round of play, and the grand final. */
  losers?: Array<{ round: number; matches: MatchView[] }>;
  grandFinal?: MatchView | null;
}

export interface Built {
  tieBreakOrder: TieBreakKey[];
  points: PointsTable;
  groups: GroupView[];
  bracket: BracketView | null;
  matches: MatchView[];
  currentRound: number | null;
}

/** Standings, rounds and bracket from one competition's entrants and matches. */
export function build(
  c: { format: CompetitionFormat; game: GameType },
  entrants: StoredEntrant[],
  rows: StoredMatch[],
): Built {
  const names = new Map(entrants.map((e) => [e.id, e.name]));
  const where = new Map(rows.map((m) => [m.id, { round: m.round, position: m.position }]));
  const matches = rows.map((m) => toMatchView(m, names, where));
  const open = rows.filter((m) => m.outcome === null);
  const currentRound = open.length
    ? Math.min(...open.map((m) => m.round))
    : rows.length
      ? Math.max(...rows.map((m) => m.round))
      : null;
  const game = STANDINGS_GAME[c.game];
  const seeded = [...entrants].filter((e) => e.seed !== null).sort((x, y) => x.seed! - y.seed!);
  const standingsOf = (system: "round_robin" | "swiss", ids: string[], ms: StoredMatch[]) => {
    const results = ms.map(matchResult).filter((r): r is MatchResult => r !== null);
    return computeStandings({ system, game }, ids, results);
  };
  const rowsView = (s: ReturnType<typeof computeStandings>): StandingView[] =>
    s.rows.map((r) => ({
      entrant: { id: r.entrant, name: names.get(r.entrant) ?? "" },
      rank: r.rank,
      shared: r.shared,
      points: r.points,
      played: r.played,
      won: r.won,
      drawn: r.drawn,
      lost: r.lost,
      byes: r.byes,
      tieBreaks: r.tieBreaks,
    }));

  const fromFinal = (rs: Array<{ round: number; matches: MatchView[] }>) =>
    rs.map((r, i) => ({ ...r, fromFinal: rs.length - 1 - i }));
  const winnerSide = (m: MatchView | null | undefined) => (m?.winner === "a" ? m.a : m?.winner === "b" ? m.b : null);
  if (c.format === "double_elimination") {
    const grandFinal = matches.find((m) => m.label === "grand_final") ?? null;
    return {
      ...standingsMeta("round_robin", game),
      groups: [],
      bracket: {
        rounds: fromFinal(byRound(matches.filter((m) => m.label === null))),
        thirdPlace: null,
        champion: winnerSide(grandFinal),
        losers: byRound(matches.filter((m) => m.label === "losers")),
        grandFinal,
      },
      matches,
      currentRound,
    };
  }
  if (c.format === "single_elimination") {
    const main = matches.filter((m) => m.label !== "third_place");
    const champion = winnerSide(byRound(main).at(-1)?.matches[0]);
    const rounds = fromFinal(byRound(main));
    return {
      ...standingsMeta("round_robin", game),
      groups: [],
      bracket: { rounds, thirdPlace: matches.find((m) => m.label === "third_place") ?? null, champion },
      matches,
      currentRound,
    };
  }
  if (c.format === "swiss") {
    const s = standingsOf(
      "swiss",
      seeded.map((e) => e.id),
      rows,
    );
    return {
      tieBreakOrder: s.tieBreakOrder,
      points: s.points,
      groups: [{ groupNo: null, standings: rowsView(s), rounds: byRound(matches) }],
      bracket: null,
      matches,
      currentRound,
    };
  }
  const groupNos = [...new Set(seeded.map((e) => e.groupNo))].sort((x, y) => (x ?? 0) - (y ?? 0));
  let meta = standingsMeta("round_robin", game);
  const groups = groupNos.map((g) => {
    const ids = seeded.filter((e) => e.groupNo === g).map((e) => e.id);
    const members = new Set(ids);
    const ms = rows.filter((m) => (m.entrantA && members.has(m.entrantA)) || (m.entrantB && members.has(m.entrantB)));
    const s = standingsOf("round_robin", ids, ms);
    meta = { tieBreakOrder: s.tieBreakOrder, points: s.points };
    const msIds = new Set(ms.map((m) => m.id));
    return { groupNo: g, standings: rowsView(s), rounds: byRound(matches.filter((m) => msIds.has(m.id))) };
  });
  return { ...meta, groups, bracket: null, matches, currentRound };
}

export function standingsMeta(system: "round_robin" | "swiss", game: StandingsGame) {
  const s = computeStandings({ system, game }, [], []);
  return { tieBreakOrder: s.tieBreakOrder, points: s.points };
}

export function winnersOf(b: Built): string[] {
  if (b.bracket) return b.bracket.champion ? [b.bracket.champion.name] : [];
  return b.groups.flatMap((g) => g.standings.filter((r) => r.rank === 1).map((r) => r.entrant.name));
}
