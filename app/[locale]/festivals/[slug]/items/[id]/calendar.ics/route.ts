import { getDb } from "@/db";
import { getPublicProgramme } from "@/lib/festivals/queries";
import { calendarResponse, programmeCalendar } from "@/lib/festivals/calendar";
import { siteOrigin } from "@/lib/site-url";

/** One published item as iCalendar. */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const data = await getPublicProgramme(await getDb(), slug);
  if (!data || !data.items.some((i) => i.id === id && !i.parentId)) return new Response("Not found", { status: 404 });
  return calendarResponse(programmeCalendar(data, await siteOrigin(), id), `${slug}-${id.slice(0, 8)}.ics`);
}
