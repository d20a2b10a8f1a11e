import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { parseRosterCsv } from "./roster-csv";
import { decodeCsvBytes, readRosterFile, rosterReadOf, unpackedSize } from "./roster-file";

/** The roster as Excel on a Chinese Windows saves it: GBK bytes (made with iconv), CRLF, no BOM. */
const gbk = new Uint8Array(readFileSync(new URL("../../tests/fixtures/roster-gbk.csv", import.meta.url)));

const must = <T>(r: { ok: true; data: T } | { ok: false; code: string }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}`);
  return r.data;
};

describe("decoding an uploaded CSV", () => {
  it("is really GBK: 楼 is C2 A5, which is not valid UTF-8", () => {
    expect([...gbk.subarray(0, 2)]).toEqual([0xc2, 0xa5]);
    expect(new TextDecoder("utf-8").decode(gbk)).not.toContain("楼栋");
  });

  it("reads a GBK file as GB18030, and its header and rows come out right", async () => {
    expect(decodeCsvBytes(gbk).encoding).toBe("gb18030");
    const { csv, read } = must(await readRosterFile("名册.csv", gbk));
    expect(read).toEqual({ source: "gb18030" });
    const parsed = parseRosterCsv(csv);
    expect(parsed.fileError).toBeUndefined();
    expect(parsed.rows.map((r) => r.row)).toEqual([
      { building: "美湖花园 21栋", unit: "1单元", room: "0101", householderName: "钱国庆" },
      { building: "美湖花园 21栋", unit: "1单元", room: "0102", householderName: undefined },
      { building: "美湖花园 21栋", unit: "2单元", room: "0201", householderName: "冯玉梅" },
    ]);
  });

  it("reads UTF-8 strictly, with or without a byte-order mark", async () => {
    const text = "楼栋,单元,房号\n湖畔雅苑 1栋,1单元,101\n";
    const plain = new TextEncoder().encode(text);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeCsvBytes(plain)).toEqual({ text, encoding: "utf8" });
    expect(decodeCsvBytes(withBom)).toEqual({ text, encoding: "utf8" });
    expect(must(await readRosterFile("roster.CSV", withBom))).toEqual({ csv: text, read: { source: "utf8" } });
  });

  it("refuses a file that is neither CSV nor .xlsx, an old .xls and a binary file renamed .csv", async () => {
    expect(await readRosterFile("roster.pdf", new TextEncoder().encode("%PDF-1.7"))).toEqual({
      ok: false,
      code: "file_type",
    });
    expect(
      await readRosterFile("roster.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
    ).toEqual({ ok: false, code: "file_type" });
    expect(
      await readRosterFile("photo.csv", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    ).toEqual({ ok: false, code: "file_type" });
    expect(await readRosterFile("big.csv", new Uint8Array(2_000_001).fill(0x41))).toEqual({
      ok: false,
      code: "file_too_large",
    });
  });

  it("carries how a file was read through the import form, and trusts nothing else", () => {
    expect(rosterReadOf(JSON.stringify({ source: "gb18030" }))).toEqual({ source: "gb18030" });
    expect(rosterReadOf(JSON.stringify({ source: "xlsx", sheet: "名册", roomsNotText: [3] }))).toEqual({
      source: "xlsx",
      sheet: "名册",
      roomsNotText: [3],
    });
    expect(rosterReadOf("{not json")).toEqual({ source: "text" });
    expect(rosterReadOf(JSON.stringify({ source: "latin1" }))).toEqual({ source: "text" });
    expect(rosterReadOf(null)).toEqual({ source: "text" });
  });
});

describe("reading an Excel workbook", () => {
  const workbook = async (rows: (string | number | null)[][], sheet = "名册") =>
    new Uint8Array(
      await writeXlsxFile(
        rows.map((r) => r.map((v) => (typeof v === "number" ? { value: v, type: Number } : v))),
        { sheet },
      ).toBuffer(),
    );

  it("reads the first sheet with Chinese headers, keeping a text room 0102 as it is", async () => {
    const bytes = await workbook([
      ["楼栋", "单元", "房号", "户主"],
      ["美湖花园 22栋", "1单元", "0102", "钱国庆"],
      [null, null, null, null],
      ["美湖花园 22栋", "1单元", "0103, 东", "冯玉梅"],
    ]);
    const { csv, read } = must(await readRosterFile("名册.xlsx", bytes));
    expect(read).toEqual({ source: "xlsx", sheet: "名册" });
    expect(parseRosterCsv(csv).rows.map((r) => r.row)).toEqual([
      { building: "美湖花园 22栋", unit: "1单元", room: "0102", householderName: "钱国庆" },
      { building: "美湖花园 22栋", unit: "1单元", room: "0103, 东", householderName: "冯玉梅" },
    ]);
  });

  it("reads English headers, and names the lines whose room Excel holds as a number", async () => {
    const bytes = await workbook(
      [
        ["Building", "Unit", "Room"],
        ["Lake View 3", 1, 102],
        ["Lake View 3", 1, "0103"],
        ["Lake View 3", 2, 201],
      ],
      "Sheet1",
    );
    const { csv, read } = must(await readRosterFile("roster.xlsx", bytes));
    expect(read).toEqual({ source: "xlsx", sheet: "Sheet1", roomsNotText: [2, 4] });
    expect(parseRosterCsv(csv).rows.map((r) => [r.line, r.row?.unit, r.row?.room])).toEqual([
      [2, "1", "102"],
      [3, "1", "0103"],
      [4, "2", "201"],
    ]);
  });

  it("gives a workbook the same row-by-row checks as a CSV", async () => {
    const bytes = await workbook([
      ["楼栋", "单元", "房号"],
      ["美湖花园 23栋", "1单元", "101"],
      ["美湖花园 23栋", null, "102"],
      ["美湖花园 23栋", "1单元", "101"],
    ]);
    const parsed = parseRosterCsv(must(await readRosterFile("r.xlsx", bytes)).csv);
    expect(parsed.rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [3, ["unit_required"]],
      [4, ["duplicate_in_file"]],
    ]);
    const noRoom = await workbook([
      ["楼栋", "单元"],
      ["A", "1"],
    ]);
    expect(parseRosterCsv(must(await readRosterFile("r.xlsx", noRoom)).csv)).toMatchObject({
      fileError: "missing_columns",
      missingColumns: ["room"],
    });
  });

  it("refuses a broken workbook, a truncated one and one that unpacks to far more than a roster", async () => {
    const good = await workbook([
      ["楼栋", "单元", "房号"],
      ["A", "1", "101"],
    ]);
    expect(await readRosterFile("r.xlsx", new TextEncoder().encode("楼栋,单元,房号\nA,1,101\n"))).toEqual({
      ok: false,
      code: "file_unreadable",
    });
    expect(await readRosterFile("r.xlsx", good.subarray(0, Math.floor(good.length / 2)))).toEqual({
      ok: false,
      code: "file_unreadable",
    });
    // The archive's directory is whole but the sheet inside it is not.
    const damaged = good.slice();
    damaged.fill(0x55, 60, 600);
    expect(await readRosterFile("r.xlsx", damaged)).toEqual({ ok: false, code: "file_unreadable" });
    // A workbook renamed .csv is still read as a workbook.
    expect(must(await readRosterFile("r.csv", good)).read.source).toBe("xlsx");
    expect(unpackedSize(good)).toBeGreaterThan(0);
    expect(unpackedSize(good)).toBeLessThan(100_000);
    // The same archive claiming a 4 GB entry in its central directory.
    const bomb = good.slice();
    const view = new DataView(bomb.buffer);
    const central = bomb.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 0xfffffff0, true);
    expect(unpackedSize(bomb)).toBeGreaterThan(4_000_000_000);
    expect(await readRosterFile("r.xlsx", bomb)).toEqual({ ok: false, code: "file_unreadable" });
  });
});
