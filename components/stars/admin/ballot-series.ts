import { addDays, utcToZonedLocal, zonedToUtc } from "@/lib/festivals/time";

export interface SeriesPoint {
  /** The start of the hour or day, as an instant. */
  start: Date;
  ballots: number;
}

export interface BallotSeries {
  unit: "hour" | "day";
  points: SeriesPoint[];
  total: number;
  peak: SeriesPoint | null;
}

/** Up to this many hours are drawn hour by hour; a longer stretch is drawn day by day. */
export const HOURLY_UP_TO = 72;
const HOUR = 3_600_000;

/**
 * Ballots per hour (from the tally) as a series a chart can draw with no gaps: every hour from
 * the first ballot to the last, or every day in the festival's time zone when voting ran longer.
 */
export function ballotSeries(perHour: { hour: Date; ballots: number }[], timeZone: string): BallotSeries {
  if (perHour.length === 0) return { unit: "hour", points: [], total: 0, peak: null };
  const sorted = [...perHour].sort((a, b) => a.hour.getTime() - b.hour.getTime());
  const first = sorted[0].hour.getTime();
  const last = sorted[sorted.length - 1].hour.getTime();
  const total = sorted.reduce((a, p) => a + p.ballots, 0);
  let points: SeriesPoint[];
  let unit: BallotSeries["unit"];
  if ((last - first) / HOUR < HOURLY_UP_TO) {
    unit = "hour";
    const by = new Map(sorted.map((p) => [p.hour.getTime(), p.ballots]));
    points = [];
    for (let t = first; t <= last; t += HOUR) points.push({ start: new Date(t), ballots: by.get(t) ?? 0 });
  } else {
    unit = "day";
    const dayOf = (d: Date) => utcToZonedLocal(d, timeZone).slice(0, 10);
    const by = new Map<string, number>();
    for (const p of sorted) by.set(dayOf(p.hour), (by.get(dayOf(p.hour)) ?? 0) + p.ballots);
    points = [];
    for (
      let day = dayOf(sorted[0].hour), end = dayOf(sorted[sorted.length - 1].hour);
      day <= end;
      day = addDays(day, 1)
    )
      points.push({ start: zonedToUtc(day, timeZone), ballots: by.get(day) ?? 0 });
  }
  const peak = points.reduce<SeriesPoint | null>((best, p) => (!best || p.ballots > best.ballots ? p : best), null);
  return { unit, points, total, peak };
}
