// Client-safe and pure: the draw of a competition from its checked-in entrants — their seed
// order (at random from a recorded seed, or by skill level) and the matches of the format.
// The service stores what this plans; the organiser's page can preview it.

import type { CompetitionFormat } from "@/vocabulary/competitions";
import { singleElimination, type Slot } from "./knockout";
import { bergerSchedule, splitIntoGroups } from "./round-robin";
import { doubleElimination } from "./double-elimination";
import { pairSwissRound, type SwissPlayer } from "./swiss";

export interface DrawEntrant {
  id: string;
  /** 1 beginner … 3 advanced. */
  skill: number;
}

/** A repeatable stream of numbers in [0, 1) from a seed (mulberry32): the same seed, the same draw. */
export function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seed order: shuffled from the seed; by skill, the strongest first with equal levels in
 * the shuffled order. Entrants are first put in id order so the result depends on who entered,
 * not on the order the database returned them in.
 */
export function orderForDraw<T extends DrawEntrant>(
  entrants: readonly T[],
  seeding: "random" | "skill",
  seed: number,
): T[] {
  const next = randomFrom(seed);
  const shuffled = [...entrants].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return seeding === "skill"
    ? shuffled
        .map((e, i) => ({ e, i }))
        .sort((x, y) => y.e.skill - x.e.skill || x.i - y.i)
        .map((x) => x.e)
    : shuffled;
}

export type Feed = { winnerOf?: string; loserOf?: string };

/** A match as planned: `key` names it within the plan, and feeds name other matches by key. */
export interface PlannedMatch {
  key: string;
  round: number;
  groupNo: number | null;
  position: number;
  a: string | null;
  b: string | null;
  feeds: { a?: Feed; b?: Feed };
  label: "third_place" | "bye" | "losers" | "grand_final" | null;
}

export interface PlannedDraw {
  /** Entrant id → group number (round robin only). */
  groups: Record<string, number>;
  matches: PlannedMatch[];
}

export const MIN_ENTRANTS: Record<CompetitionFormat, number> = {
  round_robin: 2,
  single_elimination: 2,
  double_elimination: 3,
  swiss: 8,
};

/**
 * Plans the matches for entrants in seed order: a round robin's groups and full Berger schedule
 * (a bye is no match); a single-elimination bracket with its byes to the top seeds; the first
 * round of a Swiss (top half against bottom half), later rounds being paired from the results.
 */
export function planDraw(
  format: CompetitionFormat,
  ordered: readonly DrawEntrant[],
  opts: { groupSize?: number | null; thirdPlace?: boolean; seed: number },
): { ok: true; draw: PlannedDraw } | { ok: false; code: "too_few_entrants" | "no_legal_pairing" } {
  if (ordered.length < MIN_ENTRANTS[format]) return { ok: false, code: "too_few_entrants" };
  const groups: Record<string, number> = {};
  const matches: PlannedMatch[] = [];
  if (format === "round_robin") {
    const split = splitIntoGroups(ordered, opts.groupSize ?? ordered.length);
    if (split.some((group) => group.length < 2)) return { ok: false, code: "too_few_entrants" };
    split.forEach((group, g) => {
      for (const e of group) groups[e.id] = g + 1;
      for (const round of bergerSchedule(group.length)) {
        round.games.forEach((game, i) => {
          matches.push({
            key: `G${g + 1}R${round.round}M${i + 1}`,
            round: round.round,
            groupNo: g + 1,
            position: i + 1,
            a: group[game.home].id,
            b: group[game.away].id,
            feeds: {},
            label: null,
          });
        });
      }
    });
    return { ok: true, draw: { groups, matches } };
  }
  if (format === "double_elimination" || format === "single_elimination") {
    // A bracket's slots name seeds (entrants now) or earlier matches (fed in as results come).
    const entrant = (slot: Slot) => ("seed" in slot ? ordered[slot.seed - 1].id : null);
    const feed = (slot: Slot): Feed | undefined => ("seed" in slot ? undefined : slot);
    const planned =
      format === "double_elimination"
        ? doubleElimination(ordered.length).matches.map((m) => ({
            ...m,
            label:
              m.bracket === "losers" ? ("losers" as const) : m.bracket === "final" ? ("grand_final" as const) : null,
          }))
        : singleElimination(ordered.length, { thirdPlace: opts.thirdPlace }).matches.map((m) => ({
            ...m,
            label: m.kind === "third_place" ? ("third_place" as const) : null,
          }));
    for (const m of planned) {
      const [fa, fb] = [feed(m.slotA), feed(m.slotB)];
      matches.push({
        key: m.id,
        round: m.round,
        groupNo: null,
        position: m.position,
        a: entrant(m.slotA),
        b: entrant(m.slotB),
        feeds: { ...(fa ? { a: fa } : {}), ...(fb ? { b: fb } : {}) },
        label: m.label,
      });
    }
    return { ok: true, draw: { groups, matches } };
  }
  const players: SwissPlayer[] = ordered.map((e, i) => ({
    id: e.id,
    score: 0,
    rank: i + 1,
    opponents: [],
    colours: [],
    hadBye: false,
  }));
  const first = pairSwissRound(players, opts.seed);
  if (!first.ok) return first;
  first.pairings.forEach((p, i) =>
    matches.push({
      key: `R1M${i + 1}`,
      round: 1,
      groupNo: null,
      position: i + 1,
      a: p.white,
      b: p.black,
      feeds: {},
      label: null,
    }),
  );
  if (first.bye)
    matches.push({
      key: "R1BYE",
      round: 1,
      groupNo: null,
      position: first.pairings.length + 1,
      a: first.bye,
      b: null,
      feeds: {},
      label: "bye",
    });
  return { ok: true, draw: { groups, matches } };
}
