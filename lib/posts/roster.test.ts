import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Weekday } from "@/vocabulary/posts";
import { daysOfMonth, planRoster, type RosterMember } from "./roster";

// The roster generator: full teams when the free members allow, nobody twice a day, fair counts,
// and a gap exactly where the free members cannot fill a day.

const weekdays = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }) as fc.Arbitrary<Weekday[]>;
/** Members in a few "kinds" (same leading and same days), so the fairness claim has equals to compare. */
const membersArb = fc
  .array(fc.record({ leads: fc.boolean(), days: weekdays }), { minLength: 1, maxLength: 4 })
  .chain((kinds) =>
    fc
      .array(fc.tuple(fc.nat({ max: kinds.length - 1 }), fc.integer({ min: 1, max: 4 })), {
        minLength: 1,
        maxLength: kinds.length,
      })
      .map((picks) =>
        picks.flatMap(([k, n], i) => Array.from({ length: n }, (_, j) => ({ id: `m${i}-${j}`, kind: k, ...kinds[k] }))),
      ),
  );
const monthArb = fc.constantFrom("2027-01", "2027-02", "2027-03", "2028-02");

describe("the patrol roster", () => {
  it("fills every day the free members can, never puts anyone twice in a day, and reports exactly the gaps", () => {
    fc.assert(
      fc.property(membersArb, fc.integer({ min: 1, max: 5 }), monthArb, fc.nat(), (members, teamSize, month, seed) => {
        const days = daysOfMonth(month);
        const plan = planRoster({ days, members, teamSize, seed });
        expect(plan.teams).toHaveLength(days.length);
        const gapOf = new Map(plan.gaps.map((g) => [g.date, g]));
        for (const [i, team] of plan.teams.entries()) {
          const day = days[i];
          const free = members.filter((m) => m.days.includes(day.weekday));
          const leaders = free.filter((m) => m.leads).length;
          const walkers = free.filter((m) => !m.leads).length;
          const people = [...(team.leaderId ? [team.leaderId] : []), ...team.memberIds];
          expect(new Set(people).size).toBe(people.length);
          for (const id of people) expect(free.some((m) => m.id === id)).toBe(true);
          if (team.leaderId) expect(members.find((m) => m.id === team.leaderId)!.leads).toBe(true);
          for (const id of team.memberIds) expect(members.find((m) => m.id === id)!.leads).toBe(false);
          expect(team.leaderId !== null).toBe(leaders > 0);
          expect(team.memberIds).toHaveLength(Math.min(teamSize, walkers));
          const gap = gapOf.get(day.date);
          if (leaders > 0 && walkers >= teamSize) expect(gap).toBeUndefined();
          else
            expect(gap).toEqual({
              date: day.date,
              noLeader: leaders === 0,
              missing: teamSize - Math.min(teamSize, walkers),
            });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("gives members free on the same days counts within one of each other", () => {
    fc.assert(
      fc.property(membersArb, fc.integer({ min: 1, max: 5 }), monthArb, fc.nat(), (members, teamSize, month, seed) => {
        const plan = planRoster({ days: daysOfMonth(month), members, teamSize, seed });
        const byKind = new Map<number, number[]>();
        for (const m of members) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), plan.counts.get(m.id)!]);
        for (const counts of byKind.values()) expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });

  it("counts the days already kept, so a redraw of the rest evens them out", () => {
    const members: RosterMember[] = [
      { id: "lead", leads: true, days: [1, 2, 3, 4, 5, 6, 7] },
      { id: "a", leads: false, days: [1, 2, 3, 4, 5, 6, 7] },
      { id: "b", leads: false, days: [1, 2, 3, 4, 5, 6, 7] },
    ];
    const plan = planRoster({
      days: daysOfMonth("2027-01").slice(0, 4),
      members,
      teamSize: 1,
      already: new Map([["a", 3]]),
    });
    expect(plan.teams.map((t) => t.memberIds[0])).toEqual(["b", "b", "b", expect.stringMatching(/^[ab]$/)]);
  });

  it("draws the same roster from the same seed", () => {
    const members: RosterMember[] = Array.from({ length: 8 }, (_, i) => ({
      id: `m${i}`,
      leads: i < 2,
      days: [1, 3, 5, 6, 7],
    }));
    const a = planRoster({ days: daysOfMonth("2027-01"), members, teamSize: 3, seed: 42 });
    const b = planRoster({ days: daysOfMonth("2027-01"), members, teamSize: 3, seed: 42 });
    expect(b.teams).toEqual(a.teams);
  });
});

describe("the days of a month", () => {
  it("are every date with its day of the week, leap years included", () => {
    expect(daysOfMonth("2027-01")[0]).toEqual({ date: "2027-01-01", weekday: 5 });
    expect(daysOfMonth("2027-01")).toHaveLength(31);
    expect(daysOfMonth("2027-02")).toHaveLength(28);
    expect(daysOfMonth("2028-02").at(-1)).toEqual({ date: "2028-02-29", weekday: 2 });
  });
});
