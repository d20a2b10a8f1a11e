import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { groupAttendance, groupSessions, postGroups, serviceHours } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, must, snapshot } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { zonedToUtc } from "@/lib/festivals/time";
import { addSlot, addSpecialSession, removeSlot, takeAttendance } from "./culture";
import { getGroupForAdmin, getMyMeetingsToday } from "./culture-queries";
import { getPublicPosts } from "./public-queries";
import { addMember, createPost } from "./service";

// The culture groups: a weekly timetable and special events kept by organisers; attendance taken
// by the group's leader on a phone, which records who came and the hours of the leaders present.

let t: TestDb;
let organiser: Actor;
let groupId: string;
let slotId: string;
let postId: string;
const TUESDAY = "2027-03-09";
const at = (day: string, hhmm = "08:00") => zonedToUtc(`${day}T${hhmm}`, "Asia/Shanghai");
let lead: { id: string; actor: Actor };
let a: { id: string; actor: Actor };
let b: { id: string; actor: Actor };

async function person(name: string, leads = false, inGroup = true) {
  const u = await makeUser(t.db, { verified: true, name });
  const id = must(
    await addMember(t.db, organiser, {
      postId,
      groupId: inGroup ? groupId : null,
      userId: u.id,
      standing: leads ? "party_member" : "activist",
      leader: leads ? "on" : "",
      since: "2026-01-01",
      showName: "on",
    }),
  ).id;
  return { id, actor: await actorOf(t.db, u.id) };
}

beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  postId = must(await createPost(t.db, organiser, { name: "文化传播岗", kind: "culture" })).id;
  [{ id: groupId }] = await t.db.insert(postGroups).values({ postId, name: "太极拳小组" }).returning();
  lead = await person("林师傅", true);
  a = await person("周阿姨");
  b = await person("吴大爷");
  slotId = must(
    await addSlot(t.db, organiser, { groupId, weekday: 2, startsAt: "06:30", endsAt: "07:30", place: "社区广场" }),
  ).id;
});
afterAll(async () => t?.close());

describe("the timetable", () => {
  it("an organiser adds and removes slots; the same time twice, a bad time or a resident is refused", async () => {
    const before = await snapshot(t.db);
    expect(
      await addSlot(t.db, organiser, { groupId, weekday: 2, startsAt: "06:30", endsAt: "08:00", place: "广场" }),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { startsAt: ["slot_taken"] } });
    expect(
      await addSlot(t.db, organiser, { groupId, weekday: 8, startsAt: "09:00", endsAt: "08:00", place: "" }),
    ).toMatchObject({ ok: false, code: "invalid" });
    expect(
      await addSlot(t.db, lead.actor, { groupId, weekday: 3, startsAt: "06:30", endsAt: "07:30", place: "广场" }),
    ).toEqual({ ok: false, code: "forbidden" });
    expect(await snapshot(t.db)).toBe(before);
    const extra = must(
      await addSlot(t.db, organiser, { groupId, weekday: 4, startsAt: "06:30", endsAt: "07:30", place: "广场" }),
    ).id;
    must(await removeSlot(t.db, organiser, { slotId: extra }));
    expect(await removeSlot(t.db, organiser, { slotId: extra })).toEqual({ ok: false, code: "not_found" });
  });

  it("the public page shows each group's timetable", async () => {
    const data = await getPublicPosts(t.db);
    const group = data.posts.flatMap((p) => p.groups).find((g) => g.id === groupId)!;
    expect(group.slots).toEqual([{ weekday: 2, startsAt: "06:30", endsAt: "07:30", place: "社区广场" }]);
  });
});

describe("attendance", () => {
  it("the leader sees today's meeting, ticks who came, and gets the hour of leading it, once", async () => {
    const today = await getMyMeetingsToday(t.db, lead.actor, at(TUESDAY));
    expect(today).toEqual([
      expect.objectContaining({
        groupName: "太极拳小组",
        slotId,
        startsAt: "06:30",
        place: "社区广场",
        present: null,
        me: lead.id,
      }),
    ]);
    // The leader first, then the others.
    expect(today[0].members[0]).toMatchObject({ name: "林师傅", leader: true });
    expect(today[0].members.map((m) => m.name).sort()).toEqual(["林师傅", "吴大爷", "周阿姨"].sort());
    expect(await getMyMeetingsToday(t.db, a.actor, at(TUESDAY))).toEqual([]);
    const take = (actor: Actor, present: string[], now = at(TUESDAY)) =>
      takeAttendance(t.db, actor, { groupId, slotId, day: TUESDAY, present }, now);
    expect(await take(lead.actor, [lead.id, a.id])).toMatchObject({ ok: true, data: { present: 2 } });
    // Taken again: the list is replaced, the hours stay one.
    const { sessionId } = must(await take(lead.actor, [lead.id, a.id, b.id]));
    const came = await t.db.select().from(groupAttendance).where(eq(groupAttendance.sessionId, sessionId));
    expect(came).toHaveLength(3);
    const hours = await t.db.select().from(serviceHours).where(eq(serviceHours.refId, sessionId));
    expect(hours.map((h) => [h.kind, h.userId, h.minutes, h.servedOn])).toEqual([
      ["culture_session", lead.actor.id, 60, TUESDAY],
    ]);
    const [session] = await t.db.select().from(groupSessions).where(eq(groupSessions.id, sessionId));
    expect(session).toMatchObject({ kind: "regular", takenBy: lead.actor.id, place: "社区广场" });
    expect((await getMyMeetingsToday(t.db, lead.actor, at(TUESDAY)))[0].present?.sort()).toEqual(
      [lead.id, a.id, b.id].sort(),
    );
  });

  it("refuses a member who is not the leader, a day the slot does not meet, the future, a stranger, and late takes", async () => {
    const stranger = await person("外人", false, false);
    const before = await snapshot(t.db);
    const take = (actor: Actor, input: Record<string, unknown>, now = at(TUESDAY)) =>
      takeAttendance(t.db, actor, { groupId, slotId, present: [], ...input }, now);
    expect(await take(a.actor, { day: TUESDAY })).toEqual({ ok: false, code: "forbidden" });
    const mid = await snapshot(t.db);
    expect(await take(lead.actor, { day: "2027-03-10" }, at("2027-03-10"))).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { day: ["not_slot_day"] },
    });
    expect(await take(lead.actor, { day: "2027-03-16" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { day: ["session_future"] },
    });
    expect(await take(lead.actor, { day: "2027-03-02" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { day: ["session_too_old"] },
    });
    expect(await take(lead.actor, { day: TUESDAY, present: [stranger.id] })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { present: ["not_in_group"] },
    });
    expect(await snapshot(t.db)).toBe(mid);
    expect(before).toBe(mid);
    // An organiser may record an older meeting for a leader without a phone.
    expect(await take(organiser, { day: "2027-03-02", present: [lead.id] })).toMatchObject({ ok: true });
  });

  it("a special event: planned by an organiser for a day to come, taken by the leader on the day", async () => {
    expect(
      await addSpecialSession(
        t.db,
        organiser,
        { groupId, title: "重阳节展演", day: "2027-03-01", startsAt: "09:00", endsAt: "10:30", place: "广场" },
        at(TUESDAY),
      ),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { day: ["date_past"] } });
    const { id } = must(
      await addSpecialSession(
        t.db,
        organiser,
        { groupId, title: "重阳节展演", day: "2027-03-12", startsAt: "09:00", endsAt: "10:30", place: "广场" },
        at(TUESDAY),
      ),
    );
    const group = must(await getGroupForAdmin(t.db, organiser, groupId, at(TUESDAY)))!;
    expect(group.coming.map((s) => s.title)).toEqual(["重阳节展演"]);
    expect(group.recent.length).toBeGreaterThan(0);
    const onTheDay = await getMyMeetingsToday(t.db, lead.actor, at("2027-03-12"));
    expect(onTheDay).toEqual([expect.objectContaining({ sessionId: id, title: "重阳节展演", slotId: null })]);
    must(
      await takeAttendance(
        t.db,
        lead.actor,
        { groupId, sessionId: id, present: [lead.id, b.id] },
        at("2027-03-12", "11:00"),
      ),
    );
    const hours = await t.db.select().from(serviceHours).where(eq(serviceHours.refId, id));
    expect(hours.map((h) => h.minutes)).toEqual([90]);
    expect(await getGroupForAdmin(t.db, a.actor, groupId)).toEqual({ ok: false, code: "forbidden" });
  });
});
