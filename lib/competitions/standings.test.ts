import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkGuandan, checkTableTennis, checkTugOfWar, walkover, type ScoreCheck } from "./scores";
import {
  computeStandings,
  resultFromScore,
  tieBreakOrder,
  type MatchResult,
  type Standings,
  type StandingsFormat,
} from "./standings";

const win = (a: string, b: string, extra: Partial<MatchResult> = {}): MatchResult => ({ a, b, outcome: 1, ...extra });
const draw = (a: string, b: string): MatchResult => ({ a, b, outcome: 0.5 });
const bye = (a: string, outcome: 1 | 0.5 | 0 = 1): MatchResult => ({ a, b: null, outcome });

const valid = (c: ScoreCheck) => {
  if (!c.ok) throw new Error(`expected a valid score, got ${c.code}`);
  return c;
};
const table = (s: Standings) => s.rows.map((r) => [r.rank, r.entrant, r.points]);
const tb = (s: Standings, entrant: string) =>
  Object.fromEntries(s.rows.find((r) => r.entrant === entrant)!.tieBreaks.map((t) => [t.key, t.value]));
const row = (s: Standings, entrant: string) => s.rows.find((r) => r.entrant === entrant)!;

const CHESS_RR: StandingsFormat = { system: "round_robin", game: "chess" };
const SWISS: StandingsFormat = { system: "swiss", game: "chess" };
const TT_RR: StandingsFormat = { system: "round_robin", game: "table_tennis" };

describe("tie-break order", () => {
  it("is stated per format", () => {
    expect(tieBreakOrder(CHESS_RR)).toEqual(["head_to_head", "sonneborn_berger"]);
    expect(tieBreakOrder({ system: "round_robin", game: "go" })).toEqual(["head_to_head", "sonneborn_berger"]);
    expect(tieBreakOrder(TT_RR)).toEqual(["head_to_head", "game_difference", "point_difference"]);
    expect(tieBreakOrder({ system: "round_robin", game: "guandan" })).toEqual(["head_to_head", "score_difference"]);
    expect(tieBreakOrder({ system: "round_robin", game: "team" })).toEqual(["head_to_head", "score_difference"]);
    expect(tieBreakOrder(SWISS)).toEqual(["buchholz", "buchholz_cut1", "sonneborn_berger"]);
  });
});

describe("round robin, chess", () => {
  it("head-to-head decides a two-way tie", () => {
    // A and D both on 1½; D beat A.
    const s = computeStandings(
      CHESS_RR,
      ["A", "B", "C", "D"],
      [win("A", "B"), draw("A", "C"), win("D", "A"), win("B", "C"), win("B", "D"), draw("C", "D")],
    );
    expect(table(s)).toEqual([
      [1, "B", 2],
      [2, "D", 1.5],
      [3, "A", 1.5],
      [4, "C", 1],
    ]);
    expect(row(s, "D").decidedBy).toBe("head_to_head");
    expect(row(s, "B").decidedBy).toBe("points");
    expect(tb(s, "D").head_to_head).toBe(1);
    expect(tb(s, "A").head_to_head).toBe(0);
    expect(tb(s, "B").head_to_head).toBeNull();
  });

  /**
   * A beat B, B beat C, C beat A (each 1 from the circle), and each took 2 from D, E, F:
   *   A beat D and E, lost to F; B beat D and F, lost to E; C beat E and F, lost to D.
   *   D drew E; D and E both beat F. Points: A, B, C 3; D, E 2½; F 1.
   * Sonneborn–Berger (opponents beaten's points + half of those drawn with):
   *   A = B 3 + D 2½ + E 2½ = 8;  B = C 3 + D 2½ + F 1 = 6½;  C = A 3 + E 2½ + F 1 = 6½;
   *   D = C 3 + F 1 + ½·E 2½ = 5¼;  E = B 3 + F 1 + ½·D 2½ = 5¼;  F = A 3.
   */
  const circle: MatchResult[] = [
    win("A", "B"),
    win("B", "C"),
    win("C", "A"),
    win("A", "D"),
    win("A", "E"),
    win("F", "A"),
    win("B", "D"),
    win("B", "F"),
    win("E", "B"),
    win("C", "E"),
    win("C", "F"),
    win("D", "C"),
    draw("D", "E"),
    win("D", "F"),
    win("E", "F"),
  ];
  const six = ["A", "B", "C", "D", "E", "F"];

  it("a three-way circular tie goes to Sonneborn–Berger, then the two still level to their own game", () => {
    const s = computeStandings(CHESS_RR, six, circle);
    expect(table(s)).toEqual([
      [1, "A", 3],
      [2, "B", 3],
      [3, "C", 3],
      [4, "D", 2.5],
      [4, "E", 2.5],
      [6, "F", 1],
    ]);
    expect(s.rows.map((r) => r.tieBreaks.find((t) => t.key === "sonneborn_berger")!.value)).toEqual([
      8, 6.5, 6.5, 5.25, 5.25, 3,
    ]);
    expect(row(s, "A").decidedBy).toBe("sonneborn_berger");
    // B and C, level on Sonneborn–Berger too, are separated by B's win over C.
    expect(row(s, "B").decidedBy).toBe("head_to_head");
    expect(tb(s, "B").head_to_head).toBe(1);
    expect(tb(s, "C").head_to_head).toBe(0);
    // D and E drew and are level on everything: a shared 4th, and F is 6th.
    expect(row(s, "D")).toMatchObject({ shared: true, decidedBy: null });
    expect(row(s, "F")).toMatchObject({ shared: false, decidedBy: "points" });
  });

  it("lists entrants sharing a place in the order given (the seeding)", () => {
    const s = computeStandings(CHESS_RR, ["F", "E", "D", "C", "B", "A"], circle);
    expect(s.rows.map((r) => r.entrant)).toEqual(["A", "B", "C", "E", "D", "F"]);
  });

  it("shares places when fully tied (1, 1, 3)", () => {
    const s = computeStandings(CHESS_RR, ["X", "Y", "Z"], [draw("X", "Y"), win("X", "Z"), win("Y", "Z")]);
    expect(table(s)).toEqual([
      [1, "X", 1.5],
      [1, "Y", 1.5],
      [3, "Z", 0],
    ]);
    expect(s.rows.map((r) => r.shared)).toEqual([true, true, false]);
  });

  it("counts played, won, drawn and lost", () => {
    const s = computeStandings(CHESS_RR, six, circle);
    expect(row(s, "D")).toMatchObject({ played: 5, won: 2, drawn: 1, lost: 2, byes: 0, points: 2.5 });
  });

  it("with nothing played everyone shares first", () => {
    const s = computeStandings(CHESS_RR, ["A", "B", "C"], []);
    expect(s.rows.map((r) => [r.rank, r.entrant])).toEqual([
      [1, "A"],
      [1, "B"],
      [1, "C"],
    ]);
  });
});

describe("Swiss", () => {
  /**
   * Five players, three rounds, a bye (a full point) each round:
   *   R1 P1–P2 1–0, P3–P4 ½–½, P5 bye;  R2 P1–P5 1–0, P2–P3 ½–½, P4 bye;  R3 P1–P4 ½–½, P3–P5 1–0, P2 bye.
   * Points: P1 2½, P2 1½, P3 2, P4 2, P5 1.
   * Buchholz (a bye counts as an opponent with one's own points):
   *   P1 = 1½ + 1 + 2 = 4½;  P2 = 2½ + 2 + 1½ = 6;  P3 = 2 + 1½ + 1 = 4½;  P4 = 2 + 2 + 2½ = 6½;  P5 = 1 + 2½ + 2 = 5½.
   * Cut-1 drops the lowest: P1 3½, P2 4½, P3 3½, P4 4½, P5 4½.
   * Sonneborn–Berger: P1 = 1½ + 1 + ½·2 = 3½;  P2 = ½·2 = 1;  P3 = ½·2 + ½·1½ + 1 = 2¾;  P4 = ½·2 + ½·2½ = 2¼;  P5 = 0.
   */
  const swiss: MatchResult[] = [
    win("P1", "P2"),
    draw("P3", "P4"),
    bye("P5"),
    win("P1", "P5"),
    draw("P2", "P3"),
    bye("P4"),
    draw("P1", "P4"),
    win("P3", "P5"),
    bye("P2"),
  ];
  const players = ["P1", "P2", "P3", "P4", "P5"];

  it("computes Buchholz, cut-1 and Sonneborn–Berger as checked by hand", () => {
    const s = computeStandings(SWISS, players, swiss);
    const values = Object.fromEntries(players.map((p) => [p, tb(s, p)]));
    expect(values).toEqual({
      P1: { buchholz: 4.5, buchholz_cut1: 3.5, sonneborn_berger: 3.5 },
      P2: { buchholz: 6, buchholz_cut1: 4.5, sonneborn_berger: 1 },
      P3: { buchholz: 4.5, buchholz_cut1: 3.5, sonneborn_berger: 2.75 },
      P4: { buchholz: 6.5, buchholz_cut1: 4.5, sonneborn_berger: 2.25 },
      P5: { buchholz: 5.5, buchholz_cut1: 4.5, sonneborn_berger: 0 },
    });
    expect(row(s, "P4")).toMatchObject({ byes: 1, played: 2, points: 2 });
  });

  it("ranks by points, then Buchholz", () => {
    const s = computeStandings(SWISS, players, swiss);
    expect(table(s)).toEqual([
      [1, "P1", 2.5],
      [2, "P4", 2],
      [3, "P3", 2],
      [4, "P2", 1.5],
      [5, "P5", 1],
    ]);
    expect(row(s, "P4").decidedBy).toBe("buchholz");
  });

  it("counts a walkover, won or lost, as a game against a stand-in with the entrant's own points", () => {
    // W1 beats W3 over the board; W2's opponent W4 does not show. Both then lose to W5 (3 points).
    const results: MatchResult[] = [
      win("W1", "W3"),
      win("W2", "W4", { walkover: true }),
      win("W5", "W1"),
      win("W5", "W2"),
      win("W5", "W3"),
      win("W3", "W4"),
    ];
    const s = computeStandings(SWISS, ["W1", "W2", "W3", "W4", "W5"], results);
    // W1: W3 (1) + W5 (3) = 4. W2: itself (1) for the walkover + W5 (3) = 4, not W4's 0 + 3.
    expect(tb(s, "W1")).toMatchObject({ buchholz: 4 });
    expect(tb(s, "W2")).toMatchObject({ buchholz: 4, buchholz_cut1: 3 });
    // The absent W4 is counted against their own 0 for that round: W3 (1) + itself (0).
    expect(tb(s, "W4")).toMatchObject({ buchholz: 1 });
  });

  it("goes to cut-1 when Buchholz is level, and a half-point bye gives half", () => {
    // Q1 and Q2 both on 1 point with Buchholz 2: Q1 beat Q3 (0 points) and lost to Q4 (2);
    // Q2 drew with Q5 and Q6 (1 point each, having drawn each other too).
    const results: MatchResult[] = [
      win("Q1", "Q3"),
      win("Q4", "Q1"),
      draw("Q2", "Q5"),
      draw("Q2", "Q6"),
      win("Q4", "Q3"),
      draw("Q5", "Q6"),
    ];
    const s = computeStandings(SWISS, ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"], results);
    // Points: Q1 1, Q2 1, Q3 0, Q4 2, Q5 1, Q6 1.
    expect(tb(s, "Q1")).toMatchObject({ buchholz: 2, buchholz_cut1: 2 });
    expect(tb(s, "Q2")).toMatchObject({ buchholz: 2, buchholz_cut1: 1 });
    expect(s.rows.findIndex((r) => r.entrant === "Q1")).toBeLessThan(s.rows.findIndex((r) => r.entrant === "Q2"));
    expect(row(s, "Q1").decidedBy).toBe("buchholz_cut1");
    const half = computeStandings(SWISS, ["Q1", "Q2"], [bye("Q1", 0.5), bye("Q2", 0)]);
    expect(half.rows.map((r) => [r.entrant, r.points])).toEqual([
      ["Q1", 0.5],
      ["Q2", 0],
    ]);
  });
});

describe("round robin, table tennis", () => {
  const g = (a: number, b: number): [number, number] => [a, b];
  // A beat B 3–0, B beat C 3–2, C beat A 3–1: everyone 1 win, 1 loss (3 points).
  const results: MatchResult[] = [
    win("A", "B", { games: [g(11, 5), g(11, 5), g(11, 5)] }),
    win("B", "C", { games: [g(11, 9), g(9, 11), g(11, 9), g(9, 11), g(11, 9)] }),
    win("C", "A", { games: [g(11, 9), g(9, 11), g(11, 9), g(11, 9)] }),
  ];

  it("circular head-to-head, then game difference; the two still level go back to their own match", () => {
    const s = computeStandings(TT_RR, ["A", "B", "C"], results);
    // Games: A 4–3 (+1), B 3–5 (−2), C 5–4 (+1). Points: A 71–53 (+18 − 4 = +14), B −16, C +2.
    expect(table(s)).toEqual([
      [1, "C", 3],
      [2, "A", 3],
      [3, "B", 3],
    ]);
    // Head-to-head in match points: C 2 for beating A, A 1 for losing to C.
    expect(tb(s, "A")).toEqual({ head_to_head: 1, game_difference: 1, point_difference: 14 });
    expect(tb(s, "B")).toMatchObject({ game_difference: -2, point_difference: -16 });
    expect(tb(s, "C")).toMatchObject({ head_to_head: 2, game_difference: 1, point_difference: 2 });
    expect(row(s, "B").decidedBy).toBe("game_difference");
    expect(row(s, "C").decidedBy).toBe("head_to_head");
    expect(row(s, "A")).toMatchObject({ gamesWon: 4, gamesLost: 3 });
  });

  it("2 for a win, 1 for a loss, 0 for a walkover loss; the walkover gives no games", () => {
    const s = computeStandings(TT_RR, ["A", "B", "C"], [results[0], win("C", "B", { walkover: true })]);
    expect(row(s, "A").points).toBe(2);
    expect(row(s, "B")).toMatchObject({ points: 1, gamesWon: 0, gamesLost: 3 });
    expect(row(s, "C")).toMatchObject({ points: 2, gamesWon: 0, gamesLost: 0 });
  });

  it("takes other points when the organiser sets them", () => {
    const s = computeStandings({ ...TT_RR, points: { win: 3, loss: 0, draw: undefined } }, ["A", "B"], [results[0]]);
    expect(s.points).toEqual({ win: 3, draw: 1, loss: 0, forfeitLoss: 0 });
    expect(s.rows.map((r) => r.points)).toEqual([3, 0]);
  });

  it("refuses draws and unknown entrants", () => {
    expect(() => computeStandings(TT_RR, ["A", "B"], [draw("A", "B")])).toThrow(RangeError);
    expect(() => computeStandings(TT_RR, ["A", "B"], [win("A", "Z")])).toThrow(RangeError);
    expect(() => computeStandings(TT_RR, ["A", "B"], [win("A", "A")])).toThrow(RangeError);
    expect(() => computeStandings(TT_RR, ["A", "A"], [])).toThrow(RangeError);
  });
});

describe("round robin, Guandan and team games", () => {
  it("head-to-head, then level difference", () => {
    const gd = (a: string, b: string, la: string, lb: string) => resultFromScore(a, b, valid(checkGuandan(la, lb)));
    // W, X and Y each beat Z and one another in a circle: all on 4 points.
    const results = [
      gd("W", "X", "A+", "A"), // W +1
      gd("X", "Y", "A+", "2"), // X +13
      gd("Y", "W", "A+", "K"), // Y +2
      gd("W", "Z", "A+", "5"), // W +10
      gd("X", "Z", "A+", "10"), // X +5
      gd("Y", "Z", "A+", "9"), // Y +6
    ];
    const s = computeStandings({ system: "round_robin", game: "guandan" }, ["W", "X", "Y", "Z"], results);
    // W: +1 +10 −2 = 9; X: −1 +13 +5 = 17; Y: −13 +2 +6 = −5.
    expect(s.rows.map((r) => [r.entrant, r.points, r.tieBreaks[1].value])).toEqual([
      ["X", 4, 17],
      ["W", 4, 9],
      ["Y", 4, -5],
      ["Z", 0, -21],
    ]);
    expect(row(s, "X").decidedBy).toBe("score_difference");
  });

  it("tug-of-war pulls count as the score; a walkover gives none", () => {
    const tug = (a: string, b: string, pa: number, pb: number) => resultFromScore(a, b, valid(checkTugOfWar(pa, pb)));
    // Red beat Blue 2–1, Blue beat Green 2–0, Red did not turn up against Green: all on 2 points,
    // head-to-head circular. Pulls: Red +1 (none from the walkover), Blue −1 +2 = +1, Green −2.
    const s = computeStandings(
      { system: "round_robin", game: "team" },
      ["Blue", "Green", "Red"],
      [tug("Red", "Blue", 2, 1), tug("Blue", "Green", 2, 0), resultFromScore("Green", "Red", valid(walkover("B")))],
    );
    expect(s.rows.map((r) => [r.entrant, r.points, r.tieBreaks[1].value])).toEqual([
      ["Red", 2, 1],
      ["Blue", 2, 1],
      ["Green", 2, -2],
    ]);
    expect(row(s, "Green").decidedBy).toBe("score_difference");
    // Red and Blue, level on pulls, go back to their own match: Red won it.
    expect(row(s, "Red").decidedBy).toBe("head_to_head");
    expect(s.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
  });
});

describe("resultFromScore", () => {
  it("carries games, levels and walkovers into a result", () => {
    const tt = valid(
      checkTableTennis(
        [
          [11, 9],
          [5, 11],
          [9, 11],
        ],
        3,
      ),
    );
    expect(resultFromScore("a", "b", tt)).toEqual({
      a: "a",
      b: "b",
      outcome: 0,
      games: [
        [11, 9],
        [5, 11],
        [9, 11],
      ],
    });
    expect(resultFromScore("a", "b", valid(walkover("A")))).toEqual({ a: "a", b: "b", outcome: 0, walkover: true });
  });
});

// -------------------------------------------------------------------------------------------
// Properties over random events.

const flipResult = (r: MatchResult): MatchResult =>
  r.b === null
    ? r
    : {
        ...r,
        a: r.b,
        b: r.a,
        outcome: (1 - r.outcome) as MatchResult["outcome"],
        games: r.games?.map(([x, y]) => [y, x] as const),
        score: r.score && [r.score[1], r.score[0]],
      };

/** A random event: who played whom (some pairs maybe not yet, some twice), random results. */
const eventArb = (game: StandingsFormat["game"], withByes: boolean) =>
  fc.integer({ min: 2, max: 8 }).chain((n) => {
    const entrants = Array.from({ length: n }, (_, i) => `e${i}`);
    const pairs = entrants.flatMap((a, i) => entrants.slice(i + 1).map((b) => [a, b] as const));
    const outcomeArb =
      game === "chess" || game === "go" || game === "team"
        ? fc.constantFrom<1 | 0.5 | 0>(1, 0.5, 0)
        : fc.constantFrom<1 | 0>(1, 0);
    const gameScore = fc.integer({ min: 0, max: 9 });
    const resultArb = (a: string, b: string) =>
      fc
        .record({
          outcome: outcomeArb,
          walkover: fc.boolean(),
          margin: fc.array(gameScore, { minLength: 2, maxLength: 5 }),
        })
        .map(({ outcome, walkover, margin }): MatchResult => {
          // Table tennis games and a score, consistent with the outcome.
          const games = margin.map((x, i) =>
            (i % 2 === 0) === (outcome === 1) ? ([11, x] as const) : ([x, 11] as const),
          );
          return {
            a,
            b,
            outcome,
            walkover: walkover && outcome !== 0.5,
            games,
            score: outcome === 1 ? [15, 2 + margin[0]] : [2 + margin[0], 15],
          };
        });
    const played = fc
      .array(fc.constantFrom(...pairs), { maxLength: pairs.length * 2 })
      .chain((ps) => fc.tuple(...ps.map(([a, b]) => resultArb(a, b))));
    const byes = withByes
      ? fc.array(
          fc.tuple(fc.constantFrom(...entrants), fc.constantFrom<1 | 0.5 | 0>(1, 0.5, 0)).map(([e, o]) => bye(e, o)),
          { maxLength: 4 },
        )
      : fc.constant([]);
    return fc
      .tuple(fc.constant(entrants), played, byes)
      .map(([es, ps, bs]) => ({ entrants: es, results: [...ps, ...bs] as MatchResult[] }));
  });

const formats: Array<[StandingsFormat, boolean]> = [
  [CHESS_RR, false],
  [SWISS, true],
  [TT_RR, false],
  [{ system: "round_robin", game: "guandan" }, false],
  [{ system: "round_robin", game: "team" }, false],
];

describe("properties", () => {
  for (const [format, withByes] of formats) {
    const name = `${format.system} ${format.game}`;

    it(`${name}: the same standings whatever order (and way round) the results are entered`, () => {
      fc.assert(
        fc.property(
          eventArb(format.game, withByes).chain((ev) =>
            fc.tuple(
              fc.constant(ev),
              fc.shuffledSubarray(ev.results, { minLength: ev.results.length }),
              fc.array(fc.boolean(), { minLength: ev.results.length, maxLength: ev.results.length }),
            ),
          ),
          ([ev, shuffled, flips]) => {
            const again = shuffled.map((r, i) => (flips[i] ? flipResult(r) : r));
            expect(computeStandings(format, ev.entrants, again)).toEqual(
              computeStandings(format, ev.entrants, ev.results),
            );
          },
        ),
      );
    });

    it(`${name}: ranks are competition ranking over points, and shared places are level on everything`, () => {
      fc.assert(
        fc.property(eventArb(format.game, withByes), ({ entrants, results }) => {
          const s = computeStandings(format, entrants, results);
          expect(s.rows.map((r) => r.entrant).sort()).toEqual([...entrants].sort());
          s.rows.forEach((r, i) => {
            expect(r.rank).toBe(1 + s.rows.filter((o) => o.rank < r.rank).length);
            if (i > 0) {
              const prev = s.rows[i - 1];
              expect(prev.points).toBeGreaterThanOrEqual(r.points);
              expect(prev.rank).toBeLessThanOrEqual(r.rank);
              if (prev.rank === r.rank) {
                expect(prev.points).toBe(r.points);
                for (let k = 0; k < r.tieBreaks.length; k++) {
                  if (r.tieBreaks[k].key !== "head_to_head") expect(prev.tieBreaks[k].value).toBe(r.tieBreaks[k].value);
                }
                // Shared places are listed in the order entrants were given.
                expect(entrants.indexOf(prev.entrant)).toBeLessThan(entrants.indexOf(r.entrant));
              }
            }
            expect(r.shared).toBe(s.rows.filter((o) => o.rank === r.rank).length > 1);
          });
          // Total points: every match gives out its points once per side.
          const total = s.rows.reduce((n, r) => n + r.points, 0);
          const expected = results.reduce((n, r) => {
            if (r.b === null) return n + r.outcome * s.points.win;
            if (r.outcome === 0.5) return n + 2 * s.points.draw;
            return n + s.points.win + (r.walkover ? s.points.forfeitLoss : s.points.loss);
          }, 0);
          expect(total).toBeCloseTo(expected, 9);
        }),
      );
    });
  }

  it("round robin: of two entrants level on points, the one who won their only game is ahead", () => {
    fc.assert(
      fc.property(eventArb("chess", false), ({ entrants, results }) => {
        const s = computeStandings(CHESS_RR, entrants, results);
        for (let i = 0; i + 1 < s.rows.length; i++) {
          const [x, y] = [s.rows[i], s.rows[i + 1]];
          const levelGroup = s.rows.filter((r) => r.points === x.points);
          if (levelGroup.length !== 2 || y.points !== x.points) continue;
          const between = results.filter(
            (r) => (r.a === x.entrant && r.b === y.entrant) || (r.a === y.entrant && r.b === x.entrant),
          );
          if (between.length !== 1) continue;
          const r = between[0];
          const yWon = (r.a === y.entrant && r.outcome === 1) || (r.b === y.entrant && r.outcome === 0);
          expect(yWon).toBe(false);
        }
      }),
    );
  });
});
