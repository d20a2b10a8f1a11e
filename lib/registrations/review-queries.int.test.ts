import Papa from "papaparse";
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, festivals, registrationLinks } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeMember, makeUser, must } from "@/tests/support/fixtures";
import { athlete, backstage, openFestival, performer, player } from "@/tests/support/registration-fixtures";
import type { Actor } from "@/lib/actor";
import zh from "@/messages/zh-CN.json";
import en from "@/messages/en.json";
import { declineLink, decideRegistrations, register, setCapacity } from "./service";
import { addActToProgramme, assignShift, createShift, setNote } from "./review-service";
import { countByStatus, getPlacesOverview, getReviewFestival, listReview, type ReviewRow } from "./review-queries";
import { exportRegistrations, guardCell, reviewCsv, reviewXlsx, type Translate } from "./review-export";
import { firstName } from "./review-details";
import { reviewFilterSchema, type ReviewFilters } from "./schemas";

let t: TestDb;
let organiser: Actor;
let f: Awaited<ReturnType<typeof openFestival>>;
let festivalId: string;
const ids: Record<string, string> = {};
const phones: Record<string, string> = {};

/** next-intl's `t` for the review messages, without next-intl: plain {placeholders} only. */
function translator(messages: Record<string, unknown>): Translate {
  const lookup = (key: string) =>
    key.split(".").reduce<unknown>((m, k) => (m as Record<string, unknown> | undefined)?.[k], messages);
  const t = ((key: string, values: Record<string, string | number> = {}) => {
    const m = lookup(key);
    if (typeof m !== "string") throw new Error(`no message ${key}`);
    return m.replace(/\{(\w+)\}/g, (_, k) => String(values[k]));
  }) as Translate;
  t.has = (key) => typeof lookup(key) === "string";
  return t;
}
const tZh = translator(zh.review);

const list = async (filters: Partial<ReviewFilters> = {}) =>
  must(await listReview(t.db, organiser, festivalId, { page: 1, ...filters })).rows;
const names = (rows: ReviewRow[]) => rows.map((r) => r.participant.name).sort();

beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  f = await openFestival(t.db, organiser);
  // 陈刚 has no household: a festival that lets such accounts register shows them without one.
  await t.db.update(festivals).set({ registrationNeedsHousehold: false }).where(eq(festivals.slug, f.slug));
  festivalId = must(await getReviewFestival(t.db, organiser, f.slug))!.id;
  const lake3 = await makeHousehold(t.db, { building: "美湖花园 3栋", unit: "1单元", room: "301" });
  const shore5 = await makeHousehold(t.db, { building: "湖畔雅苑 5栋", unit: "2单元", room: "0502" });
  const person = async (name: string, householdId: string | null) => {
    const u = await makeUser(t.db, { name, householdId, verified: !!householdId });
    phones[name] = u.phone;
    return actorOf(t.db, u.id);
  };
  const zhang = await person("张桂兰", lake3.id);
  const li = await person("李秀梅", shore5.id);
  const zhou = await person("周建华", shore5.id);
  const wu = await person("吴丽", lake3.id);
  const chen = await person("陈刚", null);
  const plus = await person("+王五", lake3.id);

  // A group act naming a co-performer who declines; a child of the household in the tug-of-war.
  ids.act = must(
    await register(
      t.db,
      zhang,
      performer(f.slug, {
        actTitle: "茉莉花",
        group: true,
        performers: ["张桂兰", "李秀梅"],
        coPerformerPhones: [phones["李秀梅"]],
        stageNeeds: ["music"],
      }),
    ),
  ).id;
  const [link] = await t.db.select().from(registrationLinks).where(eq(registrationLinks.registrationId, ids.act));
  must(await declineLink(t.db, li, link.id));
  ids.child = must(
    await register(
      t.db,
      zhang,
      athlete(f.slug, f.sportId, {
        participant: {
          kind: "member",
          memberId: (await makeMember(t.db, lake3.id, "王小明", 9)).id,
          guardianConsent: true,
        },
      }),
    ),
  ).id;
  ids.relay = must(
    await register(t.db, li, athlete(f.slug, f.relayId, { teamAction: "create", team: "Blue Stars" })),
  ).id;
  // Chess has one place: 周建华 holds it, 吴丽 then 陈刚 wait.
  must(await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.chessId}`, capacity: 1 }));
  ids.chess = must(await register(t.db, zhou, player(f.slug, f.chessId))).id;
  ids.wait1 = must(await register(t.db, wu, player(f.slug, f.chessId))).id;
  ids.wait2 = must(await register(t.db, chen, player(f.slug, f.chessId))).id;
  // Text a spreadsheet would run as formulas.
  ids.formula = must(
    await register(t.db, plus, performer(f.slug, { actTitle: '=HYPERLINK("http://x","点我")', minutes: 5 })),
  ).id;
  must(await setNote(t.db, organiser, { id: ids.formula, note: '@SUM(1,2), "引号"\n第二行' }));
  must(await decideRegistrations(t.db, organiser, { ids: [ids.formula], decision: "reject", reason: "-2 节目重复" }));
  // An accepted act in the programme, and a backstage pioneer on a shift.
  must(await decideRegistrations(t.db, organiser, { ids: [ids.act], decision: "accept" }));
  must(await addActToProgramme(t.db, organiser, { id: ids.act, blockId: f.blockId }));
  ids.helper = must(await register(t.db, wu, backstage(f.slug, { skills: ["sound", "first_aid"] }))).id;
  const shift = must(
    await createShift(t.db, organiser, {
      festivalSlug: f.slug,
      title: "音响",
      skill: "sound",
      startsAt: "2027-01-16T01:00:00Z",
      endsAt: "2027-01-16T04:00:00Z",
      places: 2,
    }),
  );
  must(await assignShift(t.db, organiser, { shiftId: shift.id, ids: [ids.helper] }));
});
afterAll(async () => t?.close());

describe("the review list", () => {
  it("shows every registration of the festival with its facts", async () => {
    const rows = await list();
    expect(rows).toHaveLength(8);
    const act = rows.find((r) => r.id === ids.act)!;
    expect(act).toMatchObject({
      participant: { name: "张桂兰", age: null, child: false },
      registrant: { name: "张桂兰", phone: phones["张桂兰"], building: "美湖花园 3栋", unit: "1单元", room: "301" },
      role: "performer",
      status: "confirmed",
      accepted: true,
      links: [{ kind: "co_performer", name: "李秀梅", declined: true }],
      programmeItem: { title: "茉莉花" },
      details: {
        role: "performer",
        actTitle: "茉莉花",
        actType: "choir",
        group: true,
        performers: ["张桂兰", "李秀梅"],
        minutes: 6,
        stageNeeds: ["music"],
      },
    });
    expect(rows.find((r) => r.id === ids.relay)).toMatchObject({
      team: "Blue Stars",
      item: { title: "接力跑", kind: "sport_event" },
    });
    const helper = rows.find((r) => r.id === ids.helper)!;
    expect(helper.shifts.map((s) => s.title)).toEqual(["音响"]);
    expect(helper.details).toMatchObject({
      role: "backstage",
      skills: ["sound", "first_aid"],
      available: [{ startsAt: new Date("2027-01-16T01:00:00Z") }],
    });
    // Someone without a household has no address.
    expect(rows.find((r) => r.id === ids.wait2)!.registrant).toMatchObject({ name: "陈刚", building: null });
  });

  it("shows a household member under 14 by first name and age only", async () => {
    const child = (await list()).find((r) => r.id === ids.child)!;
    expect(child.participant).toEqual({ name: "小明", age: 9, child: true });
    expect(JSON.stringify(child)).not.toContain("王小明");
    // Nor can the full name be found by searching for it.
    expect(await list({ q: "王小明" })).toEqual([]);
    expect(firstName("欧阳娜娜")).toBe("娜娜");
    expect(firstName("小宝")).toBe("小宝");
    expect(firstName("Lily Wang")).toBe("Lily");
  });

  it("gives waiting-list places in arrival order among those waiting for the same places", async () => {
    const rows = await list({ item: f.chessId });
    expect(rows.map((r) => [r.participant.name, r.status, r.position])).toEqual([
      ["周建华", "confirmed", null],
      ["吴丽", "waitlisted", 1],
      ["陈刚", "waitlisted", 2],
    ]);
  });

  it("narrows by role, status, item and building, and the filters combine", async () => {
    expect(names(await list({ role: "performer" }))).toEqual(["+王五", "张桂兰"]);
    expect(names(await list({ role: "athlete" }))).toEqual(["小明", "李秀梅"]);
    expect(names(await list({ status: "waitlisted" }))).toEqual(["吴丽", "陈刚"]);
    expect(names(await list({ status: "rejected" }))).toEqual(["+王五"]);
    expect(names(await list({ status: "accepted" }))).toEqual(["张桂兰"]);
    expect(names(await list({ status: "pending" }))).toEqual(["吴丽", "周建华", "小明", "李秀梅"].sort());
    expect(names(await list({ status: "confirmed" }))).toEqual(["吴丽", "周建华", "小明", "张桂兰", "李秀梅"].sort());
    expect(await list({ status: "cancelled" })).toEqual([]);
    expect(names(await list({ item: f.relayId }))).toEqual(["李秀梅"]);
    expect(names(await list({ building: "湖畔雅苑 5栋" }))).toEqual(["周建华", "李秀梅"]);
    expect(names(await list({ building: "美湖花园 3栋", role: "player" }))).toEqual(["吴丽"]);
    expect(names(await list({ building: "美湖花园 3栋", status: "waitlisted", role: "player" }))).toEqual(["吴丽"]);
    expect(await list({ building: "没有这栋楼" })).toEqual([]);
  });

  it("finds by participant, registrant, phone, act title and team; a search is text, not a pattern", async () => {
    expect(names(await list({ q: "周建" }))).toEqual(["周建华"]);
    // The registrant's name finds their child's registration too.
    expect(names(await list({ q: "张桂兰" }))).toEqual(["小明", "张桂兰"]);
    expect(names(await list({ q: phones["陈刚"] }))).toEqual(["陈刚"]);
    expect(names(await list({ q: "茉莉" }))).toEqual(["张桂兰"]);
    expect(names(await list({ q: "blue" }))).toEqual(["李秀梅"]);
    expect(await list({ q: "%" })).toEqual([]);
    expect(await list({ q: "_" })).toEqual([]);
  });

  it("counts per status under the other filters, and pages", async () => {
    expect(must(await countByStatus(t.db, organiser, festivalId, {}))).toEqual({
      all: 8,
      pending: 4,
      accepted: 1,
      confirmed: 5,
      waitlisted: 2,
      rejected: 1,
      cancelled: 0,
    });
    expect(
      must(await countByStatus(t.db, organiser, festivalId, { role: "player", status: "rejected" })),
    ).toMatchObject({
      all: 3,
      confirmed: 1,
      waitlisted: 2,
      rejected: 0,
    });
    const first = must(await listReview(t.db, organiser, festivalId, { page: 1 }, 3));
    const third = must(await listReview(t.db, organiser, festivalId, { page: 3 }, 3));
    expect([first.total, first.pageCount, first.rows.length, third.rows.length]).toEqual([8, 3, 3, 2]);
    // A page past the end shows the last one.
    expect(must(await listReview(t.db, organiser, festivalId, { page: 99 }, 3)).page).toBe(3);
  });

  it("reads the address's filters leniently: unknown values are dropped, never an error", () => {
    expect(
      reviewFilterSchema.parse({
        role: "juggler",
        status: "",
        item: "x",
        q: "  ",
        page: "-4",
        building: "美湖花园 3栋",
      }),
    ).toEqual({ page: 1, building: "美湖花园 3栋" });
  });

  it("gives the places per role and per event: limit, taken and waiting", async () => {
    const places = must(await getPlacesOverview(t.db, organiser, festivalId));
    expect(places.roles.find((r) => r.role === "player")).toMatchObject({ capacity: null, taken: 1, waiting: 2 });
    const chess = places.items.find((i) => i.itemId === f.chessId)!;
    expect(chess).toMatchObject({ title: "象棋比赛", capacity: 1, taken: 1, waiting: 2 });
    expect(places.items.map((i) => i.title).sort()).toEqual(["接力跑", "拔河比赛", "象棋比赛"].sort());
  });
});

describe("the CSV export", () => {
  const parse = (csv: string) => Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;

  it("starts with a byte-order mark, keeps the Chinese, and has a header row in the reader's language", async () => {
    const result = must(
      await exportRegistrations(t.db, organiser, { slug: f.slug, filters: {} }, tZh, new Date("2027-01-10T02:00:00Z")),
    );
    expect(result.filename).toBe(`registrations-${f.slug}-2027-01-10.csv`);
    expect(result.csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(result.csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parse(result.csv);
    expect(header.slice(0, 4)).toEqual(["参加人", "年龄", "报名人", "手机号"]);
    expect(rows).toHaveLength(8);
    const act = rows.find((r) => r[0] === "张桂兰" && r[7] === "台前演员")!;
    expect(act).toContain("茉莉花");
    expect(act).toContain("已确认");
    expect(act).toContain("李秀梅（已谢绝）");
    // The child by first name and age only, here too.
    expect(rows.some((r) => r[0] === "小明" && r[1] === "9")).toBe(true);
    expect(result.csv).not.toContain("王小明");
    const en_ = must(
      await exportRegistrations(t.db, organiser, { slug: f.slug, filters: { role: "player" } }, translator(en.review)),
    );
    const [enHeader, ...enRows] = parse(en_.csv);
    expect(enHeader[0]).toBe("Participant");
    expect(enRows.map((r) => r[9]).sort()).toEqual(["To review", "Waiting list", "Waiting list"]);
  });

  it("exports only what the filters show", async () => {
    const result = must(
      await exportRegistrations(
        t.db,
        organiser,
        { slug: f.slug, filters: { item: f.chessId, status: "waitlisted" } },
        tZh,
      ),
    );
    expect(
      parse(result.csv)
        .slice(1)
        .map((r) => [r[0], r[10]]),
    ).toEqual([
      ["吴丽", "1"],
      ["陈刚", "2"],
    ]);
  });

  it("keeps a resident's text from running as a formula, and quotes commas, quotes and line breaks", async () => {
    const result = must(
      await exportRegistrations(t.db, organiser, { slug: f.slug, filters: { status: "rejected" } }, tZh),
    );
    const [row] = parse(result.csv).slice(1);
    expect(row[0]).toBe("'+王五");
    expect(row).toContain(`'=HYPERLINK("http://x","点我")`);
    expect(row).toContain(`'@SUM(1,2), "引号"\n第二行`);
    expect(row).toContain("'-2 节目重复");
    // Every cell is quoted, so no cell starts a line on its own.
    expect(result.csv.split("\r\n")[1].startsWith('"')).toBe(true);
    expect(["=1", "+1", "-1", "@a", "\t=1", "\r=1", "a=1", "1-2"].map(guardCell)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@a",
      "'\t=1",
      "'\r=1",
      "a=1",
      "1-2",
    ]);
  });

  it("is refused to a resident and a visitor, who get nothing; every attempt is logged", async () => {
    const resident = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    expect(await exportRegistrations(t.db, resident, { slug: f.slug, filters: {} }, tZh)).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await exportRegistrations(t.db, null, { slug: f.slug, filters: {} }, tZh)).toEqual({
      ok: false,
      code: "forbidden",
    });
    const logged = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "registrations.export"), eq(auditLog.outcome, "refused")));
    expect(logged.map((l) => l.actorId)).toEqual([resident.id, null]);
    expect(await exportRegistrations(t.db, organiser, { slug: "no-such-festival", filters: {} }, tZh)).toEqual({
      ok: false,
      code: "not_found",
    });
    // An organiser's export is logged with what it held.
    const done = await t.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "registrations.export"),
          eq(auditLog.outcome, "ok"),
          eq(auditLog.actorId, organiser.id),
        ),
      );
    expect(done.map((l) => l.details)).toContainEqual({
      filters: { item: f.chessId, status: "waitlisted" },
      rows: 2,
      format: "csv",
    });
  });

  it("writes an empty list as just the header", () => {
    const rows = parse(reviewCsv([], tZh, "Asia/Shanghai"));
    expect(rows).toHaveLength(1);
    expect(rows[0][0]).toBe("参加人");
  });
});

describe("the Excel export", () => {
  const parseCsv = (csv: string) => Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
  const readBack = async (xlsx: Buffer) => {
    const [sheet, ...others] = await readXlsxFile(xlsx);
    expect(others).toHaveLength(0);
    return sheet;
  };

  it("holds the same rows as the CSV, with rooms like 0502 and phone numbers as text", async () => {
    const csv = must(
      await exportRegistrations(t.db, organiser, { slug: f.slug, filters: {} }, tZh, new Date("2027-01-10T02:00:00Z")),
    );
    const xlsx = must(
      await exportRegistrations(
        t.db,
        organiser,
        { slug: f.slug, filters: {}, format: "xlsx" },
        tZh,
        new Date("2027-01-10T02:00:00Z"),
      ),
    );
    expect(xlsx.filename).toBe(`registrations-${f.slug}-2027-01-10.xlsx`);
    const sheet = await readBack(xlsx.xlsx);
    expect(sheet.sheet).toBe("报名");
    const [header, ...rows] = sheet.data;
    const [csvHeader, ...csvRows] = parseCsv(csv.csv);
    expect(header).toEqual(csvHeader);
    expect(rows).toHaveLength(8);
    // Cell for cell what the CSV says; the CSV's apostrophe against formulas is not needed in a text cell.
    expect(rows.map((r) => r.map((c) => (c === null ? "" : typeof c === "string" ? guardCell(c) : String(c))))).toEqual(
      csvRows,
    );

    const col = (name: string) => header.indexOf(name);
    const li = rows.find((r) => r[col("报名人")] === "李秀梅")!;
    expect(li[col("房号")]).toBe("0502");
    expect(li[col("手机号")]).toBe(phones["李秀梅"]);
    expect(rows.every((r) => typeof r[col("手机号")] === "string")).toBe(true);
    // Ages stay numbers a spreadsheet can sort.
    expect(rows.find((r) => r[0] === "小明")![col("年龄")]).toBe(9);
  });

  it("keeps a resident's formula-like text as text, never a formula", async () => {
    const xlsx = must(
      await exportRegistrations(
        t.db,
        organiser,
        { slug: f.slug, filters: { status: "rejected" }, format: "xlsx" },
        translator(en.review),
      ),
    );
    const { sheet, data } = await readBack(xlsx.xlsx);
    expect(sheet).toBe("Registrations");
    expect(data[0][0]).toBe("Participant");
    expect(data[1][0]).toBe("+王五");
    expect(data[1]).toContain(`=HYPERLINK("http://x","点我")`);
  });

  it("is refused to a resident and a visitor exactly as the CSV is, and logged", async () => {
    const resident = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    expect(await exportRegistrations(t.db, resident, { slug: f.slug, filters: {}, format: "xlsx" }, tZh)).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await exportRegistrations(t.db, null, { slug: f.slug, filters: {}, format: "xlsx" }, tZh)).toEqual({
      ok: false,
      code: "forbidden",
    });
    const logged = await t.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "registrations.export"),
          eq(auditLog.outcome, "refused"),
          eq(auditLog.actorId, resident.id),
        ),
      );
    expect(logged.map((l) => l.details)).toEqual([{ slug: f.slug, format: "xlsx" }]);
  });

  it("writes an empty list as just the header", async () => {
    const { data } = await readBack(await reviewXlsx([], tZh, "Asia/Shanghai"));
    expect(data).toHaveLength(1);
    expect(data[0][0]).toBe("参加人");
  });
});
