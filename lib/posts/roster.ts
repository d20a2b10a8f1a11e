import type { Weekday } from "@/vocabulary/posts";

// The patrol roster, drawn up for a run of days: each day one team of a leader and `teamSize`
// residents, from the members free on that day of the week. Fair in count: each place goes to the
// free member who has served least so far (counting the days already kept), the tie broken by a
// seeded order, so members free on the same days end up within one patrol of each other. A day the
// free members cannot fill is a gap, reported with what it lacks. Pure: the service reads and writes.

export interface RosterMember {
  id: string;
  /** A team leader (a party member marked as one); leaders lead and others walk. */
  leads: boolean;
  /** The days of the week they are free at the post's time of day. */
  days: readonly Weekday[];
}

export interface RosterDay {
  /** YYYY-MM-DD, in community time. */
  date: string;
  weekday: Weekday;
}

export interface PlannedTeam {
  date: string;
  leaderId: string | null;
  memberIds: string[];
}

export interface RosterGap {
  date: string;
  /** No free leader that day. */
  noLeader: boolean;
  /** How many residents short of the team's size. */
  missing: number;
}

export interface RosterPlan {
  teams: PlannedTeam[];
  gaps: RosterGap[];
  /** Each member's patrols in the plan, those already kept included. */
  counts: Map<string, number>;
}

/** A small deterministic generator (mulberry32): the same seed draws the same roster. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function planRoster(input: {
  days: readonly RosterDay[];
  members: readonly RosterMember[];
  teamSize: number;
  /** Patrols each member already has in the period (days kept from an earlier draw). */
  already?: ReadonlyMap<string, number>;
  seed?: number;
}): RosterPlan {
  const next = random(input.seed ?? 1);
  // The tie-break: one shuffled order for the whole draw, so nobody is always first among equals
  // by their id, and the same seed gives the same roster.
  const order = new Map(
    [...input.members]
      .map((m) => ({ id: m.id, r: next() }))
      .sort((a, b) => a.r - b.r || a.id.localeCompare(b.id))
      .map((m, i) => [m.id, i]),
  );
  const counts = new Map(input.members.map((m) => [m.id, input.already?.get(m.id) ?? 0]));
  const byNeed = (a: RosterMember, b: RosterMember) =>
    counts.get(a.id)! - counts.get(b.id)! || order.get(a.id)! - order.get(b.id)!;
  const teams: PlannedTeam[] = [];
  const gaps: RosterGap[] = [];
  for (const day of input.days) {
    const free = input.members.filter((m) => m.days.includes(day.weekday));
    const leader = free.filter((m) => m.leads).sort(byNeed)[0] ?? null;
    const walkers = free
      .filter((m) => !m.leads)
      .sort(byNeed)
      .slice(0, input.teamSize);
    for (const m of [...(leader ? [leader] : []), ...walkers]) counts.set(m.id, counts.get(m.id)! + 1);
    teams.push({ date: day.date, leaderId: leader?.id ?? null, memberIds: walkers.map((m) => m.id) });
    const missing = input.teamSize - walkers.length;
    if (!leader || missing > 0) gaps.push({ date: day.date, noLeader: !leader, missing });
  }
  return { teams, gaps, counts };
}

/** The day of the week of a date (YYYY-MM-DD), ISO: 1 Monday … 7 Sunday. */
export const weekdayOf = (date: string) => (((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1) as Weekday;

/** The days of a month (YYYY-MM), each with its day of the week. */
export function daysOfMonth(month: string): RosterDay[] {
  const [y, m] = month.split("-").map(Number);
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => {
    const date = new Date(Date.UTC(y, m - 1, i + 1)).toISOString().slice(0, 10);
    return { date, weekday: weekdayOf(date) };
  });
}
