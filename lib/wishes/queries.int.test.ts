import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueJobs } from "@/lib/jobs/worker";
import { jobHandlers } from "@/lib/worker/handlers";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { beneficiaries, notifications, photos, wishClaims, wishes } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser, snapshot, must } from "@/tests/support/fixtures";
import { postWish } from "@/tests/support/wish-fixtures";
import {
  ageBand,
  canSeeWishPhoto,
  getOwnWishForEdit,
  getWish,
  getWishProgress,
  listGallery,
  listMyClaims,
  listMyOwnWishes,
  listWall,
  parseWallFilters,
} from "./queries";
import {
  claimWish,
  confirmFulfilment,
  fulfilClaim,
  lapseClaims,
  submitOwnWish,
  submitWishFor,
  updateOwnWish,
  vetWish,
  withdrawClaim,
} from "./service";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const volunteer = async () => actorOf(t.db, (await makeUser(t.db, { roles: ["volunteer"], verified: true })).id);
const resident = async () => actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: "#b3261e" } })
    .png()
    .toBuffer();
const DAY = 86_400_000;

/** Nothing private of any of these beneficiaries appears anywhere in the value. */
function expectNoLeak(value: unknown, posted: { marker: string; phone: string }[]) {
  const json = JSON.stringify(value);
  for (const p of posted) {
    expect(json).not.toContain(p.marker);
    expect(json).not.toContain(p.phone);
  }
  expect(json).not.toContain("美湖花园 9栋");
  expect(json).not.toMatch(/realName|householdId|"address"|"phone"/);
}

describe("age bands", () => {
  it("children under 14, then 14–59, the sixties, seventies, and 80 or more", () => {
    expect([0, 13, 14, 59, 60, 69, 70, 79, 80, 104].map(ageBand)).toEqual([
      "child",
      "child",
      "adult",
      "adult",
      "sixties",
      "sixties",
      "seventies",
      "seventies",
      "eighties",
      "eighties",
    ]);
  });

  it("filters from a URL: unknown values are no filter, the page is bounded", () => {
    expect(parseWallFilters({ category: "service", age: "seventies", sort: "soonest", page: "2" })).toEqual({
      category: "service",
      band: "seventies",
      sort: "soonest",
      page: 2,
    });
    expect(parseWallFilters({ category: "money", age: "old", sort: "x", page: "-4" })).toEqual({
      category: undefined,
      band: undefined,
      sort: "newest",
      page: 1,
    });
    expect(parseWallFilters({ category: ["goods", "service"], page: "abc" })).toMatchObject({
      category: undefined,
      page: 1,
    });
  });
});

describe("the wall, a wish, the gallery: no beneficiary's private details in any of them", () => {
  it("every DTO a visitor, a resident or another volunteer gets is free of the markers; only the claimant gets the contact", async () => {
    const posted = [
      await postWish(t.db, organiser),
      await postWish(t.db, organiser, {
        category: "service",
        title: "修水龙头",
        beneficiary: {
          realName: "受助人乙",
          phone: "13500001111",
          address: "美湖花园 9栋 2单元 202",
          age: 9,
          circumstance: "child",
        },
      }),
      await postWish(t.db, organiser, { category: "companionship", title: "陪我聊天" }),
    ];
    posted[1].marker = "受助人乙";
    posted[1].phone = "13500001111";
    const holder = await volunteer();
    const other = await volunteer();
    const { claimId } = must(await claimWish(t.db, holder, posted[0].id));
    // The third comes true and goes into the gallery.
    const third = must(await claimWish(t.db, other, posted[2].id));
    must(
      await fulfilClaim(
        t.db,
        other,
        { claimId: third.claimId, note: `送给了${posted[2].marker}`, hours: 1 },
        await png(),
      ),
    );
    must(await confirmFulfilment(t.db, organiser, { claimId: third.claimId, thanks: "谢谢志愿者！" }));

    const someone = await resident();
    for (const viewer of [null, someone, other, holder]) {
      expectNoLeak(await listWall(t.db), posted);
      expectNoLeak(await listGallery(t.db), posted);
      expectNoLeak(await getWishProgress(t.db), posted);
      for (const p of posted) expectNoLeak(await getWish(t.db, viewer, p.id), posted);
    }
    expectNoLeak(await listMyClaims(t.db, other), posted);
    expectNoLeak(await listMyOwnWishes(t.db, someone), posted);

    // The claimant alone, while the claim lives, gets the contact of their own wish's beneficiary.
    const mine = await listMyClaims(t.db, holder);
    expect(mine.live).toHaveLength(1);
    expect(mine.live[0]).toMatchObject({
      id: claimId,
      wishId: posted[0].id,
      status: "active",
      contact: { realName: posted[0].marker, phone: posted[0].phone, address: "美湖花园 9栋 1单元 101" },
    });
    expectNoLeak(mine.live[0].contact ? { ...mine, live: [] } : mine, posted.slice(1));
    // The child's wish shows an age band, never the age.
    const child = (await getWish(t.db, null, posted[1].id))!;
    expect(child.ageBand).toBe("child");
    expect(JSON.stringify(child)).not.toMatch(/"age"/);
    // Claimed is "taken", never by whom.
    const held = (await getWish(t.db, someone, posted[0].id))!;
    expect(held).toMatchObject({ status: "claimed", taken: true, viewer: { claim: null, isSubmitter: false } });
    expect(JSON.stringify(held)).not.toContain(holder.id);
    expect((await getWish(t.db, holder, posted[0].id))!.viewer.claim).toMatchObject({ id: claimId, status: "active" });
    // The gallery has the thank-you note and the fulfilment photo; the volunteer's note stays out.
    const [g] = (await listGallery(t.db)).filter((x) => x.id === posted[2].id);
    expect(g).toMatchObject({ thanks: "谢谢志愿者！", photoId: expect.any(String) });
    // The volunteer's notification names the wish and the points (its sentence on /me needs both).
    const [confirmed] = await t.db.select().from(notifications).where(eq(notifications.userId, other.id));
    expect(confirmed).toMatchObject({
      kind: "wish.confirmed",
      data: { wishId: posted[2].id, title: "陪我聊天", points: 10 },
    });
  });

  it("a household on the roster is the contact's address", async () => {
    const h = await makeHousehold(t.db, { building: "美湖花园 12栋", unit: "3单元", room: "502" });
    const w = await postWish(t.db, organiser, {
      beneficiary: { realName: "受助人丙", phone: null, householdId: h.id, age: 72, circumstance: "low_income" },
    });
    const v = await volunteer();
    must(await claimWish(t.db, v, w.id));
    const [live] = (await listMyClaims(t.db, v)).live;
    expect(live.contact).toMatchObject({
      realName: "受助人丙",
      phone: null,
      household: { building: "美湖花园 12栋", unit: "3单元", room: "502" },
    });
  });
});

describe("filters, order and progress", () => {
  it("by kind and age band, open before taken, and by the date wanted", async () => {
    const soon = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
    const a = await postWish(t.db, organiser, {
      category: "service",
      wantedBy: later,
      beneficiary: { realName: "甲", age: 64, circumstance: "other" },
    });
    const b = await postWish(t.db, organiser, {
      category: "service",
      wantedBy: soon,
      beneficiary: { realName: "乙", age: 66, circumstance: "other" },
    });
    const c = await postWish(t.db, organiser, {
      category: "goods",
      beneficiary: { realName: "丙", age: 65, circumstance: "other" },
    });
    const taken = await postWish(t.db, organiser, {
      category: "service",
      wantedBy: soon,
      beneficiary: { realName: "丁", age: 61, circumstance: "other" },
    });
    must(await claimWish(t.db, await volunteer(), taken.id));

    const sixtiesService = await listWall(t.db, { category: "service", band: "sixties", sort: "soonest" });
    expect(sixtiesService.items.map((w) => w.id)).toEqual([b.id, a.id, taken.id]);
    expect(sixtiesService.total).toBe(3);
    expect(sixtiesService.items.every((w) => w.category === "service" && w.ageBand === "sixties")).toBe(true);
    expect(sixtiesService.items.map((w) => w.taken)).toEqual([false, false, true]);
    const newest = await listWall(t.db, { band: "sixties" });
    expect(newest.items.map((w) => w.id)).toEqual([c.id, b.id, a.id, taken.id]);
    expect((await listWall(t.db, { category: "goods", band: "sixties" })).items.map((w) => w.id)).toEqual([c.id]);
  });

  it("counts open, claimed and fulfilled (fulfilled and done) wishes; pending and rejected are not on the wall", async () => {
    const before = await getWishProgress(t.db);
    const [x, y, z] = [
      await postWish(t.db, organiser),
      await postWish(t.db, organiser),
      await postWish(t.db, organiser),
    ];
    const v = await volunteer();
    must(await claimWish(t.db, v, x.id));
    const cy = must(await claimWish(t.db, v, y.id));
    must(await fulfilClaim(t.db, v, { claimId: cy.claimId, note: "好了", hours: 1 }));
    const me = await resident();
    const own = must(
      await submitOwnWish(t.db, me, {
        title: "一副老花镜",
        story: "看报纸看不清。",
        category: "goods",
        value: 60,
        alias: "陈奶奶",
        age: 75,
        circumstance: "elderly_alone",
      }),
    );
    expect(await getWishProgress(t.db)).toEqual({
      open: before.open + 1,
      claimed: before.claimed + 1,
      fulfilled: before.fulfilled + 1,
    });
    expect((await listWall(t.db)).items.map((w) => w.id)).not.toContain(own.id);
    expect(z.id).toBeTruthy();
  });

  it("a claim past its time is over for its volunteer at once, and the queue reopens the wish", async () => {
    const w = await postWish(t.db, organiser, { beneficiary: { realName: "戊", age: 3, circumstance: "child" } });
    const v = await volunteer();
    must(await claimWish(t.db, v, w.id, { now: new Date(Date.now() - 30 * DAY) }));
    // No read writes: before the queue has run the claim is over on my page, still held on the wall.
    expect((await listMyClaims(t.db, v)).live).toEqual([]);
    expect((await listWall(t.db, { band: "child" })).items.find((x) => x.id === w.id)?.taken).toBe(true);
    expect(await runDueJobs(t.db, jobHandlers, { queues: ["wishes.claim-lapse"] })).toEqual({
      ran: 1,
      failed: 0,
      errors: [],
    });
    const [row] = (await listWall(t.db, { band: "child" })).items.filter((x) => x.id === w.id);
    expect(row.taken).toBe(false);
    const [note] = await t.db.select().from(notifications).where(eq(notifications.userId, v.id));
    expect(note).toMatchObject({ kind: "wish.lapsed", data: { wishId: w.id, title: "一台收音机" } });
    expect((await listMyClaims(t.db, v)).past).toEqual([
      expect.objectContaining({ wishId: w.id, status: "lapsed", points: 0 }),
    ]);
    expect(await lapseClaims(t.db)).toBe(0);
  });
});

describe("who sees a wish that is not on the wall", () => {
  it("waiting, sent back or rejected: its submitter and organisers; everyone else a 404", async () => {
    const me = await resident();
    const { id } = must(
      await submitOwnWish(t.db, me, {
        title: "理个发",
        story: "腿不好，出不了门。",
        category: "service",
        value: 30,
        alias: "赵爷爷",
        age: 88,
        circumstance: "disability",
      }),
    );
    must(await vetWish(t.db, organiser, { id, decision: "changes", reason: "请写上方便的时间。" }));
    expect(await getWish(t.db, null, id)).toBeNull();
    expect(await getWish(t.db, await resident(), id)).toBeNull();
    expect(await getWish(t.db, await volunteer(), id)).toBeNull();
    expect(await getWish(t.db, me, id)).toMatchObject({
      status: "changes",
      reason: "请写上方便的时间。",
      viewer: { isSubmitter: true },
    });
    expect(await getWish(t.db, organiser, id)).toMatchObject({ status: "changes" });
    expect(await getWish(t.db, null, "not-a-uuid")).toBeNull();
    expect(await listMyOwnWishes(t.db, me)).toEqual([
      expect.objectContaining({ id, status: "changes", reason: "请写上方便的时间。", editable: true }),
    ]);
  });
});

describe("a wish's photos", () => {
  it("a wish photo is public on the wall, else organisers, submitter and claimant; a fulfilment photo public once confirmed", async () => {
    const me = await resident();
    const { id } = must(
      await submitOwnWish(
        t.db,
        me,
        {
          title: "一个书包",
          story: "孙子上学要用。",
          category: "goods",
          value: 80,
          alias: "孙奶奶",
          age: 70,
          circumstance: "low_income",
        },
        await png(),
      ),
    );
    const [{ photoId }] = await t.db.select({ photoId: wishes.photoId }).from(wishes).where(eq(wishes.id, id));
    const v = await volunteer();
    const stranger = await resident();
    expect(await canSeeWishPhoto(t.db, photoId!, null)).toBe(false);
    expect(await canSeeWishPhoto(t.db, photoId!, stranger)).toBe(false);
    expect(await canSeeWishPhoto(t.db, photoId!, me)).toBe(true);
    expect(await canSeeWishPhoto(t.db, photoId!, organiser)).toBe(true);
    must(await vetWish(t.db, organiser, { id, decision: "approve" }));
    expect(await canSeeWishPhoto(t.db, photoId!, null)).toBe(true);

    const { claimId } = must(await claimWish(t.db, v, id));
    must(await fulfilClaim(t.db, v, { claimId, note: "书包送到了。", hours: 1 }, await png()));
    const [{ photoId: fulfilment }] = (await t.db
      .select({ photoId: wishClaims.photoId })
      .from(wishClaims)
      .where(eq(wishClaims.id, claimId))) as { photoId: string }[];
    expect(await canSeeWishPhoto(t.db, fulfilment, null)).toBe(false);
    expect(await canSeeWishPhoto(t.db, fulfilment, stranger)).toBe(false);
    expect(await canSeeWishPhoto(t.db, fulfilment, v)).toBe(true);
    expect(await canSeeWishPhoto(t.db, fulfilment, me)).toBe(true);
    expect(await canSeeWishPhoto(t.db, fulfilment, organiser)).toBe(true);
    must(await confirmFulfilment(t.db, organiser, { claimId }));
    expect(await canSeeWishPhoto(t.db, fulfilment, null)).toBe(true);

    // A photo that is not a wish's (a nomination's, say) is not served as one, even to organisers.
    const [loose] = await t.db
      .insert(photos)
      .values({ mime: "image/png", width: 1, height: 1, bytes: Buffer.from([1]) })
      .returning({ id: photos.id });
    expect(await canSeeWishPhoto(t.db, loose.id, organiser)).toBe(false);
  });

  it("the claimant of a wish sees its photo while holding it, not after letting it go", async () => {
    const w = await submitWishFor(
      t.db,
      organiser,
      {
        title: "收音机",
        story: "想听戏。",
        category: "goods",
        value: 50,
        alias: "钱奶奶",
        beneficiary: { realName: "钱某", age: 80, circumstance: "elderly_alone" },
      },
      await png(),
    );
    const id = must(w).id;
    const [{ photoId }] = await t.db.select({ photoId: wishes.photoId }).from(wishes).where(eq(wishes.id, id));
    // Taken off the wall by hand (as if vetting were undone), so only the rule for insiders applies.
    const v = await volunteer();
    const { claimId } = must(await claimWish(t.db, v, id));
    await t.db.update(wishes).set({ status: "changes" }).where(eq(wishes.id, id));
    expect(await canSeeWishPhoto(t.db, photoId!, v)).toBe(true);
    await t.db.update(wishes).set({ status: "claimed" }).where(eq(wishes.id, id));
    must(await withdrawClaim(t.db, v, claimId));
    await t.db.update(wishes).set({ status: "changes" }).where(eq(wishes.id, id));
    expect(await canSeeWishPhoto(t.db, photoId!, v)).toBe(false);
  });
});

describe("a resident corrects their own wish", () => {
  const input = {
    title: "陪我去公园",
    story: "一个人走不远。",
    category: "companionship",
    value: 20,
    alias: "周奶奶",
    age: 83,
    circumstance: "elderly_alone",
  };

  it("sent back for changes, edited, back to waiting with a new version; the old photo replaced", async () => {
    const me = await resident();
    const { id } = must(await submitOwnWish(t.db, me, input, await png()));
    must(await vetWish(t.db, organiser, { id, decision: "changes", reason: "请写上时间。" }));
    const form = (await getOwnWishForEdit(t.db, me, id))!;
    expect(form).toMatchObject({
      status: "changes",
      reason: "请写上时间。",
      age: 83,
      circumstance: "elderly_alone",
      title: input.title,
    });
    const oldPhoto = form.photoId!;
    const r = must(
      await updateOwnWish(
        t.db,
        me,
        {
          ...input,
          id,
          version: form.version,
          story: "一个人走不远，周六上午想去公园。",
          age: 84,
          wantedBy: "2027-01-10",
        },
        await png(),
      ),
    );
    expect(r.version).toBe(form.version + 1);
    const [w] = await t.db.select().from(wishes).where(eq(wishes.id, id));
    expect(w).toMatchObject({
      status: "pending",
      story: "一个人走不远，周六上午想去公园。",
      wantedBy: "2027-01-10",
      version: form.version + 1,
    });
    expect(w.photoId).not.toBe(oldPhoto);
    expect(await t.db.select().from(photos).where(eq(photos.id, oldPhoto))).toEqual([]);
    const [b] = await t.db
      .select({ age: beneficiaries.age })
      .from(beneficiaries)
      .where(eq(beneficiaries.id, w.beneficiaryId));
    expect(b.age).toBe(84);
  });

  it("not mine, no longer editable, a stale version, bad input: refused and nothing changes", async () => {
    const me = await resident();
    const { id } = must(await submitOwnWish(t.db, me, input));
    const version = (await getOwnWishForEdit(t.db, me, id))!.version;
    const neighbour = await resident();
    const before = await snapshot(t.db);
    const [row] = await t.db.select().from(wishes).where(eq(wishes.id, id));

    expect(await updateOwnWish(t.db, null, { ...input, id, version })).toEqual({ ok: false, code: "unauthenticated" });
    expect(await updateOwnWish(t.db, neighbour, { ...input, id, version, title: "别人改的" })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await updateOwnWish(t.db, me, { ...input, id, version: version + 5 })).toEqual({
      ok: false,
      code: "stale_version",
    });
    expect(await updateOwnWish(t.db, me, { ...input, id, version, title: "长".repeat(41), value: -1 })).toMatchObject({
      code: "invalid",
      fieldErrors: { title: ["too_long"], value: ["number_invalid"] },
    });
    expect(await updateOwnWish(t.db, me, { ...input, id, version, value: 9999 })).toMatchObject({
      fieldErrors: { value: ["value_over_cap"] },
    });
    // Goods are worth something; help and company may be free (a blank box is 0, not "about ¥1").
    expect(await updateOwnWish(t.db, me, { ...input, id, version, category: "goods", value: "" })).toMatchObject({
      code: "invalid",
      fieldErrors: { value: ["goods_value_required"] },
    });
    expect(await updateOwnWish(t.db, me, { ...input, id, version }, Buffer.from("not a picture"))).toMatchObject({
      fieldErrors: { photo: ["photo_not_image"] },
    });
    expect(await updateOwnWish(t.db, me, { ...input, id: "00000000-0000-4000-8000-000000000000", version })).toEqual({
      ok: false,
      code: "not_found",
    });
    expect(await t.db.select().from(wishes).where(eq(wishes.id, id))).toEqual([row]);
    expect(await snapshot(t.db)).toBe(before);

    must(await vetWish(t.db, organiser, { id, decision: "approve" }));
    const now = (await t.db.select({ v: wishes.version }).from(wishes).where(eq(wishes.id, id)))[0].v;
    expect(await updateOwnWish(t.db, me, { ...input, id, version: now })).toEqual({
      ok: false,
      code: "wish_not_editable",
    });
    expect(await getOwnWishForEdit(t.db, me, id)).toBeNull();
    expect((await listMyOwnWishes(t.db, me))[0]).toMatchObject({ id, status: "open", editable: false });
  });
});
