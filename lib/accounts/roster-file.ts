import Papa from "papaparse";
import { z } from "zod";
import readXlsxFile from "read-excel-file/universal";
import { fail, ok, type Result } from "@/lib/result";
import { rosterColumns } from "./roster-csv";

// An uploaded roster becomes the CSV text the preview checks and the import writes, so both see
// exactly the same rows. Excel on a Chinese Windows saves CSV in GBK, not UTF-8; and a workbook
// may hold a room as a number (0102 typed into a General cell is stored as 102).

/** How the roster's text was obtained: pasted, a CSV in either encoding, or an Excel workbook. */
export type RosterSource = "text" | "utf8" | "gb18030" | "xlsx";

export interface RosterRead {
  source: RosterSource;
  /** The workbook's first sheet, which is the one read. */
  sheet?: string;
  /** Lines (as the preview counts them) whose room Excel held as a number or a date, not as text. */
  roomsNotText?: number[];
}

const rosterReadSchema = z.object({
  source: z.enum(["text", "utf8", "gb18030", "xlsx"]),
  sheet: z.string().max(255).optional(),
  roomsNotText: z.array(z.number().int().positive()).max(5000).optional(),
});

/** How a checked roster was read, as the import form carries it back (shown, never trusted for more). */
export function rosterReadOf(value: unknown): RosterRead {
  try {
    const parsed = rosterReadSchema.safeParse(JSON.parse(String(value ?? "")));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: fall through.
  }
  return { source: "text" };
}

export const MAX_ROSTER_FILE_BYTES = 2_000_000;
/** What a 2 MB workbook may unpack to; more is not a roster. */
const MAX_UNPACKED_BYTES = 50_000_000;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The legacy binary .xls (and .doc) container. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** Strict UTF-8 first (a byte-order mark dropped); anything that is not valid UTF-8 is read as GB18030, which contains GBK. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: "utf8" | "gb18030" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ""), encoding: "utf8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes).replace(/^\uFEFF/, ""), encoding: "gb18030" };
  }
}

/** Reads an uploaded .csv or .xlsx into CSV text; any other file is refused. */
export async function readRosterFile(
  name: string,
  bytes: Uint8Array,
): Promise<Result<{ csv: string; read: RosterRead }>> {
  if (bytes.length > MAX_ROSTER_FILE_BYTES) return fail("file_too_large");
  const ext = /\.([^./\\]+)$/.exec(name.toLowerCase())?.[1];
  // The content decides where it can: a workbook renamed .csv is still a workbook.
  if (startsWith(bytes, OLE)) return fail("file_type");
  if (startsWith(bytes, ZIP) || ext === "xlsx") return readWorkbook(bytes);
  if (ext !== "csv") return fail("file_type");
  // A text file has no NUL bytes; a picture or a PDF renamed .csv does.
  if (bytes.includes(0)) return fail("file_type");
  const { text, encoding } = decodeCsvBytes(bytes);
  return ok({ csv: text, read: { source: encoding } });
}

type Cell = string | { number: string } | boolean | Date | null | typeof Date;

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === "object" && "number" in cell) return cell.number;
  return String(cell);
}

async function readWorkbook(bytes: Uint8Array): Promise<Result<{ csv: string; read: RosterRead }>> {
  if (unpackedSize(bytes) > MAX_UNPACKED_BYTES) return fail("file_unreadable");
  let sheets;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // Numbers as written in the file ("102", never 102.00000001), marked so a room held as a number can be told apart.
    sheets = await readXlsxFile<{ number: string }>(buffer, { parseNumber: (s) => ({ number: s }) });
  } catch {
    return fail("file_unreadable");
  }
  const first = sheets[0];
  if (!first) return fail("file_unreadable");
  const rows = (first.data as Cell[][]).filter((row) => row.some((c) => cellText(c).trim() !== ""));
  const room = rows[0] ? rosterColumns(rows[0].map(cellText)).room : -1;
  const roomsNotText: number[] = [];
  rows.forEach((row, i) => {
    const cell = row[room];
    if (i > 0 && room >= 0 && cell !== null && cell !== undefined && typeof cell !== "string") roomsNotText.push(i + 1);
  });
  const csv = Papa.unparse(
    rows.map((row) => row.map(cellText)),
    { newline: "\n" },
  );
  return ok({
    csv,
    read: { source: "xlsx", sheet: first.sheet, roomsNotText: roomsNotText.length ? roomsNotText : undefined },
  });
}

/**
 * The uncompressed size a ZIP's central directory declares for all its entries, read before
 * anything is unpacked; Infinity when the directory cannot be found (the reader will refuse it).
 */
export function unpackedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65,535 bytes.
  for (let eocd = bytes.length - 22; eocd >= Math.max(0, bytes.length - 22 - 65_535); eocd--) {
    if (view.getUint32(eocd, true) !== 0x06054b50) continue;
    const entries = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return Infinity;
      const size = view.getUint32(at + 24, true);
      // 0xFFFFFFFF means a ZIP64 size: far beyond any roster.
      if (size === 0xffffffff) return Infinity;
      total += size;
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return Infinity;
}
