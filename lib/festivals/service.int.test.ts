import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, festivals, programmeItems, programmePublications, starCategories, venues } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, snapshot } from "@/tests/support/fixtures";
import { hefei, makeFestival } from "@/tests/support/festival-fixtures";
import type { Actor } from "@/lib/actor";
import { createFestival, setFestivalStatus, startFestivalFrom, updateFestival } from "./service";
import { createCategory } from "@/lib/stars/service";
import {
  createItem,
  createVenue,
  deleteItem,
  deleteVenue,
  publishProgramme,
  reorderActs,
  updateItem,
  type ItemDto,
  type PlacesFollow,
} from "./programme-service";

let t: TestDb;
let organiser: Actor;
let resident: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  resident = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
});
afterAll(async () => t?.close());
// No registrations here: an item's places have nothing to follow.
const noPlaces: PlacesFollow = async () => true;

const item = (
  slug: string,
  venueId: string | null,
  day: 16 | 17,
  from: [number, number],
  to: [number, number],
  extra: Record<string, unknown> = {},
) => ({
  festivalSlug: slug,
  title: "红歌合唱",
  kind: "single_act",
  venueId,
  startsAt: hefei(day, ...from),
  endsAt: hefei(day, ...to),
  ...extra,
});
const must = <T>(r: { ok: boolean; data?: T } | { ok: false }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return (r as { data: T }).data;
};

describe("festivals", () => {
  it("are created as drafts with windows read in the festival's zone", async () => {
    const r = await createFestival(t.db, organiser, {
      slug: "Meihu-Test-1",
      title: "第二十届美湖邻里节",
      edition: 20,
      startsOn: "2027-01-16",
      endsOn: "2027-01-17",
      registrationOpensAt: "2026-12-01T09:00",
      registrationClosesAt: "2027-01-09T18:00",
    });
    expect(r).toEqual({ ok: true, data: { slug: "meihu-test-1" } });
    const [f] = await t.db.select().from(festivals).where(eq(festivals.slug, "meihu-test-1"));
    expect(f).toMatchObject({ status: "draft", timeZone: "Asia/Shanghai", version: 1 });
    expect(f.registrationOpensAt?.toISOString()).toBe("2026-12-01T01:00:00.000Z");
    expect(
      await createFestival(t.db, organiser, {
        slug: "meihu-test-1",
        title: "x",
        edition: 21,
        startsOn: "2027-01-16",
        endsOn: "2027-01-16",
      }),
    ).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { slug: ["slug_taken"] },
    });
  });

  it("refuse bad input with field errors and write nothing", async () => {
    const before = await snapshot(t.db);
    const r = await createFestival(t.db, organiser, {
      slug: "Bad Slug!",
      title: "",
      edition: "x",
      startsOn: "2027-01-17",
      endsOn: "2027-01-16",
      timeZone: "Mars/Base",
      votingOpensAt: "2027-01-10T09:00",
      votingClosesAt: "2027-01-09T09:00",
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["edition", "slug", "timeZone", "title"]);
    expect(await snapshot(t.db)).toBe(before);
  });

  it("save only from the version they were read at", async () => {
    const { slug } = await makeFestival(t.db, organiser);
    const base = { slug, title: "改过的名字", edition: 30, startsOn: "2027-01-16", endsOn: "2027-01-17" };
    expect(await updateFestival(t.db, organiser, { ...base, version: 1 })).toEqual({ ok: true, data: { version: 2 } });
    expect(await updateFestival(t.db, organiser, { ...base, title: "又改", version: 1 })).toEqual({
      ok: false,
      code: "stale_version",
    });
    expect((await setFestivalStatus(t.db, organiser, { slug, status: "archived" })).ok).toBe(true);
    const [f] = await t.db.select().from(festivals).where(eq(festivals.slug, slug));
    expect(f).toMatchObject({ title: "改过的名字", status: "archived" });
  });

  it("once voting has opened, its start stays at or before now and its end after now; each change keeps before and after", async () => {
    const { slug } = await makeFestival(t.db, organiser);
    const base = {
      slug,
      title: "测试邻里节",
      edition: 40,
      startsOn: "2027-01-16",
      endsOn: "2027-01-17",
      votingOpensAt: "2027-01-05T09:00",
      votingClosesAt: "2027-01-10T18:00",
    };
    const [first] = await t.db.select().from(festivals).where(eq(festivals.slug, slug));
    let version = 1;
    const save = async (change: Record<string, unknown>, now: string) => {
      const r = await updateFestival(t.db, organiser, { ...base, ...change, version }, { now: new Date(now) });
      if (r.ok) version = r.data.version;
      return r;
    };
    // Before voting opens, the window moves freely.
    expect((await save({}, "2027-01-03T02:00:00Z")).ok).toBe(true);
    expect((await save({ votingOpensAt: "2027-01-06T09:00" }, "2027-01-03T02:00:00Z")).ok).toBe(true);
    base.votingOpensAt = "2027-01-06T09:00";

    // Voting runs (2027-01-08 10:00 in Hefei): the start may not move past now, nor the end before it.
    const during = "2027-01-08T02:00:00Z";
    const before = await snapshot(t.db);
    expect(await save({ votingOpensAt: "2027-01-09T09:00" }, during)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { votingOpensAt: ["voting_start_locked"] },
    });
    expect(await save({ votingOpensAt: "" }, during)).toMatchObject({
      fieldErrors: { votingOpensAt: ["voting_start_locked"] },
    });
    expect(await save({ votingClosesAt: "2027-01-07T18:00" }, during)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { votingClosesAt: ["voting_end_passed"] },
    });
    expect(await save({ votingClosesAt: "" }, during)).toMatchObject({
      fieldErrors: { votingClosesAt: ["voting_end_passed"] },
    });
    expect(await snapshot(t.db)).toBe(before);
    // Extending the vote, or an earlier start that is still past, is fine; so is another field.
    expect((await save({ votingClosesAt: "2027-01-12T18:00" }, during)).ok).toBe(true);
    base.votingClosesAt = "2027-01-12T18:00";
    expect((await save({ votingOpensAt: "2027-01-05T09:00", title: "第二十届" }, during)).ok).toBe(true);
    base.votingOpensAt = "2027-01-05T09:00";
    base.title = "第二十届";

    // Once voting has closed its window stays as it was; the rest of the festival can still change.
    const after = "2027-01-13T02:00:00Z";
    expect(await save({ votingClosesAt: "2027-01-14T18:00" }, after)).toMatchObject({
      fieldErrors: { votingClosesAt: ["voting_window_fixed"] },
    });
    expect(await save({ votingOpensAt: "2027-01-04T09:00" }, after)).toMatchObject({
      fieldErrors: { votingOpensAt: ["voting_window_fixed"] },
    });
    expect((await save({ theme: "睦邻友好" }, after)).ok).toBe(true);

    const [f] = await t.db.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, slug));
    const audit = (await t.db.select().from(auditLog).where(eq(auditLog.targetId, f.id)))
      .filter((a) => a.action === "festivals.update")
      .sort((a, b) => a.id - b.id);
    expect(audit.map((a) => a.details)).toEqual([
      {
        slug,
        before: { edition: first.edition, votingOpensAt: null, votingClosesAt: null },
        after: { edition: 40, votingOpensAt: "2027-01-05T01:00:00.000Z", votingClosesAt: "2027-01-10T10:00:00.000Z" },
      },
      {
        slug,
        before: { votingOpensAt: "2027-01-05T01:00:00.000Z" },
        after: { votingOpensAt: "2027-01-06T01:00:00.000Z" },
      },
      {
        slug,
        before: { votingClosesAt: "2027-01-10T10:00:00.000Z" },
        after: { votingClosesAt: "2027-01-12T10:00:00.000Z" },
      },
      {
        slug,
        before: { title: "测试邻里节", votingOpensAt: "2027-01-06T01:00:00.000Z" },
        after: { title: "第二十届", votingOpensAt: "2027-01-05T01:00:00.000Z" },
      },
      { slug, before: { theme: null }, after: { theme: "睦邻友好" } },
    ]);
  });

  it("registering needs a verified household unless the form's box is unticked (left out of the form: on)", async () => {
    const { slug } = await makeFestival(t.db, organiser);
    const needs = async () =>
      (await t.db.select().from(festivals).where(eq(festivals.slug, slug)))[0].registrationNeedsHousehold;
    expect(await needs()).toBe(true);
    const base = { slug, title: "邻里节", edition: 31, startsOn: "2027-01-16", endsOn: "2027-01-17" };
    must(await updateFestival(t.db, organiser, { ...base, version: 1, registrationNeedsHousehold: "false" }));
    expect(await needs()).toBe(false);
    must(await updateFestival(t.db, organiser, { ...base, version: 2, registrationNeedsHousehold: "true" }));
    expect(await needs()).toBe(true);
    must(await updateFestival(t.db, organiser, { ...base, version: 3, registrationNeedsHousehold: "false" }));
    must(await updateFestival(t.db, organiser, { ...base, version: 4 }));
    expect(await needs()).toBe(true);
  });

  it("start from an earlier festival: venues and programme moved to the new dates, names left out", async () => {
    const { slug, hallId } = await makeFestival(t.db, organiser);
    const block = must(
      await createItem(
        t.db,
        organiser,
        item(slug, hallId, 16, [9, 0], [10, 0], { kind: "performance_block", title: "文艺汇演" }),
      ),
    );
    must(
      await createItem(
        t.db,
        organiser,
        item(slug, null, 16, [0, 0], [0, 15], { parentId: block.item.id, people: ["红歌合唱团"] }),
      ),
    );
    must(
      await createCategory(t.db, organiser, {
        festivalSlug: slug,
        name: "文明家庭",
        description: "每户一票",
        winners: 3,
        votesPerVoter: 2,
        mode: "household",
        nominationCap: 1,
      }),
    );
    const r = await startFestivalFrom(t.db, organiser, {
      sourceSlug: slug,
      slug: `${slug}-next`,
      title: "下一届",
      edition: 99,
      startsOn: "2028-01-15",
      endsOn: "2028-01-16",
    });
    expect(r).toEqual({ ok: true, data: { slug: `${slug}-next`, venues: 2, items: 2 } });
    const [nf] = await t.db
      .select()
      .from(festivals)
      .where(eq(festivals.slug, `${slug}-next`));
    const copied = await t.db.select().from(programmeItems).where(eq(programmeItems.festivalId, nf.id));
    const newBlock = copied.find((i) => i.kind === "performance_block")!;
    const act = copied.find((i) => i.parentId)!;
    expect(newBlock.startsAt.toISOString()).toBe(new Date(Date.UTC(2028, 0, 15, 1, 0)).toISOString());
    expect(act.parentId).toBe(newBlock.id);
    expect(act.people).toEqual([]);
    const newVenues = await t.db.select().from(venues).where(eq(venues.festivalId, nf.id));
    expect(newVenues.map((v) => v.name).sort()).toEqual(["多功能厅", "社区广场"].sort());
    expect(newVenues.some((v) => v.id === newBlock.venueId)).toBe(true);
    // The Neighbourhood Star categories and their rules come along.
    const cats = await t.db.select().from(starCategories).where(eq(starCategories.festivalId, nf.id));
    expect(cats.map((c) => [c.name, c.description, c.winners, c.votesPerVoter, c.mode, c.nominationCap])).toEqual([
      ["文明家庭", "每户一票", 3, 2, "household", 1],
    ]);
  });
});

describe("programme", () => {
  it("refuses a double-booked venue and lists the clash; touching items are fine", async () => {
    const { slug, hallId, squareId } = await makeFestival(t.db, organiser);
    const a = must(await createItem(t.db, organiser, item(slug, hallId, 16, [9, 0], [10, 0])));
    expect(a.item.version).toBe(1);
    const clash = await createItem(t.db, organiser, item(slug, hallId, 16, [9, 30], [10, 30], { title: "舞蹈" }));
    expect(clash).toMatchObject({ ok: false, code: "venue_taken", clashes: [{ id: a.item.id, title: "红歌合唱" }] });
    expect((await createItem(t.db, organiser, item(slug, hallId, 16, [10, 0], [10, 30]))).ok).toBe(true);
    expect((await createItem(t.db, organiser, item(slug, squareId, 16, [9, 30], [10, 30]))).ok).toBe(true);
  });

  it("warns, without refusing, of one person in two places and of items outside the festival", async () => {
    const { slug, hallId, squareId } = await makeFestival(t.db, organiser);
    must(await createItem(t.db, organiser, item(slug, hallId, 16, [9, 0], [10, 0], { people: ["王秀英"] })));
    const second = must(
      await createItem(t.db, organiser, item(slug, squareId, 16, [9, 30], [10, 30], { people: ["王秀英 "] })),
    );
    expect(second.warnings).toEqual([expect.objectContaining({ kind: "person_overlap", person: "王秀英" })]);
    const late = must(await createItem(t.db, organiser, item(slug, squareId, 17, [23, 30], [23, 55]).valueOf()));
    expect(late.warnings).toEqual([]);
    const outside = must(
      await createItem(t.db, organiser, {
        ...item(slug, squareId, 17, [23, 30], [23, 55]),
        startsAt: "2027-01-18T02:00:00Z",
        endsAt: "2027-01-18T03:00:00Z",
      }),
    );
    expect(outside.warnings).toEqual([{ kind: "outside_festival", itemId: outside.item.id }]);
  });

  it("refuses times off the 5-minute grid and bad input, writing nothing", async () => {
    const { slug, hallId } = await makeFestival(t.db, organiser);
    const before = await snapshot(t.db);
    const r = await createItem(t.db, organiser, {
      ...item(slug, hallId, 16, [9, 0], [10, 0]),
      startsAt: hefei(16, 9, 2),
      title: "",
      kind: "party",
    });
    expect(r.ok).toBe(false);
    if (!r.ok && "fieldErrors" in r)
      expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["kind", "startsAt", "title"]);
    expect(await createItem(t.db, organiser, item(slug, hallId, 16, [10, 0], [9, 0]))).toMatchObject({
      ok: false,
      fieldErrors: { endsAt: ["ends_before_start"] },
    });
    expect(await snapshot(t.db)).toBe(before);
  });

  it("moves an item across venues and times, and refuses a stale save with the current item", async () => {
    const { slug, hallId, squareId } = await makeFestival(t.db, organiser);
    const a = must(await createItem(t.db, organiser, item(slug, hallId, 16, [9, 0], [10, 0])));
    const moved = await updateItem(
      t.db,
      organiser,
      {
        ...a.item,
        startsAt: hefei(16, 14),
        endsAt: hefei(16, 15, 30),
        venueId: squareId,
      },
      noPlaces,
    );
    expect(moved).toMatchObject({
      ok: true,
      data: { item: { venueId: squareId, version: 2, startsAt: hefei(16, 14) } },
    });
    const stale = await updateItem(t.db, organiser, { ...a.item, title: "我的修改" }, noPlaces);
    expect(stale).toMatchObject({ ok: false, code: "stale_version", current: { version: 2, venueId: squareId } });
  });

  it("keeps a performance block's acts in order, moves them with the block, and warns when they overrun", async () => {
    const { slug, hallId, squareId } = await makeFestival(t.db, organiser);
    const block = must(
      await createItem(
        t.db,
        organiser,
        item(slug, hallId, 16, [19, 0], [19, 30], { kind: "performance_block", title: "晚会" }),
      ),
    ).item;
    const acts: ItemDto[] = [];
    for (const [title, mins] of [
      ["合唱", 10],
      ["舞蹈", 15],
      ["黄梅戏", 10],
    ] as const) {
      acts.push(
        must(await createItem(t.db, organiser, item(slug, null, 16, [0, 0], [0, mins], { title, parentId: block.id })))
          .item,
      );
    }
    expect(acts.map((a) => [a.title, a.startsAt, a.venueId])).toEqual([
      ["合唱", hefei(16, 19, 0), hallId],
      ["舞蹈", hefei(16, 19, 10), hallId],
      ["黄梅戏", hefei(16, 19, 25), hallId],
    ]);
    const warnings = must(await createItem(t.db, organiser, item(slug, squareId, 16, [8, 0], [8, 30]))).warnings;
    expect(warnings).toEqual([]);
    const r = await reorderActs(t.db, organiser, {
      blockId: block.id,
      version: block.version,
      order: [acts[2].id, acts[0].id, acts[1].id],
    });
    expect(r).toEqual({ ok: true, data: { version: 2 } });
    const after = await t.db.select().from(programmeItems).where(eq(programmeItems.parentId, block.id));
    const byTitle = Object.fromEntries(after.map((a) => [a.title, a.startsAt.toISOString()]));
    expect(byTitle).toEqual({ 黄梅戏: hefei(16, 19, 0), 合唱: hefei(16, 19, 10), 舞蹈: hefei(16, 19, 20) });

    const [b] = await t.db.select().from(programmeItems).where(eq(programmeItems.id, block.id));
    const moved = await updateItem(
      t.db,
      organiser,
      {
        ...block,
        version: b.version,
        startsAt: hefei(17, 19),
        endsAt: hefei(17, 19, 30),
        venueId: squareId,
      },
      noPlaces,
    );
    if (!moved.ok) throw new Error(JSON.stringify(moved));
    expect(moved.data.warnings).toEqual([
      { kind: "longer_than_block", itemId: block.id, actsMinutes: 35, blockMinutes: 30 },
    ]);
    const actsAfter = await t.db.select().from(programmeItems).where(eq(programmeItems.parentId, block.id));
    expect(actsAfter.every((a) => a.venueId === squareId && a.startsAt.toISOString() >= hefei(17, 19))).toBe(true);
    expect(await reorderActs(t.db, organiser, { blockId: block.id, version: 99, order: [] })).toMatchObject({
      ok: false,
      code: "stale_version",
    });
  });

  it("publishes a copy residents see; later edits stay drafts; deleting needs the current version", async () => {
    const { slug, hallId } = await makeFestival(t.db, organiser);
    const a = must(await createItem(t.db, organiser, item(slug, hallId, 16, [9, 0], [10, 0])));
    const p = await publishProgramme(t.db, organiser, { festivalSlug: slug });
    expect(p).toMatchObject({ ok: true, data: { items: 1 } });
    must(await createItem(t.db, organiser, item(slug, hallId, 16, [11, 0], [12, 0], { title: "草稿" })));
    const [f] = await t.db.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, slug));
    const pubs = await t.db.select().from(programmePublications).where(eq(programmePublications.festivalId, f.id));
    expect(pubs).toHaveLength(1);
    expect(pubs[0].items.map((i) => i.title)).toEqual(["红歌合唱"]);
    expect(await deleteItem(t.db, organiser, { id: a.item.id, version: 7 })).toMatchObject({
      ok: false,
      code: "stale_version",
    });
    expect(await deleteItem(t.db, organiser, { id: a.item.id, version: 1 })).toEqual({ ok: true, data: undefined });
    expect(await deleteVenue(t.db, organiser, hallId)).toEqual({ ok: false, code: "venue_in_use" });
    const audit = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.actorId, organiser.id));
    expect(new Set(audit.map((r) => r.action))).toEqual(
      new Set([
        "festivals.create",
        "festivals.update",
        "festivals.archive",
        "festivals.start_from",
        "venues.create",
        "programme.create",
        "programme.update",
        "programme.reorder",
        "programme.publish",
        "programme.delete",
        "stars.category_create",
      ]),
    );
  });

  it("is refused to residents, with nothing written", async () => {
    const { slug, hallId } = await makeFestival(t.db, organiser);
    const before = await snapshot(t.db);
    expect(await createItem(t.db, resident, item(slug, hallId, 16, [9, 0], [10, 0]))).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await createVenue(t.db, resident, { festivalSlug: slug, name: "x" })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await publishProgramme(t.db, null, { festivalSlug: slug })).toEqual({ ok: false, code: "forbidden" });
    expect(
      await createFestival(t.db, resident, {
        slug: "nope",
        title: "x",
        edition: 1,
        startsOn: "2027-01-16",
        endsOn: "2027-01-16",
      }),
    ).toEqual({ ok: false, code: "forbidden" });
    expect(await snapshot(t.db)).toBe(before);
  });
});
