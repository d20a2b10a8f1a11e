import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findConflicts, overlaps, sortConflicts, type Conflict, type ScheduleItem } from "./conflicts";

const T0 = Date.UTC(2027, 0, 16, 0, 0);
const at = (min: number) => new Date(T0 + min * 60_000);
const item = (
  id: string,
  venueId: string | null,
  start: number,
  end: number,
  people: string[] = [],
  parentId: string | null = null,
): ScheduleItem => ({
  id,
  venueId,
  startsAt: at(start),
  endsAt: at(end),
  people,
  parentId,
});

/** The obvious check: every pair of items, compared directly. */
function bruteForce(items: ScheduleItem[], festival?: { startsAt: Date; endsAt: Date }): Conflict[] {
  const out: Conflict[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const [a, b] = [items[i], items[j]];
      if (!overlaps(a, b)) continue;
      const ids = (a.id < b.id ? [a.id, b.id] : [b.id, a.id]) as [string, string];
      if (a.venueId && a.venueId === b.venueId && !a.parentId && !b.parentId)
        out.push({ kind: "venue_overlap", itemIds: ids, venueId: a.venueId });
      const related = a.parentId === b.id || b.parentId === a.id || (!!a.parentId && a.parentId === b.parentId);
      if (!related) {
        const pa = new Set(a.people.map((p) => p.trim().toLowerCase()).filter(Boolean));
        for (const p of new Set(b.people.map((x) => x.trim().toLowerCase()).filter(Boolean))) {
          if (pa.has(p)) out.push({ kind: "person_overlap", itemIds: ids, person: p });
        }
      }
    }
  }
  if (festival)
    for (const i of items)
      if (i.startsAt < festival.startsAt || i.endsAt > festival.endsAt)
        out.push({ kind: "outside_festival", itemId: i.id });
  for (const block of items) {
    const acts = items.filter((i) => i.parentId === block.id);
    if (!acts.length) continue;
    const mins = (x: ScheduleItem) => Math.round((x.endsAt.getTime() - x.startsAt.getTime()) / 60_000);
    const total = acts.reduce((n, a) => n + mins(a), 0);
    if (total > mins(block))
      out.push({ kind: "longer_than_block", itemId: block.id, actsMinutes: total, blockMinutes: mins(block) });
  }
  return sortConflicts(out);
}

const scheduleArb = fc
  .array(
    fc.record({
      venue: fc.constantFrom("v1", "v2", "v3", null),
      start: fc.integer({ min: -120, max: 2000 }).map((m) => m - (m % 5)),
      length: fc.integer({ min: 1, max: 48 }).map((n) => n * 5),
      people: fc.array(fc.constantFrom("王秀英", " 王秀英", "Choir", "choir ", "刘洋", "Li Wei"), { maxLength: 3 }),
      parent: fc.nat({ max: 30 }),
      isAct: fc.boolean(),
    }),
    { maxLength: 30 },
  )
  .map((rows) =>
    rows.map((r, i): ScheduleItem => {
      // An act points to an earlier top-level item, as a block's running order does.
      const parentIndex = r.isAct && i > 0 ? r.parent % i : -1;
      return item(
        `i${String(i).padStart(2, "0")}`,
        r.venue,
        r.start,
        r.start + r.length,
        r.people,
        parentIndex >= 0 ? `i${String(parentIndex).padStart(2, "0")}` : null,
      );
    }),
  );

describe("conflict finder", () => {
  it("agrees with a brute-force pairwise check on random schedules", () => {
    const festival = { startsAt: at(0), endsAt: at(1440 * 2 - 60) };
    fc.assert(
      fc.property(scheduleArb, fc.boolean(), (items, withFestival) => {
        const f = withFestival ? festival : undefined;
        expect(findConflicts(items, f)).toEqual(bruteForce(items, f));
      }),
      { numRuns: 400 },
    );
  });

  it("finds a double-booked venue, and touching items do not clash", () => {
    const items = [
      item("a", "hall", 60, 120),
      item("b", "hall", 90, 150),
      item("c", "hall", 150, 180),
      item("d", "square", 60, 120),
    ];
    expect(findConflicts(items)).toEqual([{ kind: "venue_overlap", itemIds: ["a", "b"], venueId: "hall" }]);
  });

  it("finds one person in two places, but not a block and its own acts", () => {
    const items = [
      item("block", "hall", 600, 720, ["红歌合唱团"]),
      item("act1", "hall", 600, 620, ["红歌合唱团"], "block"),
      item("chess", "room", 610, 700, [" 红歌合唱团 "]),
    ];
    expect(findConflicts(items)).toEqual([
      { kind: "person_overlap", itemIds: ["act1", "chess"], person: "红歌合唱团" },
      { kind: "person_overlap", itemIds: ["block", "chess"], person: "红歌合唱团" },
    ]);
  });

  it("warns of items outside the festival and acts longer than their block", () => {
    const items = [
      item("block", "hall", 0, 30),
      item("a1", "hall", 0, 20, [], "block"),
      item("a2", "hall", 20, 40, [], "block"),
      item("late", "hall", 3000, 3060),
    ];
    expect(findConflicts(items, { startsAt: at(0), endsAt: at(2880) })).toEqual([
      { kind: "longer_than_block", itemId: "block", actsMinutes: 40, blockMinutes: 30 },
      { kind: "outside_festival", itemId: "late" },
    ]);
  });

  it("a competition's matches clash with other items a player is in, not with their own item, and are never acts of a block", () => {
    const match = (id: string, partOf: string, start: number, people: string[]): ScheduleItem => ({
      ...item(id, null, start, start + 30, people),
      partOf,
    });
    const items = [
      item("chess", "room", 0, 120, ["王秀英"]),
      match("m1", "chess", 0, ["王秀英", "李建国"]),
      match("m2", "chess", 30, ["王秀英", "张伟"]),
      item("show", "hall", 20, 50, ["张伟"]),
      match("t1", "pingpong", 40, ["李建国"]),
    ];
    expect(findConflicts(items)).toEqual([{ kind: "person_overlap", itemIds: ["m2", "show"], person: "张伟" }]);
    // A match at the same time as another competition's, with a player in both.
    expect(findConflicts([...items, match("t2", "pingpong", 0, ["李建国"])])).toEqual([
      { kind: "person_overlap", itemIds: ["m2", "show"], person: "张伟" },
      { kind: "person_overlap", itemIds: ["m1", "t2"], person: "李建国" },
    ]);
  });
});
