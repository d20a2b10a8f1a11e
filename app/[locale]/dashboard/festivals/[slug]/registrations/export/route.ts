import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/config";
import { exportRegistrations } from "@/lib/registrations/review-export";
import { reviewFilterSchema } from "@/lib/registrations/schemas";

export const dynamic = "force-dynamic";

/**
 * The review list as CSV, or as an Excel workbook with `?format=xlsx`, with the page's filters.
 * The dashboard layout does not guard a route handler: the export checks the organiser itself,
 * and anyone else gets 403 and nothing else, whichever the format.
 */
export async function GET(req: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : DEFAULT_LOCALE, namespace: "review" });
  // Every page of what the filters show, so the page number is not one of them.
  const query = new URL(req.url).searchParams;
  const filters = reviewFilterSchema.omit({ page: true }).parse(Object.fromEntries(query));
  const format = query.get("format") === "xlsx" ? "xlsx" : "csv";
  const result = await exportRegistrations(await getDb(), await getActor(), { slug, filters, format }, t);
  const headers = { "cache-control": "private, no-store" };
  if (!result.ok) return new Response(null, { status: result.code === "forbidden" ? 403 : 404, headers });
  const file = result.data;
  return new Response(file.format === "xlsx" ? new Uint8Array(file.xlsx) : file.csv, {
    headers: {
      ...headers,
      "content-type":
        file.format === "xlsx"
          ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          : "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file.filename}"`,
    },
  });
}
