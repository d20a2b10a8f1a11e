import "server-only";
import { and, eq } from "drizzle-orm";
import { groupAttendance, groupSessions, groupSlots, postGroups, postMembers } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { isUniqueViolation } from "@/db/errors";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { daysBetween } from "@/lib/festivals/time";
import { recordHours } from "@/lib/hours/record";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { addSlotSchema, minutesBetween, removeSlotSchema, specialSessionSchema, takeAttendanceSchema } from "./schemas";
import { weekdayOf } from "./roster";
import { communityToday } from "./service";

// The culture groups week by week: organisers keep each group's timetable and put on special
// events; the group's leader takes attendance on a phone, which records who came and, for the
// leaders who were there, the hours of the session they led.

/** How many days after a meeting its leader may still take (or correct) its attendance. */
export const ATTENDANCE_DAYS_AFTER = 3;

async function groupOf(tx: DbOrTx, groupId: string) {
  const [g] = await tx
    .select({ id: postGroups.id, name: postGroups.name, postId: postGroups.postId })
    .from(postGroups)
    .where(eq(postGroups.id, groupId));
  return g ?? null;
}

/** An organiser adds a weekly slot to a group's timetable. */
export async function addSlot(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: string }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.add_slot");
  const parsed = parseInput(addSlotSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  try {
    return await db.transaction(async (tx) => {
      const group = await groupOf(tx, v.groupId);
      if (!group) return fail("not_found");
      const [row] = await tx
        .insert(groupSlots)
        .values({ groupId: group.id, weekday: v.weekday, startsAt: v.startsAt, endsAt: v.endsAt, place: v.place })
        .returning({ id: groupSlots.id });
      await writeAudit(tx, {
        actorId: actor!.id,
        action: "posts.add_slot",
        targetType: "post_group",
        targetId: group.id,
        details: { group: group.name, weekday: v.weekday, startsAt: v.startsAt, place: v.place },
      });
      return ok({ id: row.id });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return fail("invalid", { startsAt: ["slot_taken"] });
    throw e;
  }
}

/** An organiser takes a slot off the timetable; meetings already held keep their attendance. */
export async function removeSlot(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.remove_slot");
  const parsed = parseInput(removeSlotSchema, input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const [gone] = await tx.delete(groupSlots).where(eq(groupSlots.id, parsed.data.slotId)).returning();
    if (!gone) return fail("not_found");
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "posts.remove_slot",
      targetType: "post_group",
      targetId: gone.groupId,
      details: { weekday: gone.weekday, startsAt: gone.startsAt, place: gone.place },
    });
    return ok(undefined);
  });
}

/** An organiser puts on a special event for a group: a performance, an exhibition, a visit. */
export async function addSpecialSession(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now = new Date(),
): Promise<Result<{ id: string }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.add_session");
  const parsed = parseInput(specialSessionSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (v.day < communityToday(now)) return fail("invalid", { day: ["date_past"] });
  try {
    return await db.transaction(async (tx) => {
      const group = await groupOf(tx, v.groupId);
      if (!group) return fail("not_found");
      const [row] = await tx
        .insert(groupSessions)
        .values({
          groupId: group.id,
          kind: "special",
          title: v.title,
          day: v.day,
          startsAt: v.startsAt,
          endsAt: v.endsAt,
          place: v.place,
        })
        .returning({ id: groupSessions.id });
      await writeAudit(tx, {
        actorId: actor!.id,
        action: "posts.add_session",
        targetType: "post_group",
        targetId: group.id,
        details: { group: group.name, title: v.title, day: v.day },
      });
      return ok({ id: row.id });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return fail("invalid", { startsAt: ["slot_taken"] });
    throw e;
  }
}

/** The actor leads this group (an active member marked as its leader), or is an organiser. */
async function mayTakeAttendance(tx: DbOrTx, actor: Actor, groupId: string) {
  if (isOrganiser(actor)) return true;
  const [lead] = await tx
    .select({ id: postMembers.id })
    .from(postMembers)
    .where(
      and(
        eq(postMembers.groupId, groupId),
        eq(postMembers.userId, actor.id),
        eq(postMembers.leader, true),
        eq(postMembers.status, "active"),
      ),
    );
  return !!lead;
}

/**
 * The group's leader (or an organiser) says who came to a meeting: one of the group's weekly
 * slots on a day, or a special event. On its day or within a few days after (an organiser at any
 * time after); taken again, it replaces the list. The leaders of the group who were there get the
 * meeting's hours, once.
 */
export async function takeAttendance(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now = new Date(),
): Promise<Result<{ sessionId: string; present: number }>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(takeAttendanceSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const today = communityToday(now);
  return db.transaction(async (tx) => {
    const group = await groupOf(tx, v.groupId);
    if (!group) return fail("not_found");
    if (!(await mayTakeAttendance(tx, actor, group.id))) return refuse(tx, actor.id, "posts.take_attendance");
    // The meeting: a special event by its id, or a weekly slot on a day (written the first time,
    // once everything else checks out, so a refusal writes nothing).
    let day = v.day ?? today;
    let existing: string | null = null;
    let slot: typeof groupSlots.$inferSelect | null = null;
    if (v.sessionId) {
      const [s] = await tx
        .select({ id: groupSessions.id, day: groupSessions.day })
        .from(groupSessions)
        .where(and(eq(groupSessions.id, v.sessionId), eq(groupSessions.groupId, group.id)));
      if (!s) return fail("not_found");
      day = s.day;
      existing = s.id;
    } else {
      [slot] = await tx
        .select()
        .from(groupSlots)
        .where(and(eq(groupSlots.id, v.slotId!), eq(groupSlots.groupId, group.id)));
      if (!slot) return fail("not_found");
      if (slot.weekday !== weekdayOf(day)) return fail("invalid", { day: ["not_slot_day"] });
    }
    if (day > today) return fail("invalid", { day: ["session_future"] });
    if (!isOrganiser(actor) && daysBetween(day, today) > ATTENDANCE_DAYS_AFTER)
      return fail("invalid", { day: ["session_too_old"] });
    const members = await tx
      .select({
        id: postMembers.id,
        userId: postMembers.userId,
        householdMemberId: postMembers.householdMemberId,
        name: postMembers.name,
        leader: postMembers.leader,
      })
      .from(postMembers)
      .where(and(eq(postMembers.groupId, group.id), eq(postMembers.status, "active")));
    const inGroup = new Map(members.map((m) => [m.id, m]));
    if (v.present.some((id) => !inGroup.has(id))) return fail("invalid", { present: ["not_in_group"] });
    if (slot) {
      await tx
        .insert(groupSessions)
        .values({
          groupId: group.id,
          kind: "regular",
          slotId: slot.id,
          day,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          place: slot.place,
        })
        .onConflictDoNothing();
      const [s] = await tx
        .select({ id: groupSessions.id })
        .from(groupSessions)
        .where(
          and(
            eq(groupSessions.groupId, group.id),
            eq(groupSessions.day, day),
            eq(groupSessions.startsAt, slot.startsAt),
          ),
        );
      existing = s.id;
    }
    const [session] = await tx.select().from(groupSessions).where(eq(groupSessions.id, existing!)).for("update");
    await tx.delete(groupAttendance).where(eq(groupAttendance.sessionId, session.id));
    if (v.present.length)
      await tx.insert(groupAttendance).values(v.present.map((memberId) => ({ sessionId: session.id, memberId })));
    await tx.update(groupSessions).set({ takenBy: actor.id, takenAt: now }).where(eq(groupSessions.id, session.id));
    const start = session.startsAt.slice(0, 5);
    const end = session.endsAt.slice(0, 5);
    await recordHours(
      tx,
      {
        kind: "culture_session",
        refId: session.id,
        postId: group.postId,
        servedOn: session.day,
        note: `${group.name} ${start}–${end}`,
        createdBy: actor.id,
      },
      v.present
        .map((id) => inGroup.get(id)!)
        .filter((m) => m.leader)
        .map((m) => ({ ...m, minutes: minutesBetween(start, end) })),
    );
    await writeAudit(tx, {
      actorId: actor.id,
      action: "posts.take_attendance",
      targetType: "group_session",
      targetId: session.id,
      details: { group: group.name, day: session.day, present: v.present.length, of: members.length },
    });
    return ok({ sessionId: session.id, present: v.present.length });
  });
}
