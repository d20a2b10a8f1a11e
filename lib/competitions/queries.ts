import "server-only";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { CompetitionFormat, CompetitionStatus, EntrantKind, GameType } from "@/vocabulary/competitions";
import {
  competitionEntrants,
  competitionMatches,
  competitions,
  festivals,
  programmePublications,
  type PublishedItem,
} from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { podiumOf, type Podium } from "./podium";
import type { PointsTable, TieBreakKey } from "./standings";
import {
  build,
  standingsMeta,
  STANDINGS_GAME,
  winnersOf,
  type BracketView,
  type GroupView,
  type MatchView,
  type StoredMatch,
} from "./views";

export { matchResult, scoreView, STANDINGS_GAME } from "./views";
export type { BracketView, FeedView, GroupView, MatchView, ScoreView, SideView, StandingView } from "./views";

// What residents see of the competitions: only on a festival that is not a draft, only on items
// of its published programme, and matches only once the draw exists. Entrants by name (and their
// members' names, as on the programme) — never a phone, a registration or an account id.

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
  bracket: BracketView | null;
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
    pub.items.map((i: PublishedItem) => [
      i.id,
      {
        id: i.id,
        title: i.title,
        venue: i.venueId ? (venue.get(i.venueId) ?? null) : null,
        startsAt: i.startsAt,
        endsAt: i.endsAt,
      },
    ]),
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
type MatchRow = StoredMatch;

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

const orderMatches = [
  asc(competitionMatches.round),
  sql`${competitionMatches.groupNo} nulls first`,
  asc(competitionMatches.position),
];

/** A festival's competitions on its published programme, in programme order. Null for an unknown or draft festival. */
export async function listPublicCompetitions(
  db: DbOrTx,
  slug: string,
): Promise<{ festival: Omit<PublicFestival, "id">; competitions: CompetitionSummary[] } | null> {
  const festival = await publicFestival(db, slug);
  if (!festival) return null;
  const items = await publishedItems(db, festival.id);
  const cs = (
    await db.select(competitionColumns).from(competitions).where(eq(competitions.festivalId, festival.id))
  ).filter((c) => items.has(c.itemId));
  const ids = cs.map((c) => c.id);
  const [entrants, matches] = ids.length
    ? await Promise.all([
        selectEntrants(db).where(inArray(competitionEntrants.competitionId, ids)),
        selectMatches(db)
          .where(inArray(competitionMatches.competitionId, ids))
          .orderBy(...orderMatches),
      ])
    : [[], []];
  const { id: _id, ...shown } = festival;
  void _id;
  return {
    festival: shown,
    competitions: cs
      .map((c) => {
        const es = entrants.filter((e) => e.competitionId === c.id);
        const built =
          c.status === "finished"
            ? build(
                c,
                es,
                matches.filter((m) => m.competitionId === c.id),
              )
            : null;
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
  const cs = (
    await db
      .select(competitionColumns)
      .from(competitions)
      .where(and(eq(competitions.festivalId, festivalId), eq(competitions.status, "finished")))
  ).filter((c) => items.has(c.itemId));
  if (!cs.length) return [];
  const ids = cs.map((c) => c.id);
  const [entrants, matches] = await Promise.all([
    selectEntrants(db).where(inArray(competitionEntrants.competitionId, ids)),
    selectMatches(db)
      .where(inArray(competitionMatches.competitionId, ids))
      .orderBy(...orderMatches),
  ]);
  return cs
    .map((c) => ({
      item: items.get(c.itemId)!,
      game: c.game,
      format: c.format,
      entrantKind: c.entrantKind,
      podium: podiumOf(
        build(
          c,
          entrants.filter((e) => e.competitionId === c.id),
          matches.filter((m) => m.competitionId === c.id),
        ),
      ),
    }))
    .sort((x, y) => x.item.startsAt.localeCompare(y.item.startsAt) || x.item.title.localeCompare(y.item.title));
}

/** One competition of a published item for its public page; null when there is none to show. */
export async function getPublicCompetition(
  db: DbOrTx,
  slug: string,
  itemId: string,
): Promise<PublicCompetition | null> {
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
    selectEntrants(db)
      .where(eq(competitionEntrants.competitionId, c.id))
      .orderBy(sql`${competitionEntrants.seed} nulls last`, asc(competitionEntrants.name)),
    drawn
      ? selectMatches(db)
          .where(eq(competitionMatches.competitionId, c.id))
          .orderBy(...orderMatches)
      : Promise.resolve([] as MatchRow[]),
  ]);
  const built = drawn
    ? build(c, entrants, rows)
    : {
        ...standingsMeta(c.format === "swiss" ? "swiss" : "round_robin", STANDINGS_GAME[c.game]),
        groups: [],
        bracket: null,
        matches: [],
        currentRound: null,
      };
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
      .map((e) => ({
        id: e.id,
        name: e.name,
        members: (e.members ?? []).map((m) => m.name),
        seed: e.seed,
        groupNo: e.groupNo,
        withdrawn: !!e.withdrawnAt,
      })),
    drawn,
    ...built,
  };
}
