import type { getFormatter } from "next-intl/server";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** Times on the pages, in the reader's language and the festival's zone: "1/16周六 09:00–12:00". */
export function spanFormatter(format: Formatter, timeZone: string) {
  return (startsAt: Date, endsAt: Date) =>
    format.dateTimeRange(startsAt, endsAt, {
      month: "short",
      day: "numeric",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
    });
}
