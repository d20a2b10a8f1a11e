import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { festivals } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { setFestivalStatus } from "@/lib/festivals/service";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser } from "@/tests/support/fixtures";
import { makeFestival } from "@/tests/support/festival-fixtures";
import { listMyNominations } from "./queries";
import { getPhoto } from "@/lib/photos/store";
import { getCertificate, listMyStarBallots } from "./resident-queries";
import { castBallot, createCategory, nominate, publishResults, vetNominations } from "./service";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1);
/** Nominating on day 1, voting on day 4, results on day 6. */
const at = { nominating: new Date(T0 + DAY), voting: new Date(T0 + 4 * DAY), after: new Date(T0 + 6 * DAY) };

async function starFestival(
  categories: { name: string; mode?: "resident" | "household"; votesPerVoter?: number; winners?: number }[],
) {
  const f = await makeFestival(t.db, organiser);
  await t.db
    .update(festivals)
    .set({
      nominationOpensAt: new Date(T0),
      nominationClosesAt: new Date(T0 + 2 * DAY),
      votingOpensAt: new Date(T0 + 3 * DAY),
      votingClosesAt: new Date(T0 + 5 * DAY),
    })
    .where(eq(festivals.slug, f.slug));
  await setFestivalStatus(t.db, organiser, { slug: f.slug, status: "published" });
  const ids: string[] = [];
  for (const c of categories) {
    const r = await createCategory(
      t.db,
      organiser,
      {
        festivalSlug: f.slug,
        description: "",
        winners: c.winners ?? 1,
        votesPerVoter: c.votesPerVoter ?? 1,
        mode: c.mode ?? "resident",
        name: c.name,
      },
      { now: at.nominating },
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    ids.push(r.data.id);
  }
  const [row] = await t.db.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, f.slug));
  return { slug: f.slug, id: row.id, categoryIds: ids };
}

const named = (slug: string, categoryId: string, name: string) => ({
  festivalSlug: slug,
  categoryId,
  nominee: { kind: "named", name, building: "美湖花园 3栋", unit: "2单元" },
  story: `${name}热心帮助邻居。`,
});

async function approvedCandidate(
  slug: string,
  categoryId: string,
  name: string,
  by: Actor,
  photo: Buffer | null = null,
) {
  const r = await nominate(t.db, by, named(slug, categoryId, name), photo, { now: at.nominating });
  if (!r.ok) throw new Error(JSON.stringify(r));
  await vetNominations(t.db, organiser, { ids: [r.data.id], decision: "approve" }, { now: at.nominating });
  return r.data.id;
}

describe("resident star queries", () => {
  it("my nominations carry their photo, whose bytes are the checked JPEG", async () => {
    const f = await starFestival([{ name: "热心公益之星" }]);
    const me = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#b3261e" } })
      .png()
      .toBuffer();
    await nominate(t.db, me, named(f.slug, f.categoryIds[0], "周建华"), png, { now: at.nominating });
    await nominate(t.db, me, named(f.slug, f.categoryIds[0], "李桂兰"), null, { now: at.nominating });

    const mine = await listMyNominations(t.db, me.id, f.id);
    expect(mine).toHaveLength(2);
    const withPhoto = mine.find((m) => m.nomineeName === "周建华")!;
    expect(withPhoto).toMatchObject({ status: "pending", photoId: expect.any(String) });
    expect(mine.find((m) => m.nomineeName === "李桂兰")!.photoId).toBeNull();

    const photo = await getPhoto(t.db, withPhoto.photoId!);
    expect(photo?.mime).toBe("image/jpeg");
    expect([...photo!.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect((await sharp(photo!.bytes).metadata()).width).toBe(40);
  });

  it("my ballots say that I voted, in the categories' order, never for whom; a household member sees who voted for the household", async () => {
    const f = await starFestival([
      { name: "热心公益之星", votesPerVoter: 2, winners: 2 },
      { name: "文明家庭", mode: "household" },
    ]);
    const nominator = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const a = await approvedCandidate(f.slug, f.categoryIds[0], "陈玉梅", nominator);
    const b = await approvedCandidate(f.slug, f.categoryIds[0], "郭国庆", nominator);
    const family = await approvedCandidate(f.slug, f.categoryIds[1], "朱春生家", nominator);

    const home = await makeHousehold(t.db);
    const mother = await actorOf(
      t.db,
      (await makeUser(t.db, { verified: true, householdId: home.id, name: "林淑芬" })).id,
    );
    const son = await actorOf(
      t.db,
      (await makeUser(t.db, { verified: true, householdId: home.id, name: "高德华" })).id,
    );

    // Household first, so the order of the answer is the categories', not the ballots'.
    const r2 = await castBallot(
      t.db,
      mother,
      { festivalSlug: f.slug, categoryId: f.categoryIds[1], candidateIds: [family] },
      { now: at.voting },
    );
    const r1 = await castBallot(
      t.db,
      mother,
      { festivalSlug: f.slug, categoryId: f.categoryIds[0], candidateIds: [b, a] },
      { now: at.voting },
    );
    if (!r1.ok || !r2.ok) throw new Error("ballots");

    const mine = await listMyStarBallots(t.db, mother, f.id);
    expect(mine).toEqual([
      {
        categoryId: f.categoryIds[0],
        categoryName: "热心公益之星",
        mine: { at: expect.any(Date) },
        byHousehold: null,
      },
      {
        categoryId: f.categoryIds[1],
        categoryName: "文明家庭",
        mine: { at: expect.any(Date) },
        byHousehold: null,
      },
    ]);
    // The son sees that his household voted, and by whom, but not the choice or the receipt.
    expect(await listMyStarBallots(t.db, son, f.id)).toEqual([
      { categoryId: f.categoryIds[1], categoryName: "文明家庭", mine: null, byHousehold: "林淑芬" },
    ]);
    expect(await listMyStarBallots(t.db, nominator, f.id)).toEqual([]);
  });

  it("a certificate is there for a published winner of that festival only", async () => {
    const f = await starFestival([{ name: "邻里互助之星" }]);
    const nominator = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const winner = await approvedCandidate(f.slug, f.categoryIds[0], "罗红梅", nominator);
    await approvedCandidate(f.slug, f.categoryIds[0], "黄志明", nominator);
    const voter = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    await castBallot(
      t.db,
      voter,
      { festivalSlug: f.slug, categoryId: f.categoryIds[0], candidateIds: [winner] },
      { now: at.voting },
    );
    const published = await publishResults(t.db, organiser, { festivalSlug: f.slug }, { now: at.after });
    expect(published).toEqual({ ok: true, data: { winners: 1 } });

    const other = await starFestival([{ name: "邻里互助之星" }]);
    const { publishedWinners } = await import("./queries");
    const [w] = (await publishedWinners(t.db, f.id))!;
    expect(await getCertificate(t.db, f.slug, w.id)).toEqual({
      winnerId: w.id,
      name: "罗红梅",
      categoryName: "邻里互助之星",
      festivalTitle: "测试邻里节",
      edition: expect.any(Number),
      startsOn: "2027-01-16",
      endsOn: "2027-01-17",
      timeZone: "Asia/Shanghai",
      publishedAt: expect.any(Date),
    });
    expect(await getCertificate(t.db, other.slug, w.id)).toBeNull();
    expect(await getCertificate(t.db, f.slug, "../../etc")).toBeNull();

    // Taken back to a draft, or results withdrawn: no certificate.
    await setFestivalStatus(t.db, organiser, { slug: f.slug, status: "draft" });
    expect(await getCertificate(t.db, f.slug, w.id)).toBeNull();
    await setFestivalStatus(t.db, organiser, { slug: f.slug, status: "published" });
    await t.db.update(festivals).set({ starsPublishedAt: null }).where(eq(festivals.slug, f.slug));
    expect(await getCertificate(t.db, f.slug, w.id)).toBeNull();
  });
});
