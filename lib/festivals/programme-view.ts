import type { PublishedItem } from "@/db/schema";
import { utcToZonedLocal } from "./time";

// Client-safe shaping of a published programme for the public pages.

export interface ViewItem extends Omit<PublishedItem, "startsAt" | "endsAt"> {
  startsAt: Date;
  endsAt: Date;
  acts: ViewItem[];
}

/** Top-level items of one day, by start time, each block with its acts in running order. */
export function itemsOfDay(items: PublishedItem[], day: string, timeZone: string, kind?: string): ViewItem[] {
  const all = items.map((i) => ({
    ...i,
    startsAt: new Date(i.startsAt),
    endsAt: new Date(i.endsAt),
    acts: [] as ViewItem[],
  }));
  const byId = new Map(all.map((i) => [i.id, i]));
  for (const i of all) if (i.parentId) byId.get(i.parentId)?.acts.push(i);
  for (const i of all) i.acts.sort((a, b) => a.position - b.position);
  return all
    .filter(
      (i) => !i.parentId && utcToZonedLocal(i.startsAt, timeZone).slice(0, 10) === day && (!kind || i.kind === kind),
    )
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.title.localeCompare(b.title));
}

/** What is on now and what comes next today (top-level items and the acts of running blocks). */
export function nowAndNext(items: PublishedItem[], now: Date, timeZone: string) {
  const today = utcToZonedLocal(now, timeZone).slice(0, 10);
  const day = itemsOfDay(items, today, timeZone);
  const current = day.filter((i) => i.startsAt <= now && now < i.endsAt);
  const next = day.filter((i) => i.startsAt > now).slice(0, 4);
  return { current, next };
}
