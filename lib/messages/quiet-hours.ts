import { TIME_ZONE } from "@/lib/i18n/config";

// Quiet hours: text messages are not sent at night; one that falls in them waits for the morning,
// unless what it is about happens before then (a reminder of a 07:00 patrol cannot wait till 08:00).

const clock = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Seconds since the community's midnight at that instant. */
function secondOfDay(at: Date): number {
  const parts = clock.formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return n("hour") * 3600 + n("minute") * 60 + n("second");
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The quiet hours as [start, end) minutes of the day, or null when they are off. */
export function parseQuietHours(spec: string): [number, number] | null {
  if (spec === "off") return null;
  const [from, to] = spec.split("-");
  const window: [number, number] = [minutesOf(from), minutesOf(to)];
  return window[0] === window[1] ? null : window;
}

/**
 * When a text message written at `now` may go: now, or the end of the quiet hours when `now` is
 * inside them and the thing it is about (`before`) does not happen before that end.
 */
export function sendTimeFor(now: Date, spec: string, before?: Date | null): Date {
  const window = parseQuietHours(spec);
  if (!window) return now;
  const [start, end] = window.map((m) => m * 60);
  const s = secondOfDay(now);
  const inside = start < end ? s >= start && s < end : s >= start || s < end;
  if (!inside) return now;
  const wait = (end - s + 86_400) % 86_400;
  const morning = new Date(Math.floor(now.getTime() / 1000) * 1000 + wait * 1000);
  if (before && before.getTime() <= morning.getTime()) return now;
  return morning;
}
