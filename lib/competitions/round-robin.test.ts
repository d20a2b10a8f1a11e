import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bergerSchedule, splitIntoGroups, type Round } from "./round-robin";

/** Rounds as printed in the FIDE tables: 1-based "home-away" per board, then the bye if any. */
const printed = (rounds: Round[]) =>
  rounds.map((r) =>
    [...r.games.map((g) => `${g.home + 1}-${g.away + 1}`), ...(r.bye === null ? [] : [`bye ${r.bye + 1}`])].join(" "),
  );

describe("bergerSchedule", () => {
  it("matches the FIDE Berger tables for 4, 6 and 8", () => {
    expect(printed(bergerSchedule(4))).toEqual(["1-4 2-3", "4-3 1-2", "2-4 3-1"]);
    expect(printed(bergerSchedule(6))).toEqual([
      "1-6 2-5 3-4",
      "6-4 5-3 1-2",
      "2-6 3-1 4-5",
      "6-5 1-4 2-3",
      "3-6 4-2 5-1",
    ]);
    expect(printed(bergerSchedule(8))).toEqual([
      "1-8 2-7 3-6 4-5",
      "8-5 6-4 7-3 1-2",
      "2-8 3-1 4-7 5-6",
      "8-6 7-5 1-4 2-3",
      "3-8 4-2 5-1 6-7",
      "8-7 1-6 2-5 3-4",
      "4-8 5-3 6-2 7-1",
    ]);
  });

  it("gives an odd field the table of the next even size, the last seat being the bye", () => {
    // The 6-table with seat 6 as the bye.
    expect(printed(bergerSchedule(5))).toEqual([
      "2-5 3-4 bye 1",
      "5-3 1-2 bye 4",
      "3-1 4-5 bye 2",
      "1-4 2-3 bye 5",
      "4-2 5-1 bye 3",
    ]);
  });

  it("has nothing to play for fewer than two entrants and refuses nonsense sizes", () => {
    expect(bergerSchedule(0)).toEqual([]);
    expect(bergerSchedule(1)).toEqual([]);
    expect(printed(bergerSchedule(2))).toEqual(["1-2"]);
    expect(() => bergerSchedule(-1)).toThrow(RangeError);
    expect(() => bergerSchedule(4.5)).toThrow(RangeError);
  });

  for (let n = 2; n <= 16; n++) {
    it(`n = ${n}: every pair once, nobody twice a round, floor(n/2) games a round, home/away within one`, () => {
      const rounds = bergerSchedule(n);
      expect(rounds).toHaveLength(n % 2 === 0 ? n - 1 : n);
      expect(rounds.map((r) => r.round)).toEqual(rounds.map((_, i) => i + 1));
      const met = new Map<string, number>();
      const home = new Array<number>(n).fill(0);
      const away = new Array<number>(n).fill(0);
      const byes = new Array<number>(n).fill(0);
      for (const r of rounds) {
        expect(r.games).toHaveLength(Math.floor(n / 2));
        const seen = r.games.flatMap((g) => [g.home, g.away]).concat(r.bye === null ? [] : [r.bye]);
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.length).toBe(n);
        expect(r.bye === null).toBe(n % 2 === 0);
        for (const g of r.games) {
          expect(g.home).not.toBe(g.away);
          for (const x of [g.home, g.away]) expect(x >= 0 && x < n).toBe(true);
          const key = [g.home, g.away].sort((x, y) => x - y).join("-");
          met.set(key, (met.get(key) ?? 0) + 1);
          home[g.home]++;
          away[g.away]++;
        }
        if (r.bye !== null) byes[r.bye]++;
      }
      expect(met.size).toBe((n * (n - 1)) / 2);
      expect([...met.values()].every((c) => c === 1)).toBe(true);
      for (let i = 0; i < n; i++) expect(Math.abs(home[i] - away[i])).toBeLessThanOrEqual(1);
      if (n % 2 === 1) expect(byes.every((b) => b === 1)).toBe(true);
    });
  }
});

describe("splitIntoGroups", () => {
  it("deals seeds in a snake", () => {
    expect(splitIntoGroups([1, 2, 3, 4, 5, 6, 7, 8], 4)).toEqual([
      [1, 4, 5, 8],
      [2, 3, 6, 7],
    ]);
    expect(splitIntoGroups([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4)).toEqual([
      [1, 6, 7],
      [2, 5, 8],
      [3, 4, 9, 10],
    ]);
    expect(splitIntoGroups([], 4)).toEqual([]);
    expect(() => splitIntoGroups([1], 0)).toThrow(RangeError);
  });

  it("keeps sizes within one and at most the chosen size, each entrant once, seeds 1..g apart", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 12 }), (count, size) => {
        const entrants = Array.from({ length: count }, (_, i) => i + 1);
        const groups = splitIntoGroups(entrants, size);
        const sizes = groups.map((g) => g.length);
        expect(groups).toHaveLength(Math.ceil(count / size));
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.max(...sizes)).toBeLessThanOrEqual(size);
        expect(groups.flat().sort((x, y) => x - y)).toEqual(entrants);
        groups.forEach((g, i) => expect(g[0]).toBe(i + 1));
      }),
    );
  });
});
