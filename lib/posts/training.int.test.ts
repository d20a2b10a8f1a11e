import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, serviceHours, trainingAttendance, trainingSessions } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeMember, makeUser, must, snapshot } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { zonedToUtc } from "@/lib/festivals/time";
import { getMyHours } from "@/lib/hours/my-queries";
import { addMember, createPost, requestMembership, updateMember } from "./service";
import { cancelTraining, planTraining, takeTrainingAttendance, updateTraining } from "./training";
import { getMyTrainings, getTrainingForAdmin, listPostTrainings } from "./training-queries";

// Each post's yearly training: organisers plan it, change or cancel it until its attendance is
// taken, and take that attendance on the day or after within its year. The members ticked get
// the training's length as service hours, once; a correction adds hours, never takes them back.

let t: TestDb;
let organiser: Actor;
let postId: string;
let otherPostId: string;
const DAY = "2027-05-20";
const at = (day: string, hhmm = "12:00") => zonedToUtc(`${day}T${hhmm}`, "Asia/Shanghai");
const EARLIER = at("2027-03-09");
type Person = { id: string; actor: Actor | null; userId: string | null };
let lead: Person;
let a: Person;
let b: Person;
let c: Person;
let grandma: Person;
let stranger: Person;
let asking: Person;

async function person(name: string, post = postId, leads = false): Promise<Person> {
  const u = await makeUser(t.db, { verified: true, name });
  const id = must(
    await addMember(t.db, organiser, {
      postId: post,
      userId: u.id,
      standing: leads ? "party_member" : "activist",
      leader: leads ? "on" : "",
      since: "2027-01-01",
    }),
  ).id;
  return { id, actor: await actorOf(t.db, u.id), userId: u.id };
}

const training = (over: Record<string, unknown> = {}) => ({
  postId,
  title: "消防安全培训",
  day: DAY,
  startsAt: "09:00",
  endsAt: "10:30",
  place: "社区活动室",
  trainer: "区消防大队李教官",
  notes: "带上笔记本。",
  ...over,
});
const hoursOf = (trainingId: string) =>
  t.db
    .select()
    .from(serviceHours)
    .where(and(eq(serviceHours.kind, "training"), eq(serviceHours.refId, trainingId)));
const attendanceOf = async (trainingId: string) =>
  Object.fromEntries(
    (await t.db.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, trainingId))).map((r) => [
      r.memberId,
      r.present,
    ]),
  );
const sessionOf = async (id: string) =>
  (await t.db.select().from(trainingSessions).where(eq(trainingSessions.id, id)))[0];

beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  postId = must(await createPost(t.db, organiser, { name: "治安巡逻岗", kind: "patrol" })).id;
  otherPostId = must(await createPost(t.db, organiser, { name: "党建宣传岗", kind: "publicity" })).id;
  lead = await person("刘队长", postId, true);
  a = await person("周阿姨");
  b = await person("吴大爷");
  c = await person("郑大姐");
  stranger = await person("外岗的人", otherPostId);
  // An elderly member without an account, on the household roster.
  const home = await makeHousehold(t.db);
  const gm = await makeMember(t.db, home.id, "赵奶奶", 78);
  grandma = {
    id: must(
      await addMember(t.db, organiser, { postId, householdMemberId: gm.id, standing: "activist", since: "2027-01-01" }),
    ).id,
    actor: null,
    userId: null,
  };
  // A resident whose request to join is still waiting: not on the checklist.
  const u = await makeUser(t.db, { verified: true, name: "等审核" });
  const actor = await actorOf(t.db, u.id);
  asking = { id: must(await requestMembership(t.db, actor, { postId, standing: "activist" })).id, actor, userId: u.id };
});
afterAll(async () => t?.close());

describe("planning a training", () => {
  it("an organiser plans one for a day this year (even one past) or later, and it is audited", async () => {
    const { id } = must(await planTraining(t.db, organiser, training(), EARLIER));
    expect(await sessionOf(id)).toMatchObject({
      postId,
      title: "消防安全培训",
      day: DAY,
      startsAt: "09:00:00",
      endsAt: "10:30:00",
      place: "社区活动室",
      trainer: "区消防大队李教官",
      status: "planned",
      createdBy: organiser.id,
      takenAt: null,
    });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit).toMatchObject({ action: "posts.plan_training", outcome: "ok", actorId: organiser.id });
    // A training held earlier this year can be put down afterwards, to record who came.
    must(await planTraining(t.db, organiser, training({ day: "2027-01-15" }), EARLIER));
    must(await planTraining(t.db, organiser, training({ day: "2028-02-01" }), EARLIER));
  });

  it("refuses a day in a past year, an end before the start, a day too long, bad fields, an unknown post and non-organisers; none writes anything", async () => {
    const before = await snapshot(t.db);
    const plan = (over: Record<string, unknown>, actor: Actor | null = organiser) =>
      planTraining(t.db, actor, training(over), EARLIER);
    expect(await plan({ day: "2026-12-30" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { day: ["training_year_past"] },
    });
    expect(await plan({ startsAt: "10:00", endsAt: "09:00" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { endsAt: ["ends_before_start"] },
    });
    expect(await plan({ startsAt: "08:00", endsAt: "16:01" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { endsAt: ["training_too_long"] },
    });
    expect(await plan({ title: " ", place: "" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { title: ["required"], place: ["required"] },
    });
    expect(await plan({ day: "2027-02-30" })).toMatchObject({ ok: false, fieldErrors: { day: ["date_invalid"] } });
    expect(await plan({ postId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, code: "not_found" });
    expect(await plan({}, a.actor)).toEqual({ ok: false, code: "forbidden" });
    expect(await plan({}, lead.actor)).toEqual({ ok: false, code: "forbidden" });
    expect(await plan({}, null)).toEqual({ ok: false, code: "forbidden" });
    expect(await snapshot(t.db)).toBe(before);
    // Exactly eight hours is a working day, and allowed.
    must(await plan({ startsAt: "08:00", endsAt: "16:00", title: "全天培训" }));
  });
});

describe("changing and cancelling", () => {
  it("an organiser changes a training not yet held; a stale form, a past year and a resident are refused", async () => {
    const { id } = must(await planTraining(t.db, organiser, training({ title: "反诈宣讲" }), EARLIER));
    const { version } = must(
      await updateTraining(
        t.db,
        organiser,
        {
          ...training({ title: "反诈宣讲", place: "多功能厅", startsAt: "14:00", endsAt: "16:00" }),
          trainingId: id,
          version: 1,
        },
        EARLIER,
      ),
    );
    expect(version).toBe(2);
    expect(await sessionOf(id)).toMatchObject({ place: "多功能厅", startsAt: "14:00:00", endsAt: "16:00:00" });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "posts.update_training")));
    expect(audit.details).toMatchObject({ changes: { place: { from: "社区活动室", to: "多功能厅" } } });

    const before = await snapshot(t.db);
    const update = (over: Record<string, unknown>, actor: Actor | null = organiser) =>
      updateTraining(t.db, actor, { ...training(over), trainingId: id }, EARLIER);
    expect(await update({ version: 1 })).toEqual({ ok: false, code: "stale_version" });
    expect(await update({ day: "2026-06-01" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { day: ["training_year_past"] },
    });
    expect(await update({ startsAt: "09:00", endsAt: "18:00" })).toMatchObject({
      fieldErrors: { endsAt: ["training_too_long"] },
    });
    expect(await updateTraining(t.db, organiser, { ...training(), trainingId: "nope" }, EARLIER)).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await update({}, a.actor)).toEqual({ ok: false, code: "forbidden" });
    expect(
      await updateTraining(
        t.db,
        organiser,
        { ...training(), trainingId: "00000000-0000-4000-8000-000000000000" },
        EARLIER,
      ),
    ).toEqual({ ok: false, code: "not_found" });
    expect(await snapshot(t.db)).toBe(before);
  });

  it("an organiser cancels one; a cancelled training cannot change, be cancelled again or be taken", async () => {
    const { id } = must(await planTraining(t.db, organiser, training({ title: "急救知识" }), EARLIER));
    expect(await cancelTraining(t.db, a.actor, { trainingId: id })).toEqual({ ok: false, code: "forbidden" });
    expect(await cancelTraining(t.db, organiser, { trainingId: id, version: 7 })).toEqual({
      ok: false,
      code: "stale_version",
    });
    must(await cancelTraining(t.db, organiser, { trainingId: id, version: 1 }));
    expect(await sessionOf(id)).toMatchObject({ status: "cancelled", version: 2 });
    const before = await snapshot(t.db);
    expect(await cancelTraining(t.db, organiser, { trainingId: id })).toEqual({
      ok: false,
      code: "training_cancelled",
    });
    expect(await updateTraining(t.db, organiser, { ...training(), trainingId: id }, EARLIER)).toEqual({
      ok: false,
      code: "training_cancelled",
    });
    expect(await takeTrainingAttendance(t.db, organiser, { trainingId: id, present: [a.id] }, at(DAY))).toEqual({
      ok: false,
      code: "training_cancelled",
    });
    expect(await snapshot(t.db)).toBe(before);
  });
});

describe("attendance", () => {
  let id: string;
  const take = (present: string[], now = at(DAY, "11:00"), actor: Actor | null = organiser) =>
    takeTrainingAttendance(t.db, actor, { trainingId: id, present }, now);

  beforeAll(async () => {
    id = must(await planTraining(t.db, organiser, training({ title: "巡逻安全培训" }), EARLIER)).id;
  });

  it("is refused before the day, for someone not serving in the post, and for anyone but an organiser; nothing is written", async () => {
    const before = await snapshot(t.db);
    expect(await take([a.id], at("2027-05-19", "20:00"))).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { day: ["training_future"] },
    });
    expect(await take([a.id, stranger.id])).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { present: ["not_in_post"] },
    });
    expect(await take([asking.id])).toEqual({ ok: false, code: "invalid", fieldErrors: { present: ["not_in_post"] } });
    expect(await take([a.id], undefined, lead.actor)).toEqual({ ok: false, code: "forbidden" });
    expect(await take([a.id], undefined, a.actor)).toEqual({ ok: false, code: "forbidden" });
    expect(await take([a.id], undefined, null)).toEqual({ ok: false, code: "forbidden" });
    expect(await take(["not-an-id"])).toMatchObject({ ok: false, code: "invalid" });
    expect(await snapshot(t.db)).toBe(before);
    const refused = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "posts.training_attendance"), eq(auditLog.outcome, "refused")));
    expect(refused.length).toBe(3);
  });

  it("on the day, ticks who came: each of them (an account or not) gets the 90 minutes, once", async () => {
    expect(await take([lead.id, a.id, grandma.id])).toEqual({
      ok: true,
      data: { trainingId: id, present: 3, of: 5, hoursWritten: 3, unticked: 0 },
    });
    expect(await sessionOf(id)).toMatchObject({ status: "held", takenBy: organiser.id });
    // One row per active member, present or not; the waiting request is not among them.
    expect(await attendanceOf(id)).toEqual({
      [lead.id]: true,
      [a.id]: true,
      [b.id]: false,
      [c.id]: false,
      [grandma.id]: true,
    });
    const hours = await hoursOf(id);
    expect(
      hours
        .map((h) => [h.name, h.userId, h.householdMemberId !== null, h.minutes, h.servedOn, h.postId, h.note])
        .sort(),
    ).toEqual(
      [
        ["刘队长", lead.userId, false, 90, DAY, postId, "巡逻安全培训 09:00–10:30"],
        ["周阿姨", a.userId, false, 90, DAY, postId, "巡逻安全培训 09:00–10:30"],
        ["赵奶奶", null, true, 90, DAY, postId, "巡逻安全培训 09:00–10:30"],
      ].sort(),
    );
    // The same list again writes no second hours.
    expect(await take([lead.id, a.id, grandma.id])).toMatchObject({ ok: true, data: { hoursWritten: 0 } });
    expect(await hoursOf(id)).toHaveLength(3);
    // The member sees them in their passbook.
    const mine = await getMyHours(t.db, a.actor!, 2027);
    expect(mine.byKind.training).toBe(90);
    expect(mine.entries.find((e) => e.kind === "training")).toMatchObject({
      note: "巡逻安全培训 09:00–10:30",
      postName: "治安巡逻岗",
    });
  });

  it("once held, the training can no longer change or be cancelled", async () => {
    const before = await snapshot(t.db);
    expect(await updateTraining(t.db, organiser, { ...training(), trainingId: id }, at(DAY))).toEqual({
      ok: false,
      code: "training_held",
    });
    expect(await cancelTraining(t.db, organiser, { trainingId: id })).toEqual({ ok: false, code: "training_held" });
    expect(await snapshot(t.db)).toBe(before);
  });

  it("corrected later that year: a person added gets their hours; a person unticked keeps theirs", async () => {
    const later = at("2027-11-02");
    expect(await take([lead.id, a.id, grandma.id, c.id], later)).toMatchObject({
      ok: true,
      data: { present: 4, hoursWritten: 1, unticked: 0 },
    });
    expect((await hoursOf(id)).map((h) => h.name).sort()).toEqual(["刘队长", "周阿姨", "赵奶奶", "郑大姐"].sort());
    // 周阿姨 was ticked by mistake: the attendance says so, and the audit counts her; her hours,
    // once written, stay (the passbook is append-only, as with the culture groups).
    expect(await take([lead.id, grandma.id, c.id], later)).toMatchObject({
      ok: true,
      data: { present: 3, hoursWritten: 0, unticked: 1 },
    });
    expect((await attendanceOf(id))[a.id]).toBe(false);
    expect(await hoursOf(id)).toHaveLength(4);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "posts.training_attendance")));
    expect(audits.at(-1)!.details).toMatchObject({ present: 3, unticked: 1, correction: true });
    // The organiser's page says whose hours stand without a tick.
    const detail = must(await getTrainingForAdmin(t.db, organiser, id, later))!;
    expect(detail.hours.find((h) => h.name === "周阿姨")).toEqual({ name: "周阿姨", minutes: 90, ticked: false });
    expect(detail.hours.filter((h) => h.ticked)).toHaveLength(3);
  });

  it("keeps a member who has since left on the checklist, and is closed once the year is over", async () => {
    must(await updateMember(t.db, organiser, { memberId: c.id, standing: "activist", active: "" }));
    const detail = must(await getTrainingForAdmin(t.db, organiser, id, at("2027-12-01")))!;
    expect(detail.members.find((m) => m.id === c.id)).toMatchObject({ left: true, present: true });
    expect(await take([lead.id, grandma.id, c.id], at("2027-12-01"))).toMatchObject({ ok: true });
    const before = await snapshot(t.db);
    expect(await take([lead.id], at("2028-01-02"))).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { day: ["training_year_closed"] },
    });
    expect(await snapshot(t.db)).toBe(before);
    expect(must(await getTrainingForAdmin(t.db, organiser, id, at("2028-01-02")))!.yearClosed).toBe(true);
  });
});

describe("reading the trainings", () => {
  it("organisers see the post's year with who came; others are refused", async () => {
    const rows = must(await listPostTrainings(t.db, organiser, postId, at("2027-06-01")));
    expect(rows.map((r) => r.day)).toEqual([...rows.map((r) => r.day)].sort());
    expect(rows.every((r) => r.day >= "2027-01-01")).toBe(true);
    const held = rows.find((r) => r.title === "巡逻安全培训")!;
    expect(held).toMatchObject({ status: "held", present: 3, of: 5, startsAt: "09:00", endsAt: "10:30" });
    expect(rows.find((r) => r.title === "急救知识")).toMatchObject({ status: "cancelled", present: 0, of: 0 });
    // Next year, this year's are gone from the list; next year's planned one shows.
    const next = must(await listPostTrainings(t.db, organiser, postId, at("2028-01-10")));
    expect(next.map((r) => r.day)).toEqual(["2028-02-01"]);
    expect(must(await listPostTrainings(t.db, organiser, otherPostId, at("2027-06-01")))).toEqual([]);
    expect(await listPostTrainings(t.db, a.actor, postId)).toEqual({ ok: false, code: "forbidden" });
    expect(await getTrainingForAdmin(t.db, lead.actor, rows[0].id)).toEqual({ ok: false, code: "forbidden" });
    expect(must(await getTrainingForAdmin(t.db, organiser, "nope"))).toBeNull();
  });

  it("a member sees their posts' trainings to come and the ones they attended, and no one else's", async () => {
    const now = at("2027-05-20", "08:00");
    const mine = await getMyTrainings(t.db, lead.actor!, now);
    // Planned and not held, from today on, by day and time: today's three (the held and the
    // cancelled ones not among them), then next year's.
    expect(mine.coming.map((m) => [m.title, m.day, m.startsAt])).toEqual([
      ["全天培训", DAY, "08:00"],
      ["消防安全培训", DAY, "09:00"],
      ["反诈宣讲", DAY, "14:00"],
      ["消防安全培训", "2028-02-01", "09:00"],
    ]);
    expect(mine.coming[1]).toMatchObject({ postName: "治安巡逻岗", place: "社区活动室", trainer: "区消防大队李教官" });
    expect(mine.attended.map((m) => [m.title, m.minutes])).toEqual([["巡逻安全培训", 90]]);
    // The unticked member attended nothing; the other post's member sees none of these.
    expect((await getMyTrainings(t.db, a.actor!, now)).attended).toEqual([]);
    expect(await getMyTrainings(t.db, stranger.actor!, now)).toEqual({ coming: [], attended: [] });
    // Someone whose request is still waiting is not yet told of the post's trainings.
    expect((await getMyTrainings(t.db, asking.actor!, now)).coming).toEqual([]);
  });
});
