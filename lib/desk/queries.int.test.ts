import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { festivals, householdMembers, pointEntries, registrations, starBallots } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser, must } from "@/tests/support/fixtures";
import { setWindows, starFestival } from "@/tests/support/star-fixtures";
import type { Actor } from "@/lib/actor";
import { getDeskHousehold, getDeskMember, getDeskPerson, getDeskWindows, searchDesk } from "./queries";

let t: TestDb;
let organiser: Actor;
let home: Awaited<ReturnType<typeof makeHousehold>>;
let chen: Awaited<ReturnType<typeof makeUser>>;
let grandma: { id: string };
let star: Awaited<ReturnType<typeof starFestival>>;

beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { verified: true, roles: ["organiser"] })).id);
  home = await makeHousehold(t.db, { building: "柳岸小区 3栋", unit: "2单元", room: "501", code: "KMNP4679" });
  await makeHousehold(t.db, { building: "柳岸小区 13栋", unit: "2单元", room: "501" });
  chen = await makeUser(t.db, { name: "陈查询", phone: "13955501234", householdId: home.id, verified: true });
  [grandma] = await t.db
    .insert(householdMembers)
    .values({ householdId: home.id, name: "陈奶奶", birthYear: 1941, relation: "grandparent", addedBy: organiser.id })
    .returning({ id: householdMembers.id });
  star = await starFestival(t.db, organiser);
  const [{ id: festivalId }] = await t.db
    .select({ id: festivals.id })
    .from(festivals)
    .where(eq(festivals.slug, star.slug));
  await t.db.insert(starBallots).values([
    { festivalId, categoryId: star.categoryIds[0], voterKey: `user:${chen.id}`, voterId: chen.id },
    {
      festivalId,
      categoryId: star.categoryIds[0],
      voterKey: `member:${grandma.id}`,
      memberId: grandma.id,
      channel: "desk",
      recordedBy: organiser.id,
    },
  ]);
  await t.db.insert(registrations).values({
    festivalId,
    userId: chen.id,
    participantKey: `member:${grandma.id}`,
    participantName: "陈奶奶",
    householdMemberId: grandma.id,
    registeredAtDeskBy: organiser.id,
    role: "backstage",
    status: "confirmed",
  });
  await t.db.insert(pointEntries).values([
    { userId: chen.id, kind: "manual", points: 5, reason: "帮忙", year: new Date().getUTCFullYear() },
    { userId: chen.id, kind: "manual", points: 7, reason: "去年", year: new Date().getUTCFullYear() - 1 },
  ]);
});
afterAll(async () => t?.close());

const search = async (q: string) => must(await searchDesk(t.db, organiser, q));

describe("the desk's one search box", () => {
  it("finds a person by name, by the whole number and by its last digits", async () => {
    expect((await search("陈查")).people.map((p) => p.id)).toEqual([chen.id]);
    expect((await search("13955501234")).people.map((p) => p.id)).toEqual([chen.id]);
    expect((await search("1234")).people.map((p) => p.id)).toContain(chen.id);
    expect((await search("5550")).people.map((p) => p.id)).not.toContain(chen.id);
  });

  it("finds a household, its accounts and members by building-unit-room, written either way", async () => {
    for (const q of ["3-2-501", "3栋2单元501", "3 2 501"]) {
      const r = await search(q);
      expect(r.households.map((h) => h.id)).toEqual([home.id]);
      expect(r.people.map((p) => p.id)).toContain(chen.id);
      expect(r.members.map((m) => m.id)).toEqual([grandma.id]);
    }
  });

  it("finds a household by its code with or without the dash, and a member by name", async () => {
    expect((await search("KMNP-4679")).households.map((h) => h.id)).toEqual([home.id]);
    expect((await search("kmnp4679")).people.map((p) => p.id)).toContain(chen.id);
    const r = await search("陈奶");
    expect(r.members).toMatchObject([{ id: grandma.id, birthYear: 1941, relation: "grandparent", room: "501" }]);
    expect(await search("   ")).toEqual({ people: [], members: [], households: [] });
    // A "%" is taken literally.
    expect((await search("%")).people).toEqual([]);
  });
});

describe("the cards", () => {
  it("an account's card: household, roles, registrations incl. a member's, ballots without the choice, points this year", async () => {
    const card = must(await getDeskPerson(t.db, organiser, chen.id))!;
    expect(card).toMatchObject({
      name: "陈查询",
      phone: "13955501234",
      verified: true,
      roles: ["resident"],
      household: { id: home.id, code: "KMNP4679", room: "501" },
      pointsThisYear: 5,
    });
    expect(card.registrations).toMatchObject([{ participantName: "陈奶奶", memberId: grandma.id, atDesk: true }]);
    expect(card.ballots).toHaveLength(1);
    expect(Object.keys(card.ballots[0]).sort()).toEqual(["castAt", "category", "channel", "festival"]);
    expect(must(await getDeskPerson(t.db, organiser, "00000000-0000-4000-8000-000000000000"))).toBeNull();
  });

  it("a member's card and a household's card", async () => {
    const m = must(await getDeskMember(t.db, organiser, grandma.id))!;
    expect(m).toMatchObject({ name: "陈奶奶", household: { id: home.id } });
    expect(m.ballots).toMatchObject([{ channel: "desk" }]);
    expect(m.registrations).toHaveLength(1);
    const h = must(await getDeskHousehold(t.db, organiser, home.id))!;
    expect(h.accounts.map((a) => a.id)).toEqual([chen.id]);
    expect(h.members.map((x) => x.id)).toEqual([grandma.id]);
  });

  it("the windows say when registering and voting on someone's behalf lead anywhere", async () => {
    expect(must(await getDeskWindows(t.db, organiser))).toMatchObject({ votingOpen: false });
    await setWindows(t.db, star.slug, "voting");
    expect(must(await getDeskWindows(t.db, organiser))).toMatchObject({ votingOpen: true });
  });

  it("residents and visitors are refused every desk read", async () => {
    const resident = await actorOf(t.db, chen.id);
    for (const a of [null, resident]) {
      expect(await searchDesk(t.db, a, "陈")).toEqual({ ok: false, code: "forbidden" });
      expect(await getDeskPerson(t.db, a, chen.id)).toEqual({ ok: false, code: "forbidden" });
      expect(await getDeskMember(t.db, a, grandma.id)).toEqual({ ok: false, code: "forbidden" });
      expect(await getDeskHousehold(t.db, a, home.id)).toEqual({ ok: false, code: "forbidden" });
      expect(await getDeskWindows(t.db, a)).toEqual({ ok: false, code: "forbidden" });
    }
  });
});
