import "server-only";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { groupAttendance, groupSessions, groupSlots, postGroups, postMembers, posts } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { isUuid } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import type { SessionKind } from "@/vocabulary/posts";
import { weekdayOf } from "./roster";
import { communityToday } from "./service";

// What organisers read of a culture group (its timetable, members and meetings with their
// attendance) and what a group's leader reads on their phone (today's meetings to take).

export interface SlotRow {
  id: string;
  weekday: number;
  startsAt: string;
  endsAt: string;
  place: string;
}

export interface SessionRow {
  id: string;
  kind: SessionKind;
  title: string;
  day: string;
  startsAt: string;
  endsAt: string;
  place: string;
  takenAt: Date | null;
  present: number;
}

export interface GroupForAdmin {
  id: string;
  name: string;
  description: string;
  postId: string;
  postName: string;
  slots: SlotRow[];
  members: { id: string; name: string; leader: boolean }[];
  /** Special events to come, and the latest meetings held. */
  coming: SessionRow[];
  recent: SessionRow[];
}

const hhmm = (t: string) => t.slice(0, 5);

async function sessionsOf(db: DbOrTx, groupId: string, from: string | null, to: string | null) {
  const rows = await db
    .select({
      id: groupSessions.id,
      kind: groupSessions.kind,
      title: groupSessions.title,
      day: groupSessions.day,
      startsAt: groupSessions.startsAt,
      endsAt: groupSessions.endsAt,
      place: groupSessions.place,
      takenAt: groupSessions.takenAt,
    })
    .from(groupSessions)
    .where(eq(groupSessions.groupId, groupId))
    .orderBy(desc(groupSessions.day), desc(groupSessions.startsAt));
  const within = rows.filter((r) => (!from || r.day >= from) && (!to || r.day <= to));
  const ids = within.map((r) => r.id);
  const counts = ids.length
    ? await db
        .select({ sessionId: groupAttendance.sessionId, n: count() })
        .from(groupAttendance)
        .where(inArray(groupAttendance.sessionId, ids))
        .groupBy(groupAttendance.sessionId)
    : [];
  const present = new Map(counts.map((c) => [c.sessionId, c.n]));
  return within.map((r) => ({
    ...r,
    startsAt: hhmm(r.startsAt),
    endsAt: hhmm(r.endsAt),
    present: present.get(r.id) ?? 0,
  }));
}

export async function getGroupForAdmin(
  db: DbOrTx,
  actor: Actor | null,
  groupId: string,
  now = new Date(),
): Promise<Result<GroupForAdmin | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!isUuid(groupId)) return ok(null);
  const [g] = await db
    .select({
      id: postGroups.id,
      name: postGroups.name,
      description: postGroups.description,
      postId: posts.id,
      postName: posts.name,
    })
    .from(postGroups)
    .innerJoin(posts, eq(posts.id, postGroups.postId))
    .where(eq(postGroups.id, groupId));
  if (!g) return ok(null);
  const today = communityToday(now);
  const [slots, members, sessions] = await Promise.all([
    db
      .select({
        id: groupSlots.id,
        weekday: groupSlots.weekday,
        startsAt: groupSlots.startsAt,
        endsAt: groupSlots.endsAt,
        place: groupSlots.place,
      })
      .from(groupSlots)
      .where(eq(groupSlots.groupId, g.id))
      .orderBy(asc(groupSlots.weekday), asc(groupSlots.startsAt)),
    db
      .select({ id: postMembers.id, name: postMembers.name, leader: postMembers.leader })
      .from(postMembers)
      .where(and(eq(postMembers.groupId, g.id), eq(postMembers.status, "active")))
      .orderBy(desc(postMembers.leader), asc(postMembers.name)),
    sessionsOf(db, g.id, null, null),
  ]);
  return ok({
    ...g,
    slots: slots.map((s) => ({ ...s, startsAt: hhmm(s.startsAt), endsAt: hhmm(s.endsAt) })),
    members,
    coming: sessions.filter((s) => s.day > today && s.kind === "special").reverse(),
    recent: sessions.filter((s) => s.day <= today).slice(0, 20),
  });
}

export interface MeetingToTake {
  groupId: string;
  groupName: string;
  /** A weekly slot today, or a special event today. */
  slotId: string | null;
  sessionId: string | null;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  members: { id: string; name: string; leader: boolean }[];
  /** Who was marked present, once attendance was taken. */
  present: string[] | null;
  /** The actor's own place in the group. */
  me: string;
}

/** For /me/posts: today's meetings of the groups the actor leads, with their members. */
export async function getMyMeetingsToday(db: DbOrTx, actor: Actor, now = new Date()): Promise<MeetingToTake[]> {
  const today = communityToday(now);
  const weekday = weekdayOf(today);
  const led = await db
    .select({ groupId: postGroups.id, groupName: postGroups.name, me: postMembers.id })
    .from(postMembers)
    .innerJoin(postGroups, eq(postGroups.id, postMembers.groupId))
    .where(and(eq(postMembers.userId, actor.id), eq(postMembers.leader, true), eq(postMembers.status, "active")));
  if (!led.length) return [];
  const groupIds = led.map((g) => g.groupId);
  const [slots, sessions, members] = await Promise.all([
    db
      .select()
      .from(groupSlots)
      .where(and(inArray(groupSlots.groupId, groupIds), eq(groupSlots.weekday, weekday)))
      .orderBy(asc(groupSlots.startsAt)),
    db
      .select()
      .from(groupSessions)
      .where(and(inArray(groupSessions.groupId, groupIds), eq(groupSessions.day, today))),
    db
      .select({ id: postMembers.id, name: postMembers.name, leader: postMembers.leader, groupId: postMembers.groupId })
      .from(postMembers)
      .where(and(inArray(postMembers.groupId, groupIds), eq(postMembers.status, "active")))
      .orderBy(desc(postMembers.leader), asc(postMembers.name)),
  ]);
  const taken = sessions.filter((s) => s.takenAt).map((s) => s.id);
  const attendance = taken.length
    ? await db.select().from(groupAttendance).where(inArray(groupAttendance.sessionId, taken))
    : [];
  const presentOf = (sessionId: string | undefined) =>
    sessionId && taken.includes(sessionId)
      ? attendance.filter((a) => a.sessionId === sessionId).map((a) => a.memberId)
      : null;
  const nameOf = (groupId: string) => led.find((g) => g.groupId === groupId)!.groupName;
  const meIn = (groupId: string) => led.find((g) => g.groupId === groupId)!.me;
  const membersOf = (groupId: string) =>
    members.filter((m) => m.groupId === groupId).map(({ id, name, leader }) => ({ id, name, leader }));
  const regular: MeetingToTake[] = slots.map((slot) => {
    const held = sessions.find((s) => s.slotId === slot.id || (s.kind === "regular" && s.startsAt === slot.startsAt));
    return {
      groupId: slot.groupId,
      groupName: nameOf(slot.groupId),
      slotId: slot.id,
      sessionId: null,
      title: "",
      startsAt: hhmm(slot.startsAt),
      endsAt: hhmm(slot.endsAt),
      place: slot.place,
      members: membersOf(slot.groupId),
      present: presentOf(held?.id),
      me: meIn(slot.groupId),
    };
  });
  const special: MeetingToTake[] = sessions
    .filter((s) => s.kind === "special")
    .map((s) => ({
      groupId: s.groupId,
      groupName: nameOf(s.groupId),
      slotId: null,
      sessionId: s.id,
      title: s.title,
      startsAt: hhmm(s.startsAt),
      endsAt: hhmm(s.endsAt),
      place: s.place,
      members: membersOf(s.groupId),
      present: presentOf(s.id),
      me: meIn(s.groupId),
    }));
  return [...regular, ...special].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
