import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { auditLog, householdMembers, starBallots, starPendingVotes, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser, must, snapshot } from "@/tests/support/fixtures";
import { named, setWindows, starFestival } from "@/tests/support/star-fixtures";
import type { Actor } from "@/lib/actor";
import { castBallot, nominate, standings, vetNominations } from "./service";
import { PAPER_BALLOT_ACTION, recordPaperBallot } from "./paper-ballot";
import { getDeskBallots } from "./desk-queries";
import { getPaperBallotSheet } from "./resident-queries";
import { liveTally, listMyBallots } from "./queries";
import { mixClosedBallots } from "./mix";

// Paper ballots typed in at the desk: the same one-ballot guard as online, for accounts and for
// household members without one, audited without the choice, counted in turnout.

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true, name: "张丽" })).id);
});
afterAll(async () => t?.close());

async function voting(
  categories: { name: string; mode?: "resident" | "household"; votesPerVoter?: number }[],
  names = ["周建华", "王秀英", "丁一"],
) {
  const f = await starFestival(t.db, organiser, categories);
  const candidates: string[][] = [];
  for (const categoryId of f.categoryIds) {
    const ids: string[] = [];
    for (const n of names) {
      const nominator = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
      ids.push(must(await nominate(t.db, nominator, named(f.slug, categoryId, n))).id);
    }
    candidates.push(ids);
  }
  await vetNominations(t.db, organiser, { ids: candidates.flat(), decision: "approve" });
  await setWindows(t.db, f.slug, "voting");
  const fid = (await t.db.query.festivals.findFirst({ where: (x, { eq }) => eq(x.slug, f.slug) }))!.id;
  return { ...f, fid, candidates };
}

const member = async (householdId: string, name: string, removed = false) =>
  (
    await t.db
      .insert(householdMembers)
      .values({ householdId, name, birthYear: 1941, relation: "parent", removedAt: removed ? new Date() : null })
      .returning()
  )[0];

const ballotsOf = (categoryId: string) =>
  t.db
    .select({
      voterKey: starBallots.voterKey,
      voterId: starBallots.voterId,
      memberId: starBallots.memberId,
      householdId: starBallots.householdId,
      channel: starBallots.channel,
      recordedBy: starBallots.recordedBy,
      ip: starBallots.ip,
    })
    .from(starBallots)
    .where(eq(starBallots.categoryId, categoryId));

const pendingIn = async (categoryId: string) =>
  (await t.db.select({ n: count() }).from(starPendingVotes).where(eq(starPendingVotes.categoryId, categoryId)))[0].n;

describe("a paper ballot for an account", () => {
  it("is recorded at the desk with its receipt, audited without the choice, and the online ballot after it is refused", async () => {
    const f = await voting([{ name: "热心公益之星", votesPerVoter: 2 }]);
    const categoryId = f.categoryIds[0];
    const voter = await makeUser(t.db, { verified: true, name: "陈志强" });
    const r = must(
      await recordPaperBallot(t.db, organiser, {
        festivalSlug: f.slug,
        categoryId,
        userId: voter.id,
        candidateIds: [f.candidates[0][0], f.candidates[0][2]],
      }),
    );
    expect(r.receipt).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    expect(await ballotsOf(categoryId)).toEqual([
      {
        voterKey: `user:${voter.id}`,
        voterId: voter.id,
        memberId: null,
        householdId: voter.householdId,
        channel: "desk",
        recordedBy: organiser.id,
        ip: null,
      },
    ]);
    expect(await pendingIn(categoryId)).toBe(1);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, PAPER_BALLOT_ACTION), eq(auditLog.outcome, "ok"), eq(auditLog.targetId, categoryId)),
      );
    expect(entry).toMatchObject({
      actorId: organiser.id,
      targetType: "star_category",
      details: { atDesk: true, forUserId: voter.id, categoryId },
    });
    // Neither the choice nor the receipt is in the log.
    expect(JSON.stringify(entry)).not.toMatch(new RegExp([...f.candidates[0], r.receipt].join("|")));

    const online = await castBallot(t.db, await actorOf(t.db, voter.id), {
      festivalSlug: f.slug,
      categoryId,
      candidateIds: [f.candidates[0][1]],
    });
    expect(online).toEqual({ ok: false, code: "already_voted" });
    expect(await ballotsOf(categoryId)).toHaveLength(1);
    expect(await pendingIn(categoryId)).toBe(1);

    // The desk sees that they voted, at the desk — not for whom.
    const desk = must(await getDeskBallots(t.db, organiser, { userId: voter.id }))!;
    const cat = desk.festivals.find((x) => x.slug === f.slug)!.categories[0];
    expect(cat.voted).toEqual({ channel: "desk", byThisPerson: true });
    expect(JSON.stringify(desk)).not.toContain(r.receipt);
    // Their own page says they voted, as for an online ballot.
    expect((await listMyBallots(t.db, await actorOf(t.db, voter.id), f.fid)).map((b) => !!b.mine)).toEqual([true]);
  });

  it("after an online ballot, the paper one is refused with already_voted and audited as refused", async () => {
    const f = await voting([{ name: "孝老爱亲之星" }]);
    const categoryId = f.categoryIds[0];
    const voter = await makeUser(t.db, { verified: true });
    must(
      await castBallot(t.db, await actorOf(t.db, voter.id), {
        festivalSlug: f.slug,
        categoryId,
        candidateIds: [f.candidates[0][0]],
      }),
    );
    const before = await snapshot(t.db);
    const r = await recordPaperBallot(t.db, organiser, {
      festivalSlug: f.slug,
      categoryId,
      userId: voter.id,
      candidateIds: [f.candidates[0][1]],
    });
    expect(r).toEqual({ ok: false, code: "already_voted" });
    expect(await snapshot(t.db)).toBe(before);
    const refused = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, PAPER_BALLOT_ACTION), eq(auditLog.outcome, "refused")));
    expect(refused.map((x) => x.details)).toContainEqual({
      atDesk: true,
      forUserId: voter.id,
      categoryId,
      reason: "already_voted",
    });
    const desk = must(await getDeskBallots(t.db, organiser, { userId: voter.id }))!;
    expect(desk.festivals.find((x) => x.slug === f.slug)!.categories[0].voted).toEqual({
      channel: "online",
      byThisPerson: true,
    });
  });

  it("is refused for an unverified or disabled account, outside the window, and for a choice not of the category", async () => {
    const f = await voting([{ name: "邻里互助之星" }, { name: "睦邻友好之星", votesPerVoter: 2 }]);
    const [categoryId, other] = f.categoryIds;
    const verified = await makeUser(t.db, { verified: true });
    const unverified = await makeUser(t.db);
    const disabled = await makeUser(t.db, { verified: true });
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
    const paper = (extra: Record<string, unknown>) =>
      recordPaperBallot(t.db, organiser, {
        festivalSlug: f.slug,
        categoryId,
        userId: verified.id,
        candidateIds: [f.candidates[0][0]],
        ...extra,
      });
    const before = await snapshot(t.db);
    expect(await paper({ userId: unverified.id })).toEqual({ ok: false, code: "not_verified" });
    expect(await paper({ userId: disabled.id })).toEqual({ ok: false, code: "not_verified" });
    expect(await paper({ userId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, code: "not_found" });
    // A candidate of another category, more ticks than the votes, an empty slip, two people at once.
    expect(await paper({ candidateIds: [f.candidates[1][0]] })).toMatchObject({
      code: "invalid",
      fieldErrors: { candidateIds: ["candidate_unknown"] },
    });
    expect(await paper({ candidateIds: [f.candidates[0][0], f.candidates[0][1]] })).toMatchObject({
      code: "invalid",
      fieldErrors: { candidateIds: ["too_many_votes"] },
    });
    expect(await paper({ candidateIds: [] })).toMatchObject({
      code: "invalid",
      fieldErrors: { candidateIds: ["choose_one"] },
    });
    const someone = await member(verified.householdId!, "陈奶奶");
    expect(await paper({ memberId: someone.id })).toMatchObject({ code: "invalid" });
    expect(await paper({ userId: undefined })).toMatchObject({ code: "invalid" });
    expect(await paper({ categoryId: "not-an-id" })).toMatchObject({ code: "invalid" });
    expect(await paper({ festivalSlug: "no-such-festival" })).toEqual({ ok: false, code: "not_found" });
    expect(await paper({ categoryId: other, candidateIds: [f.candidates[0][0]] })).toMatchObject({
      fieldErrors: { candidateIds: ["candidate_unknown"] },
    });
    // A candidate rejected before voting opened is none.
    const late = await makeUser(t.db, { verified: true });
    await setWindows(t.db, f.slug, "nominating");
    const rejected = must(await nominate(t.db, await actorOf(t.db, late.id), named(f.slug, categoryId, "何丽娟"))).id;
    await vetNominations(t.db, organiser, { ids: [rejected], decision: "reject", reason: "重复" });
    // Before voting and after it, nothing is recorded.
    expect(await paper({})).toEqual({ ok: false, code: "voting_closed" });
    await setWindows(t.db, f.slug, "closed");
    expect(await paper({})).toEqual({ ok: false, code: "voting_closed" });
    await setWindows(t.db, f.slug, "voting");
    expect(await paper({ candidateIds: [rejected] })).toMatchObject({
      fieldErrors: { candidateIds: ["candidate_unknown"] },
    });
    expect(await ballotsOf(categoryId)).toEqual([]);
    expect(await pendingIn(categoryId)).toBe(0);
    // The nomination and the windows moved; ballots did not.
    expect(await snapshot(t.db)).not.toBe(before);
    must(await paper({}));
    expect(await ballotsOf(categoryId)).toHaveLength(1);
  });

  it("is for organisers only: a resident, a volunteer or a visitor is refused and nothing is written", async () => {
    const f = await voting([{ name: "热心公益之星" }]);
    const voter = await makeUser(t.db, { verified: true });
    const resident = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const volunteer = await actorOf(t.db, (await makeUser(t.db, { verified: true, roles: ["volunteer"] })).id);
    const before = await snapshot(t.db);
    for (const actor of [resident, volunteer, null])
      expect(
        await recordPaperBallot(t.db, actor, {
          festivalSlug: f.slug,
          categoryId: f.categoryIds[0],
          userId: voter.id,
          candidateIds: [f.candidates[0][0]],
        }),
      ).toEqual({ ok: false, code: "forbidden" });
    expect(await snapshot(t.db)).toBe(before);
    expect(await getDeskBallots(t.db, resident, { userId: voter.id })).toEqual({ ok: false, code: "forbidden" });
  });
});

describe("a paper ballot for a household member without an account", () => {
  it("counts as the member's own in resident mode; a removed member may not vote", async () => {
    const f = await voting([{ name: "热心公益之星" }]);
    const categoryId = f.categoryIds[0];
    const home = await makeHousehold(t.db, { building: "美湖花园 2栋" });
    const grandma = await member(home.id, "陈秀兰");
    const gone = await member(home.id, "陈大伯", true);
    const paper = (memberId: string, candidate = f.candidates[0][1]) =>
      recordPaperBallot(t.db, organiser, { festivalSlug: f.slug, categoryId, memberId, candidateIds: [candidate] });
    must(await paper(grandma.id));
    expect(await paper(grandma.id, f.candidates[0][0])).toEqual({ ok: false, code: "already_voted" });
    expect(await paper(gone.id)).toEqual({ ok: false, code: "not_verified" });
    expect(await paper("00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, code: "not_found" });
    expect(await ballotsOf(categoryId)).toEqual([
      {
        voterKey: `member:${grandma.id}`,
        voterId: null,
        memberId: grandma.id,
        householdId: home.id,
        channel: "desk",
        recordedBy: organiser.id,
        ip: null,
      },
    ]);
    // An account of the same household still has a vote of their own in resident mode.
    const son = await makeUser(t.db, { verified: true, householdId: home.id });
    must(
      await castBallot(t.db, await actorOf(t.db, son.id), {
        festivalSlug: f.slug,
        categoryId,
        candidateIds: [f.candidates[0][0]],
      }),
    );
    const [entry] = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(
        and(eq(auditLog.action, PAPER_BALLOT_ACTION), eq(auditLog.outcome, "ok"), eq(auditLog.targetId, categoryId)),
      );
    expect(entry.details).toEqual({ atDesk: true, forMemberId: grandma.id, categoryId });
    const desk = must(await getDeskBallots(t.db, organiser, { memberId: grandma.id }))!;
    expect(desk.voter).toMatchObject({
      kind: "member",
      name: "陈秀兰",
      eligible: true,
      address: "美湖花园 2栋 1单元-" + home.room,
    });
    expect(desk.festivals.find((x) => x.slug === f.slug)!.categories[0].voted).toEqual({
      channel: "desk",
      byThisPerson: true,
    });
    expect(must(await getDeskBallots(t.db, organiser, { memberId: gone.id }))!.voter.eligible).toBe(false);

    // Turnout counts the desk's ballot and the member among those who may vote; the tally says
    // how many came from the desk, not whose.
    const tally = must(await liveTally(t.db, organiser, f.fid));
    expect(tally.categories.map((c) => [c.ballots, c.atDesk])).toEqual([[2, 1]]);
    expect(tally.byBuilding.find((b) => b.building === "美湖花园 2栋")).toEqual({
      building: "美湖花园 2栋",
      voters: 2,
      verified: 2,
    });
    // After the close both are counted.
    await setWindows(t.db, f.slug, "closed");
    await mixClosedBallots(t.db, { festivalId: f.fid });
    expect(Object.fromEntries((await standings(t.db, categoryId)).map((s) => [s.nominationId, s.votes]))).toEqual({
      [f.candidates[0][0]]: 1,
      [f.candidates[0][1]]: 1,
      [f.candidates[0][2]]: 0,
    });
  });

  it("in household mode, one ballot per household whoever casts it, at the desk or online", async () => {
    const f = await voting([{ name: "文明家庭", mode: "household" }], ["赵德华家", "孙家"]);
    const categoryId = f.categoryIds[0];
    const home = await makeHousehold(t.db);
    const [grandma, grandpa] = [await member(home.id, "赵奶奶"), await member(home.id, "赵爷爷")];
    const son = await makeUser(t.db, { verified: true, householdId: home.id, name: "赵明" });
    must(
      await recordPaperBallot(t.db, organiser, {
        festivalSlug: f.slug,
        categoryId,
        memberId: grandma.id,
        candidateIds: [f.candidates[0][0]],
      }),
    );
    expect(
      await recordPaperBallot(t.db, organiser, {
        festivalSlug: f.slug,
        categoryId,
        memberId: grandpa.id,
        candidateIds: [f.candidates[0][1]],
      }),
    ).toEqual({ ok: false, code: "already_voted" });
    expect(
      await recordPaperBallot(t.db, organiser, {
        festivalSlug: f.slug,
        categoryId,
        userId: son.id,
        candidateIds: [f.candidates[0][1]],
      }),
    ).toEqual({ ok: false, code: "already_voted" });
    const sonActor = await actorOf(t.db, son.id);
    expect(
      await castBallot(t.db, sonActor, { festivalSlug: f.slug, categoryId, candidateIds: [f.candidates[0][1]] }),
    ).toEqual({ ok: false, code: "already_voted" });
    expect((await ballotsOf(categoryId)).map((b) => [b.voterKey, b.memberId, b.householdId])).toEqual([
      [`household:${home.id}`, grandma.id, home.id],
    ]);
    // The son's page says his household voted, and by whom.
    expect(await listMyBallots(t.db, sonActor, f.fid)).toEqual([{ categoryId, mine: null, byHousehold: "赵奶奶" }]);
    // And the desk, for the grandfather: the household voted, not he.
    const desk = must(await getDeskBallots(t.db, organiser, { memberId: grandpa.id }))!;
    expect(desk.festivals.find((x) => x.slug === f.slug)!.categories[0].voted).toEqual({
      channel: "desk",
      byThisPerson: false,
    });

    // The other way round: an account votes online for the household, then the desk is refused.
    const other = await makeHousehold(t.db);
    const daughter = await makeUser(t.db, { verified: true, householdId: other.id });
    const aunt = await member(other.id, "孙阿姨");
    must(
      await castBallot(t.db, await actorOf(t.db, daughter.id), {
        festivalSlug: f.slug,
        categoryId,
        candidateIds: [f.candidates[0][0]],
      }),
    );
    expect(
      await recordPaperBallot(t.db, organiser, {
        festivalSlug: f.slug,
        categoryId,
        memberId: aunt.id,
        candidateIds: [f.candidates[0][1]],
      }),
    ).toEqual({ ok: false, code: "already_voted" });
  });
});

describe("the printed paper ballot", () => {
  it("shows the category and its approved candidates in the desk's fixed order, for anyone", async () => {
    const f = await voting([{ name: "热心公益之星", votesPerVoter: 2 }], ["周建华", "王秀英", "丁一"]);
    const sheet = (await getPaperBallotSheet(t.db, f.slug, f.categoryIds[0]))!;
    expect(sheet.category).toMatchObject({ name: "热心公益之星", votesPerVoter: 2, mode: "resident" });
    expect(sheet.candidates.map((c) => c.name)).toEqual(["丁一", "王秀英", "周建华"]);
    expect(sheet.candidates.map((c) => c.building)).toEqual(["美湖花园 3栋", "美湖花园 3栋", "美湖花园 3栋"]);
    const voter = await makeUser(t.db, { verified: true });
    const desk = must(await getDeskBallots(t.db, organiser, { userId: voter.id }))!;
    expect(desk.festivals.find((x) => x.slug === f.slug)!.categories[0].candidates.map((c) => c.id)).toEqual(
      sheet.candidates.map((c) => c.id),
    );
    expect(await getPaperBallotSheet(t.db, f.slug, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getPaperBallotSheet(t.db, "no-such", f.categoryIds[0])).toBeNull();
    expect(await getPaperBallotSheet(t.db, f.slug, "not-an-id")).toBeNull();
  });
});
