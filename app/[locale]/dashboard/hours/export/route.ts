import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";
import { exportHours } from "@/lib/hours/export";
import { hoursFilterSchema } from "@/lib/hours/schemas";
import { communityToday } from "@/lib/posts/service";

export const dynamic = "force-dynamic";

/**
 * Every service-hours entry the page's filters cover, as CSV. The dashboard layout does not
 * guard a route handler: the export checks the organiser itself; anyone else gets 403.
 */
export async function GET(req: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : DEFAULT_LOCALE, namespace: "hours" });
  const raw = Object.fromEntries(new URL(req.url).searchParams);
  const filters = hoursFilterSchema.parse({ ...raw, year: raw.year ?? communityToday().slice(0, 4) });
  const result = await exportHours(await getDb(), await getActor(), filters, t);
  const headers = { "cache-control": "private, no-store" };
  if (!result.ok) return new Response(null, { status: 403, headers });
  return new Response(result.data.csv, {
    headers: {
      ...headers,
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${result.data.filename}"`,
    },
  });
}
