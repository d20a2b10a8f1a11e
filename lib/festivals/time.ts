// Client-safe time-zone arithmetic with Intl only: festivals store instants (timestamptz) and
// are shown, edited and laid out in their own time zone.

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(instant: Date, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  const get = (type: string) => Number(f!.formatToParts(instant).find((p) => p.type === type)!.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  return (
    (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant.getTime() / 1000) * 1000) /
    60_000
  );
}

/** "2027-01-16T09:30" read as wall-clock time in the zone → the instant. */
export function zonedToUtc(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(local);
  if (!m) throw new RangeError(`Not a local date-time: ${local}`);
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0);
  let utc = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  const again = wall - offsetMinutes(new Date(utc), timeZone) * 60_000;
  if (again !== utc) utc = again;
  return new Date(utc);
}

/** The instant as wall-clock "YYYY-MM-DDTHH:mm" in the zone. */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  const p = partsIn(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return Math.round((Date.parse(`${toIsoDate}T00:00:00Z`) - Date.parse(`${fromIsoDate}T00:00:00Z`)) / 86_400_000);
}

/** The festival's days as instants: from midnight of the first day to midnight after the last. */
export function festivalBounds(f: { startsOn: string; endsOn: string; timeZone: string }) {
  return { startsAt: zonedToUtc(f.startsOn, f.timeZone), endsAt: zonedToUtc(addDays(f.endsOn, 1), f.timeZone) };
}

/** Each day of the festival, "YYYY-MM-DD". */
export function festivalDays(f: { startsOn: string; endsOn: string }): string[] {
  const n = daysBetween(f.startsOn, f.endsOn);
  return Array.from({ length: n + 1 }, (_, i) => addDays(f.startsOn, i));
}
