import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  resolveBracket,
  seedOrder,
  singleElimination,
  THIRD_PLACE_ID,
  type Bracket,
  type KnockoutMatch,
  type Slot,
} from "./knockout";
import type { Side } from "./scores";

const seedOf = (s: Slot) => ("seed" in s ? s.seed : null);
const roundOne = (b: Bracket) => b.matches.filter((m) => m.round === 1);
/** The matches a seed would play by winning every one: from where it enters, along winnerTo. */
function pathOf(b: Bracket, seed: number): string[] {
  const byId = new Map(b.matches.map((m) => [m.id, m]));
  let m = b.matches.find((x) => seedOf(x.slotA) === seed || seedOf(x.slotB) === seed);
  const path: string[] = [];
  while (m) {
    path.push(m.id);
    m = m.winnerTo ? byId.get(m.winnerTo.matchId) : undefined;
  }
  return path;
}

/** Plays results in bracket order, choosing each winner with `pick`. */
function playAll(b: Bracket, pick: (m: KnockoutMatch, i: number) => Side) {
  const results: Record<string, Side> = {};
  b.matches.forEach((m, i) => (results[m.id] = pick(m, i)));
  return { results, resolution: resolveBracket(b, results) };
}

describe("seedOrder", () => {
  it("puts the best seed against the weakest available", () => {
    expect(seedOrder(2)).toEqual([1, 2]);
    expect(seedOrder(4)).toEqual([1, 4, 2, 3]);
    expect(seedOrder(8)).toEqual([1, 8, 4, 5, 2, 7, 3, 6]);
    expect(seedOrder(16)).toEqual([1, 16, 8, 9, 4, 13, 5, 12, 2, 15, 7, 10, 3, 14, 6, 11]);
  });
});

describe("singleElimination", () => {
  it("draws 5 entrants: byes for seeds 1–3, one first-round match", () => {
    const b = singleElimination(5);
    expect(b.rounds).toBe(3);
    expect(b.byes).toEqual([1, 2, 3]);
    expect(b.matches.map((m) => [m.id, m.slotA, m.slotB])).toEqual([
      ["R1M2", { seed: 4 }, { seed: 5 }],
      ["R2M1", { seed: 1 }, { winnerOf: "R1M2" }],
      ["R2M2", { seed: 2 }, { seed: 3 }],
      ["R3M1", { winnerOf: "R2M1" }, { winnerOf: "R2M2" }],
    ]);
    expect(b.matches[0].winnerTo).toEqual({ matchId: "R2M1", slot: "B" });
    expect(b.matches[3].winnerTo).toBeNull();
  });

  it("adds a third-place match fed by the semi-finals' losers", () => {
    const b = singleElimination(4, { thirdPlace: true });
    expect(b.thirdPlace).toBe(true);
    const third = b.matches.find((m) => m.id === THIRD_PLACE_ID)!;
    expect(third).toMatchObject({
      kind: "third_place",
      round: 2,
      slotA: { loserOf: "R1M1" },
      slotB: { loserOf: "R1M2" },
    });
    expect(b.matches.find((m) => m.id === "R1M1")!.loserTo).toEqual({ matchId: THIRD_PLACE_ID, slot: "A" });
    expect(b.matches.find((m) => m.id === "R1M2")!.loserTo).toEqual({ matchId: THIRD_PLACE_ID, slot: "B" });
  });

  it("ignores the third-place option below four entrants (there are not two semi-finals to lose)", () => {
    for (const n of [2, 3]) {
      const b = singleElimination(n, { thirdPlace: true });
      expect(b.thirdPlace).toBe(false);
      expect(b.matches).toHaveLength(n - 1);
    }
  });

  it("refuses fewer than two entrants", () => {
    expect(() => singleElimination(1)).toThrow(RangeError);
    expect(() => singleElimination(2.5)).toThrow(RangeError);
  });

  it("has stable ids for a given size", () => {
    expect(singleElimination(13, { thirdPlace: true })).toEqual(singleElimination(13, { thirdPlace: true }));
  });

  for (let n = 2; n <= 64; n++) {
    for (const thirdPlace of [false, true]) {
      it(`n = ${n}${thirdPlace ? " with third place" : ""}: shape, byes, seeding`, () => {
        const b = singleElimination(n, { thirdPlace });
        const withThird = thirdPlace && n >= 4;
        expect(b.matches).toHaveLength(n - 1 + (withThird ? 1 : 0));
        expect(new Set(b.matches.map((m) => m.id)).size).toBe(b.matches.length);
        expect(2 ** b.rounds).toBeGreaterThanOrEqual(n);
        expect(2 ** (b.rounds - 1)).toBeLessThan(n);

        // The byes are exactly the top seeds, as many as the bracket has empty places.
        const byeCount = 2 ** b.rounds - n;
        expect(b.byes).toEqual(Array.from({ length: byeCount }, (_, i) => i + 1));

        // Each entrant in exactly one round-1 match or bye; seeds appear nowhere else.
        const firstRound = roundOne(b).flatMap((m) => [seedOf(m.slotA), seedOf(m.slotB)]);
        expect(firstRound.every((s) => s !== null)).toBe(true);
        const all = [...(firstRound as number[]), ...b.byes].sort((x, y) => x - y);
        expect(all).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        const later = b.matches
          .filter((m) => m.round > 1)
          .flatMap((m) => [seedOf(m.slotA), seedOf(m.slotB)])
          .filter((s) => s !== null);
        expect(later.sort((x, y) => x - y)).toEqual(b.byes);

        // Seeds 1 and 2 in opposite halves: their paths meet only in the final.
        const final = b.matches.find((m) => m.kind === "main" && m.round === b.rounds)!;
        const common = pathOf(b, 1).filter((id) => pathOf(b, 2).includes(id));
        expect(common).toEqual([final.id]);
        // And seeds 1–4 in different quarters: no two of them can meet before the semi-finals.
        if (n >= 4) {
          for (const [x, y] of [
            [1, 3],
            [1, 4],
            [2, 3],
            [2, 4],
            [3, 4],
          ]) {
            const meet = pathOf(b, x).find((id) => pathOf(b, y).includes(id))!;
            expect(b.matches.find((m) => m.id === meet)!.round).toBeGreaterThanOrEqual(b.rounds - 1);
          }
        }

        // Every match but the final (and third place) feeds exactly one later slot.
        const fed = b.matches
          .flatMap((m) => [m.slotA, m.slotB])
          .filter((s) => "winnerOf" in s)
          .map((s) => (s as { winnerOf: string }).winnerOf);
        expect(new Set(fed).size).toBe(fed.length);
        expect(fed.length).toBe(n - 2);
        for (const m of b.matches) {
          const feeds = fed.includes(m.id);
          expect(m.winnerTo !== null).toBe(feeds);
          expect(m.loserTo !== null).toBe(withThird && m.kind === "main" && m.round === b.rounds - 1);
        }
        // Listed so that each match comes after the ones feeding it.
        const index = new Map(b.matches.map((m, i) => [m.id, i]));
        for (const m of b.matches) {
          for (const s of [m.slotA, m.slotB]) {
            const from = "winnerOf" in s ? s.winnerOf : "loserOf" in s ? s.loserOf : null;
            if (from) expect(index.get(from)!).toBeLessThan(index.get(m.id)!);
          }
        }
      });
    }
  }

  it("seeds win through to a final of 1 v 2 and third place between 3 and 4", () => {
    for (const n of [4, 5, 8, 12, 16, 33]) {
      const b = singleElimination(n, { thirdPlace: true });
      // Enter results one by one, the better seed winning each match once both are known.
      const results: Record<string, Side> = {};
      for (const m of b.matches) {
        const now = resolveBracket(b, results);
        if (!now.ok) throw new Error(now.code);
        const { a, b: other } = now.matches.find((x) => x.id === m.id)!;
        results[m.id] = a! < other! ? "A" : "B";
      }
      const resolution = resolveBracket(b, results);
      expect(resolution).toMatchObject({ ok: true, champion: 1, runnerUp: 2, third: 3 });
      if (resolution.ok) expect(resolution.semiFinalLosers.sort()).toEqual([3, 4]);
    }
  });
});

describe("resolveBracket", () => {
  it("exactly one champion for any results, and the podium is three different entrants", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 64 }),
        fc.boolean(),
        fc.infiniteStream(fc.constantFrom<Side>("A", "B")),
        (n, thirdPlace, picks) => {
          const b = singleElimination(n, { thirdPlace });
          const { resolution } = playAll(b, () => picks.next().value);
          expect(resolution.ok).toBe(true);
          if (!resolution.ok) return;
          const { champion, runnerUp, third } = resolution;
          expect(champion).not.toBeNull();
          expect(runnerUp).not.toBeNull();
          expect(champion).not.toBe(runnerUp);
          // The champion lost no match; everyone else lost exactly one main-bracket match.
          const losses = new Map<number, number>();
          for (const m of resolution.matches.filter((x) => x.kind === "main"))
            losses.set(m.loser!, (losses.get(m.loser!) ?? 0) + 1);
          expect(losses.has(champion!)).toBe(false);
          expect(losses.size).toBe(n - 1);
          expect([...losses.values()].every((c) => c === 1)).toBe(true);
          if (b.thirdPlace) {
            expect(third).not.toBeNull();
            expect([champion, runnerUp]).not.toContain(third);
            expect(resolution.semiFinalLosers).toContain(third);
          } else expect(third).toBeNull();
        },
      ),
    );
  });

  it("shows who is known so far and nothing more", () => {
    const b = singleElimination(5);
    const r = resolveBracket(b, { R1M2: "B" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const byId = Object.fromEntries(r.matches.map((m) => [m.id, m]));
    expect(byId.R1M2).toMatchObject({ a: 4, b: 5, winner: 5, loser: 4 });
    expect(byId.R2M1).toMatchObject({ a: 1, b: 5, winner: null });
    expect(byId.R2M2).toMatchObject({ a: 2, b: 3, winner: null });
    expect(byId.R3M1).toMatchObject({ a: null, b: null });
    expect(r.champion).toBeNull();
    expect(r.third).toBeNull();
  });

  it("refuses a result for a match whose entrants are not both known", () => {
    const b = singleElimination(8, { thirdPlace: true });
    expect(resolveBracket(b, { R3M1: "A" })).toEqual({ ok: false, code: "match_not_ready", matchId: "R3M1" });
    expect(resolveBracket(b, { R1M1: "A", R1M2: "B", R2M1: "A", R3M1: "A" })).toEqual({
      ok: false,
      code: "match_not_ready",
      matchId: "R3M1",
    });
    expect(resolveBracket(b, { R1M1: "A", R1M2: "B", R2M1: "A", [THIRD_PLACE_ID]: "A" })).toEqual({
      ok: false,
      code: "match_not_ready",
      matchId: THIRD_PLACE_ID,
    });
    // With one first-round match left unplayed, nothing downstream of it can be decided.
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 64 }), fc.nat(), (n, k) => {
        const b = singleElimination(n);
        const later = b.matches.filter((m) => m.round > 1 && ("winnerOf" in m.slotA || "winnerOf" in m.slotB));
        const target = later[k % later.length];
        const results: Record<string, Side> = { [target.id]: "A" };
        expect(resolveBracket(b, results)).toEqual({ ok: false, code: "match_not_ready", matchId: target.id });
      }),
    );
  });

  it("refuses unknown matches and results other than A or B", () => {
    const b = singleElimination(4);
    expect(resolveBracket(b, { R9M9: "A" })).toEqual({ ok: false, code: "unknown_match", matchId: "R9M9" });
    expect(resolveBracket(b, { R1M1: "C" as Side })).toEqual({ ok: false, code: "invalid_result", matchId: "R1M1" });
  });

  it("gives the final's two places and shared third without a third-place match", () => {
    const b = singleElimination(4);
    const r = resolveBracket(b, { R1M1: "A", R1M2: "B", R2M1: "B" });
    expect(r).toMatchObject({ ok: true, champion: 3, runnerUp: 1, third: null });
    if (r.ok) expect(r.semiFinalLosers).toEqual([4, 2]);
  });
});
