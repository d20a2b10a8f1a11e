import Papa from "papaparse";
import { rosterRowSchema, type RosterRow } from "./schemas";

/** Header names accepted for each column, in Chinese or English. */
const HEADERS: Record<keyof RosterRow, string[]> = {
  building: ["building", "楼栋", "楼号", "栋"],
  unit: ["unit", "单元"],
  room: ["room", "房号", "室", "门牌"],
  householderName: ["householder", "householder name", "householder_name", "name", "户主", "户主姓名"],
};

export interface ParsedRosterRow {
  /** The line in the file, counting the header as line 1. */
  line: number;
  values: Partial<Record<keyof RosterRow, string>>;
  row?: RosterRow;
  errors: string[];
}

export interface ParsedRoster {
  rows: ParsedRosterRow[];
  /** A problem with the file as a whole (no header, missing column, too many rows). */
  fileError?: "empty" | "missing_columns" | "too_many_rows";
  missingColumns?: string[];
}

export const MAX_ROSTER_ROWS = 5000;

const keyOf = (s: string) => s.trim().toLowerCase();

/** Which cell of a row holds each column, by the header's names; -1 where a column is missing. */
export function rosterColumns(header: string[]): Record<keyof RosterRow, number> {
  const columns = {} as Record<keyof RosterRow, number>;
  for (const [field, names] of Object.entries(HEADERS) as [keyof RosterRow, string[]][]) {
    columns[field] = header.findIndex((h) => names.includes(keyOf(h)));
  }
  return columns;
}

/** Parses a roster CSV; each row gets its own error codes. Duplicates inside the file are errors. */
export function parseRosterCsv(text: string): ParsedRoster {
  const clean = text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: "greedy" });
  const [header, ...data] = parsed.data;
  if (!header || data.length === 0) return { rows: [], fileError: "empty" };
  if (data.length > MAX_ROSTER_ROWS) return { rows: [], fileError: "too_many_rows" };

  const columns = rosterColumns(header);
  const missing = (Object.keys(columns) as (keyof RosterRow)[]).filter(
    (field) => columns[field] < 0 && field !== "householderName",
  );
  if (missing.length) return { rows: [], fileError: "missing_columns", missingColumns: missing };

  const seen = new Map<string, number>();
  const rows = data.map((cells, i): ParsedRosterRow => {
    const line = i + 2;
    const values: ParsedRosterRow["values"] = {};
    for (const field of Object.keys(columns) as (keyof RosterRow)[]) {
      if (columns[field] >= 0) values[field] = (cells[columns[field]] ?? "").trim();
    }
    const result = rosterRowSchema.safeParse(values);
    if (!result.success) {
      return { line, values, errors: [...new Set(result.error.issues.map((iss) => iss.message))] };
    }
    const key = addressKey(result.data);
    const first = seen.get(key);
    if (first !== undefined) return { line, values, errors: ["duplicate_in_file"] };
    seen.set(key, line);
    return { line, values, row: result.data, errors: [] };
  });
  return { rows };
}

/** Buildings, units and rooms compare without surrounding space, as the database does. */
export function addressKey(r: { building: string; unit: string; room: string }): string {
  return [r.building, r.unit, r.room].map((s) => s.trim()).join("\u0000");
}
