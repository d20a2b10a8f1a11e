import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkChess,
  checkGuandan,
  checkRelay,
  checkScore,
  checkTableTennis,
  checkTableTennisGame,
  checkTugOfWar,
  walkover,
  withdrawal,
  type ScoreCheck,
  type Side,
} from "./scores";

const outcome = (c: ScoreCheck) => (c.ok ? { winner: c.winner } : { code: c.code });

describe("chess and Go", () => {
  it.each([
    ["1-0", { winner: "A" }],
    ["0-1", { winner: "B" }],
    ["0.5-0.5", { winner: null }],
    ["½-½", { winner: null }],
    ["1/2-1/2", { winner: null }],
    [" 1 – 0 ", { winner: "A" }],
    ["1-1", { code: "score_impossible" }],
    ["0-0", { code: "score_impossible" }],
    ["1-0.5", { code: "score_impossible" }],
    ["2-0", { code: "score_malformed" }],
    ["1", { code: "score_malformed" }],
    ["white wins", { code: "score_malformed" }],
    ["", { code: "score_malformed" }],
  ])("%s", (text, expected) => {
    expect(outcome(checkChess(text))).toEqual(expected);
    expect(outcome(checkChess(text, "go"))).toEqual(expected);
  });

  it("gives the points", () => {
    expect(checkChess("½-½")).toEqual({ ok: true, winner: null, detail: { kind: "chess", points: [0.5, 0.5] } });
    expect(checkChess("0-1", "go")).toEqual({ ok: true, winner: "B", detail: { kind: "go", points: [0, 1] } });
  });
});

describe("table tennis", () => {
  it.each([
    [11, 9, "A"],
    [9, 11, "B"],
    [11, 0, "A"],
    [12, 10, "A"],
    [10, 12, "B"],
    [15, 13, "A"],
    [11, 10, "score_impossible"],
    [13, 10, "score_impossible"],
    [12, 9, "score_impossible"],
    [11, 11, "score_impossible"],
    [14, 14, "score_impossible"],
    [12, 12, "score_impossible"],
    [10, 10, "score_incomplete"],
    [9, 7, "score_incomplete"],
    [0, 0, "score_incomplete"],
    [-1, 11, "score_malformed"],
    [11.5, 9, "score_malformed"],
  ] as const)("game %d–%d: %s", (a, b, expected) => {
    expect(checkTableTennisGame(a, b)).toBe(expected);
  });

  it.each([
    [
      "best of 3, 2–0",
      3,
      [
        [11, 9],
        [11, 7],
      ],
      { winner: "A" },
    ],
    [
      "best of 3, 2–1",
      3,
      [
        [11, 9],
        [5, 11],
        [9, 11],
      ],
      { winner: "B" },
    ],
    [
      "best of 3, 1–1",
      3,
      [
        [11, 9],
        [5, 11],
      ],
      { code: "score_incomplete" },
    ],
    [
      "best of 3, a third game after 2–0",
      3,
      [
        [11, 9],
        [11, 7],
        [11, 4],
      ],
      { code: "score_impossible" },
    ],
    [
      "best of 5, 3–0",
      5,
      [
        [11, 9],
        [11, 7],
        [12, 10],
      ],
      { winner: "A" },
    ],
    [
      "best of 5, 3–2",
      5,
      [
        [11, 9],
        [7, 11],
        [11, 13],
        [11, 6],
        [11, 8],
      ],
      { winner: "A" },
    ],
    [
      "best of 5, a 4th game after 3–0",
      5,
      [
        [11, 9],
        [11, 7],
        [11, 5],
        [11, 3],
      ],
      { code: "score_impossible" },
    ],
    [
      "best of 5, 2–2",
      5,
      [
        [11, 9],
        [7, 11],
        [11, 13],
        [11, 6],
      ],
      { code: "score_incomplete" },
    ],
    [
      "best of 5, a game at 11–10",
      5,
      [
        [11, 9],
        [11, 10],
        [11, 5],
        [11, 3],
      ],
      { code: "score_impossible" },
    ],
    [
      "best of 5, a game unfinished",
      5,
      [
        [11, 9],
        [8, 6],
      ],
      { code: "score_incomplete" },
    ],
    ["no games", 3, [], { code: "score_incomplete" }],
  ] as const)("%s", (_, bestOf, games, expected) => {
    expect(outcome(checkTableTennis(games as unknown as Array<[number, number]>, bestOf))).toEqual(expected);
  });

  it("points at the game at fault", () => {
    expect(
      checkTableTennis(
        [
          [11, 9],
          [11, 10],
        ],
        3,
      ),
    ).toEqual({ ok: false, code: "score_impossible", game: 2 });
    expect(
      checkTableTennis(
        [
          [11, 9],
          [11, 7],
          [11, 4],
        ],
        3,
      ),
    ).toEqual({ ok: false, code: "score_impossible", game: 3 });
  });

  it("adds up games and points", () => {
    const c = checkTableTennis(
      [
        [11, 9],
        [7, 11],
        [11, 13],
        [11, 6],
        [11, 8],
      ],
      5,
    );
    expect(c).toEqual({
      ok: true,
      winner: "A",
      detail: {
        kind: "table_tennis",
        bestOf: 5,
        games: [
          [11, 9],
          [7, 11],
          [11, 13],
          [11, 6],
          [11, 8],
        ],
        gamesWon: [3, 2],
        points: [51, 47],
      },
    });
  });

  it("refuses formats other than best of 3 or 5", () => {
    expect(outcome(checkTableTennis([[11, 9]], 1 as 3))).toEqual({ code: "score_malformed" });
  });

  // Any finished game is 11–x (x ≤ 9) or deuce-and-two; a real match stops at the majority.
  const gameArb = fc.oneof(
    fc.integer({ min: 0, max: 9 }).map((x) => [11, x] as [number, number]),
    fc.integer({ min: 10, max: 30 }).map((x) => [x + 2, x] as [number, number]),
  );
  it("accepts every real match, with the winner having the majority", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<3 | 5>(3, 5),
        fc.array(fc.tuple(fc.boolean(), gameArb), { minLength: 5, maxLength: 5 }),
        (bestOf, draws) => {
          const need = (bestOf + 1) / 2;
          const games: Array<[number, number]> = [];
          const won = [0, 0];
          for (const [aWins, [w, l]] of draws) {
            if (won[0] === need || won[1] === need) break;
            games.push(aWins ? [w, l] : [l, w]);
            won[aWins ? 0 : 1]++;
          }
          const c = checkTableTennis(games, bestOf);
          expect(c.ok).toBe(true);
          if (c.ok) expect(c.winner).toBe(won[0] === need ? "A" : "B");
          // One more game on the end is never a valid score.
          expect(outcome(checkTableTennis([...games, [11, 0]], bestOf))).toEqual({ code: "score_impossible" });
        },
      ),
    );
  });
});

describe("Guandan", () => {
  it.each([
    ["A+", "K", { winner: "A" }],
    ["7", "passed", { winner: "B" }],
    ["a+", "2", { winner: "A" }],
    ["Q", "过A", { winner: "B" }],
    ["A+", "A", { winner: "A" }],
    ["10", "A+", { winner: "B" }],
    ["A+", "A+", { code: "score_impossible" }],
    ["A", "K", { code: "score_incomplete" }],
    ["A+", "1", { code: "score_malformed" }],
    ["A+", "B", { code: "score_malformed" }],
    ["15", "2", { code: "score_malformed" }],
  ])("%s vs %s", (a, b, expected) => {
    expect(outcome(checkGuandan(a, b))).toEqual(expected);
  });

  it("gives the levels as numbers (J 11 … A 14, passed A 15)", () => {
    expect(checkGuandan("A+", "J")).toEqual({ ok: true, winner: "A", detail: { kind: "guandan", levels: [15, 11] } });
    expect(checkGuandan("2", "A+")).toEqual({ ok: true, winner: "B", detail: { kind: "guandan", levels: [2, 15] } });
  });
});

describe("tug-of-war and relay", () => {
  it.each([
    [2, 0, { winner: "A" }],
    [1, 2, { winner: "B" }],
    [0, 2, { winner: "B" }],
    [1, 1, { code: "score_incomplete" }],
    [1, 0, { code: "score_incomplete" }],
    [0, 0, { code: "score_incomplete" }],
    [2, 2, { code: "score_impossible" }],
    [3, 0, { code: "score_impossible" }],
    [3, 1, { code: "score_impossible" }],
    [-1, 2, { code: "score_malformed" }],
  ])("pulls %d–%d", (a, b, expected) => {
    expect(outcome(checkTugOfWar(a, b))).toEqual(expected);
  });

  it("relay is won or lost", () => {
    expect(checkRelay("B")).toEqual({ ok: true, winner: "B", detail: { kind: "relay" } });
    expect(outcome(checkRelay("draw" as Side))).toEqual({ code: "score_malformed" });
  });
});

describe("walkover and withdrawal", () => {
  it("the side present (or still in) wins", () => {
    expect(walkover("A")).toEqual({ ok: true, winner: "B", detail: { kind: "walkover", absent: "A" } });
    expect(withdrawal("B")).toEqual({ ok: true, winner: "A", detail: { kind: "withdrawal", withdrawn: "B" } });
    expect(outcome(walkover("C" as Side))).toEqual({ code: "score_malformed" });
  });
});

describe("checkScore", () => {
  it("dispatches on the kind of score", () => {
    expect(outcome(checkScore({ kind: "chess", result: "1-0" }))).toEqual({ winner: "A" });
    expect(outcome(checkScore({ kind: "go", result: "0-1" }))).toEqual({ winner: "B" });
    expect(outcome(checkScore({ kind: "table_tennis", bestOf: 3, games: [[11, 10]] }))).toEqual({
      code: "score_impossible",
    });
    expect(outcome(checkScore({ kind: "guandan", a: "K", b: "A+" }))).toEqual({ winner: "B" });
    expect(outcome(checkScore({ kind: "tug_of_war", pulls: [2, 1] }))).toEqual({ winner: "A" });
    expect(outcome(checkScore({ kind: "relay", winner: "A" }))).toEqual({ winner: "A" });
    expect(outcome(checkScore({ kind: "walkover", absent: "B" }))).toEqual({ winner: "A" });
    expect(outcome(checkScore({ kind: "withdrawal", withdrawn: "A" }))).toEqual({ winner: "B" });
    expect(outcome(checkScore({ kind: "darts" } as never))).toEqual({ code: "score_malformed" });
    expect(outcome(checkScore(null as never))).toEqual({ code: "score_malformed" });
  });
});
