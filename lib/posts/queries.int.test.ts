import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { patrolTeams, postGroups, postMembers, users } from "@/db/schema";
import { zonedToUtc } from "@/lib/festivals/time";
import { TIME_ZONE } from "@/lib/i18n/config";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeMember, makeUser, must } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { recordHours } from "@/lib/hours/record";
import { addMember, communityToday, createPost, requestMembership, savePostSettings, updateMember } from "./service";
import {
  findMemberCandidates,
  getMemberCandidate,
  getPostForAdmin,
  getPostMember,
  listPostMembers,
  listPostsForAdmin,
  memberFilterSchema,
} from "./queries";
import { getJoinPost, getMyPlace, getPublicPosts } from "./public-queries";

// What organisers read about the posts and their members, and what the public page shows: the
// organisers' reads refuse everyone else; phones leave only masked, and the public read names
// only the members who agreed, by name alone.

let t: TestDb;
let organiser: Actor;
let resident: Actor;
let asker: Actor;
let patrolId: string;
let cultureId: string;
let choirId: string;
let taichiId: string;
const PHONES = { zhou: "13955501111", li: "13955502222", wang: "13955503333", gone: "13955504444" };
const ids = {} as Record<"zhou" | "li" | "gone" | "grandma" | "zhouCulture" | "request", string>;
let grandmaId: string;
let zhouId: string;
let disabledId: string;
const today = communityToday();
const year = Number(today.slice(0, 4));

const filters = (over: Record<string, string> = {}) => memberFilterSchema.parse(over);

beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  resident = await actorOf(t.db, (await makeUser(t.db, { verified: true, name: "旁观者" })).id);
  patrolId = must(
    await createPost(t.db, organiser, { name: "治安巡逻岗", kind: "patrol", description: "每晚一队" }),
  ).id;
  must(
    await savePostSettings(t.db, organiser, {
      postId: patrolId,
      description: "每晚一队",
      teamSize: 2,
      period: "evening",
      startsAt: "19:00",
      endsAt: "21:00",
      maxMinutes: 180,
      swapsNeedApproval: "",
    }),
  );
  cultureId = must(await createPost(t.db, organiser, { name: "文化传播岗", kind: "culture" })).id;
  [{ id: choirId }, { id: taichiId }] = await t.db
    .insert(postGroups)
    .values([
      { postId: cultureId, name: "红歌合唱团", description: "每周二上午", position: 1 },
      { postId: cultureId, name: "太极拳小组", description: "每天早上", position: 2 },
    ])
    .returning({ id: postGroups.id });

  const home = await makeHousehold(t.db, { building: "柳岸小区 3栋", unit: "2单元", room: "501" });
  const zhou = await makeUser(t.db, { verified: true, name: "周桂兰", phone: PHONES.zhou, householdId: home.id });
  zhouId = zhou.id;
  const li = await makeUser(t.db, { verified: true, name: "李明", phone: PHONES.li });
  const gone = await makeUser(t.db, { verified: true, name: "赵离开", phone: PHONES.gone });
  const wang = await makeUser(t.db, { verified: true, name: "王阿姨", phone: PHONES.wang });
  asker = await actorOf(t.db, wang.id);
  const grandma = await makeMember(t.db, home.id, "陈奶奶", 80);
  grandmaId = grandma.id;
  const disabled = await makeUser(t.db, { verified: true, name: "周停用" });
  disabledId = disabled.id;
  await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));

  const join = (over: Record<string, unknown>) =>
    addMember(t.db, organiser, {
      standing: "activist",
      leader: "",
      since: `${year}-01-02`,
      availableDays: [],
      availablePeriods: [],
      showName: "",
      ...over,
    });
  ids.zhou = must(
    await join({
      postId: patrolId,
      userId: zhou.id,
      standing: "party_member",
      leader: "on",
      showName: "on",
      availableDays: ["1", "3", "5"],
      availablePeriods: ["evening"],
    }),
  ).id;
  ids.li = must(await join({ postId: patrolId, userId: li.id, since: `${year - 1}-06-01` })).id;
  ids.gone = must(await join({ postId: patrolId, userId: gone.id, showName: "on" })).id;
  must(await updateMember(t.db, organiser, { memberId: ids.gone, standing: "activist", active: "" }));
  ids.grandma = must(
    await join({ postId: cultureId, householdMemberId: grandma.id, groupId: choirId, showName: "on" }),
  ).id;
  ids.zhouCulture = must(
    await join({ postId: cultureId, userId: zhou.id, groupId: taichiId, showName: "on", since: `${year - 2}-01-01` }),
  ).id;
  ids.request = must(
    await requestMembership(t.db, asker, {
      postId: patrolId,
      standing: "activist",
      availableDays: [6, 7],
      availablePeriods: ["evening"],
      showName: "on",
      note: "周末有空",
    }),
  ).id;

  // Patrols: one ended this year, one ended last year, one under way.
  const thisYear = zonedToUtc(`${year}-01-01T00:00`, TIME_ZONE);
  const ended = new Date(Math.max(Date.now(), thisYear.getTime() + 3_600_000));
  await t.db.insert(patrolTeams).values([
    { postId: patrolId, day: "2000-01-01", startedAt: new Date(ended.getTime() - 3_600_000), endedAt: ended },
    {
      postId: patrolId,
      day: "2000-01-02",
      startedAt: new Date(thisYear.getTime() - 7_200_000),
      endedAt: new Date(thisYear.getTime() - 3_600_000),
    },
    { postId: patrolId, day: "2000-01-03", startedAt: new Date() },
  ]);
});
afterAll(async () => t?.close());

const hasFullPhone = (data: unknown) => Object.values(PHONES).some((p) => JSON.stringify(data).includes(p));

describe("organisers' reads", () => {
  it("refuse anyone but an organiser, with no rows", async () => {
    for (const who of [null, resident, asker]) {
      const refused = { ok: false, code: "forbidden" };
      expect(await listPostsForAdmin(t.db, who)).toEqual(refused);
      expect(await getPostForAdmin(t.db, who, patrolId)).toEqual(refused);
      expect(await listPostMembers(t.db, who, patrolId, filters())).toEqual(refused);
      expect(await getPostMember(t.db, who, ids.zhou)).toEqual(refused);
      expect(await findMemberCandidates(t.db, who, patrolId, "周")).toEqual(refused);
      expect(await getMemberCandidate(t.db, who, patrolId, { userId: zhouId })).toEqual(refused);
    }
  });

  it("list the posts with their members, party members, leaders, groups and waiting requests", async () => {
    const rows = must(await listPostsForAdmin(t.db, organiser));
    expect(rows.map((r) => r.name)).toEqual(["治安巡逻岗", "文化传播岗"]);
    expect(rows[0]).toMatchObject({ kind: "patrol", active: 2, partyMembers: 1, leaders: 1, requested: 1, groups: 0 });
    expect(rows[1]).toMatchObject({ kind: "culture", active: 2, partyMembers: 0, leaders: 0, requested: 0, groups: 2 });
  });

  it("give one post's settings, groups, counts by status and the requests waiting, phones masked", async () => {
    const patrol = must(await getPostForAdmin(t.db, organiser, patrolId))!;
    expect(patrol).toMatchObject({ teamSize: 2, startsAt: "19:00", endsAt: "21:00", maxMinutes: 180, groups: [] });
    expect(patrol.counts).toEqual({ all: 4, active: 2, requested: 1, left: 1, declined: 0 });
    expect(patrol.requests).toEqual([
      expect.objectContaining({
        id: ids.request,
        name: "王阿姨",
        phoneMasked: "139****3333",
        availableDays: [6, 7],
        availablePeriods: ["evening"],
        showName: true,
        note: "周末有空",
      }),
    ]);
    expect(hasFullPhone(patrol)).toBe(false);
    const culture = must(await getPostForAdmin(t.db, organiser, cultureId))!;
    expect(culture.groups.map((g) => [g.name, g.active])).toEqual([
      ["红歌合唱团", 1],
      ["太极拳小组", 1],
    ]);
    expect(must(await getPostForAdmin(t.db, organiser, "00000000-0000-4000-8000-000000000000"))).toBeNull();
    expect(must(await getPostForAdmin(t.db, organiser, "not-a-uuid"))).toBeNull();
  });

  it("list members by status, standing, group and name, leaders first, a page at a time", async () => {
    const names = async (over: Record<string, string>, postId = patrolId, size?: number) =>
      must(await listPostMembers(t.db, organiser, postId, filters(over), size)).rows.map((r) => r.name);
    // Those serving, by default; the leader first.
    expect(await names({})).toEqual(["周桂兰", "李明"]);
    expect(await names({ status: "left" })).toEqual(["赵离开"]);
    expect(await names({ status: "requested" })).toEqual(["王阿姨"]);
    expect(await names({ status: "all" })).toHaveLength(4);
    expect(await names({ standing: "party_member" })).toEqual(["周桂兰"]);
    expect(await names({ q: "李" })).toEqual(["李明"]);
    expect(await names({ q: "%" })).toEqual([]);
    expect(await names({ group: taichiId }, cultureId)).toEqual(["周桂兰"]);
    expect(await names({ status: "nonsense", standing: "boss" })).toEqual(["周桂兰", "李明"]);
    const second = must(await listPostMembers(t.db, organiser, patrolId, filters({ page: "2" }), 1));
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: 2 });
    expect(second.rows.map((r) => r.name)).toEqual(["李明"]);

    const page = must(await listPostMembers(t.db, organiser, patrolId, filters({ status: "all" })));
    expect(page.rows.find((r) => r.name === "周桂兰")).toMatchObject({
      phoneMasked: "139****1111",
      standing: "party_member",
      leader: true,
      since: `${year}-01-02`,
      availableDays: [1, 3, 5],
      availablePeriods: ["evening"],
      showName: true,
      status: "active",
    });
    expect(hasFullPhone(page)).toBe(false);
    const grandma = must(await listPostMembers(t.db, organiser, cultureId, filters())).rows.find(
      (r) => r.name === "陈奶奶",
    );
    expect(grandma).toMatchObject({ phoneMasked: null, groupName: "红歌合唱团" });
  });

  it("give one member for the edit page, with the post and the household's address", async () => {
    expect(must(await getPostMember(t.db, organiser, ids.grandma))).toMatchObject({
      name: "陈奶奶",
      postId: cultureId,
      postKind: "culture",
      householdMember: true,
      phoneMasked: null,
      address: "柳岸小区 3栋 2单元 501",
      groupId: choirId,
    });
    expect(must(await getPostMember(t.db, organiser, ids.zhou))).toMatchObject({
      householdMember: false,
      phoneMasked: "139****1111",
      address: "柳岸小区 3栋 2单元 501",
    });
    expect(must(await getPostMember(t.db, organiser, "00000000-0000-4000-8000-000000000000"))).toBeNull();
    expect(must(await getPostMember(t.db, organiser, "x"))).toBeNull();
  });

  it("find people to take on by name or number, household members too, and say who is in the post already", async () => {
    const byName = must(await findMemberCandidates(t.db, organiser, patrolId, "周"));
    expect(byName.map((c) => [c.kind, c.name, c.inPost])).toEqual([["account", "周桂兰", true]]);
    const grandma = must(await findMemberCandidates(t.db, organiser, patrolId, "陈奶奶"));
    expect(grandma).toEqual([
      expect.objectContaining({ kind: "household", id: grandmaId, inPost: false, address: "柳岸小区 3栋 2单元 501" }),
    ]);
    // In the culture post she is.
    expect(must(await findMemberCandidates(t.db, organiser, cultureId, "陈奶奶"))[0].inPost).toBe(true);
    // Her last four digits, or the whole number; masked in the answer.
    const byDigits = must(await findMemberCandidates(t.db, organiser, patrolId, "3333"));
    expect(byDigits.map((c) => [c.name, c.phoneMasked, c.inPost])).toEqual([["王阿姨", "139****3333", true]]);
    expect(must(await findMemberCandidates(t.db, organiser, patrolId, PHONES.li)).map((c) => c.name)).toEqual(["李明"]);
    expect(hasFullPhone(byDigits)).toBe(false);
    expect(must(await findMemberCandidates(t.db, organiser, patrolId, "   "))).toEqual([]);
    // Disabled accounts are not offered.
    expect(must(await findMemberCandidates(t.db, organiser, patrolId, "周停用"))).toEqual([]);

    expect(must(await getMemberCandidate(t.db, organiser, patrolId, { userId: zhouId }))).toMatchObject({
      name: "周桂兰",
      inPost: true,
    });
    expect(must(await getMemberCandidate(t.db, organiser, patrolId, { householdMemberId: grandmaId }))).toMatchObject({
      kind: "household",
      name: "陈奶奶",
      inPost: false,
    });
    expect(must(await getMemberCandidate(t.db, organiser, patrolId, { userId: disabledId }))).toBeNull();
    expect(must(await getMemberCandidate(t.db, organiser, patrolId, {}))).toBeNull();
  });
});

describe("the public page", () => {
  it("names only the members who agreed, by name alone, and never a phone", async () => {
    const data = await getPublicPosts(t.db);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toContain("****");
    const patrol = data.posts.find((p) => p.id === patrolId)!;
    // 李明 did not agree; 赵离开 has left; 王阿姨 has only asked.
    expect(patrol.named).toEqual(["周桂兰"]);
    expect(text).not.toContain("李明");
    expect(text).not.toContain("赵离开");
    expect(text).not.toContain("王阿姨");
    expect(patrol).toMatchObject({
      members: 2,
      kind: "patrol",
      description: "每晚一队",
      patrol: { teamSize: 2, period: "evening", startsAt: "19:00", endsAt: "21:00" },
    });
    const culture = data.posts.find((p) => p.id === cultureId)!;
    expect(culture.patrol).toBeNull();
    expect(culture.named).toEqual([]);
    expect(culture.groups).toEqual([
      { id: choirId, name: "红歌合唱团", description: "每周二上午", members: 1, named: ["陈奶奶"], slots: [] },
      { id: taichiId, name: "太极拳小组", description: "每天早上", members: 1, named: ["周桂兰"], slots: [] },
    ]);
    // Names and nothing else about a member.
    for (const key of ["standing", "leader", "note", "phone", "userId", "address"]) expect(text).not.toContain(key);
  });

  it("counts this year's patrols ended, and the people serving once each", async () => {
    const data = await getPublicPosts(t.db);
    expect(data.year).toBe(year);
    // One ended this year; one ended last year and one still under way do not count.
    expect(data.figures.patrolsWalked).toBe(1);
    // 周桂兰 serves in two posts: three people; 李明 joined last year, 周桂兰's culture place earlier still.
    expect(data.figures.members).toBe(3);
    expect(data.figures.joinedThisYear).toBe(2);
    // No patrol here wrote hours (the teams were written directly): none in the posts yet.
    expect(data.figures.hoursServed).toBe(0);
    const [member] = await t.db.select().from(postMembers).where(eq(postMembers.postId, patrolId));
    await recordHours(
      t.db,
      { kind: "patrol", refId: crypto.randomUUID(), postId: patrolId, servedOn: `${year}-01-02`, createdBy: null },
      [{ userId: member.userId, householdMemberId: member.householdMemberId, name: member.name, minutes: 150 }],
    );
    await recordHours(t.db, { kind: "shift", refId: crypto.randomUUID(), servedOn: `${year}-01-02`, createdBy: null }, [
      { userId: member.userId, householdMemberId: member.householdMemberId, name: member.name, minutes: 60 },
    ]);
    // Hours served in the posts only: the festival shift is not a post's.
    expect((await getPublicPosts(t.db)).figures.hoursServed).toBe(150);
  });

  it("gives the join form its post by address, and a resident their own place only", async () => {
    const patrol = (await getPublicPosts(t.db)).posts.find((p) => p.id === patrolId)!;
    expect(await getJoinPost(t.db, patrol.slug)).toMatchObject({ id: patrolId, kind: "patrol", groups: [] });
    const culture = (await getPublicPosts(t.db)).posts.find((p) => p.id === cultureId)!;
    expect((await getJoinPost(t.db, culture.slug))?.groups.map((g) => g.name)).toEqual(["红歌合唱团", "太极拳小组"]);
    expect(await getJoinPost(t.db, "no-such-post")).toBeNull();
    expect(await getJoinPost(t.db, "../x")).toBeNull();
    expect(await getMyPlace(t.db, asker, patrolId)).toEqual({ status: "requested", groupName: null });
    expect(await getMyPlace(t.db, asker, cultureId)).toBeNull();
    expect(await getMyPlace(t.db, null, patrolId)).toBeNull();
    const zhou = await actorOf(t.db, zhouId);
    expect(await getMyPlace(t.db, zhou, cultureId)).toEqual({ status: "active", groupName: "太极拳小组" });
  });
});
