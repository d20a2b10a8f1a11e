import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxWeightMatching } from "./max-weight";

type Edge = [number, number, number];

/** Each vertex's partner agrees with its partner's, and the matching's pairs and weight. */
function measure(n: number, edges: Edge[], mate: number[]): { size: number; weight: number } {
  expect(mate).toHaveLength(n);
  const weightOf = new Map(edges.map(([u, v, w]) => [`${Math.min(u, v)}-${Math.max(u, v)}`, w]));
  let size = 0;
  let weight = 0;
  mate.forEach((m, v) => {
    if (m < 0) return;
    expect(mate[m]).toBe(v);
    if (m > v) {
      size++;
      expect(weightOf.has(`${v}-${m}`), `${v}-${m} is an edge`).toBe(true);
      weight += weightOf.get(`${v}-${m}`)!;
    }
  });
  return { size, weight };
}

describe("maxWeightMatching on small graphs with a known best", () => {
  it("no vertices, or no edges, leaves everyone unmatched", () => {
    expect(maxWeightMatching(0, [])).toEqual([]);
    expect(maxWeightMatching(3, [])).toEqual([-1, -1, -1]);
  });

  it("one edge is taken when it is worth something; a negative one only for more pairs", () => {
    expect(maxWeightMatching(2, [[0, 1, 5]])).toEqual([1, 0]);
    expect(maxWeightMatching(2, [[0, 1, -2]])).toEqual([-1, -1]);
    expect(maxWeightMatching(2, [[0, 1, -2]], true)).toEqual([1, 0]);
  });

  it("on a path, the heaviest edge alone beats two light ones; asked for most pairs, the two", () => {
    const path: Edge[] = [
      [0, 1, 1],
      [1, 2, 3],
      [2, 3, 1],
    ];
    expect(maxWeightMatching(4, path)).toEqual([-1, 2, 1, -1]);
    expect(maxWeightMatching(4, path, true)).toEqual([1, 0, 3, 2]);
  });

  it("an odd count leaves exactly one vertex out, the one whose edges are worth least", () => {
    const triangle: Edge[] = [
      [0, 1, 5],
      [1, 2, 6],
      [0, 2, 4],
    ];
    expect(maxWeightMatching(3, triangle)).toEqual([-1, 2, 1]);
    expect(maxWeightMatching(3, triangle, true)).toEqual([-1, 2, 1]);
    const complete: Edge[] = [];
    for (let u = 0; u < 5; u++) for (let v = u + 1; v < 5; v++) complete.push([u, v, 10 + u + v]);
    const mate = maxWeightMatching(5, complete, true);
    expect(measure(5, complete, mate).size).toBe(2);
    expect(mate.filter((m) => m < 0)).toHaveLength(1);
  });

  it("an odd cycle (a blossom) is shrunk and opened again to reach the best", () => {
    // The triangle 1-2-3 is a blossom; the best leaves its heaviest edge for 1-2 with 3-4.
    expect(
      maxWeightMatching(5, [
        [1, 2, 8],
        [1, 3, 9],
        [2, 3, 10],
        [3, 4, 7],
      ]),
    ).toEqual([-1, 2, 1, 4, 3]);
    // A blossom with stems on both sides: everyone is matched, 2-3 inside it, 1 and 3's neighbour 4 out along their stems.
    expect(
      maxWeightMatching(7, [
        [1, 2, 8],
        [1, 3, 9],
        [2, 3, 10],
        [3, 4, 7],
        [1, 6, 5],
        [4, 5, 6],
      ]),
    ).toEqual([-1, 6, 3, 2, 5, 4, 1]);
  });

  it("ties: among equally good matchings one is chosen, the same one every time", () => {
    const square: Edge[] = [
      [0, 1, 1],
      [1, 2, 1],
      [2, 3, 1],
      [3, 0, 1],
    ];
    const mate = maxWeightMatching(4, square);
    expect(measure(4, square, mate)).toEqual({ size: 2, weight: 2 });
    expect(maxWeightMatching(4, square)).toEqual(mate);
    const hexagon: Edge[] = [0, 1, 2, 3, 4, 5].map((u) => [u, (u + 1) % 6, 2]);
    expect(measure(6, hexagon, maxWeightMatching(6, hexagon, true))).toEqual({ size: 3, weight: 6 });
  });

  it("does not change the edges it is given", () => {
    const edges: Edge[] = [
      [0, 1, 3],
      [1, 2, 4],
    ];
    const copy = structuredClone(edges);
    maxWeightMatching(3, edges, true);
    expect(edges).toEqual(copy);
  });
});

describe("maxWeightMatching against exhaustive search", () => {
  /** The best (most pairs, then heaviest) matching by trying every one. */
  function bruteForce(n: number, edges: [number, number, number][], maxCardinality: boolean): [number, number] {
    let best: [number, number] = [0, 0];
    const better = (a: [number, number], b: [number, number]) =>
      maxCardinality ? a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]) : a[1] > b[1];
    const go = (k: number, used: number, size: number, weight: number) => {
      if (better([size, weight], best)) best = [size, weight];
      for (let e = k; e < edges.length; e++) {
        const [u, v, w] = edges[e];
        if (used & (1 << u) || used & (1 << v)) continue;
        go(e + 1, used | (1 << u) | (1 << v), size + 1, weight + w);
      }
    };
    go(0, 0, 0, 0);
    return best;
  }

  it("finds as good a matching as exhaustive search, on random graphs", () => {
    // Few distinct weights as well as many: ties are where blossoms form and dissolve most.
    const graphArb = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.uniqueArray(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })), {
          selector: ([u, v]) => `${Math.min(u, v)}-${Math.max(u, v)}`,
          maxLength: 36,
        }),
        fc.oneof(
          fc.array(fc.integer({ min: -5, max: 40 }), { minLength: 36, maxLength: 36 }),
          fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 36, maxLength: 36 }),
        ),
        fc.boolean(),
      ),
    );
    fc.assert(
      fc.property(graphArb, ([n, pairs, weights, maxCardinality]) => {
        const edges = pairs
          .filter(([u, v]) => u !== v)
          .map(([u, v], i): [number, number, number] => [u, v, weights[i]]);
        const { size, weight } = measure(n, edges, maxWeightMatching(n, edges, maxCardinality));
        const [bestSize, bestWeight] = bruteForce(n, edges, maxCardinality);
        if (maxCardinality) expect(size).toBe(bestSize);
        expect(weight).toBe(bestWeight);
      }),
      { numRuns: 3000 },
    );
  });
});
