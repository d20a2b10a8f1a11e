import { getDb } from "@/db";
import { getPublicProgramme } from "@/lib/festivals/queries";
import { calendarResponse, programmeCalendar } from "@/lib/festivals/calendar";
import { siteOrigin } from "@/lib/site-url";

/** The published programme as iCalendar, for residents' phone calendars. */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const data = await getPublicProgramme(await getDb(), slug);
  if (!data || !data.publishedAt) return new Response("Not found", { status: 404 });
  return calendarResponse(programmeCalendar(data, await siteOrigin()), `${slug}.ics`);
}
