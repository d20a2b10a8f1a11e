import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type {
  CompetitionFormat,
  CompetitionStatus,
  EntrantKind,
  GameType,
  MatchOutcome,
} from "@/vocabulary/competitions";
import {
  competitionEntrants,
  competitionMatches,
  competitionReferees,
  competitions,
  festivals,
  programmeItems,
  registrations,
  users,
} from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { outer } from "@/db/sql";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { entrantsFrom, placeHolders } from "./entrants";

// Reads for running a competition: the organisers' list and competition pages, and the
// referees' phone pages. Writes go through the services. Every read takes the actor: the
// organisers' ones answer anyone else `forbidden` with no rows, the referees' ones show a
// referee only the competitions they run.

export interface CompetitionSettings {
  id: string;
  format: CompetitionFormat;
  game: GameType;
  entrantKind: EntrantKind;
  groupSize: number | null;
  thirdPlace: boolean;
  rounds: number | null;
  bestOf: number | null;
  seeding: "random" | "skill";
  status: CompetitionStatus;
  drawSeed: number | null;
}

export interface CompetitionItemRow {
  itemId: string;
  title: string;
  kind: "sport_event" | "card_chess";
  startsAt: Date;
  /** Registrations holding a place. */
  confirmed: number;
  competition: (CompetitionSettings & { entrants: number; checkedIn: number }) | null;
}

const competitionIdColumn = outer(competitions.id);

const settingsColumns = {
  id: competitions.id,
  format: competitions.format,
  game: competitions.game,
  entrantKind: competitions.entrantKind,
  groupSize: competitions.groupSize,
  thirdPlace: competitions.thirdPlace,
  rounds: competitions.rounds,
  bestOf: competitions.bestOf,
  seeding: competitions.seeding,
  status: competitions.status,
  drawSeed: competitions.drawSeed,
};

const settingsOf = (c: CompetitionSettings): CompetitionSettings => ({
  id: c.id,
  format: c.format,
  game: c.game,
  entrantKind: c.entrantKind,
  groupSize: c.groupSize,
  thirdPlace: c.thirdPlace,
  rounds: c.rounds,
  bestOf: c.bestOf,
  seeding: c.seeding,
  status: c.status,
  drawSeed: c.drawSeed,
});

/** The festival's sport events and card & chess items, each with its competition when it has one. */
export async function listCompetitionItems(
  db: DbOrTx,
  actor: Actor | null,
  festivalId: string,
): Promise<Result<CompetitionItemRow[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const items = await db
    .select({
      itemId: programmeItems.id,
      title: programmeItems.title,
      kind: programmeItems.kind,
      startsAt: programmeItems.startsAt,
    })
    .from(programmeItems)
    .where(and(eq(programmeItems.festivalId, festivalId), inArray(programmeItems.kind, ["sport_event", "card_chess"])))
    .orderBy(asc(programmeItems.startsAt), asc(programmeItems.title));
  if (!items.length) return ok([]);
  const ids = items.map((i) => i.itemId);
  const comps = await db
    .select({
      ...settingsColumns,
      itemId: competitions.itemId,
      entrants: sql<number>`(select count(*)::int from ${competitionEntrants} e where e.competition_id = ${competitionIdColumn})`,
      checkedIn: sql<number>`(select count(*)::int from ${competitionEntrants} e where e.competition_id = ${competitionIdColumn} and e.checked_in)`,
    })
    .from(competitions)
    .where(inArray(competitions.itemId, ids));
  const counts = await db
    .select({ itemId: registrations.itemId, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(inArray(registrations.itemId, ids), eq(registrations.status, "confirmed")))
    .groupBy(registrations.itemId);
  return ok(
    items.map((i) => {
      const c = comps.find((x) => x.itemId === i.itemId);
      return {
        itemId: i.itemId,
        title: i.title,
        kind: i.kind as "sport_event" | "card_chess",
        startsAt: i.startsAt,
        confirmed: counts.find((x) => x.itemId === i.itemId)?.n ?? 0,
        competition: c ? { ...settingsOf(c), entrants: c.entrants, checkedIn: c.checkedIn } : null,
      };
    }),
  );
}

export interface EntrantRow {
  id: string;
  name: string;
  skill: number;
  checkedIn: boolean;
  withdrawn: boolean;
  seed: number | null;
  groupNo: number | null;
  /** Swiss: the round they asked to sit out for half a point. */
  halfByeRound: number | null;
}

export interface MatchRow {
  id: string;
  round: number;
  groupNo: number | null;
  position: number;
  label: string | null;
  /** Where and when it is played (no table for a bye, no time until the rounds are timed). */
  table: string | null;
  startsAt: Date | null;
  a: { id: string; name: string } | null;
  b: { id: string; name: string } | null;
  /** Both sides known and not a bye: a result can be entered. */
  playable: boolean;
  outcome: MatchOutcome | null;
  score: Record<string, unknown> | null;
  version: number;
}

export interface CompetitionDetail {
  item: { id: string; title: string; kind: "sport_event" | "card_chess" };
  competition: CompetitionSettings | null;
  entrants: EntrantRow[];
  /** Registrations holding a place that cannot play yet (no partner, no team). */
  waiting: string[];
  referees: { userId: string; name: string; phone: string }[];
  matches: MatchRow[];
}

async function matchesOf(
  db: DbOrTx,
  competitionId: string,
  entrants: { id: string; name: string }[],
): Promise<MatchRow[]> {
  const rows = await db
    .select({
      id: competitionMatches.id,
      round: competitionMatches.round,
      groupNo: competitionMatches.groupNo,
      position: competitionMatches.position,
      label: competitionMatches.label,
      tableName: competitionMatches.tableName,
      startsAt: competitionMatches.startsAt,
      entrantA: competitionMatches.entrantA,
      entrantB: competitionMatches.entrantB,
      outcome: competitionMatches.outcome,
      score: competitionMatches.score,
      version: competitionMatches.version,
    })
    .from(competitionMatches)
    .where(eq(competitionMatches.competitionId, competitionId))
    .orderBy(
      asc(competitionMatches.round),
      sql`${competitionMatches.groupNo} nulls first`,
      asc(competitionMatches.position),
    );
  const name = new Map(entrants.map((e) => [e.id, e.name]));
  const sideOf = (id: string | null) => (id ? { id, name: name.get(id) ?? "?" } : null);
  return rows.map((m) => ({
    id: m.id,
    round: m.round,
    groupNo: m.groupNo,
    position: m.position,
    label: m.label,
    table: m.label === "bye" ? null : (m.tableName ?? String(m.position)),
    startsAt: m.startsAt,
    a: sideOf(m.entrantA),
    b: sideOf(m.entrantB),
    playable: !!m.entrantA && !!m.entrantB && m.label !== "bye",
    outcome: m.outcome,
    score: m.score,
    version: m.version,
  }));
}

/** One item's competition page for organisers: settings, entrants, referees and matches. Null when the item is not the festival's or cannot be a competition. */
export async function getCompetitionDetail(
  db: DbOrTx,
  actor: Actor | null,
  festivalId: string,
  itemId: string,
): Promise<Result<CompetitionDetail | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!/^[0-9a-f-]{36}$/i.test(itemId)) return ok(null);
  const [item] = await db
    .select({ id: programmeItems.id, title: programmeItems.title, kind: programmeItems.kind })
    .from(programmeItems)
    .where(
      and(
        eq(programmeItems.id, itemId),
        eq(programmeItems.festivalId, festivalId),
        inArray(programmeItems.kind, ["sport_event", "card_chess"]),
      ),
    );
  if (!item) return ok(null);
  const [competition] = await db.select(settingsColumns).from(competitions).where(eq(competitions.itemId, itemId));
  const base = { item: { ...item, kind: item.kind as "sport_event" | "card_chess" } };
  if (!competition) return ok({ ...base, competition: null, entrants: [], waiting: [], referees: [], matches: [] });
  const entrants = await db
    .select({
      id: competitionEntrants.id,
      name: competitionEntrants.name,
      skill: competitionEntrants.skill,
      checkedIn: competitionEntrants.checkedIn,
      withdrawnAt: competitionEntrants.withdrawnAt,
      seed: competitionEntrants.seed,
      groupNo: competitionEntrants.groupNo,
      halfByeRound: competitionEntrants.halfByeRound,
    })
    .from(competitionEntrants)
    .where(eq(competitionEntrants.competitionId, competition.id))
    .orderBy(sql`${competitionEntrants.seed} nulls last`, asc(competitionEntrants.name));
  // Who cannot play yet is worked out the same way the entrants are made.
  const { waiting } = entrantsFrom(competition.entrantKind, await placeHolders(db, itemId));
  const referees = await db
    .select({ userId: users.id, name: users.name, phone: users.phone })
    .from(competitionReferees)
    .innerJoin(users, eq(users.id, competitionReferees.userId))
    .where(eq(competitionReferees.competitionId, competition.id))
    .orderBy(asc(users.name));
  return ok({
    ...base,
    competition,
    entrants: entrants.map(({ withdrawnAt, ...e }) => ({ ...e, withdrawn: !!withdrawnAt })),
    waiting,
    referees,
    matches: await matchesOf(db, competition.id, entrants),
  });
}

export interface RefereeCompetitionRow {
  id: string;
  title: string;
  festivalTitle: string;
  game: GameType;
  status: CompetitionStatus;
  /** Matches waiting for a result now. */
  open: number;
}

/** The competitions a person may enter results for: those they referee, or every one for organisers. */
export async function listRefereeCompetitions(db: DbOrTx, actor: Actor): Promise<RefereeCompetitionRow[]> {
  const mine = isOrganiser(actor)
    ? undefined
    : sql`exists (select 1 from ${competitionReferees} r where r.competition_id = ${competitionIdColumn} and r.user_id = ${actor.id})`;
  return db
    .select({
      id: competitions.id,
      title: programmeItems.title,
      festivalTitle: festivals.title,
      game: competitions.game,
      status: competitions.status,
      open: sql<number>`(select count(*)::int from ${competitionMatches} m where m.competition_id = ${competitionIdColumn} and m.outcome is null and m.entrant_a is not null and m.entrant_b is not null)`,
    })
    .from(competitions)
    .innerJoin(programmeItems, eq(programmeItems.id, competitions.itemId))
    .innerJoin(festivals, eq(festivals.id, competitions.festivalId))
    .where(mine)
    .orderBy(asc(programmeItems.startsAt), asc(programmeItems.title));
}

export interface RefereeCompetition {
  id: string;
  title: string;
  game: GameType;
  bestOf: number | null;
  format: CompetitionFormat;
  status: CompetitionStatus;
  /** The festival's zone, for the matches' times. */
  timeZone: string;
  rounds: number[];
  /** The round shown: the one asked for, else the first with a match still to play, else the last. */
  round: number;
  matches: MatchRow[];
}

/**
 * A competition's matches of one round for its referees and organisers; null for anyone else
 * (the same rule `canRun` applies when they enter a result).
 */
export async function getRefereeCompetition(
  db: DbOrTx,
  actor: Actor,
  competitionId: string,
  askedRound?: number,
): Promise<RefereeCompetition | null> {
  if (!/^[0-9a-f-]{36}$/i.test(competitionId)) return null;
  const allowed = isOrganiser(actor)
    ? sql`true`
    : sql`exists (select 1 from ${competitionReferees} r where r.competition_id = ${competitionIdColumn} and r.user_id = ${actor.id})`;
  const [c] = await db
    .select({
      id: competitions.id,
      title: programmeItems.title,
      game: competitions.game,
      bestOf: competitions.bestOf,
      format: competitions.format,
      status: competitions.status,
      timeZone: festivals.timeZone,
    })
    .from(competitions)
    .innerJoin(programmeItems, eq(programmeItems.id, competitions.itemId))
    .innerJoin(festivals, eq(festivals.id, competitions.festivalId))
    .where(and(eq(competitions.id, competitionId), allowed));
  if (!c) return null;
  const entrants = await db
    .select({ id: competitionEntrants.id, name: competitionEntrants.name })
    .from(competitionEntrants)
    .where(eq(competitionEntrants.competitionId, c.id));
  const all = await matchesOf(db, c.id, entrants);
  const rounds = [...new Set(all.map((m) => m.round))];
  const current = all.find((m) => m.playable && m.outcome === null)?.round ?? rounds.at(-1) ?? 1;
  const round = askedRound && rounds.includes(askedRound) ? askedRound : current;
  return { ...c, rounds, round, matches: all.filter((m) => m.round === round) };
}
