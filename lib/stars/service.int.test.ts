import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import {
  auditLog,
  notifications,
  starBallots,
  starNominations,
  photos,
  starPendingVotes,
  starReceipts,
  starVotes,
  starWinners,
} from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser, snapshot, must } from "@/tests/support/fixtures";
import { image, named, setWindows, starFestival } from "@/tests/support/star-fixtures";
import type { Actor } from "@/lib/actor";
import { PHONE_LOOKUPS_PER_DAY, takePhoneLookups } from "@/lib/limits/daily";
import { mixClosedBallots } from "./mix";
import { listMyNominations } from "./queries";
import {
  castBallot,
  createCategory,
  declineNomination,
  editStory,
  mergeNominations,
  nominate,
  publishResults,
  standings,
  updateCategory,
  deleteCategory,
  vetNominations,
  winnersOf,
} from "./service";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const resident = async (opts: { verified?: boolean; householdId?: string; name?: string } = {}) => {
  const u = await makeUser(t.db, { verified: opts.verified ?? true, householdId: opts.householdId, name: opts.name });
  return { actor: await actorOf(t.db, u.id), phone: u.phone };
};
const nomination = async (id: string) =>
  (await t.db.select().from(starNominations).where(eq(starNominations.id, id)))[0];

/** A festival in its voting window with approved candidates. */
async function votingFestival(names: string[], category: Parameters<typeof starFestival>[2] = [{}]) {
  const f = await starFestival(t.db, organiser, category);
  const ids: string[] = [];
  for (const n of names)
    ids.push(must(await nominate(t.db, (await resident()).actor, named(f.slug, f.categoryIds[0], n))).id);
  must(await vetNominations(t.db, organiser, { ids, decision: "approve" }));
  await setWindows(t.db, f.slug, "voting");
  return { ...f, candidateIds: ids };
}

describe("nominating", () => {
  it("a verified resident nominates a neighbour with an account, who is told and can decline", async () => {
    const f = await starFestival(t.db, organiser);
    const me = await resident({ name: "刘洋" });
    const neighbour = await resident({ name: "王秀英" });
    const { id } = must(
      await nominate(t.db, me.actor, {
        festivalSlug: f.slug,
        categoryId: f.categoryIds[0],
        nominee: { kind: "account", phone: neighbour.phone, name: "王阿姨" },
        story: "王阿姨每周给独居老人送饭。",
      }),
    );
    const n = await nomination(id);
    // The name the nominator typed, never the account's: the number does not reveal its holder.
    expect([n.nomineeName, n.nomineeUserId, n.status]).toEqual(["王阿姨", neighbour.actor.id, "pending"]);
    const mine = await listMyNominations(t.db, me.actor.id, n.festivalId);
    expect(JSON.stringify(mine)).not.toContain("王秀英");
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, neighbour.actor.id));
    expect(told.map((x) => x.kind)).toEqual(["star.nominated"]);
    expect((await declineNomination(t.db, me.actor, id)).ok).toBe(false);
    must(await declineNomination(t.db, neighbour.actor, id));
    expect((await nomination(id)).status).toBe("declined");
  });

  it("a nominee's number is one of the account's day of phone lookups", async () => {
    const f = await starFestival(t.db, organiser);
    const me = await resident();
    const neighbour = await resident();
    expect(await takePhoneLookups(t.db, me.actor.id, PHONE_LOOKUPS_PER_DAY)).toBe(true);
    expect(
      await nominate(t.db, me.actor, {
        festivalSlug: f.slug,
        categoryId: f.categoryIds[0],
        nominee: { kind: "account", phone: neighbour.phone, name: "邻居" },
        story: "好人。",
      }),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { nominee: ["lookup_limit"] } });
  });

  it("keeps a photo checked by its bytes and scaled down, in the database", async () => {
    const f = await starFestival(t.db, organiser, [{ nominationCap: 5 }]);
    const me = await resident();
    const { id } = must(
      await nominate(t.db, me.actor, named(f.slug, f.categoryIds[0], "周建华"), await image("png", 2400, 1800)),
    );
    const [p] = await t.db
      .select()
      .from(photos)
      .where(eq(photos.id, (await nomination(id)).photoId!));
    expect([p.mime, p.width, p.height]).toEqual(["image/jpeg", 1000, 750]);
    expect([...Buffer.from(p.bytes).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    for (const format of ["jpeg", "webp"] as const)
      expect(
        (
          await nominate(
            t.db,
            me.actor,
            named(f.slug, f.categoryIds[0], `邻居${format}`),
            await image(format, 300, 200),
          )
        ).ok,
      ).toBe(true);
  });

  it("refuses bad input, a renamed program as a photo, other festivals' categories, a full cap, a closed window, the unverified — writing nothing", async () => {
    const f = await starFestival(t.db, organiser, [{ nominationCap: 1 }]);
    const other = await starFestival(t.db, organiser);
    const me = await resident();
    const unverified = await resident({ verified: false });
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(2000, 1)]);
    const before = await snapshot(t.db);
    expect(await nominate(t.db, me.actor, named(f.slug, f.categoryIds[0], "张三"), exe)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { photo: ["photo_not_image"] },
    });
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(2 * 1024 * 1024)]);
    expect(await nominate(t.db, me.actor, named(f.slug, f.categoryIds[0], "张三"), big)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { photo: ["photo_too_large"] },
    });
    // A JPEG header on garbage is not a photo either.
    expect(
      await nominate(
        t.db,
        me.actor,
        named(f.slug, f.categoryIds[0], "张三"),
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)]),
      ),
    ).toMatchObject({ fieldErrors: { photo: ["photo_not_image"] } });
    expect(
      await nominate(t.db, me.actor, named(f.slug, f.categoryIds[0], "张三", { story: "长".repeat(501) })),
    ).toMatchObject({ fieldErrors: { story: ["too_long"] } });
    expect(
      await nominate(
        t.db,
        me.actor,
        named(f.slug, f.categoryIds[0], "张三", { story: 42, nominee: { kind: "robot" } }),
      ),
    ).toMatchObject({ code: "invalid" });
    expect(await nominate(t.db, me.actor, named(f.slug, other.categoryIds[0], "张三"))).toMatchObject({
      fieldErrors: { categoryId: ["category_unknown"] },
    });
    expect(
      await nominate(t.db, me.actor, {
        ...named(f.slug, f.categoryIds[0], ""),
        nominee: { kind: "account", phone: me.phone, name: "我" },
      }),
    ).toMatchObject({ fieldErrors: { nominee: ["phone_is_yours"] } });
    expect(
      await nominate(t.db, me.actor, {
        ...named(f.slug, f.categoryIds[0], ""),
        nominee: { kind: "account", phone: "13999999998", name: "谁" },
      }),
    ).toMatchObject({ fieldErrors: { nominee: ["phone_no_account"] } });
    expect(await nominate(t.db, null, named(f.slug, f.categoryIds[0], "张三"))).toEqual({
      ok: false,
      code: "unauthenticated",
    });
    expect(await snapshot(t.db)).toBe(before);
    // The unverified attempt is refused and logged.
    expect(await nominate(t.db, unverified.actor, named(f.slug, f.categoryIds[0], "张三"))).toEqual({
      ok: false,
      code: "not_verified",
    });
    must(await nominate(t.db, me.actor, named(f.slug, f.categoryIds[0], "张三")));
    expect(await nominate(t.db, me.actor, named(f.slug, f.categoryIds[0], "张三"))).toEqual({
      ok: false,
      code: "already_nominated",
    });
    expect(await nominate(t.db, me.actor, named(f.slug, f.categoryIds[0], "李四"))).toEqual({
      ok: false,
      code: "nomination_cap",
    });
    await setWindows(t.db, f.slug, "voting");
    expect(await nominate(t.db, (await resident()).actor, named(f.slug, f.categoryIds[0], "王五"))).toEqual({
      ok: false,
      code: "nomination_closed",
    });
  });
});

describe("vetting", () => {
  it("approves, rejects with a reason (the nominator is told), merges duplicates and logs story edits", async () => {
    const f = await starFestival(t.db, organiser);
    const a = await resident();
    const b = await resident();
    const first = must(
      await nominate(t.db, a.actor, named(f.slug, f.categoryIds[0], "周建华"), await image("png", 200, 200)),
    );
    const dup = must(
      await nominate(t.db, b.actor, named(f.slug, f.categoryIds[0], "周建华", { story: "周师傅半夜帮忙关了总阀。" })),
    );
    const other = must(await nominate(t.db, b.actor, named(f.slug, f.categoryIds[0], "何丽娟")));
    expect(await vetNominations(t.db, organiser, { ids: [other.id], decision: "reject" })).toMatchObject({
      fieldErrors: { reason: ["reason_required"] },
    });
    must(
      await vetNominations(t.db, organiser, { ids: [other.id], decision: "reject", reason: "已在别的评选中获奖。" }),
    );
    must(await vetNominations(t.db, organiser, { ids: [first.id], decision: "approve" }));
    expect(
      (
        await t.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.targetId, first.id), eq(auditLog.action, "stars.approve")))
      ).map((l) => l.details),
    ).toEqual([{ before: "pending", after: "approved" }]);
    expect(
      (await t.db.select().from(notifications).where(eq(notifications.userId, b.actor.id))).map((n) => [
        n.kind,
        n.data.reason,
      ]),
    ).toEqual([["star.rejected", "已在别的评选中获奖。"]]);
    must(await mergeNominations(t.db, organiser, { sourceId: dup.id, targetId: first.id }));
    expect([(await nomination(dup.id)).status, (await nomination(dup.id)).mergedInto]).toEqual(["merged", first.id]);
    expect(await mergeNominations(t.db, organiser, { sourceId: other.id, targetId: first.id })).toMatchObject({
      fieldErrors: { targetId: ["not_mergeable"] },
    });

    const n = await nomination(first.id);
    expect(
      await editStory(t.db, organiser, { id: first.id, version: n.version, story: "周师傅热心修理。", reason: "" }),
    ).toMatchObject({ fieldErrors: { reason: ["reason_required"] } });
    must(
      await editStory(t.db, organiser, {
        id: first.id,
        version: n.version,
        story: "周师傅义务为邻居修水管。",
        reason: "删去了门牌号。",
      }),
    );
    const [log] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "stars.edit_story"), eq(auditLog.targetId, first.id)));
    expect(log.details).toEqual({ before: n.story, after: "周师傅义务为邻居修水管。", reason: "删去了门牌号。" });
    expect(
      await editStory(t.db, organiser, { id: first.id, version: n.version, story: "又改了。", reason: "过时的版本" }),
    ).toEqual({ ok: false, code: "stale_version" });
  });

  it("every change of a category's rules keeps them before and after in the audit log", async () => {
    const f = await starFestival(t.db, organiser, []);
    const rules = {
      name: "孝老爱亲之星",
      description: "",
      winners: 1,
      votesPerVoter: 1,
      mode: "resident",
      nominationCap: 2,
    };
    const { id } = must(await createCategory(t.db, organiser, { festivalSlug: f.slug, ...rules }));
    must(await updateCategory(t.db, organiser, { id, version: 1, ...rules, winners: 2, votesPerVoter: 2 }));
    must(await deleteCategory(t.db, organiser, { id }));
    const logs = (await t.db.select().from(auditLog).where(eq(auditLog.targetId, id))).sort((a, b) => a.id - b.id);
    expect(logs.map((l) => [l.action, l.details])).toEqual([
      ["stars.category_create", { before: null, after: rules }],
      ["stars.category_update", { before: rules, after: { ...rules, winners: 2, votesPerVoter: 2 } }],
      ["stars.category_delete", { before: { ...rules, winners: 2, votesPerVoter: 2 }, after: null }],
    ]);
  });

  it("once voting opens, the rules and the candidates stay as they are", async () => {
    const f = await votingFestival(["甲", "乙"]);
    const pending = await resident();
    const before = await snapshot(t.db);
    expect(
      await createCategory(t.db, organiser, {
        festivalSlug: f.slug,
        name: "新类别",
        winners: 1,
        votesPerVoter: 1,
        mode: "resident",
      }),
    ).toEqual({ ok: false, code: "rules_locked" });
    expect(
      await updateCategory(t.db, organiser, {
        id: f.categoryIds[0],
        version: 1,
        name: "改名",
        winners: 2,
        votesPerVoter: 2,
        mode: "household",
        nominationCap: 2,
      }),
    ).toEqual({ ok: false, code: "rules_locked" });
    expect(
      await vetNominations(t.db, organiser, { ids: [f.candidateIds[0]], decision: "reject", reason: "临时改变" }),
    ).toEqual({ ok: false, code: "rules_locked" });
    expect(
      await mergeNominations(t.db, organiser, { sourceId: f.candidateIds[0], targetId: f.candidateIds[1] }),
    ).toEqual({ ok: false, code: "rules_locked" });
    expect(await snapshot(t.db)).toBe(before);
    void pending;
  });
});

describe("voting", () => {
  it("one final ballot per verified resident per category, with a receipt; the choice waits unlinked until the close, then counts exactly", async () => {
    const f = await votingFestival(["甲", "乙", "丙"], [{ votesPerVoter: 2, winners: 2 }]);
    const voter = await resident();
    const { receipt } = must(
      await castBallot(t.db, voter.actor, {
        festivalSlug: f.slug,
        categoryId: f.categoryIds[0],
        candidateIds: [f.candidateIds[0], f.candidateIds[2]],
      }),
    );
    expect(receipt).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(
      await castBallot(t.db, voter.actor, {
        festivalSlug: f.slug,
        categoryId: f.categoryIds[0],
        candidateIds: [f.candidateIds[1]],
      }),
    ).toEqual({ ok: false, code: "already_voted" });
    const [ballot] = await t.db.select().from(starBallots).where(eq(starBallots.categoryId, f.categoryIds[0]));
    // The ballot row says that the voter voted: not for whom, not the receipt.
    expect(JSON.stringify(ballot)).not.toContain(f.candidateIds[0]);
    expect(JSON.stringify(ballot)).not.toContain(receipt);
    // The choice waits under its receipt alone; nothing is counted while voting runs.
    const pending = await t.db.select().from(starPendingVotes).where(eq(starPendingVotes.categoryId, f.categoryIds[0]));
    expect(pending.map((p) => [p.receipt, [...p.candidateIds].sort()])).toEqual([
      [receipt, [f.candidateIds[0], f.candidateIds[2]].sort()],
    ]);
    expect(Object.keys(pending[0]).sort()).toEqual(["candidateIds", "categoryId", "id", "receipt"]);
    expect((await standings(t.db, f.categoryIds[0])).every((s) => s.votes === 0)).toBe(true);
    // After the close the choice is counted without its receipt, and the receipt listed without it.
    await setWindows(t.db, f.slug, "closed");
    const festivalId = (await t.db.query.festivals.findFirst({ where: (x, { eq }) => eq(x.slug, f.slug) }))!.id;
    expect(await mixClosedBallots(t.db, { festivalId })).toBe(1);
    expect(await mixClosedBallots(t.db, { festivalId })).toBe(0);
    const votes = await t.db.select().from(starVotes).where(eq(starVotes.categoryId, f.categoryIds[0]));
    expect(Object.keys(votes[0]).sort()).toEqual(["candidateId", "categoryId", "id"]);
    expect(votes).toHaveLength(2);
    const receipts = await t.db.select().from(starReceipts).where(eq(starReceipts.categoryId, f.categoryIds[0]));
    expect(receipts.map((r) => r.receipt)).toEqual([receipt]);
    expect(await t.db.select().from(starPendingVotes).where(eq(starPendingVotes.categoryId, f.categoryIds[0]))).toEqual(
      [],
    );
    const refused = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "stars.vote"), eq(auditLog.actorId, voter.actor.id)));
    expect(refused.map((r) => [r.outcome, r.details.reason])).toEqual([["refused", "already_voted"]]);
  });

  it("refuses forged, foreign and unapproved candidates, too many choices, the unverified and outside the window — writing nothing but the log", async () => {
    const f = await votingFestival(["甲", "乙"]);
    const other = await votingFestival(["丙"]);
    const pendingNominee = await resident();
    await setWindows(t.db, f.slug, "nominating");
    const pending = must(await nominate(t.db, pendingNominee.actor, named(f.slug, f.categoryIds[0], "未审核")));
    await setWindows(t.db, f.slug, "voting");
    const voter = await resident();
    const unverified = await resident({ verified: false });
    const ballot = (candidateIds: string[], categoryId = f.categoryIds[0]) => ({
      festivalSlug: f.slug,
      categoryId,
      candidateIds,
    });
    const before = await snapshot(t.db);
    expect(await castBallot(t.db, voter.actor, ballot(["00000000-0000-4000-8000-000000000000"]))).toMatchObject({
      fieldErrors: { candidateIds: ["candidate_unknown"] },
    });
    expect(await castBallot(t.db, voter.actor, ballot([other.candidateIds[0]]))).toMatchObject({
      fieldErrors: { candidateIds: ["candidate_unknown"] },
    });
    expect(await castBallot(t.db, voter.actor, ballot([pending.id]))).toMatchObject({
      fieldErrors: { candidateIds: ["candidate_unknown"] },
    });
    expect(await castBallot(t.db, voter.actor, ballot(f.candidateIds))).toMatchObject({
      fieldErrors: { candidateIds: ["too_many_votes"] },
    });
    expect(await castBallot(t.db, voter.actor, ballot([f.candidateIds[0]], other.categoryIds[0]))).toMatchObject({
      fieldErrors: { categoryId: ["category_unknown"] },
    });
    expect(await castBallot(t.db, voter.actor, ballot([]))).toMatchObject({
      fieldErrors: { candidateIds: ["choose_one"] },
    });
    expect(await castBallot(t.db, voter.actor, { ...ballot(["x"]), candidateIds: "甲" })).toMatchObject({
      code: "invalid",
    });
    expect(await snapshot(t.db)).not.toBe("");
    const audited = async () => (await t.db.select().from(auditLog).where(eq(auditLog.action, "stars.vote"))).length;
    const logged = await audited();
    expect(await castBallot(t.db, unverified.actor, ballot([f.candidateIds[0]]))).toEqual({
      ok: false,
      code: "not_verified",
    });
    await setWindows(t.db, f.slug, "closed");
    expect(await castBallot(t.db, voter.actor, ballot([f.candidateIds[0]]))).toEqual({
      ok: false,
      code: "voting_closed",
    });
    expect(await audited()).toBe(logged + 2);
    expect(
      await t.db
        .select()
        .from(starBallots)
        .where(eq(starBallots.festivalId, (await nomination(f.candidateIds[0])).festivalId)),
    ).toEqual([]);
    void before;
  });

  it("household mode: one ballot per household; the other member sees that the household has voted", async () => {
    const f = await votingFestival(["甲", "乙"], [{ mode: "household" }]);
    const home = await makeHousehold(t.db);
    const a = await resident({ householdId: home.id });
    const b = await resident({ householdId: home.id });
    must(
      await castBallot(t.db, a.actor, {
        festivalSlug: f.slug,
        categoryId: f.categoryIds[0],
        candidateIds: [f.candidateIds[0]],
      }),
    );
    expect(
      await castBallot(t.db, b.actor, {
        festivalSlug: f.slug,
        categoryId: f.categoryIds[0],
        candidateIds: [f.candidateIds[1]],
      }),
    ).toEqual({ ok: false, code: "already_voted" });
  });
});

describe("results", () => {
  it("winnersOf flags a tie across the cut and nothing else", () => {
    const s = (id: string, votes: number) => ({ nominationId: id, votes });
    expect(winnersOf([s("a", 5), s("b", 3), s("c", 2)], 2)).toEqual({ sure: [s("a", 5), s("b", 3)], tie: null });
    expect(winnersOf([s("a", 5), s("b", 3), s("c", 3), s("d", 1)], 2)).toEqual({
      sure: [s("a", 5)],
      tie: { tied: [s("b", 3), s("c", 3)], places: 1 },
    });
    expect(winnersOf([s("a", 2), s("b", 2)], 1)).toEqual({
      sure: [],
      tie: { tied: [s("a", 2), s("b", 2)], places: 1 },
    });
    expect(winnersOf([s("a", 2)], 3)).toEqual({ sure: [s("a", 2)], tie: null });
  });

  it("publishes only after voting closes, and only once every tie is settled with a reason", async () => {
    const f = await votingFestival(["甲", "乙", "丙"]);
    const [x, y, z] = f.candidateIds;
    for (const c of [x, y, x, y, z])
      must(
        await castBallot(t.db, (await resident()).actor, {
          festivalSlug: f.slug,
          categoryId: f.categoryIds[0],
          candidateIds: [c],
        }),
      );
    expect(await publishResults(t.db, organiser, { festivalSlug: f.slug })).toEqual({
      ok: false,
      code: "voting_not_closed",
    });
    await setWindows(t.db, f.slug, "closed");
    // The close mixes the ballots (publishing would, first): what a refused publish leaves is that.
    await mixClosedBallots(t.db);
    const before = await snapshot(t.db);
    expect(await publishResults(t.db, organiser, { festivalSlug: f.slug })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { [`tie:${f.categoryIds[0]}`]: ["tie_unsettled"] },
    });
    expect(
      await publishResults(t.db, organiser, {
        festivalSlug: f.slug,
        settlements: [{ categoryId: f.categoryIds[0], winnerIds: [z], reason: "抽签" }],
      }),
    ).toMatchObject({ code: "invalid" });
    expect(await snapshot(t.db)).toBe(before);
    expect(
      must(
        await publishResults(t.db, organiser, {
          festivalSlug: f.slug,
          settlements: [{ categoryId: f.categoryIds[0], winnerIds: [y], reason: "两人同票，抽签决定。" }],
        }),
      ).winners,
    ).toBe(1);
    const winners = await t.db.select().from(starWinners).where(eq(starWinners.categoryId, f.categoryIds[0]));
    expect(winners.map((w) => [w.nominationId, w.votes, w.tieReason])).toEqual([[y, 2, "两人同票，抽签决定。"]]);
    expect(await publishResults(t.db, organiser, { festivalSlug: f.slug })).toEqual({
      ok: false,
      code: "already_published",
    });
  });
});
