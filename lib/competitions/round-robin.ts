// Client-safe and pure: the organiser's page previews the schedule and groups as entrants are
// added, and the server builds the same ones when the competition starts.

/** One game: entrants by index (0-based, in seed order). Home has White in chess. */
export interface Pairing {
  home: number;
  away: number;
}

export interface Round {
  /** 1-based, the order rounds are played in. */
  round: number;
  /** Boards in the order the Berger tables print them. */
  games: Pairing[];
  /** The entrant who sits this round out (odd numbers of entrants only), or null. */
  bye: number | null;
}

function assertCount(n: number, what: string, min: number) {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`${what} must be an integer ≥ ${min} (got ${n})`);
}

/**
 * The FIDE Berger tables for n entrants: n − 1 rounds (n rounds when n is odd, where the
 * missing partner of the last seat is a bye). Rebuilt from the tables' own rules rather than
 * stored, so any size works:
 * - in round r the last seat meets the entrant i with 2i ≡ r + 1 (mod n − 1), and the others
 *   pair up as i + j ≡ r + 1 (mod n − 1), fanning out from that entrant board by board;
 * - the last seat has the home side (White) in even rounds, which is the same as saying that
 *   its opponent is at home when it is in the top half (i ≤ n/2);
 * - between two other seats, the lower number is at home when their sum is odd and the higher
 *   one when it is even.
 * Every entrant is at home as often as away, or once more (balanced within one).
 */
export function bergerSchedule(n: number): Round[] {
  assertCount(n, "Entrants", 0);
  if (n < 2) return [];
  // Work in 1-based seats like the printed tables; an odd field gets a bye seat at the end.
  const seats = n % 2 === 0 ? n : n + 1;
  const m = seats - 1;
  const wrap = (x: number) => ((((x - 1) % m) + m) % m) + 1;
  const rounds: Round[] = [];
  for (let r = 1; r <= m; r++) {
    // The seat meeting the last seat: 2i ≡ r + 1 (mod m), m odd, so i = (r + 1)·(m + 1)/2 mod m.
    const x = wrap(((r + 1) * (m + 1)) / 2);
    const seatPairs: Array<[number, number]> = [x <= seats / 2 ? [x, seats] : [seats, x]];
    for (let k = 1; k < seats / 2; k++) {
      const i = wrap(x - k);
      const j = wrap(x + k);
      const [lo, hi] = i < j ? [i, j] : [j, i];
      seatPairs.push((lo + hi) % 2 === 1 ? [lo, hi] : [hi, lo]);
    }
    let bye: number | null = null;
    const games: Pairing[] = [];
    for (const [h, a] of seatPairs) {
      if (h > n) bye = a - 1;
      else if (a > n) bye = h - 1;
      else games.push({ home: h - 1, away: a - 1 });
    }
    rounds.push({ round: r, games, bye });
  }
  return rounds;
}

/**
 * Splits entrants (in seed order) into as few groups as keep each within `size`, their sizes
 * differing by at most one. Seeds are dealt in a snake — 1→A, 2→B, 3→C, then 4→C, 5→B, 6→A … —
 * so the strongest are spread out: seeds 1..g land in different groups, and each group's
 * total seed strength is as level as a simple deal allows.
 */
export function splitIntoGroups<T>(entrants: readonly T[], size: number): T[][] {
  assertCount(size, "Group size", 1);
  const count = Math.ceil(entrants.length / size);
  const groups: T[][] = Array.from({ length: count }, () => []);
  entrants.forEach((entrant, i) => {
    const pass = Math.floor(i / count);
    const pos = i % count;
    groups[pass % 2 === 0 ? pos : count - 1 - pos].push(entrant);
  });
  return groups;
}
