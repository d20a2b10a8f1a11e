import "server-only";
import type { PublicProgramme } from "./queries";
import { toICalendar, type CalendarEvent } from "./ical";

/** The published programme's top-level items as calendar events; a block lists its acts. */
export function programmeCalendar(data: PublicProgramme, origin: string, onlyId?: string): string {
  const venue = new Map(data.venues.map((v) => [v.id, v.name]));
  const acts = (id: string) =>
    data.items
      .filter((i) => i.parentId === id)
      .sort((a, b) => a.position - b.position)
      .map((a, n) => `${n + 1}. ${a.title}${a.people.length ? ` (${a.people.join(" / ")})` : ""}`);
  const events: CalendarEvent[] = data.items
    .filter((i) => !i.parentId && (!onlyId || i.id === onlyId))
    .map((i) => ({
      uid: `${i.id}@linli`,
      title: i.title,
      startsAt: new Date(i.startsAt),
      endsAt: new Date(i.endsAt),
      location: i.venueId ? venue.get(i.venueId) : null,
      description: [i.description, ...acts(i.id)].filter(Boolean).join("\n") || null,
      url: `${origin}/festivals/${data.festival.slug}/items/${i.id}`,
    }));
  return toICalendar(data.festival.title, events);
}

export function calendarResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-cache",
    },
  });
}
