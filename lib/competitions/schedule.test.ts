import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { overlaps } from "@/lib/festivals/conflicts";
import {
  planRound,
  roundMinutes,
  roundOverlap,
  scheduleConflicts,
  suggestStarts,
  turnsFor,
  type CompetitionSchedule,
  type TimedMatch,
} from "./schedule";

const T0 = Date.UTC(2027, 0, 16, 6, 0); // 14:00 in Shanghai
const at = (min: number) => new Date(T0 + min * 60_000);
const iso = (min: number) => at(min).toISOString();

describe("a round's tables and times", () => {
  it("gives each match a table in order; more matches than tables play in turns", () => {
    const s: CompetitionSchedule = { tables: 2, matchMinutes: 20, roundStarts: [iso(0), iso(60)] };
    const slots = planRound(5, 1, s);
    expect(slots.map((x) => x.table)).toEqual(["1", "2", "1", "2", "1"]);
    expect(slots.map((x) => (x.startsAt!.getTime() - T0) / 60_000)).toEqual([0, 0, 20, 20, 40]);
    expect(planRound(2, 2, s).map((x) => x.startsAt!.toISOString())).toEqual([iso(60), iso(60)]);
  });

  it("without a schedule numbers the tables from 1 and gives no time", () => {
    expect(planRound(3, 1, null)).toEqual([
      { table: "1", startsAt: null },
      { table: "2", startsAt: null },
      { table: "3", startsAt: null },
    ]);
    // A round with no time set yet (a draw made again with more rounds) has tables but no time.
    expect(planRound(1, 3, { tables: 4, matchMinutes: 30, roundStarts: [iso(0)] })).toEqual([
      { table: "1", startsAt: null },
    ]);
  });

  it("never puts two matches at one table at once, and a round lasts its turns", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 5, max: 90 }),
        (n, tables, minutes) => {
          const s: CompetitionSchedule = { tables, matchMinutes: minutes, roundStarts: [iso(0)] };
          const slots = planRound(n, 1, s).map((x) => ({
            table: x.table,
            startsAt: x.startsAt!,
            endsAt: new Date(x.startsAt!.getTime() + minutes * 60_000),
          }));
          for (let i = 0; i < slots.length; i++) {
            for (let j = i + 1; j < slots.length; j++)
              if (slots[i].table === slots[j].table) expect(overlaps(slots[i], slots[j])).toBe(false);
          }
          expect(new Set(slots.map((x) => x.table)).size).toBe(Math.min(n, tables));
          const last = Math.max(T0, ...slots.map((x) => x.endsAt.getTime()));
          expect((last - T0) / 60_000).toBe(roundMinutes(n, s));
          expect(turnsFor(n, tables)).toBe(n === 0 ? 0 : Math.ceil(n / tables));
        },
      ),
    );
  });
});

describe("rounds one after another", () => {
  const s = (starts: number[]): CompetitionSchedule => ({ tables: 3, matchMinutes: 30, roundStarts: starts.map(iso) });

  it("finds the first round that starts before the one before it ends", () => {
    // 5 matches on 3 tables: two turns, an hour.
    expect(roundOverlap(s([0, 60, 120]), [5, 5, 5])).toBeNull();
    expect(roundOverlap(s([0, 59, 120]), [5, 5, 5])).toEqual({ round: 2, previousEnds: at(60) });
    expect(roundOverlap(s([0, 60, 90]), [5, 5, 5])).toEqual({ round: 3, previousEnds: at(120) });
    // Three matches fit in one turn.
    expect(roundOverlap(s([0, 30]), [3, 3])).toBeNull();
  });

  it("suggests starts that never overlap", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 5, max: 60 }),
        fc.integer({ min: 0, max: 30 }),
        (counts, tables, minutes, gap) => {
          const starts = suggestStarts(at(0), counts, { tables, matchMinutes: minutes }, gap);
          expect(starts).toHaveLength(counts.length);
          expect(
            roundOverlap({ tables, matchMinutes: minutes, roundStarts: starts.map((d) => d.toISOString()) }, counts),
          ).toBeNull();
        },
      ),
    );
  });
});

describe("who would be in two places at once", () => {
  const item = { id: "item", startsAt: at(0), endsAt: at(150) };
  const match = (id: string, round: number, start: number, people: string[], itemId = "item"): TimedMatch => ({
    id,
    itemId,
    round,
    startsAt: at(start),
    endsAt: at(start + 30),
    people,
  });

  it("a player also in another item or another competition's match at that time", () => {
    const mine = [match("m1", 1, 0, ["王秀英", "李建国"]), match("m2", 2, 30, ["王秀英", "张伟"])];
    const others = [
      // The performance runs 14:20–15:00: 王秀英's first game ends at 14:30.
      { id: "show", startsAt: at(20), endsAt: at(60), people: ["王秀英"], parentId: null },
      // Another competition's match at 14:45: 张伟 plays there and here.
      match("tt1", 1, 45, ["张伟"], "pingpong"),
      // Someone else entirely; and the competition's own item, which is no clash.
      { id: "fair", startsAt: at(0), endsAt: at(180), people: ["赵春华"], parentId: null },
      { id: "item", startsAt: at(0), endsAt: at(150), people: ["王秀英"], parentId: null },
    ];
    expect(scheduleConflicts(mine, item, others)).toEqual([
      { kind: "person_overlap", matchId: "m1", otherId: "show", person: "王秀英" },
      { kind: "person_overlap", matchId: "m2", otherId: "tt1", person: "张伟" },
      { kind: "person_overlap", matchId: "m2", otherId: "show", person: "王秀英" },
    ]);
  });

  it("the competition's own matches never clash with each other, nor do matches of another competition among themselves", () => {
    const mine = [match("m1", 1, 0, ["甲", "乙"]), match("m2", 1, 0, ["丙", "丁"])];
    const others = [match("x1", 1, 0, ["戊"], "other"), match("x2", 1, 0, ["戊"], "other")];
    expect(scheduleConflicts(mine, item, others)).toEqual([]);
  });

  it("a match outside the item's time", () => {
    const mine = [match("m1", 1, 0, ["甲"]), match("m2", 2, 130, ["甲"])];
    expect(scheduleConflicts(mine, item, [])).toEqual([{ kind: "outside_item", matchId: "m2" }]);
  });
});
