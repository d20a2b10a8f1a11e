import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { festivals } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { makeFestival } from "@/tests/support/festival-fixtures";
import { actorOf, makeHousehold, makeUser } from "@/tests/support/fixtures";
import {
  publishFieldErrors,
  publishInputFromForm,
  reasonField,
  tieField,
  TIE_CATEGORY_FIELD,
  vettingFilterSchema,
} from "./admin-forms";
import {
  countVetting,
  getStarsAdminFestival,
  listCategoriesForAdmin,
  listMergeCandidates,
  listVetting,
  mergeTargetsFor,
  publishPreview,
} from "./admin-queries";
import { publishedWinners } from "./queries";
import {
  castBallot,
  createCategory,
  editStory,
  mergeNominations,
  nominate,
  publishResults,
  vetNominations,
} from "./service";

// The organisers' reads behind the Neighbourhood Star pages, on a festival whose nomination
// window is 1–5 January 2027 and voting 6–10 January; each call says what time it is.
const NOMINATING = { now: new Date("2027-01-03T02:00:00Z") };
const VOTING = { now: new Date("2027-01-08T02:00:00Z") };
const CLOSED = { now: new Date("2027-01-11T02:00:00Z") };

let t: TestDb;
let organiser: Actor;
let festivalId: string;
let slug: string;
const cat: Record<"help" | "family", string> = { help: "", family: "" };
const nom: Record<string, string> = {};

const must = <T>(r: { ok: true; data: T } | { ok: false; code: string; fieldErrors?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
};
const resident = async (name = "测试居民") => actorOf(t.db, (await makeUser(t.db, { verified: true, name })).id);
const named = (categoryId: string, name: string, story: string, building = "美湖花园 3栋", unit = "2单元") => ({
  festivalSlug: slug,
  categoryId,
  nominee: { kind: "named", name, building, unit },
  story,
});
const filters = (over: Record<string, string> = {}) => vettingFilterSchema.parse(over);

beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  slug = (await makeFestival(t.db, organiser)).slug;
  const [f] = await t.db
    .update(festivals)
    .set({
      status: "published",
      nominationOpensAt: new Date("2027-01-01T01:00:00Z"),
      nominationClosesAt: new Date("2027-01-05T10:00:00Z"),
      votingOpensAt: new Date("2027-01-06T01:00:00Z"),
      votingClosesAt: new Date("2027-01-10T10:00:00Z"),
    })
    .where(eq(festivals.slug, slug))
    .returning({ id: festivals.id });
  festivalId = f.id;
  cat.help = must(
    await createCategory(
      t.db,
      organiser,
      { festivalSlug: slug, name: "热心公益之星", winners: 2, votesPerVoter: 1, mode: "resident" },
      NOMINATING,
    ),
  ).id;
  cat.family = must(
    await createCategory(
      t.db,
      organiser,
      { festivalSlug: slug, name: "文明家庭", winners: 1, votesPerVoter: 1, mode: "household", nominationCap: 3 },
      NOMINATING,
    ),
  ).id;

  // 周建华 twice in one category, from two neighbours; 王秀英 by her account (her household's address).
  const wangHome = await makeHousehold(t.db, { building: "湖畔雅苑 5栋", unit: "1单元", room: "502" });
  const wang = await makeUser(t.db, { name: "王秀英", householdId: wangHome.id, verified: true });
  const a = await resident("甲");
  const b = await resident("乙");
  nom.zhou1 = must(await nominate(t.db, a, named(cat.help, "周建华", "周师傅义务给邻居修水管。"), null, NOMINATING)).id;
  nom.zhou2 = must(await nominate(t.db, b, named(cat.help, "周建华", "冬天半夜关了总阀。"), null, NOMINATING)).id;
  nom.wang = must(
    await nominate(
      t.db,
      b,
      {
        festivalSlug: slug,
        categoryId: cat.help,
        nominee: { kind: "account", phone: wang.phone, name: "王秀英" },
        story: "王阿姨每周三到社区食堂帮忙。",
      },
      null,
      NOMINATING,
    ),
  ).id;
  nom.li = must(
    await nominate(
      t.db,
      a,
      named(cat.help, "李桂兰", "李奶奶照顾老伴十二年。", "湖畔雅苑 2栋", "3单元"),
      null,
      NOMINATING,
    ),
  ).id;
  nom.sun = must(await nominate(t.db, a, named(cat.family, "孙海涛家", "孙家三代同堂。"), null, NOMINATING)).id;
  nom.he = must(await nominate(t.db, b, named(cat.family, "何丽娟家", "何家带头做垃圾分类。"), null, NOMINATING)).id;
  nom.gao = must(await nominate(t.db, b, named(cat.family, "高德华家", "高家照顾九十岁的父亲。"), null, NOMINATING)).id;
});
afterAll(async () => t?.close());

describe("before voting", () => {
  it("says the rules are open until voting opens, and locked from then on", async () => {
    expect(must(await getStarsAdminFestival(t.db, organiser, slug, NOMINATING.now))).toMatchObject({
      id: festivalId,
      status: "published",
      nomination: "open",
      voting: "before",
      rulesLocked: false,
    });
    expect(must(await getStarsAdminFestival(t.db, organiser, slug, VOTING.now))).toMatchObject({
      voting: "open",
      rulesLocked: true,
    });
    expect(must(await getStarsAdminFestival(t.db, organiser, slug, CLOSED.now))).toMatchObject({
      voting: "after",
      rulesLocked: true,
    });
    // Drafts too: organisers prepare a festival before residents see it.
    await t.db.update(festivals).set({ status: "draft" }).where(eq(festivals.id, festivalId));
    expect(must(await getStarsAdminFestival(t.db, organiser, slug, NOMINATING.now))).toMatchObject({ status: "draft" });
    await t.db.update(festivals).set({ status: "published" }).where(eq(festivals.id, festivalId));
    expect(must(await getStarsAdminFestival(t.db, organiser, "no-such-festival"))).toBeNull();
  });

  it("counts each category's nominations by state, in the categories' order", async () => {
    must(await vetNominations(t.db, organiser, { ids: [nom.zhou1], decision: "approve" }, NOMINATING));
    const list = must(await listCategoriesForAdmin(t.db, organiser, festivalId));
    expect(list.map((c) => [c.name, c.nominations, c.candidates, c.pending, c.mode, c.nominationCap])).toEqual([
      ["热心公益之星", 4, 1, 3, "resident", 2],
      ["文明家庭", 3, 0, 3, "household", 3],
    ]);
  });

  it("lists nominations for vetting with the nominee's address, the nominator and a filter by state and category", async () => {
    const all = must(await listVetting(t.db, organiser, festivalId, filters()));
    expect(all.total).toBe(7);
    // By category, then name: the two nominations of 周建华 sit together.
    expect(all.rows.map((r) => r.categoryId)).toEqual([
      cat.help,
      cat.help,
      cat.help,
      cat.help,
      cat.family,
      cat.family,
      cat.family,
    ]);
    const zhou = all.rows.flatMap((r, i) => (r.nomineeName === "周建华" ? [i] : []));
    expect(zhou[1] - zhou[0]).toBe(1);
    const wang = all.rows.find((r) => r.id === nom.wang)!;
    expect(wang).toMatchObject({
      nomineeHasAccount: true,
      building: "湖畔雅苑 5栋",
      unit: "1单元",
      nominatorName: "乙",
      status: "pending",
      categoryName: "热心公益之星",
    });
    expect(wang.nominatorPhone).toMatch(/^1\d{10}$/);
    expect(all.rows.find((r) => r.id === nom.li)).toMatchObject({
      nomineeHasAccount: false,
      building: "湖畔雅苑 2栋",
      unit: "3单元",
      nominatorName: "甲",
    });

    const pendingHelp = must(
      await listVetting(t.db, organiser, festivalId, filters({ status: "pending", category: cat.help })),
    );
    expect(pendingHelp.rows.map((r) => r.id).sort()).toEqual([nom.zhou2, nom.wang, nom.li].sort());
    expect(must(await countVetting(t.db, organiser, festivalId))).toMatchObject({
      all: 7,
      pending: 6,
      approved: 1,
      rejected: 0,
      merged: 0,
    });
    expect(must(await countVetting(t.db, organiser, festivalId, cat.family))).toMatchObject({
      all: 3,
      pending: 3,
      approved: 0,
    });
    // A filter the address cannot hold is dropped, not an error.
    expect(filters({ status: "nonsense", category: "x", page: "-3" })).toEqual({ page: 1 });
  });

  it("offers the same person in the same category first as a merge target", async () => {
    const candidates = must(await listMergeCandidates(t.db, organiser, festivalId));
    const row = must(await listVetting(t.db, organiser, festivalId, filters())).rows.find((r) => r.id === nom.zhou2)!;
    const targets = mergeTargetsFor(row, candidates);
    expect(targets[0].id).toBe(nom.zhou1);
    expect(targets.map((x) => x.id).sort()).toEqual([nom.zhou1, nom.wang, nom.li].sort());
    expect(targets.every((x) => x.categoryId === cat.help)).toBe(true);
  });

  it("shows a merged story under the nomination it joined, and says where a merged one went", async () => {
    must(await mergeNominations(t.db, organiser, { sourceId: nom.zhou2, targetId: nom.zhou1 }, NOMINATING));
    const approved = must(await listVetting(t.db, organiser, festivalId, filters({ status: "approved" })));
    expect(approved.rows.map((r) => r.id)).toEqual([nom.zhou1]);
    expect(approved.rows[0].merged).toMatchObject([
      { id: nom.zhou2, nomineeName: "周建华", story: "冬天半夜关了总阀。", nominatorName: "乙" },
    ]);
    const merged = must(await listVetting(t.db, organiser, festivalId, filters({ status: "merged" })));
    expect(merged.rows[0]).toMatchObject({
      id: nom.zhou2,
      mergedInto: { id: nom.zhou1, nomineeName: "周建华" },
      merged: [],
    });
    // Merged nominations are no longer merge targets.
    expect(must(await listMergeCandidates(t.db, organiser, festivalId)).map((c) => c.id)).not.toContain(nom.zhou2);
  });

  it("pages the list", async () => {
    const second = must(await listVetting(t.db, organiser, festivalId, { page: 2 }));
    expect(second).toMatchObject({ page: 1, pageCount: 1, total: 7 });
  });

  it("shows an edited story with its new version", async () => {
    const before = must(await listVetting(t.db, organiser, festivalId, filters())).rows.find((r) => r.id === nom.li)!;
    must(
      await editStory(t.db, organiser, {
        id: nom.li,
        version: before.version,
        story: "李奶奶照顾生病的老伴十二年。",
        reason: "去掉了病情",
      }),
    );
    const after = must(await listVetting(t.db, organiser, festivalId, filters())).rows.find((r) => r.id === nom.li)!;
    expect(after).toMatchObject({ story: "李奶奶照顾生病的老伴十二年。", version: before.version + 1 });
  });
});

describe("results", () => {
  beforeAll(async () => {
    must(
      await vetNominations(
        t.db,
        organiser,
        { ids: [nom.wang, nom.li, nom.sun, nom.he, nom.gao], decision: "approve" },
        NOMINATING,
      ),
    );
    // 热心公益之星 (2 places): 周建华 3, 王秀英 1, 李桂兰 1 → 王秀英 and 李桂兰 tie for the last place.
    // 文明家庭 (1 place, by household): 孙海涛家 2, 何丽娟家 1, 高德华家 0.
    for (const choice of [nom.zhou1, nom.zhou1, nom.zhou1, nom.wang, nom.li])
      must(
        await castBallot(
          t.db,
          await resident(),
          { festivalSlug: slug, categoryId: cat.help, candidateIds: [choice] },
          VOTING,
        ),
      );
    for (const choice of [nom.sun, nom.sun, nom.he])
      must(
        await castBallot(
          t.db,
          await resident(),
          { festivalSlug: slug, categoryId: cat.family, candidateIds: [choice] },
          VOTING,
        ),
      );
  });

  it("previews the winners-to-be with the tie at the cut to settle", async () => {
    const preview = must(await publishPreview(t.db, organiser, festivalId, CLOSED.now));
    expect(preview.map((c) => c.name)).toEqual(["热心公益之星", "文明家庭"]);
    const [help, family] = preview;
    expect(help).toMatchObject({
      winners: 2,
      candidates: 3,
      sure: [{ id: nom.zhou1, name: "周建华", building: "美湖花园 3栋", votes: 3 }],
    });
    expect(help.tie).toMatchObject({ places: 1, votes: 1 });
    expect(help.tie!.tied.map((p) => [p.name, p.building]).sort()).toEqual([
      ["李桂兰", "湖畔雅苑 2栋"],
      ["王秀英", "湖畔雅苑 5栋"],
    ]);
    expect(family).toMatchObject({ winners: 1, candidates: 3, sure: [{ id: nom.sun, votes: 2 }], tie: null });
  });

  it("reads the publish form: a tie left alone is unsettled, a half-filled one is named beside its category", async () => {
    const form = (entries: [string, string][]) => {
      const fd = new FormData();
      for (const [k, v] of entries) fd.append(k, v);
      return fd;
    };
    const untouched = publishInputFromForm(
      form([
        ["festivalSlug", slug],
        [TIE_CATEGORY_FIELD, cat.help],
        [reasonField(cat.help), "  "],
      ]),
    );
    expect(untouched).toEqual({ festivalSlug: slug, settlements: [] });
    expect(publishFieldErrors(untouched)).toBeNull();
    const refused = await publishResults(t.db, organiser, untouched, CLOSED);
    expect(refused).toEqual({ ok: false, code: "invalid", fieldErrors: { [`tie:${cat.help}`]: ["tie_unsettled"] } });

    const noReason = publishInputFromForm(
      form([
        ["festivalSlug", slug],
        [TIE_CATEGORY_FIELD, cat.help],
        [tieField(cat.help), nom.li],
        [reasonField(cat.help), ""],
      ]),
    );
    expect(publishFieldErrors(noReason)).toEqual({ [reasonField(cat.help)]: ["reason_required"] });
    const noChoice = publishInputFromForm(
      form([
        ["festivalSlug", slug],
        [TIE_CATEGORY_FIELD, cat.help],
        [reasonField(cat.help), "抽签"],
      ]),
    );
    expect(publishFieldErrors(noChoice)).toEqual({ [tieField(cat.help)]: ["choose_one"] });
    // Both tied chosen for one place: the service names the category.
    const both = publishInputFromForm(
      form([
        ["festivalSlug", slug],
        [TIE_CATEGORY_FIELD, cat.help],
        [tieField(cat.help), nom.li],
        [tieField(cat.help), nom.wang],
        [reasonField(cat.help), "都好"],
      ]),
    );
    expect(publishFieldErrors(both)).toBeNull();
    expect(await publishResults(t.db, organiser, both, CLOSED)).toMatchObject({
      ok: false,
      fieldErrors: { [`tie:${cat.help}`]: ["tie_unsettled"] },
    });
    expect(await publishedWinners(t.db, festivalId)).toBeNull();
  });

  it("publishes what the preview showed, with the settled tie and its reason", async () => {
    const settled = publishInputFromForm(
      (() => {
        const fd = new FormData();
        fd.append("festivalSlug", slug);
        fd.append(TIE_CATEGORY_FIELD, cat.help);
        fd.append(tieField(cat.help), nom.li);
        fd.append(reasonField(cat.help), "李奶奶的事迹更多邻居提到。");
        return fd;
      })(),
    );
    expect(must(await publishResults(t.db, organiser, settled, CLOSED))).toEqual({ winners: 3 });
    const winners = (await publishedWinners(t.db, festivalId))!;
    expect(winners.map((w) => [w.categoryName, w.rank, w.name, w.votes, w.tieReason])).toEqual([
      ["热心公益之星", 1, "周建华", 3, null],
      ["热心公益之星", 2, "李桂兰", 1, "李奶奶的事迹更多邻居提到。"],
      ["文明家庭", 1, "孙海涛家", 2, null],
    ]);
    expect(must(await getStarsAdminFestival(t.db, organiser, slug, CLOSED.now))!.publishedAt).toBeInstanceOf(Date);
  });
});
