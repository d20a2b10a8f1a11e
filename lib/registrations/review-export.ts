import "server-only";
import Papa from "papaparse";
import writeXlsxFile from "write-excel-file/node";
import type { DbOrTx } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { utcToZonedLocal } from "@/lib/festivals/time";
import { fail, ok, type Result } from "@/lib/result";
import { formatRange, reviewStatusOf, type ReviewDetails } from "./review-details";
import { allReviewRows, getReviewFestival, type ReviewRow } from "./review-queries";
import type { ReviewFilters } from "./schemas";

// The review list as a spreadsheet: what the filters show, every page of it, in the organiser's
// language. The CSV is UTF-8 with a byte-order mark, so Excel opens the Chinese correctly; the
// .xlsx holds rooms and phone numbers as text cells, so 0102 stays 0102 when Excel opens it.

/** Translates a key under the `review` messages (next-intl's `t` is one). */
export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

const COLUMNS = [
  "participant",
  "age",
  "registrant",
  "phone",
  "building",
  "unit",
  "room",
  "role",
  "item",
  "status",
  "position",
  "reason",
  "note",
  "team",
  "partner",
  "links",
  "programmeItem",
  "shifts",
  "actTitle",
  "actType",
  "performers",
  "minutes",
  "stageNeeds",
  "preferredTime",
  "skills",
  "available",
  "ageGroup",
  "emergencyContact",
  "level",
  "partnerWanted",
  // Last, so the columns people already sort by keep their places.
  "atDesk",
] as const;
type Column = (typeof COLUMNS)[number];

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first)
 * is kept as text with a leading apostrophe: a resident's act title must never become a formula.
 */
export function guardCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** An answer's label; a value no message knows (an older form's) is shown as it is. */
const label = (t: Translate, group: string, value: string | null) =>
  !value ? "" : t.has(`${group}.${value}`) ? t(`${group}.${value}`) : value;

function detailCells(d: ReviewDetails, t: Translate, timeZone: string): Partial<Record<Column, string>> {
  const list = (group: string, values: string[]) => values.map((v) => label(t, group, v)).join(t("listSeparator"));
  switch (d.role) {
    case "performer":
      return {
        actTitle: d.actTitle,
        actType: label(t, "actTypes", d.actType),
        performers: d.performers.join(t("listSeparator")),
        minutes: d.minutes === null ? "" : String(d.minutes),
        stageNeeds: [list("stageNeeds", d.stageNeeds), d.stageNeedsOther].filter(Boolean).join(t("groupSeparator")),
        preferredTime: label(t, "times", d.preferredTime),
      };
    case "backstage":
      return {
        skills: list("skills", d.skills),
        available: d.available.map((r) => formatRange(r.startsAt, r.endsAt, timeZone)).join(t("groupSeparator")),
      };
    case "athlete":
      return {
        ageGroup: label(t, "ageGroups", d.ageGroup),
        emergencyContact: [d.emergencyName, d.emergencyPhone].filter(Boolean).join(" "),
      };
    case "player":
      return {
        level: label(t, "levels", d.level),
        partnerWanted: [label(t, "partnerKinds", d.partnerKind), d.partnerPhone].filter(Boolean).join(" "),
      };
  }
}

function cells(r: ReviewRow, t: Translate, timeZone: string): Record<Column, string> {
  const base: Record<Column, string> = Object.fromEntries(COLUMNS.map((c) => [c, ""])) as Record<Column, string>;
  return {
    ...base,
    participant: r.participant.name,
    age: r.participant.age === null ? "" : String(r.participant.age),
    registrant: r.registrant.name ?? "",
    phone: r.registrant.phone ?? "",
    atDesk: r.atDeskBy ? t("atDeskBy", { name: r.atDeskBy }) : "",
    building: r.registrant.building ?? "",
    unit: r.registrant.unit ?? "",
    room: r.registrant.room ?? "",
    role: label(t, "roles", r.role),
    item: r.item?.title ?? "",
    status: label(t, "statuses", reviewStatusOf(r)),
    position: r.position === null ? "" : String(r.position),
    reason: r.reason ?? "",
    note: r.note ?? "",
    team: r.team ?? "",
    partner: r.partnerName ?? "",
    links: r.links.map((l) => (l.declined ? t("linkDeclined", { name: l.name }) : l.name)).join(t("listSeparator")),
    programmeItem: r.programmeItem?.title ?? "",
    shifts: r.shifts.map((s) => `${s.title} ${formatRange(s.startsAt, s.endsAt, timeZone)}`).join(t("groupSeparator")),
    ...detailCells(r.details, t, timeZone),
  };
}

/** The CSV text for rows: a header line in the reader's language, every cell quoted and guarded. */
export function reviewCsv(rows: ReviewRow[], t: Translate, timeZone: string): string {
  const fields = COLUMNS.map((c) => t(`csv.${c}`));
  const data = rows.map((r) => {
    const c = cells(r, t, timeZone);
    return COLUMNS.map((k) => guardCell(c[k]));
  });
  return "\uFEFF" + Papa.unparse({ fields, data }, { quotes: true, newline: "\r\n" });
}

/** Counts a spreadsheet may sort and sum; every other column is text, rooms and phones included. */
const NUMBER_COLUMNS: ReadonlySet<Column> = new Set(["age", "position", "minutes"]);

/**
 * The same rows as the CSV in an Excel workbook: a bold, frozen header row, counts as numbers
 * and everything else as text cells formatted as text. A text cell never runs as a formula, so
 * the values need no apostrophe here.
 */
export async function reviewXlsx(rows: ReviewRow[], t: Translate, timeZone: string): Promise<Buffer> {
  const header = COLUMNS.map((c) => ({ value: t(`csv.${c}`), fontWeight: "bold" as const }));
  const data = rows.map((r) => {
    const c = cells(r, t, timeZone);
    return COLUMNS.map((k) => {
      if (c[k] === "") return null;
      return NUMBER_COLUMNS.has(k) ? { value: Number(c[k]), type: Number } : { value: c[k], type: String, format: "@" };
    });
  });
  return writeXlsxFile([header, ...data], { sheet: t("xlsxSheet"), stickyRowsCount: 1 }).toBuffer();
}

export type ExportFormat = "csv" | "xlsx";
export type CsvExport = { format: "csv"; filename: string; csv: string };
export type XlsxExport = { format: "xlsx"; filename: string; xlsx: Buffer };
type ExportInput<F extends ExportFormat> = { slug: string; filters: Omit<ReviewFilters, "page">; format?: F };

/** Organisers only: every export is written to the audit log; a refused attempt reads nothing. */
export function exportRegistrations(
  db: DbOrTx,
  actor: Actor | null,
  input: ExportInput<"csv">,
  t: Translate,
  now?: Date,
): Promise<Result<CsvExport>>;
export function exportRegistrations(
  db: DbOrTx,
  actor: Actor | null,
  input: ExportInput<"xlsx">,
  t: Translate,
  now?: Date,
): Promise<Result<XlsxExport>>;
export function exportRegistrations(
  db: DbOrTx,
  actor: Actor | null,
  input: ExportInput<ExportFormat>,
  t: Translate,
  now?: Date,
): Promise<Result<CsvExport | XlsxExport>>;
export async function exportRegistrations(
  db: DbOrTx,
  actor: Actor | null,
  input: ExportInput<ExportFormat>,
  t: Translate,
  now = new Date(),
): Promise<Result<CsvExport | XlsxExport>> {
  const format = input.format ?? "csv";
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "registrations.export", { slug: input.slug, format });
  const found = await getReviewFestival(db, actor, input.slug);
  if (!found.ok) return found;
  const f = found.data;
  if (!f) return fail("not_found");
  const all = allReviewRows(db, actor, f.id, input.filters);
  if (!all.ok) return all;
  const rows: ReviewRow[] = [];
  for await (const batch of all.data) rows.push(...batch);
  // Residents' phones and addresses leave the app here: who took which list is kept.
  await writeAudit(db, {
    actorId: actor!.id,
    action: "registrations.export",
    targetType: "festival",
    targetId: f.id,
    details: { filters: input.filters, rows: rows.length, format },
  });
  const filename = `registrations-${f.slug}-${utcToZonedLocal(now, f.timeZone).slice(0, 10)}.${format}`;
  if (format === "xlsx") return ok({ format, filename, xlsx: await reviewXlsx(rows, t, f.timeZone) });
  return ok({ format, filename, csv: reviewCsv(rows, t, f.timeZone) });
}
