import type { ItemDto } from "@/lib/festivals/programme-service";
import { utcToZonedLocal, zonedToUtc } from "@/lib/festivals/time";
import type { ScheduleItem } from "@/lib/festivals/conflicts";

// Client-side helpers of the programme builder.

export const SNAP_MIN = 5;
export const PX_PER_MIN = 1.6;

export const snap = (minutes: number) => Math.round(minutes / SNAP_MIN) * SNAP_MIN;

export const toSchedule = (i: ItemDto): ScheduleItem => ({
  id: i.id,
  venueId: i.venueId,
  startsAt: new Date(i.startsAt),
  endsAt: new Date(i.endsAt),
  people: i.people,
  parentId: i.parentId,
});

export const minutesBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 60_000);
export const addMinutes = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

export const localDay = (iso: string, tz: string) => utcToZonedLocal(new Date(iso), tz).slice(0, 10);
export const localTime = (iso: string, tz: string) => utcToZonedLocal(new Date(iso), tz).slice(11, 16);
export const instantOf = (day: string, time: string, tz: string) => zonedToUtc(`${day}T${time}`, tz).toISOString();

/** The input the services take for saving an item as it now stands. */
export const updateInput = (i: ItemDto) => ({
  id: i.id,
  version: i.version,
  title: i.title,
  kind: i.kind,
  venueId: i.venueId,
  startsAt: i.startsAt,
  endsAt: i.endsAt,
  description: i.description,
  capacity: i.capacity,
  people: i.people,
  parentId: i.parentId,
});

/**
 * The start a click at `y` pixels below the top of the grid creates: the 5-minute line nearest
 * the pointer, so pointing at a line picks that line's time, kept inside the day's grid.
 */
export function minutesAtY(y: number, totalMinutes: number) {
  const minutes = snap(y / PX_PER_MIN);
  return Math.min(Math.max(0, minutes), Math.max(0, totalMinutes - SNAP_MIN));
}

/** "09:05" for a number of minutes after the hour the grid starts at. */
export const clockOf = (fromHour: number, minutes: number) => {
  const total = fromHour * 60 + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
};
