import { describe, expect, it } from "vitest";
import { parseRosterCsv } from "./roster-csv";

describe("roster CSV", () => {
  it("reads Chinese headers, a byte-order mark and CRLF line ends", () => {
    const r = parseRosterCsv(
      "\uFEFF楼栋,单元,房号,户主\r\n美湖花园 1栋,1单元,101,王建国\r\n美湖花园 1栋,1单元,102,\r\n",
    );
    expect(r.fileError).toBeUndefined();
    expect(r.rows.map((x) => x.row)).toEqual([
      { building: "美湖花园 1栋", unit: "1单元", room: "101", householderName: "王建国" },
      { building: "美湖花园 1栋", unit: "1单元", room: "102", householderName: undefined },
    ]);
  });
  it("reads English headers in any order", () => {
    const r = parseRosterCsv("Room,Building,Unit\n301,Lake View 2,2\n");
    expect(r.rows[0].row).toEqual({ building: "Lake View 2", unit: "2", room: "301", householderName: undefined });
  });
  it("gives each bad row its own errors and line number", () => {
    const r = parseRosterCsv("building,unit,room\nA,1,101\n,1,102\nA,1,101\nA,,\n");
    expect(r.rows.map((x) => [x.line, x.errors])).toEqual([
      [2, []],
      [3, ["building_required"]],
      [4, ["duplicate_in_file"]],
      [5, ["unit_required", "room_required"]],
    ]);
  });
  it("names missing columns and refuses empty files", () => {
    expect(parseRosterCsv("building,room\nA,1\n")).toMatchObject({
      fileError: "missing_columns",
      missingColumns: ["unit"],
    });
    expect(parseRosterCsv("building,unit,room\n").fileError).toBe("empty");
    expect(parseRosterCsv("").fileError).toBe("empty");
  });
  it("keeps quoted commas inside a field", () => {
    const r = parseRosterCsv('building,unit,room,householder\n"Block 1, East",1,101,"Li, Wei"\n');
    expect(r.rows[0].row?.building).toBe("Block 1, East");
    expect(r.rows[0].row?.householderName).toBe("Li, Wei");
  });
});
