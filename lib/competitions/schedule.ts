// Client-safe: when and where each match is played. A round starts at its time; its matches take
// the tables (boards, courts) in order, and when there are more matches than tables the rest play
// in turns, one match-length later each. The next round may start only when the last turn ends.

import type { CompetitionSchedule } from "@/db/schema/competitions";
import { findConflicts, type Conflict, type ScheduleItem } from "@/lib/festivals/conflicts";

export type { CompetitionSchedule };

export const SCHEDULE_LIMITS = {
  tables: { min: 1, max: 40 },
  matchMinutes: { min: 5, max: 300 },
  rounds: { max: 30 },
} as const;

export interface Slot {
  table: string;
  startsAt: Date | null;
}

/** How many turns a round of `matches` takes on `tables` tables. */
export const turnsFor = (matches: number, tables: number) =>
  matches <= 0 ? 0 : Math.ceil(matches / Math.max(1, tables));

/** A round's length in minutes (zero for a round with nothing to play). */
export const roundMinutes = (matches: number, s: Pick<CompetitionSchedule, "tables" | "matchMinutes">) =>
  turnsFor(matches, s.tables) * s.matchMinutes;

/**
 * The tables and start times of one round's matches, in their order. Without a schedule every match
 * has its own table (numbered from 1) and no time. Byes are left out before calling.
 */
export function planRound(matches: number, round: number, schedule: CompetitionSchedule | null): Slot[] {
  const tables = schedule ? schedule.tables : Math.max(1, matches);
  const start = schedule?.roundStarts[round - 1];
  const startMs = start ? new Date(start).getTime() : null;
  return Array.from({ length: matches }, (_, i) => ({
    table: String((i % tables) + 1),
    startsAt: startMs === null ? null : new Date(startMs + Math.floor(i / tables) * schedule!.matchMinutes * 60_000),
  }));
}

/**
 * The first round that starts before the one before it has finished, with when that one ends; or
 * null when the rounds follow each other. `matchesPerRound[k]` is round k+1's matches (byes not counted).
 */
export function roundOverlap(
  s: CompetitionSchedule,
  matchesPerRound: number[],
): { round: number; previousEnds: Date } | null {
  for (let k = 1; k < s.roundStarts.length; k++) {
    const ends = new Date(
      new Date(s.roundStarts[k - 1]).getTime() + roundMinutes(matchesPerRound[k - 1] ?? 0, s) * 60_000,
    );
    if (new Date(s.roundStarts[k]).getTime() < ends.getTime()) return { round: k + 1, previousEnds: ends };
  }
  return null;
}

/** Round start times one after the other from `first`, with `gapMinutes` between rounds. */
export function suggestStarts(
  first: Date,
  matchesPerRound: number[],
  s: Pick<CompetitionSchedule, "tables" | "matchMinutes">,
  gapMinutes = 5,
): Date[] {
  const out: Date[] = [];
  let at = first.getTime();
  for (const n of matchesPerRound) {
    out.push(new Date(at));
    at += (roundMinutes(n, s) + gapMinutes) * 60_000;
  }
  return out;
}

/** A scheduled match as the conflict check sees it: who plays, and when. */
export interface TimedMatch {
  id: string;
  /** The programme item the competition belongs to. */
  itemId: string;
  round: number;
  startsAt: Date;
  endsAt: Date;
  people: string[];
}

/** Something else on the programme a person is in: an item (performers, registered players) or another competition's match. */
export type ProgrammeEntry =
  TimedMatch | { id: string; startsAt: Date; endsAt: Date; people: string[]; parentId: string | null };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isMatch = (e: ProgrammeEntry): e is TimedMatch => "round" in e;

export type ScheduleConflict =
  /** A person plays a match of this competition while they are somewhere else on the programme. */
  | { kind: "person_overlap"; matchId: string; otherId: string; person: string }
  /** A match of this competition falls outside its programme item's time. */
  | { kind: "outside_item"; matchId: string };

/**
 * The programme's own conflict check, with this competition's matches on the programme: a match
 * and its own item (or the item's other matches) never clash; anything else a person is in does.
 */
export function scheduleConflicts(
  mine: TimedMatch[],
  item: { id: string; startsAt: Date; endsAt: Date },
  others: ProgrammeEntry[],
): ScheduleConflict[] {
  const asItem = (e: ProgrammeEntry): ScheduleItem =>
    isMatch(e)
      ? {
          id: e.id,
          venueId: null,
          startsAt: e.startsAt,
          endsAt: e.endsAt,
          people: e.people,
          parentId: null,
          partOf: e.itemId,
        }
      : { id: e.id, venueId: null, startsAt: e.startsAt, endsAt: e.endsAt, people: e.people, parentId: e.parentId };
  const ids = new Set(mine.map((m) => m.id));
  const found: ScheduleConflict[] = [];
  for (const c of findConflicts([...mine, ...others.filter((o) => o.id !== item.id)].map(asItem)) as Conflict[]) {
    if (c.kind !== "person_overlap") continue;
    const [a, b] = c.itemIds;
    if (ids.has(a) && !ids.has(b)) found.push({ kind: "person_overlap", matchId: a, otherId: b, person: c.person });
    else if (ids.has(b) && !ids.has(a))
      found.push({ kind: "person_overlap", matchId: b, otherId: a, person: c.person });
  }
  for (const m of mine) {
    if (m.startsAt < item.startsAt || m.endsAt > item.endsAt) found.push({ kind: "outside_item", matchId: m.id });
  }
  const order = new Map(mine.map((m, i) => [m.id, i]));
  return found.sort(
    (x, y) =>
      order.get(x.matchId)! - order.get(y.matchId)! ||
      x.kind.localeCompare(y.kind) ||
      cmp("person" in x ? x.person + x.otherId : "", "person" in y ? y.person + y.otherId : ""),
  );
}
