// Client-safe and pure: the bracket page draws from this, and the organiser's result form and
// the server both use resolveBracket so a result can only be entered once both sides are known.

import type { Side } from "./scores";

/** Who fills one side of a match: a seed straight from the draw, or the winner/loser of an earlier match. */
export type Slot = { seed: number } | { winnerOf: string } | { loserOf: string };

export interface MatchLink {
  matchId: string;
  slot: Side;
}

export interface KnockoutMatch {
  /** Stable for a given field size: `R<round>M<position>`, and `3P` for the third-place match. */
  id: string;
  /** 1 = first round of the full bracket; the final is round `rounds`. */
  round: number;
  /** 1-based place in its round, top to bottom as the bracket is drawn (gaps where a bye is). */
  position: number;
  kind: "main" | "third_place";
  slotA: Slot;
  slotB: Slot;
  /** Where the winner goes; null for the final and the third-place match. */
  winnerTo: MatchLink | null;
  /** Where the loser goes: only the semi-finals, and only with a third-place match. */
  loserTo: MatchLink | null;
}

export interface Bracket {
  entrants: number;
  /** Rounds of the full bracket, the final included (log2 of the bracket size). */
  rounds: number;
  /** Whether a third-place match is played (asked for, and at least four entrants). */
  thirdPlace: boolean;
  /** Seeds that go straight to round 2: the top seeds, when the field is not a power of two. */
  byes: number[];
  /** Round by round, top to bottom; the third-place match after the final. */
  matches: KnockoutMatch[];
}

export const THIRD_PLACE_ID = "3P";

/**
 * Draw positions for a bracket of `size` (a power of two), top to bottom: 1, size, … built so
 * the better seed always meets the weakest one available (1 v 16, 8 v 9, 4 v 13 …). Seeds 1 and
 * 2 are in opposite halves, 1–4 in different quarters, so the top seeds can only meet late.
 */
export function seedOrder(size: number): number[] {
  let order = [1];
  while (order.length < size) {
    const next = order.length * 2 + 1;
    order = order.flatMap((s) => [s, next - s]);
  }
  return order;
}

const matchId = (round: number, position: number) => `R${round}M${position}`;

/**
 * A single-elimination bracket for entrants seeded 1..n (n ≥ 2). When n is not a power of two
 * the top seeds get byes into round 2 — a bye is not a match, so there are always n − 1 matches,
 * plus the third-place match between the losing semi-finalists when `thirdPlace` is asked for.
 * With fewer than four entrants there are not two semi-finals to lose, so the option is ignored.
 */
export function singleElimination(n: number, opts: { thirdPlace?: boolean } = {}): Bracket {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`A knockout needs an integer ≥ 2 entrants (got ${n})`);
  let rounds = 0;
  while (2 ** rounds < n) rounds++;
  const size = 2 ** rounds;
  const order = seedOrder(size);
  const thirdPlace = !!opts.thirdPlace && n >= 4;

  // What each position of the current round holds once the previous round is played:
  // a seed (present or absent) or the winner of a match.
  type Holder = { seed: number } | { winnerOf: string } | null;
  let holders: Holder[] = order.map((seed) => (seed <= n ? { seed } : null));
  const matches: KnockoutMatch[] = [];
  const byes: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const next: Holder[] = [];
    for (let p = 0; p < holders.length / 2; p++) {
      const [a, b] = [holders[2 * p], holders[2 * p + 1]];
      if (a && b) {
        const id = matchId(round, p + 1);
        matches.push({ id, round, position: p + 1, kind: "main", slotA: a, slotB: b, winnerTo: null, loserTo: null });
        next.push({ winnerOf: id });
      } else {
        // Only round 1 has empty positions, and never two side by side: the absent seeds are
        // the bottom ones, each drawn against a different top seed.
        const present = a ?? b;
        if (present && "seed" in present) byes.push(present.seed);
        next.push(present);
      }
    }
    holders = next;
  }

  const byId = new Map(matches.map((m) => [m.id, m]));
  for (const m of matches) {
    for (const side of ["A", "B"] as const) {
      const slot = side === "A" ? m.slotA : m.slotB;
      if ("winnerOf" in slot) byId.get(slot.winnerOf)!.winnerTo = { matchId: m.id, slot: side };
    }
  }
  if (thirdPlace) {
    const semis = matches.filter((m) => m.round === rounds - 1);
    const third: KnockoutMatch = {
      id: THIRD_PLACE_ID,
      round: rounds,
      position: 2,
      kind: "third_place",
      slotA: { loserOf: semis[0].id },
      slotB: { loserOf: semis[1].id },
      winnerTo: null,
      loserTo: null,
    };
    semis[0].loserTo = { matchId: third.id, slot: "A" };
    semis[1].loserTo = { matchId: third.id, slot: "B" };
    matches.push(third);
  }
  byes.sort((x, y) => x - y);
  return { entrants: n, rounds, thirdPlace, byes, matches };
}

export interface ResolvedMatch {
  id: string;
  round: number;
  kind: KnockoutMatch["kind"];
  /** Seeds known so far on each side (null while the feeding match is unplayed). */
  a: number | null;
  b: number | null;
  winner: number | null;
  loser: number | null;
}

export type ResolveError = "unknown_match" | "invalid_result" | "match_not_ready";

export type Resolution =
  | {
      ok: true;
      matches: ResolvedMatch[];
      champion: number | null;
      runnerUp: number | null;
      /** The winner of the third-place match; null without one (see `semiFinalLosers`). */
      third: number | null;
      /** Both losing semi-finalists once known — shared third when no third-place match is played. */
      semiFinalLosers: number[];
    }
  | { ok: false; code: ResolveError; matchId: string };

/**
 * Plays the entered results through the bracket. A result is refused (`match_not_ready`) for a
 * match whose two entrants are not both known yet, so nobody can be sent through on a guess.
 */
export function resolveBracket(bracket: Bracket, results: Readonly<Record<string, Side>>): Resolution {
  const byId = new Map(bracket.matches.map((m) => [m.id, m]));
  for (const [id, side] of Object.entries(results)) {
    if (!byId.has(id)) return { ok: false, code: "unknown_match", matchId: id };
    if (side !== "A" && side !== "B") return { ok: false, code: "invalid_result", matchId: id };
  }
  const resolved = new Map<string, ResolvedMatch>();
  const fill = (slot: Slot): number | null => {
    if ("seed" in slot) return slot.seed;
    if ("winnerOf" in slot) return resolved.get(slot.winnerOf)?.winner ?? null;
    return resolved.get(slot.loserOf)?.loser ?? null;
  };
  // Matches are listed so that every match comes after the ones feeding it.
  for (const m of bracket.matches) {
    const a = fill(m.slotA);
    const b = fill(m.slotB);
    const side = Object.hasOwn(results, m.id) ? results[m.id] : undefined;
    if (side && (a === null || b === null)) return { ok: false, code: "match_not_ready", matchId: m.id };
    const winner = side ? (side === "A" ? a : b) : null;
    const loser = side ? (side === "A" ? b : a) : null;
    resolved.set(m.id, { id: m.id, round: m.round, kind: m.kind, a, b, winner, loser });
  }
  const final = [...resolved.values()].find((m) => m.kind === "main" && m.round === bracket.rounds)!;
  const semiFinalLosers = [...resolved.values()]
    .filter((m) => m.kind === "main" && m.round === bracket.rounds - 1 && m.loser !== null)
    .map((m) => m.loser!);
  return {
    ok: true,
    matches: [...resolved.values()],
    champion: final.winner,
    runnerUp: final.loser,
    third: resolved.get(THIRD_PLACE_ID)?.winner ?? null,
    semiFinalLosers,
  };
}
