// Client-safe: the programme builder shows these as you work, and the service checks them again.

export interface ScheduleItem {
  id: string;
  venueId: string | null;
  startsAt: Date;
  endsAt: Date;
  /** People or acts assigned, as names; compared without case or surrounding space. */
  people: string[];
  /** The performance block an act belongs to. */
  parentId: string | null;
  /** A competition's match: the programme item it is played within (not an act of a block). */
  partOf?: string;
}

export type Conflict =
  /** Two items in one venue at once: refused on save. */
  | { kind: "venue_overlap"; itemIds: [string, string]; venueId: string }
  /** One person or act in two places at once: a warning. */
  | { kind: "person_overlap"; itemIds: [string, string]; person: string }
  /** An item not within the festival's days: a warning. */
  | { kind: "outside_festival"; itemId: string }
  /** A block's acts run longer than the block: a warning. */
  | { kind: "longer_than_block"; itemId: string; actsMinutes: number; blockMinutes: number };

export const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

const normalisePerson = (p: string) => p.trim().toLowerCase();
const pair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/** A block and its own acts never clash with each other; nor does a competition with its own matches. */
const related = (a: ScheduleItem, b: ScheduleItem) =>
  a.parentId === b.id ||
  b.parentId === a.id ||
  (!!a.parentId && a.parentId === b.parentId) ||
  a.partOf === b.id ||
  b.partOf === a.id ||
  (!!a.partOf && a.partOf === b.partOf);

/** Sweeps each group by start time: only items still running are compared, not every pair. */
function overlappingPairs(items: ScheduleItem[]): [ScheduleItem, ScheduleItem][] {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const active: ScheduleItem[] = [];
  const found: [ScheduleItem, ScheduleItem][] = [];
  for (const item of sorted) {
    for (let i = active.length - 1; i >= 0; i--) {
      if (active[i].endsAt.getTime() <= item.startsAt.getTime()) active.splice(i, 1);
    }
    for (const other of active) if (overlaps(other, item)) found.push([other, item]);
    active.push(item);
  }
  return found;
}

function groupBy<T>(xs: T[], keys: (x: T) => string[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) for (const k of new Set(keys(x))) m.set(k, [...(m.get(k) ?? []), x]);
  return m;
}

export function findConflicts(items: ScheduleItem[], festival?: { startsAt: Date; endsAt: Date }): Conflict[] {
  const out: Conflict[] = [];
  // Acts share their block's venue by definition: only top-level items book a venue.
  const booked = items.filter((i) => i.venueId && !i.parentId);
  for (const [venueId, group] of groupBy(booked, (i) => [i.venueId!])) {
    for (const [a, b] of overlappingPairs(group))
      out.push({ kind: "venue_overlap", itemIds: pair(a.id, b.id), venueId });
  }
  for (const [person, group] of groupBy(items, (i) => i.people.map(normalisePerson).filter(Boolean))) {
    for (const [a, b] of overlappingPairs(group)) {
      if (!related(a, b)) out.push({ kind: "person_overlap", itemIds: pair(a.id, b.id), person });
    }
  }
  if (festival) {
    for (const i of items) {
      if (i.startsAt < festival.startsAt || i.endsAt > festival.endsAt)
        out.push({ kind: "outside_festival", itemId: i.id });
    }
  }
  const minutes = (i: { startsAt: Date; endsAt: Date }) =>
    Math.round((i.endsAt.getTime() - i.startsAt.getTime()) / 60_000);
  for (const [blockId, acts] of groupBy(
    items.filter((i) => i.parentId),
    (i) => [i.parentId!],
  )) {
    const block = items.find((i) => i.id === blockId);
    if (!block) continue;
    const actsMinutes = acts.reduce((n, a) => n + minutes(a), 0);
    if (actsMinutes > minutes(block))
      out.push({ kind: "longer_than_block", itemId: blockId, actsMinutes, blockMinutes: minutes(block) });
  }
  return sortConflicts(out);
}

export function conflictKey(c: Conflict): string {
  switch (c.kind) {
    case "venue_overlap":
      return `venue:${c.venueId}:${c.itemIds.join(",")}`;
    case "person_overlap":
      return `person:${c.person}:${c.itemIds.join(",")}`;
    default:
      return `${c.kind}:${c.itemId}`;
  }
}

export const sortConflicts = (cs: Conflict[]) => [...cs].sort((a, b) => conflictKey(a).localeCompare(conflictKey(b)));

/** The venue clashes one item would have among the others: what the service refuses. */
export function venueClashes(item: ScheduleItem, others: ScheduleItem[]): ScheduleItem[] {
  if (!item.venueId || item.parentId) return [];
  return others.filter((o) => o.id !== item.id && o.venueId === item.venueId && !o.parentId && overlaps(o, item));
}
