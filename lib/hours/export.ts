import "server-only";
import Papa from "papaparse";
import { asc, eq, sql } from "drizzle-orm";
import { posts, serviceHours } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { guardCell, type Translate } from "@/lib/registrations/review-export";
import { fail, ok, type Result } from "@/lib/result";
import { hoursOf } from "./format";
import { hoursWhere } from "./filters";
import type { HoursFilters } from "./schemas";

// The service hours as CSV: every entry the report's filters cover, for the organisers' records.

const two = (n: number) => String(n).padStart(2, "0");

/** Every entry the filters cover, as CSV in the reader's language; the export is audited. */
export async function exportHours(
  db: DbOrTx,
  actor: Actor | null,
  f: HoursFilters,
  t: Translate,
): Promise<Result<{ filename: string; csv: string }>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const rows = await db
    .select({
      name: serviceHours.name,
      hasAccount: sql<boolean>`${serviceHours.userId} is not null`,
      servedOn: serviceHours.servedOn,
      kind: serviceHours.kind,
      post: posts.name,
      minutes: serviceHours.minutes,
      note: serviceHours.note,
    })
    .from(serviceHours)
    .leftJoin(posts, eq(posts.id, serviceHours.postId))
    .where(hoursWhere(f))
    .orderBy(asc(serviceHours.servedOn), asc(serviceHours.name));
  const fields = ["name", "servedOn", "kind", "post", "minutes", "hours", "note"].map((c) => t(`csv.${c}`));
  const data = rows.map((r) =>
    [
      r.hasAccount ? r.name : t("csv.withoutAccount", { name: r.name }),
      r.servedOn,
      t(`kinds.${r.kind}`),
      r.post ?? "",
      String(r.minutes),
      hoursOf(r.minutes),
      r.note,
    ].map(guardCell),
  );
  await writeAudit(db, {
    actorId: actor!.id,
    action: "hours.export",
    details: { year: f.year, month: f.month, post: f.post, rows: rows.length },
  });
  const filename = `hours-${f.year}${f.month ? `-${two(f.month)}` : ""}.csv`;
  return ok({ filename, csv: "\uFEFF" + Papa.unparse({ fields, data }, { quotes: true, newline: "\r\n" }) });
}
