import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Slot } from "./knockout";
import { doubleElimination, GRAND_FINAL_ID, type DoubleBracket } from "./double-elimination";

/** Plays a bracket through with `pick` choosing each winner; who played, lost and won. */
function playThrough(b: DoubleBracket, pick: (i: number) => boolean) {
  const winner = new Map<string, number>();
  const loser = new Map<string, number>();
  const fill = (s: Slot) => ("seed" in s ? s.seed : "winnerOf" in s ? winner.get(s.winnerOf) : loser.get(s.loserOf));
  const losses = new Map<number, number>();
  const played = new Map<number, number>();
  const doneIn = new Map<string, number>();
  b.matches.forEach((m, i) => {
    const [a, c] = [fill(m.slotA), fill(m.slotB)];
    if (a === undefined || c === undefined) throw new Error(`${m.id} played before its sides are known`);
    // Everything feeding a match is played in an earlier round.
    for (const s of [m.slotA, m.slotB])
      if (!("seed" in s)) expect(doneIn.get("winnerOf" in s ? s.winnerOf : s.loserOf)!).toBeLessThan(m.round);
    doneIn.set(m.id, m.round);
    const [w, l] = pick(i) ? [a, c] : [c, a];
    winner.set(m.id, w);
    loser.set(m.id, l);
    losses.set(l, (losses.get(l) ?? 0) + 1);
    for (const p of [a, c]) played.set(p, (played.get(p) ?? 0) + 1);
  });
  return { champion: winner.get(GRAND_FINAL_ID)!, runnerUp: loser.get(GRAND_FINAL_ID)!, losses, played };
}

describe("double elimination", () => {
  it("has 2n − 2 matches; one champion; everyone else out on their second loss (the final's loser perhaps on one); everyone plays twice at least", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 48 }),
        fc.array(fc.boolean(), { minLength: 100, maxLength: 100 }),
        (n, coin) => {
          const b = doubleElimination(n);
          expect(b.matches).toHaveLength(2 * n - 2);
          expect(new Set(b.matches.map((m) => m.id)).size).toBe(b.matches.length);
          expect(new Set(b.matches.map((m) => `${m.round}:${m.position}`)).size).toBe(b.matches.length);
          const { champion, runnerUp, losses, played } = playThrough(b, (i) => coin[i % coin.length]);
          expect(champion).toBeGreaterThanOrEqual(1);
          expect(losses.get(champion) ?? 0).toBeLessThanOrEqual(1);
          for (let seed = 1; seed <= n; seed++) {
            expect(played.get(seed)).toBeGreaterThanOrEqual(2);
            if (seed === champion) continue;
            if (seed === runnerUp) expect([1, 2]).toContain(losses.get(seed));
            else expect(losses.get(seed)).toBe(2);
          }
          expect(b.matches.at(-1)!.id).toBe(GRAND_FINAL_ID);
          expect(b.losersRounds).toBe(2 * (b.winnersRounds - 1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("eight players: the winners' bracket as a knockout, the losers' bracket in six rounds of play beside it, the grand final last", () => {
    const b = doubleElimination(8);
    const by = (bracket: string) => b.matches.filter((m) => m.bracket === bracket).map((m) => `${m.id}@${m.round}`);
    expect(by("winners")).toEqual(["W1M1@1", "W1M2@1", "W1M3@1", "W1M4@1", "W2M1@2", "W2M2@2", "W3M1@4"]);
    expect(by("losers")).toEqual(["L1M1@2", "L1M2@2", "L2M1@3", "L2M2@3", "L3M1@4", "L4M1@5"]);
    expect(by("final")).toEqual(["GF@6"]);
    // Seed 1 meets seed 8 first; the second round's losers come in crosswise.
    expect(b.matches[0]).toMatchObject({ slotA: { seed: 1 }, slotB: { seed: 8 } });
    expect(b.matches.find((m) => m.id === "L2M1")).toMatchObject({
      slotA: { winnerOf: "L1M1" },
      slotB: { loserOf: "W2M2" },
    });
    expect(b.matches.find((m) => m.id === "GF")).toMatchObject({
      slotA: { winnerOf: "W3M1" },
      slotB: { winnerOf: "L4M1" },
    });
  });

  it("five players: the top seeds' byes leave losers' matches with one side, which go straight on", () => {
    const b = doubleElimination(5);
    expect(b.matches.map((m) => m.id)).toEqual([
      "W1M2",
      "W2M1",
      "W2M2",
      "W3M1",
      "L2M1",
      "L3M1",
      "L4M1",
      GRAND_FINAL_ID,
    ]);
    // Round 1's only loser has nobody to meet in the losers' first round: they wait for a loser of
    // the winners' second round; the other loser of that round goes straight on to the next.
    expect(b.matches.find((m) => m.id === "L2M1")).toMatchObject({
      slotA: { loserOf: "W1M2" },
      slotB: { loserOf: "W2M2" },
    });
    expect(b.matches.find((m) => m.id === "L3M1")).toMatchObject({
      slotA: { winnerOf: "L2M1" },
      slotB: { loserOf: "W2M1" },
    });
    expect(() => doubleElimination(2)).toThrow(RangeError);
  });
});
