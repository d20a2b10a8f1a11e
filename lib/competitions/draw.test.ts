import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { orderForDraw, planDraw } from "./draw";

const field = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `e${String(i).padStart(2, "0")}`, skill: 1 + (i % 3) }));

describe("the seed order", () => {
  it("is the same from the same seed whatever order the entrants come in, and a permutation of them", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.nat(), fc.nat(), (n, seed, rot) => {
        const es = field(n);
        const rotated = [...es.slice(rot % n), ...es.slice(0, rot % n)];
        const a = orderForDraw(es, "random", seed).map((e) => e.id);
        expect(orderForDraw(rotated, "random", seed).map((e) => e.id)).toEqual(a);
        expect([...a].sort()).toEqual(es.map((e) => e.id));
      }),
    );
  });

  it("by skill puts the strongest first, and differs between seeds only among equals", () => {
    const es = field(12);
    for (const seed of [1, 2, 3]) {
      const skills = orderForDraw(es, "skill", seed).map((e) => e.skill);
      expect(skills).toEqual([...skills].sort((a, b) => b - a));
    }
    const orders = new Set(
      [1, 2, 3, 4, 5].map((seed) =>
        orderForDraw(es, "random", seed)
          .map((e) => e.id)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe("the planned draw", () => {
  it("a round robin in groups: every pair in a group meets once, nobody outside their group", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 20 }), fc.integer({ min: 3, max: 8 }), (n, size) => {
        const planned = planDraw("round_robin", field(n), { groupSize: size, seed: 1 });
        if (!planned.ok) return;
        const { groups, matches } = planned.draw;
        for (const m of matches) {
          expect(groups[m.a!]).toBe(m.groupNo);
          expect(groups[m.b!]).toBe(m.groupNo);
        }
        const sizes = new Map<number, number>();
        for (const g of Object.values(groups)) sizes.set(g, (sizes.get(g) ?? 0) + 1);
        const expected = [...sizes.values()].reduce((a, k) => a + (k * (k - 1)) / 2, 0);
        expect(new Set(matches.map((m) => [m.a, m.b].sort().join())).size).toBe(expected);
        expect(matches).toHaveLength(expected);
      }),
    );
  });

  it("a knockout: n − 1 matches and the third-place one, the top seeds' byes, places unique", () => {
    for (const n of [2, 3, 5, 8, 11]) {
      const planned = planDraw("single_elimination", field(n), { thirdPlace: true, seed: 1 });
      if (!planned.ok) throw new Error(planned.code);
      const third = n >= 4 ? 1 : 0;
      expect(planned.draw.matches).toHaveLength(n - 1 + third);
      expect(new Set(planned.draw.matches.map((m) => `${m.round}/${m.position}`)).size).toBe(
        planned.draw.matches.length,
      );
      // Every entrant starts in exactly one match (a bye starts them in round 2).
      const starts = planned.draw.matches.flatMap((m) => [m.a, m.b]).filter(Boolean);
      expect(new Set(starts).size).toBe(n);
      expect(starts).toHaveLength(n);
    }
  });

  it("a Swiss pairs the first round top half against bottom half, with a bye for an odd field, and needs eight", () => {
    const planned = planDraw("swiss", field(9), { seed: 5 });
    if (!planned.ok) throw new Error(planned.code);
    expect(planned.draw.matches.filter((m) => m.label === null)).toHaveLength(4);
    expect(planned.draw.matches.filter((m) => m.label === "bye").map((m) => m.a)).toEqual(["e08"]);
    expect(planDraw("swiss", field(7), { seed: 5 })).toEqual({ ok: false, code: "too_few_entrants" });
  });
});
