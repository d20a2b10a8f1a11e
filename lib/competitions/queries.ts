import "server-only";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import {
  competitionEntrants,
  competitionMatches,
  competitions,
  festivals,
  programmePublications,
  type CompetitionFormat,
  type CompetitionStatus,
  type EntrantKind,
  type GameType,
  type MatchOutcome,
  type PublishedItem,
} from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { GUANDAN_LEVELS, GUANDAN_PASSED, type ScoreDetail } from "./scores";
import { podiumOf, type Podium } from "./podium";
import { computeStandings, resultFromScore, type MatchResult, type PointsTable, type StandingsGame, type TieBreakKey } from "./standings";

// What residents see of the competitions: only on a festival that is not a draft, only on items
// of its published programme, and matches only once the draw exists. Entrants by name (and their
// members' names, as on the programme) — never a phone, a registration or an account id.

/** The standings' game for each game played. */
export const STANDINGS_GAME: Record<GameType, StandingsGame> = {
  chess: "chess",
  go: "go",
  table_tennis: "table_tennis",
  guandan: "guandan",
  tug_of_war: "team",
  relay: "team",
  badminton: "team",
  bridge: "team",
};

interface PublicFestival {
  id: string;
  slug: string;
  title: string;
  timeZone: string;
}

export interface CompetitionItem {
  id: string;
  title: string;
  venue: string | null;
  startsAt: string;
  endsAt: string;
}

export interface CompetitionSummary {
  item: CompetitionItem;
  format: CompetitionFormat;
  game: GameType;
  entrantKind: EntrantKind;
  status: CompetitionStatus;
  entrants: number;
  /** Finished: the champion (knockout), or the first of each group / of the Swiss (shared firsts all named). */
  winners: string[];
  /** The winners are the firsts of several round-robin groups, not one champion. */
  groupWinners: boolean;
}

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
  | { kind: "bye" };

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
  label: "third_place" | "bye" | null;
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

export interface EntrantView {
  id: string;
  name: string;
  members: string[];
  seed: number | null;
  groupNo: number | null;
  withdrawn: boolean;
}

export interface PublicCompetition {
  festival: Omit<PublicFestival, "id">;
  item: CompetitionItem;
  format: CompetitionFormat;
  game: GameType;
  entrantKind: EntrantKind;
  status: CompetitionStatus;
  bestOf: number | null;
  /** Swiss: rounds planned. */
  plannedRounds: number | null;
  drawSeed: number | null;
  drawnAt: Date | null;
  entrants: EntrantView[];
  /** Whether the draw exists; before it, only `entrants`. */
  drawn: boolean;
  tieBreakOrder: TieBreakKey[];
  points: PointsTable;
  /** Round robin: one per group; Swiss: one with every round. Empty for a knockout. */
  groups: GroupView[];
  /** Knockout: main bracket rounds (the final last) and the third-place match. */
  bracket: { rounds: Array<{ round: number; fromFinal: number; matches: MatchView[] }>; thirdPlace: MatchView | null; champion: SideView | null } | null;
  /** The earliest round with a match still to play (for score cards), else the last round. */
  currentRound: number | null;
  /** Every match, by round, group and position (the print view's draw sheet). */
  matches: MatchView[];
}

async function publicFestival(db: DbOrTx, slug: string): Promise<PublicFestival | null> {
  const [f] = await db
    .select({ id: festivals.id, slug: festivals.slug, title: festivals.title, timeZone: festivals.timeZone })
    .from(festivals)
    .where(and(eq(festivals.slug, slug), ne(festivals.status, "draft")));
  return f ?? null;
}

/** The items and venues of the festival's last publication: a competition shows only on a published item. */
async function publishedItems(db: DbOrTx, festivalId: string): Promise<Map<string, CompetitionItem>> {
  const [pub] = await db
    .select({ venues: programmePublications.venues, items: programmePublications.items })
    .from(programmePublications)
    .where(eq(programmePublications.festivalId, festivalId))
    .orderBy(desc(programmePublications.publishedAt))
    .limit(1);
  if (!pub) return new Map();
  const venue = new Map(pub.venues.map((v) => [v.id, v.name]));
  return new Map(
    pub.items.map((i: PublishedItem) => [i.id, { id: i.id, title: i.title, venue: i.venueId ? (venue.get(i.venueId) ?? null) : null, startsAt: i.startsAt, endsAt: i.endsAt }]),
  );
}

const competitionColumns = {
  id: competitions.id,
  itemId: competitions.itemId,
  format: competitions.format,
  game: competitions.game,
  entrantKind: competitions.entrantKind,
  status: competitions.status,
  bestOf: competitions.bestOf,
  rounds: competitions.rounds,
  drawSeed: competitions.drawSeed,
  drawnAt: competitions.drawnAt,
};

const matchColumns = {
  id: competitionMatches.id,
  competitionId: competitionMatches.competitionId,
  round: competitionMatches.round,
  groupNo: competitionMatches.groupNo,
  position: competitionMatches.position,
  entrantA: competitionMatches.entrantA,
  entrantB: competitionMatches.entrantB,
  feeds: competitionMatches.feeds,
  label: competitionMatches.label,
  tableName: competitionMatches.tableName,
  startsAt: competitionMatches.startsAt,
  outcome: competitionMatches.outcome,
  score: competitionMatches.score,
};
const selectMatches = (db: DbOrTx) => db.select(matchColumns).from(competitionMatches);
type MatchRow = Awaited<ReturnType<typeof selectMatches>>[number];

const entrantColumns = {
  id: competitionEntrants.id,
  competitionId: competitionEntrants.competitionId,
  name: competitionEntrants.name,
  members: competitionEntrants.members,
  seed: competitionEntrants.seed,
  groupNo: competitionEntrants.groupNo,
  withdrawnAt: competitionEntrants.withdrawnAt,
};
const selectEntrants = (db: DbOrTx) => db.select(entrantColumns).from(competitionEntrants);
type EntrantRow = Awaited<ReturnType<typeof selectEntrants>>[number];

const levelLabel = (n: number) => (n === GUANDAN_PASSED ? "passed" : (GUANDAN_LEVELS[n - 2] ?? String(n)));

/** The stored score as the page shows it. */
export function scoreView(score: Record<string, unknown> | null): ScoreView | null {
  if (!score) return null;
  const d = score as ScoreDetail | { kind: "bye" };
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
      return { kind: "bye" };
    default:
      return null;
  }
}

/** One decided match as the standings count it: a bye is a full point for its one side. */
export function matchResult(m: Pick<MatchRow, "entrantA" | "entrantB" | "label" | "outcome" | "score">): MatchResult | null {
  if (!m.outcome || !m.entrantA) return null;
  if (m.label === "bye" || !m.entrantB) return { a: m.entrantA, b: null, outcome: 1 };
  const winner = m.outcome === "a" ? "A" : m.outcome === "b" ? "B" : null;
  const detail = m.score as ScoreDetail | null;
  if (!detail || (detail as { kind: string }).kind === "bye") return { a: m.entrantA, b: m.entrantB, outcome: m.outcome === "a" ? 1 : m.outcome === "b" ? 0 : 0.5 };
  return resultFromScore(m.entrantA, m.entrantB, { ok: true, winner, detail });
}

function toMatchView(m: MatchRow, names: Map<string, string>, where: Map<string, { round: number; position: number }>): MatchView {
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
    label: m.label === "third_place" || m.label === "bye" ? m.label : null,
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

interface Built {
  tieBreakOrder: TieBreakKey[];
  points: PointsTable;
  groups: GroupView[];
  bracket: PublicCompetition["bracket"];
  matches: MatchView[];
  currentRound: number | null;
}

/** Standings, rounds and bracket from one competition's entrants and matches. */
function build(c: { format: CompetitionFormat; game: GameType }, entrants: EntrantRow[], rows: MatchRow[]): Built {
  const names = new Map(entrants.map((e) => [e.id, e.name]));
  const where = new Map(rows.map((m) => [m.id, { round: m.round, position: m.position }]));
  const matches = rows.map((m) => toMatchView(m, names, where));
  const open = rows.filter((m) => m.outcome === null);
  const currentRound = open.length ? Math.min(...open.map((m) => m.round)) : rows.length ? Math.max(...rows.map((m) => m.round)) : null;
  const game = STANDINGS_GAME[c.game];
  const seeded = [...entrants].filter((e) => e.seed !== null).sort((x, y) => x.seed! - y.seed!);
  const standingsOf = (system: "round_robin" | "swiss", ids: string[], ms: MatchRow[]) => {
    const results = ms.map(matchResult).filter((r): r is MatchResult => r !== null);
    return computeStandings({ system, game }, ids, results);
  };
  const rowsView = (s: ReturnType<typeof computeStandings>): StandingView[] =>
    s.rows.map((r) => ({ entrant: { id: r.entrant, name: names.get(r.entrant) ?? "" }, rank: r.rank, shared: r.shared, points: r.points, played: r.played, won: r.won, drawn: r.drawn, lost: r.lost, byes: r.byes, tieBreaks: r.tieBreaks }));

  if (c.format === "single_elimination") {
    const main = matches.filter((m) => m.label !== "third_place");
    const finalRound = main.length ? Math.max(...main.map((m) => m.round)) : 0;
    const final = main.find((m) => m.round === finalRound) ?? null;
    const champion = final && final.winner === "a" ? final.a : final && final.winner === "b" ? final.b : null;
    const rounds = byRound(main).map((r) => ({ ...r, fromFinal: finalRound - r.round }));
    return {
      ...standingsMeta("round_robin", game),
      groups: [],
      bracket: { rounds, thirdPlace: matches.find((m) => m.label === "third_place") ?? null, champion },
      matches,
      currentRound,
    };
  }
  if (c.format === "swiss") {
    const s = standingsOf("swiss", seeded.map((e) => e.id), rows);
    return { tieBreakOrder: s.tieBreakOrder, points: s.points, groups: [{ groupNo: null, standings: rowsView(s), rounds: byRound(matches) }], bracket: null, matches, currentRound };
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

function standingsMeta(system: "round_robin" | "swiss", game: StandingsGame) {
  const s = computeStandings({ system, game }, [], []);
  return { tieBreakOrder: s.tieBreakOrder, points: s.points };
}

function winnersOf(b: Built): string[] {
  if (b.bracket) return b.bracket.champion ? [b.bracket.champion.name] : [];
  return b.groups.flatMap((g) => g.standings.filter((r) => r.rank === 1).map((r) => r.entrant.name));
}

const orderMatches = [asc(competitionMatches.round), sql`${competitionMatches.groupNo} nulls first`, asc(competitionMatches.position)];

/** A festival's competitions on its published programme, in programme order. Null for an unknown or draft festival. */
export async function listPublicCompetitions(db: DbOrTx, slug: string): Promise<{ festival: Omit<PublicFestival, "id">; competitions: CompetitionSummary[] } | null> {
  const festival = await publicFestival(db, slug);
  if (!festival) return null;
  const items = await publishedItems(db, festival.id);
  const cs = (await db.select(competitionColumns).from(competitions).where(eq(competitions.festivalId, festival.id))).filter((c) => items.has(c.itemId));
  const ids = cs.map((c) => c.id);
  const [entrants, matches] = ids.length
    ? await Promise.all([
        selectEntrants(db).where(inArray(competitionEntrants.competitionId, ids)),
        selectMatches(db).where(inArray(competitionMatches.competitionId, ids)).orderBy(...orderMatches),
      ])
    : [[], []];
  const { id: _id, ...shown } = festival;
  void _id;
  return {
    festival: shown,
    competitions: cs
      .map((c) => {
        const es = entrants.filter((e) => e.competitionId === c.id);
        const built = c.status === "finished" ? build(c, es, matches.filter((m) => m.competitionId === c.id)) : null;
        return {
          item: items.get(c.itemId)!,
          format: c.format,
          game: c.game,
          entrantKind: c.entrantKind,
          status: c.status,
          entrants: es.filter((e) => !e.withdrawnAt && (c.status === "setup" || e.seed !== null)).length,
          winners: built ? winnersOf(built) : [],
          groupWinners: !!built && built.groups.length > 1,
        };
      })
      .sort((x, y) => x.item.startsAt.localeCompare(y.item.startsAt) || x.item.title.localeCompare(y.item.title)),
  };
}

export interface CompetitionWinners {
  item: CompetitionItem;
  game: GameType;
  format: CompetitionFormat;
  entrantKind: EntrantKind;
  podium: Podium;
}

/**
 * The podium of each finished competition of a festival (not a draft), on items of its published
 * programme, in programme order: built from the same standings and bracket as the competition's
 * own page.
 */
export async function festivalWinners(db: DbOrTx, festivalId: string): Promise<CompetitionWinners[]> {
  const [f] = await db.select({ status: festivals.status }).from(festivals).where(eq(festivals.id, festivalId));
  if (!f || f.status === "draft") return [];
  const items = await publishedItems(db, festivalId);
  const cs = (await db.select(competitionColumns).from(competitions).where(and(eq(competitions.festivalId, festivalId), eq(competitions.status, "finished")))).filter((c) => items.has(c.itemId));
  if (!cs.length) return [];
  const ids = cs.map((c) => c.id);
  const [entrants, matches] = await Promise.all([
    selectEntrants(db).where(inArray(competitionEntrants.competitionId, ids)),
    selectMatches(db).where(inArray(competitionMatches.competitionId, ids)).orderBy(...orderMatches),
  ]);
  return cs
    .map((c) => ({
      item: items.get(c.itemId)!,
      game: c.game,
      format: c.format,
      entrantKind: c.entrantKind,
      podium: podiumOf(build(c, entrants.filter((e) => e.competitionId === c.id), matches.filter((m) => m.competitionId === c.id))),
    }))
    .sort((x, y) => x.item.startsAt.localeCompare(y.item.startsAt) || x.item.title.localeCompare(y.item.title));
}

/** One competition of a published item for its public page; null when there is none to show. */
export async function getPublicCompetition(db: DbOrTx, slug: string, itemId: string): Promise<PublicCompetition | null> {
  if (!/^[0-9a-f-]{36}$/i.test(itemId)) return null;
  const festival = await publicFestival(db, slug);
  if (!festival) return null;
  const item = (await publishedItems(db, festival.id)).get(itemId);
  if (!item) return null;
  const [c] = await db
    .select(competitionColumns)
    .from(competitions)
    .where(and(eq(competitions.festivalId, festival.id), eq(competitions.itemId, itemId)));
  if (!c) return null;
  const drawn = c.status !== "setup";
  const [entrants, rows] = await Promise.all([
    selectEntrants(db).where(eq(competitionEntrants.competitionId, c.id)).orderBy(sql`${competitionEntrants.seed} nulls last`, asc(competitionEntrants.name)),
    drawn ? selectMatches(db).where(eq(competitionMatches.competitionId, c.id)).orderBy(...orderMatches) : Promise.resolve([] as MatchRow[]),
  ]);
  const built = drawn ? build(c, entrants, rows) : { ...standingsMeta(c.format === "swiss" ? "swiss" : "round_robin", STANDINGS_GAME[c.game]), groups: [], bracket: null, matches: [], currentRound: null };
  const { id: _id, ...shown } = festival;
  void _id;
  return {
    festival: shown,
    item,
    format: c.format,
    game: c.game,
    entrantKind: c.entrantKind,
    status: c.status,
    bestOf: c.bestOf,
    plannedRounds: c.rounds,
    drawSeed: c.drawSeed,
    drawnAt: c.drawnAt,
    // Before the draw, everyone still in; after it, those drawn (who did not check in are out,
    // one who withdrew later stays, marked, as their games are in the tables).
    entrants: entrants
      .filter((e) => (drawn ? e.seed !== null : !e.withdrawnAt))
      .map((e) => ({ id: e.id, name: e.name, members: (e.members ?? []).map((m) => m.name), seed: e.seed, groupNo: e.groupNo, withdrawn: !!e.withdrawnAt })),
    drawn,
    ...built,
  };
}
