import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { notifications, pointEntries, rewardRounds } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeMember, makeUser, must, snapshot } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { recordHours } from "@/lib/hours/record";
import { addMember, createPost } from "@/lib/posts/service";
import { getMyPostStandings, getPostLeaderboard } from "@/lib/posts/leaderboard-queries";
import { currentPointRules, setPointRule } from "./rules";
import { addRewardBand, markRewardHanded, recordRewardRound, removeRewardBand, reopenRewardRound } from "./rounds";
import { getMyRewards, getRewardRound } from "./round-queries";

let t: TestDb;
let organiser: Actor;
let postId: string;
const YEAR = 2026;
const NOW = new Date("2026-12-20T04:00:00Z");
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  postId = must(await createPost(t.db, organiser, { name: "治安巡逻岗", kind: "patrol" })).id;
});
afterAll(async () => t?.close());

async function member(name: string, showName = false) {
  const u = await makeUser(t.db, { verified: true, name });
  const id = must(
    await addMember(t.db, organiser, {
      postId,
      userId: u.id,
      standing: "activist",
      since: "2026-01-01",
      showName: showName ? "on" : "",
    }),
  ).id;
  return { memberId: id, userId: u.id, actor: await actorOf(t.db, u.id), name };
}
const patrol = (people: { userId: string | null; householdMemberId?: string | null; name: string }[], minutes = 90) =>
  recordHours(
    t.db,
    { kind: "patrol", refId: crypto.randomUUID(), postId, servedOn: "2026-06-01", createdBy: organiser.id },
    people.map((p) => ({ userId: p.userId, householdMemberId: p.householdMemberId ?? null, name: p.name, minutes })),
  );
const pointsOf = async (userId: string) =>
  (await t.db.select().from(pointEntries).where(eq(pointEntries.userId, userId))).reduce((n, e) => n + e.points, 0);

describe("point rules", () => {
  it("a patrol earns by the rule of the day; the ledger keeps the rule; a later change never rewrites it", async () => {
    const a = await member("赵一");
    expect((await currentPointRules(t.db)).patrol).toMatchObject({ basis: "each", points: 10, set: false });
    await patrol([a]);
    expect(await pointsOf(a.userId)).toBe(10);
    must(await setPointRule(t.db, organiser, { kind: "patrol", basis: "hour", points: "4" }));
    expect((await currentPointRules(t.db)).patrol).toMatchObject({ basis: "hour", points: 4, set: true });
    await patrol([a], 90);
    const entries = await t.db.select().from(pointEntries).where(eq(pointEntries.userId, a.userId));
    expect(entries.map((e) => [e.points, e.rule]).sort()).toEqual(
      [
        [10, { basis: "each", points: 10, minutes: 90 }],
        [6, { basis: "hour", points: 4, minutes: 90 }],
      ].sort(),
    );
    must(await setPointRule(t.db, organiser, { kind: "patrol", basis: "each", points: 10 }));
  });

  it("one service earns each person once, whoever writes it again", async () => {
    const a = await member("钱二");
    const refId = crypto.randomUUID();
    const write = () =>
      recordHours(t.db, { kind: "patrol", refId, postId, servedOn: "2026-06-02", createdBy: null }, [
        { userId: a.userId, householdMemberId: null, name: a.name, minutes: 60 },
      ]);
    await write();
    await write();
    expect(await pointsOf(a.userId)).toBe(10);
  });

  it("refuses residents and bad rules, and writes nothing", async () => {
    const a = await member("孙三");
    const before = await snapshot(t.db);
    expect(await setPointRule(t.db, a.actor, { kind: "patrol", basis: "each", points: 1 })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await setPointRule(t.db, organiser, { kind: "patrol", basis: "each", points: 101 })).toMatchObject({
      ok: false,
      fieldErrors: { points: ["number_invalid"] },
    });
    expect(await setPointRule(t.db, organiser, { kind: "manual", basis: "each", points: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { kind: ["invalid"] },
    });
    expect(await setPointRule(t.db, organiser, { kind: "patrol", basis: "week", points: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { basis: ["invalid"] },
    });
    // The refusal of a resident is logged; nothing else changed.
    const after = await snapshot(t.db);
    expect(after.replace(/"audit_log":\d+/, "")).toBe(before.replace(/"audit_log":\d+/, ""));
  });
});

describe("the post's leaderboard and the year-end round", () => {
  it("ranks the post's members by their points there, names only the willing to others, and records the round once", async () => {
    const top = await member("李四", true);
    const shy = await member("周五");
    const h = await makeHousehold(t.db);
    const hm = await makeMember(t.db, h.id, "吴奶奶", 78);
    const paper = must(
      await addMember(t.db, organiser, { postId, householdMemberId: hm.id, standing: "activist", since: "2026-01-01" }),
    ).id;
    for (let i = 0; i < 6; i++) await patrol([top]);
    for (let i = 0; i < 3; i++) await patrol([shy, { userId: null, householdMemberId: hm.id, name: "吴奶奶" }]);

    const boardRows = must(await getPostLeaderboard(t.db, organiser, postId, YEAR)).rows;
    expect(boardRows[0]).toMatchObject({ name: "李四", points: 60, rank: 1 });
    const paperRow = boardRows.find((r) => r.memberId === paper)!;
    const shyRow = boardRows.find((r) => r.name === "周五")!;
    expect([paperRow.points, shyRow.points, paperRow.rank, shyRow.rank]).toEqual([30, 30, shyRow.rank, paperRow.rank]);
    expect(await getPostLeaderboard(t.db, shy.actor, postId, YEAR)).toEqual({ ok: false, code: "forbidden" });

    const [mine] = await getMyPostStandings(t.db, shy.actor, YEAR);
    expect(mine).toMatchObject({ points: 30, postName: "治安巡逻岗" });
    expect(mine.top[0]).toMatchObject({ name: "李四", points: 60 });
    // Others who did not agree to be named are "a member" to me.
    expect(mine.top.filter((r) => !r.isMe && r.name !== "李四").every((r) => r.name === null)).toBe(true);

    // Bands: 50 and up a thermos, 25 and up a towel; a duplicate start and a resident refused.
    must(await addRewardBand(t.db, organiser, { year: YEAR, minPoints: 50, reward: "保温杯" }, { now: NOW }));
    const towel = must(
      await addRewardBand(t.db, organiser, { year: YEAR, minPoints: 25, reward: "毛巾" }, { now: NOW }),
    ).id;
    expect(
      await addRewardBand(t.db, organiser, { year: YEAR, minPoints: 25, reward: "雨伞" }, { now: NOW }),
    ).toMatchObject({ ok: false, fieldErrors: { minPoints: ["band_duplicate"] } });
    expect(
      await addRewardBand(t.db, organiser, { year: 2027, minPoints: 5, reward: "雨伞" }, { now: NOW }),
    ).toMatchObject({ ok: false, fieldErrors: { year: ["year_future"] } });
    expect(await addRewardBand(t.db, shy.actor, { year: YEAR, minPoints: 5, reward: "雨伞" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    const preview = must(await getRewardRound(t.db, organiser, YEAR));
    expect(preview.status).toBe("draft");
    expect(preview.rows.find((r) => r.name === "李四")).toMatchObject({ reward: "保温杯", points: 60, awardId: null });
    expect(preview.rows.find((r) => r.name === "吴奶奶")).toMatchObject({ reward: "毛巾", phoneMasked: null });

    const [first, second] = await Promise.all([
      recordRewardRound(t.db, organiser, { year: YEAR }, { now: NOW }),
      recordRewardRound(t.db, organiser, { year: YEAR }, { now: NOW }),
    ]);
    expect([first.ok, second.ok].filter(Boolean)).toHaveLength(1);
    const recorded = must(await getRewardRound(t.db, organiser, YEAR));
    expect(recorded.status).toBe("recorded");
    expect(
      recorded.rows.map((r) => [r.name, r.reward]).filter(([n]) => ["李四", "周五", "吴奶奶"].includes(n!)),
    ).toEqual([
      ["李四", "保温杯"],
      ...[
        ["吴奶奶", "毛巾"],
        ["周五", "毛巾"],
      ].sort((a, b) => a[0].localeCompare(b[0], "zh-CN")),
    ]);
    // A recorded round changes no more; those with an account are told.
    expect(await removeRewardBand(t.db, organiser, { bandId: towel })).toMatchObject({
      ok: false,
      code: "reward_round_recorded",
    });
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, top.userId));
    expect(told.map((n) => n.kind)).toContain("points.reward_round");
    expect(await getMyRewards(t.db, top.actor)).toEqual([{ year: YEAR, reward: "保温杯", points: 60, handedAt: null }]);

    // Handed over: then the round can no longer go back to a draft.
    const award = recorded.rows.find((r) => r.name === "李四")!;
    must(await markRewardHanded(t.db, organiser, { awardId: award.awardId, handed: "true" }, { now: NOW }));
    expect(await reopenRewardRound(t.db, organiser, { year: YEAR })).toMatchObject({
      ok: false,
      code: "reward_round_handed",
    });
    must(await markRewardHanded(t.db, organiser, { awardId: award.awardId, handed: "false" }));
    must(await reopenRewardRound(t.db, organiser, { year: YEAR }));
    expect(must(await getRewardRound(t.db, organiser, YEAR)).status).toBe("draft");
    expect(await getMyRewards(t.db, top.actor)).toEqual([]);
  });

  it("a round without bands cannot be recorded", async () => {
    expect(await recordRewardRound(t.db, organiser, { year: 2025 }, { now: NOW })).toMatchObject({
      ok: false,
      code: "reward_round_no_bands",
    });
    // Nothing is written for the refusal: no empty round is left behind.
    expect(await t.db.select().from(rewardRounds).where(eq(rewardRounds.year, 2025))).toEqual([]);
  });
});
