import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { and, eq } from "drizzle-orm";
import { auditLog, households } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, rowCount } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { importRoster, previewRosterImport, regenerateHouseholdCode } from "./roster-service";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const GOOD =
  "楼栋,单元,房号,户主\n湖畔雅苑 7栋,1单元,101,周建国\n湖畔雅苑 7栋,1单元,102,\n湖畔雅苑 7栋,2单元,101,吴淑芬\n";
const ONE_BAD =
  "楼栋,单元,房号,户主\n湖畔雅苑 8栋,1单元,101,周建国\n湖畔雅苑 8栋,,102,\n湖畔雅苑 8栋,2单元,101,吴淑芬\n";

describe("roster import", () => {
  it("previews row by row and writes nothing", async () => {
    const before = await rowCount(t.db, households);
    const r = await previewRosterImport(t.db, organiser, { csv: ONE_BAD });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject({ newCount: 2, existingCount: 0, errorCount: 1 });
    expect(r.data.rows[1]).toMatchObject({ line: 3, status: "error", errors: ["unit_required"] });
    expect(await rowCount(t.db, households)).toBe(before);
  });

  it("imports nothing when one row is bad, then everything once it is fixed", async () => {
    const before = await rowCount(t.db, households);
    const bad = await importRoster(t.db, organiser, { csv: ONE_BAD });
    expect(bad).toMatchObject({ ok: false, code: "import_has_errors", preview: { errorCount: 1 } });
    expect(await rowCount(t.db, households)).toBe(before);

    const fixed = ONE_BAD.replace("湖畔雅苑 8栋,,102,", "湖畔雅苑 8栋,1单元,102,");
    expect(await importRoster(t.db, organiser, { csv: fixed })).toEqual({
      ok: true,
      data: { created: 3, existing: 0 },
    });
    expect(await rowCount(t.db, households)).toBe(before + 3);
    const rows = await t.db.select().from(households).where(eq(households.building, "湖畔雅苑 8栋"));
    expect(new Set(rows.map((r) => r.code)).size).toBe(3);
    expect(rows.every((r) => /^[2-9A-HJKMNP-Z]{8}$/.test(r.code))).toBe(true);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "households.import"), eq(auditLog.actorId, organiser.id)));
    expect(entry.details).toMatchObject({ created: 3 });
  });

  it("leaves households already in the roster unchanged on a second import", async () => {
    expect(await importRoster(t.db, organiser, { csv: GOOD })).toEqual({ ok: true, data: { created: 3, existing: 0 } });
    const [first] = await t.db
      .select()
      .from(households)
      .where(and(eq(households.building, "湖畔雅苑 7栋"), eq(households.room, "101"), eq(households.unit, "1单元")));
    const again = await importRoster(t.db, organiser, { csv: GOOD + "湖畔雅苑 7栋,2单元,102,\n" });
    expect(again).toEqual({ ok: true, data: { created: 1, existing: 3 } });
    const [same] = await t.db.select().from(households).where(eq(households.id, first.id));
    expect(same.code).toBe(first.code);
  });

  it("refuses a file without the needed columns, writing nothing", async () => {
    const before = await rowCount(t.db, households);
    const r = await importRoster(t.db, organiser, { csv: "name,phone\n王,138\n" });
    expect(r).toMatchObject({ ok: false, code: "import_has_errors", preview: { fileError: "missing_columns" } });
    expect(await importRoster(t.db, organiser, { csv: "" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await rowCount(t.db, households)).toBe(before);
  });

  it("gives a household a new code and refuses unknown ids", async () => {
    const [h] = await t.db.select().from(households).limit(1);
    const r = await regenerateHouseholdCode(t.db, organiser, h.id);
    expect(r.ok).toBe(true);
    const [after] = await t.db.select().from(households).where(eq(households.id, h.id));
    expect(after.code).not.toBe(h.code);
    expect(await regenerateHouseholdCode(t.db, organiser, "00000000-0000-0000-0000-000000000000")).toEqual({
      ok: false,
      code: "not_found",
    });
    expect(await regenerateHouseholdCode(t.db, organiser, "x")).toEqual({ ok: false, code: "invalid" });
  });
});

describe("roster import from a file", () => {
  const gbk = new Uint8Array(readFileSync(new URL("../../tests/fixtures/roster-gbk.csv", import.meta.url)));

  it("reads a CSV saved by Excel on a Chinese Windows (GBK), says so, and imports what it showed", async () => {
    const r = await previewRosterImport(t.db, organiser, { file: { name: "名册.csv", bytes: gbk } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject({ newCount: 3, errorCount: 0, read: { source: "gb18030" } });
    expect(r.data.rows[1]).toMatchObject({ building: "美湖花园 21栋", unit: "1单元", room: "0102", status: "new" });
    expect(await importRoster(t.db, organiser, { csv: r.data.csv })).toEqual({
      ok: true,
      data: { created: 3, existing: 0 },
    });
    const rooms = await t.db
      .select({ room: households.room })
      .from(households)
      .where(eq(households.building, "美湖花园 21栋"));
    expect(rooms.map((x) => x.room).sort()).toEqual(["0101", "0102", "0201"]);
  });

  it("reads an Excel workbook; a file of another kind or a broken workbook is refused and writes nothing", async () => {
    const xlsx = new Uint8Array(
      await writeXlsxFile(
        [
          ["楼栋", "单元", "房号"],
          ["美湖花园 24栋", "1单元", "0102"],
          ["美湖花园 24栋", "1单元", { value: 103, type: Number }],
        ],
        { sheet: "Sheet1" },
      ).toBuffer(),
    );
    const r = await previewRosterImport(t.db, organiser, { file: { name: "roster.xlsx", bytes: xlsx } });
    expect(r).toMatchObject({
      ok: true,
      data: { newCount: 2, read: { source: "xlsx", sheet: "Sheet1", roomsNotText: [3] } },
    });
    if (r.ok) expect(r.data.rows.map((x) => x.room)).toEqual(["0102", "103"]);

    const before = await rowCount(t.db, households);
    expect(
      await previewRosterImport(t.db, organiser, { file: { name: "roster.docx", bytes: xlsx.subarray(0, 10) } }),
    ).toMatchObject({ ok: false, code: "file_unreadable" });
    expect(await previewRosterImport(t.db, organiser, { file: { name: "roster.txt", bytes: gbk } })).toEqual({
      ok: false,
      code: "file_type",
    });
    expect(await previewRosterImport(t.db, organiser, { file: { name: "roster.xlsx", bytes: gbk } })).toEqual({
      ok: false,
      code: "file_unreadable",
    });
    expect(await rowCount(t.db, households)).toBe(before);
  });

  it("opens no file for someone who may not import", async () => {
    const resident = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    expect(await previewRosterImport(t.db, resident, { file: { name: "名册.csv", bytes: gbk } })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await previewRosterImport(t.db, null, { file: { name: "名册.csv", bytes: gbk } })).toEqual({
      ok: false,
      code: "forbidden",
    });
  });
});
