// Client-safe and pure: a double-elimination bracket. Nobody is out until they have lost twice —
// so everyone plays at least two matches, which matters to residents who came for an afternoon.
// The winners' bracket is the single-elimination draw (byes to the top seeds); its losers drop into
// the losers' bracket, whose winner meets the winners' bracket winner in one grand final (no
// second "reset" final: the afternoon has an end).

import { seedOrder, type Slot } from "./knockout";

export type DoubleBracketSide = "winners" | "losers" | "final";

export interface DoubleMatch {
  /** `W<round>M<k>`, `L<round>M<k>` or `GF`. */
  id: string;
  bracket: DoubleBracketSide;
  /** Round within its own bracket (1 = first). */
  bracketRound: number;
  /**
   * When it is played: the winners' first round, then each later winners' round beside a losers'
   * round, each other losers' round on its own, the grand final last. Matches of one such round
   * never depend on each other.
   */
  round: number;
  /** Place within `round`, the winners' bracket first. */
  position: number;
  slotA: Slot;
  slotB: Slot;
}

export interface DoubleBracket {
  entrants: number;
  winnersRounds: number;
  losersRounds: number;
  /** Every match after the ones that feed it. */
  matches: DoubleMatch[];
}

export const GRAND_FINAL_ID = "GF";

/** The round a bracket round is played in: winners' r → 1, then 2r − 2; losers' j → j + 1; the final after all. */
export function playedIn(bracket: DoubleBracketSide, bracketRound: number, winnersRounds: number): number {
  if (bracket === "winners") return bracketRound === 1 ? 1 : 2 * bracketRound - 2;
  if (bracket === "losers") return bracketRound + 1;
  return 2 * winnersRounds;
}

/**
 * The bracket for entrants seeded 1..n (n ≥ 3). Always 2n − 2 matches: every match puts one
 * loss on someone, and all but the champion and perhaps the grand final's loser go out on their
 * second. Where a bye leaves a losers' match with one side, that side goes straight on.
 */
export function doubleElimination(n: number): DoubleBracket {
  if (!Number.isInteger(n) || n < 3)
    throw new RangeError(`A double-elimination bracket needs an integer ≥ 3 entrants (got ${n})`);
  let rounds = 0;
  while (2 ** rounds < n) rounds++;
  const size = 2 ** rounds;
  const matches: Omit<DoubleMatch, "position">[] = [];
  type Source = Slot | null;

  const play = (
    bracket: DoubleBracketSide,
    bracketRound: number,
    k: number,
    a: Source,
    b: Source,
  ): { winner: Source; loser: Source } => {
    if (!a || !b) return { winner: a ?? b, loser: null };
    const id = bracket === "final" ? GRAND_FINAL_ID : `${bracket === "winners" ? "W" : "L"}${bracketRound}M${k}`;
    matches.push({ id, bracket, bracketRound, round: playedIn(bracket, bracketRound, rounds), slotA: a, slotB: b });
    return { winner: { winnerOf: id }, loser: { loserOf: id } };
  };
  const pairUp = (bracket: DoubleBracketSide, bracketRound: number, sources: Source[]) => {
    const out: { winner: Source; loser: Source }[] = [];
    for (let k = 0; k < sources.length / 2; k++)
      out.push(play(bracket, bracketRound, k + 1, sources[2 * k], sources[2 * k + 1]));
    return out;
  };

  // The winners' bracket, round by round, keeping each round's losers in bracket order.
  let holders: Source[] = seedOrder(size).map((seed) => (seed <= n ? { seed } : null));
  const losersOf: Source[][] = [];
  for (let r = 1; r <= rounds; r++) {
    const played = pairUp("winners", r, holders);
    holders = played.map((p) => p.winner);
    losersOf[r] = played.map((p) => p.loser);
  }

  // The losers' bracket: round 1 pairs the first round's losers; then each winners' round's
  // losers come in against the survivors (in reverse order every other time, so that two who met
  // in the winners' bracket do not meet again at once), and the survivors are halved between.
  let survivors = pairUp("losers", 1, losersOf[1]).map((p) => p.winner);
  let lr = 1;
  for (let r = 2; r <= rounds; r++) {
    const incoming = r % 2 === 0 ? [...losersOf[r]].reverse() : losersOf[r];
    lr += 1;
    survivors = survivors.map((s, k) => play("losers", lr, k + 1, s, incoming[k]).winner);
    if (r < rounds) {
      lr += 1;
      survivors = pairUp("losers", lr, survivors).map((p) => p.winner);
    }
  }
  play("final", 1, 1, holders[0], survivors[0]);

  // Places within each round of play: the winners' bracket, then the losers', then the final.
  const order: Record<DoubleBracketSide, number> = { winners: 0, losers: 1, final: 2 };
  const sorted = [...matches].sort((x, y) => x.round - y.round || order[x.bracket] - order[y.bracket]);
  const next = new Map<number, number>();
  const placed = new Map(
    sorted.map((m) => {
      const p = (next.get(m.round) ?? 0) + 1;
      next.set(m.round, p);
      return [m.id, p];
    }),
  );
  return {
    entrants: n,
    winnersRounds: rounds,
    losersRounds: lr,
    matches: matches.map((m) => ({ ...m, position: placed.get(m.id)! })),
  };
}
