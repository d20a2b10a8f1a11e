import "server-only";
import { eq, inArray } from "drizzle-orm";
import { households } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { generateHouseholdCode } from "./household-code";
import { canManageHouseholds } from "./permissions";
import { addressKey, parseRosterCsv, type ParsedRosterRow } from "./roster-csv";
import { readRosterFile, type RosterRead } from "./roster-file";
import { rosterImportSchema, rosterPreviewSchema } from "./schemas";
import { isUuid } from "@/lib/ids";

export interface RosterPreviewRow {
  line: number;
  building: string;
  unit: string;
  room: string;
  householderName: string;
  /** "new" is written on import; "exists" is already in the roster and left as it is. */
  status: "new" | "exists" | "error";
  errors: string[];
}

export interface RosterPreview {
  rows: RosterPreviewRow[];
  newCount: number;
  existingCount: number;
  errorCount: number;
  fileError?: string;
  missingColumns?: string[];
}

async function existingAddresses(db: DbOrTx, rows: ParsedRosterRow[]): Promise<Set<string>> {
  const buildings = [...new Set(rows.flatMap((r) => (r.row ? [r.row.building] : [])))];
  if (buildings.length === 0) return new Set();
  const found = await db
    .select({ building: households.building, unit: households.unit, room: households.room })
    .from(households)
    .where(inArray(households.building, buildings));
  return new Set(found.map(addressKey));
}

async function buildPreview(db: DbOrTx, csv: string): Promise<RosterPreview & { parsed: ParsedRosterRow[] }> {
  const parsed = parseRosterCsv(csv);
  if (parsed.fileError) {
    return {
      rows: [],
      parsed: [],
      newCount: 0,
      existingCount: 0,
      errorCount: 1,
      fileError: parsed.fileError,
      missingColumns: parsed.missingColumns,
    };
  }
  const existing = await existingAddresses(db, parsed.rows);
  const rows: RosterPreviewRow[] = parsed.rows.map((r) => ({
    line: r.line,
    building: r.values.building ?? "",
    unit: r.values.unit ?? "",
    room: r.values.room ?? "",
    householderName: r.values.householderName ?? "",
    status: r.errors.length ? "error" : existing.has(addressKey(r.row!)) ? "exists" : "new",
    errors: r.errors,
  }));
  return {
    rows,
    parsed: parsed.rows,
    newCount: rows.filter((r) => r.status === "new").length,
    existingCount: rows.filter((r) => r.status === "exists").length,
    errorCount: rows.filter((r) => r.status === "error").length,
  };
}

export interface CheckedRoster extends RosterPreview {
  /** The text that was checked: the import is given exactly this. */
  csv: string;
  read: RosterRead;
}

/**
 * Checks a roster (an uploaded .csv or .xlsx, or pasted text) and says, row by row, what an
 * import would do, and how the file was read. Writes nothing.
 */
export async function previewRosterImport(db: Db, actor: Actor | null, input: unknown): Promise<Result<CheckedRoster>> {
  // The workbook is opened only for someone allowed to import it.
  if (!canManageHouseholds(actor)) return refuse(db, actor?.id, "households.preview_import");
  const given = parseInput(rosterPreviewSchema, input);
  if (!given.ok) return given;
  let text = { csv: given.data.csv ?? "", read: { source: "text" } as RosterRead };
  if (given.data.file) {
    const file = await readRosterFile(given.data.file.name, given.data.file.bytes);
    if (!file.ok) return file;
    text = file.data;
  }
  const parsed = parseInput(rosterImportSchema, { csv: text.csv });
  if (!parsed.ok) return parsed;
  const { rows, newCount, existingCount, errorCount, fileError, missingColumns } = await buildPreview(
    db,
    parsed.data.csv,
  );
  return ok({
    rows,
    newCount,
    existingCount,
    errorCount,
    fileError,
    missingColumns,
    csv: parsed.data.csv,
    read: text.read,
  });
}

/**
 * Imports a roster CSV in one transaction. One bad row (or a bad file) means nothing is
 * written; rows already in the roster are left unchanged. Each new household gets a code.
 */
export async function importRoster(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<
  Result<{ created: number; existing: number }> | { ok: false; code: "import_has_errors"; preview: RosterPreview }
> {
  if (!canManageHouseholds(actor)) return refuse(db, actor?.id, "households.import");
  const parsed = parseInput(rosterImportSchema, input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const { parsed: rows, ...preview } = await buildPreview(tx, parsed.data.csv);
    if (preview.errorCount > 0) return { ok: false as const, code: "import_has_errors" as const, preview };
    const fresh = preview.rows.filter((r) => r.status === "new");
    const values = rows
      .filter((r, i) => preview.rows[i].status === "new" && r.row)
      .map((r) => ({ ...r.row!, householderName: r.row!.householderName ?? null, code: generateHouseholdCode() }));
    let created = 0;
    for (let i = 0; i < values.length; i += 500) {
      // A household added by someone else meanwhile is skipped, not duplicated.
      const inserted = await tx
        .insert(households)
        .values(values.slice(i, i + 500))
        .onConflictDoNothing({ target: [households.building, households.unit, households.room] })
        .returning({ id: households.id });
      created += inserted.length;
    }
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "households.import",
      targetType: "household",
      details: { created, existing: preview.existingCount, rows: preview.rows.length, planned: fresh.length },
    });
    return ok({ created, existing: preview.existingCount });
  });
}

/** A new code for a household whose slip was lost or shared too widely. Residents already verified stay verified. */
export async function regenerateHouseholdCode(
  db: Db,
  actor: Actor | null,
  householdId: unknown,
): Promise<Result<{ code: string }>> {
  if (!canManageHouseholds(actor)) return refuse(db, actor?.id, "households.regenerate_code");
  if (!isUuid(householdId)) return fail("invalid");
  return db.transaction(async (tx) => {
    const code = generateHouseholdCode();
    const [row] = await tx
      .update(households)
      .set({ code })
      .where(eq(households.id, householdId))
      .returning({ id: households.id });
    if (!row) return fail("not_found");
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "households.regenerate_code",
      targetType: "household",
      targetId: householdId,
    });
    return ok({ code });
  });
}
