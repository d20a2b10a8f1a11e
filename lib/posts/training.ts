import "server-only";
import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { postMembers, posts, trainingAttendance, trainingSessions } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { recordHours } from "@/lib/hours/record";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import {
  cancelTrainingSchema,
  minutesBetween,
  planTrainingSchema,
  trainingAttendanceSchema,
  updateTrainingSchema,
} from "./schemas";
import { communityToday } from "./service";

// Each post's yearly training: an organiser plans it (a day, a trainer, a place), may change or
// cancel it until its attendance is taken, and takes that attendance on the day or after, within
// the same year. Taking it records, for each member ticked present, the training's length as
// service hours, once.
//
// A correction that unticks someone keeps the hours already written for them, as the culture
// groups' attendance does: service hours are the append-only passbook of what was confirmed, and
// `recordHours` is its only writer (no service takes hours back). The attendance row says they
// were not there; the organiser's page shows whose hours stand without a tick, and the audit entry
// counts them, so a mistaken tick is seen and can be settled by hand.

const yearOf = (day: string) => Number(day.slice(0, 4));
const hhmm = (t: string) => t.slice(0, 5);

async function lockTraining(tx: DbOrTx, trainingId: string) {
  const [s] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, trainingId)).for("update");
  return s ?? null;
}

/** A training still to be held, locked: a held or cancelled one, or another's edit since, is refused. */
async function lockOpenTraining(tx: DbOrTx, trainingId: string, version: number | undefined) {
  const s = await lockTraining(tx, trainingId);
  if (!s) return fail("not_found");
  if (s.status === "held") return fail("training_held");
  if (s.status === "cancelled") return fail("training_cancelled");
  if (version !== undefined && version !== s.version) return fail("stale_version");
  return ok(s);
}

/** What a changed training was before, field by field, for the audit entry. */
function changes<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, to] of Object.entries(after)) {
    const from = typeof before[k] === "string" && /^\d\d:\d\d:\d\d$/.test(before[k]) ? hhmm(before[k]) : before[k];
    if (from !== to) out[k] = { from, to };
  }
  return out;
}

/** An organiser plans a training for a post: this year or a later one. */
export async function planTraining(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now = new Date(),
): Promise<Result<{ id: string }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.plan_training");
  const parsed = parseInput(planTrainingSchema, input);
  if (!parsed.ok) return parsed;
  const { postId, ...v } = parsed.data;
  if (yearOf(v.day) < yearOf(communityToday(now))) return fail("invalid", { day: ["training_year_past"] });
  return db.transaction(async (tx) => {
    const [post] = await tx.select({ id: posts.id, name: posts.name }).from(posts).where(eq(posts.id, postId));
    if (!post) return fail("not_found");
    const [row] = await tx
      .insert(trainingSessions)
      .values({ postId: post.id, ...v, createdBy: actor!.id, createdAt: now, updatedAt: now })
      .returning({ id: trainingSessions.id });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "posts.plan_training",
      targetType: "training_session",
      targetId: row.id,
      details: { post: post.name, title: v.title, day: v.day, startsAt: v.startsAt, endsAt: v.endsAt },
    });
    return ok({ id: row.id });
  });
}

/** An organiser changes a training whose attendance is not taken yet. */
export async function updateTraining(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now = new Date(),
): Promise<Result<{ version: number }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.update_training");
  const parsed = parseInput(updateTrainingSchema, input);
  if (!parsed.ok) return parsed;
  const { trainingId, version, ...v } = parsed.data;
  if (yearOf(v.day) < yearOf(communityToday(now))) return fail("invalid", { day: ["training_year_past"] });
  return db.transaction(async (tx) => {
    const open = await lockOpenTraining(tx, trainingId, version);
    if (!open.ok) return open;
    const s = open.data;
    const [row] = await tx
      .update(trainingSessions)
      .set({ ...v, version: s.version + 1, updatedAt: now })
      .where(eq(trainingSessions.id, s.id))
      .returning({ version: trainingSessions.version });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "posts.update_training",
      targetType: "training_session",
      targetId: s.id,
      details: { title: v.title, changes: changes(s, v) },
    });
    return ok({ version: row.version });
  });
}

/** An organiser calls a training off; once its attendance is taken it stands. */
export async function cancelTraining(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.cancel_training");
  const parsed = parseInput(cancelTrainingSchema, input);
  if (!parsed.ok) return parsed;
  const { trainingId, version } = parsed.data;
  return db.transaction(async (tx) => {
    const open = await lockOpenTraining(tx, trainingId, version);
    if (!open.ok) return open;
    const s = open.data;
    await tx
      .update(trainingSessions)
      .set({ status: "cancelled", version: s.version + 1, updatedAt: new Date() })
      .where(eq(trainingSessions.id, s.id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "posts.cancel_training",
      targetType: "training_session",
      targetId: s.id,
      details: { title: s.title, day: s.day },
    });
    return ok(undefined);
  });
}

/**
 * Who is on a training's checklist: the post's active members, and anyone already on its
 * attendance (a member who has since left keeps their line).
 */
export async function trainingChecklist(tx: DbOrTx, postId: string, trainingId: string) {
  const recorded = tx
    .select({ id: trainingAttendance.memberId })
    .from(trainingAttendance)
    .where(eq(trainingAttendance.sessionId, trainingId));
  return tx
    .select({
      id: postMembers.id,
      userId: postMembers.userId,
      householdMemberId: postMembers.householdMemberId,
      name: postMembers.name,
      leader: postMembers.leader,
      status: postMembers.status,
    })
    .from(postMembers)
    .where(and(eq(postMembers.postId, postId), or(eq(postMembers.status, "active"), inArray(postMembers.id, recorded))))
    .orderBy(desc(postMembers.leader), asc(postMembers.name));
}

/**
 * An organiser ticks who of the post's members came to a training: on its day or after, within
 * its year; taken again, it corrects the list. Each member ticked gets the training's length as
 * service hours, once: a correction that adds someone writes theirs; one that unticks someone
 * keeps the hours already written (see the note at the top of this file).
 */
export async function takeTrainingAttendance(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now = new Date(),
): Promise<Result<{ trainingId: string; present: number; of: number; hoursWritten: number; unticked: number }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.training_attendance");
  const parsed = parseInput(trainingAttendanceSchema, input);
  if (!parsed.ok) return parsed;
  const { trainingId } = parsed.data;
  const ticked = new Set(parsed.data.present);
  const today = communityToday(now);
  return db.transaction(async (tx) => {
    const s = await lockTraining(tx, trainingId);
    if (!s) return fail("not_found");
    if (s.status === "cancelled") return fail("training_cancelled");
    if (s.day > today) return fail("invalid", { day: ["training_future"] });
    if (yearOf(s.day) < yearOf(today)) return fail("invalid", { day: ["training_year_closed"] });
    const checklist = await trainingChecklist(tx, s.postId, s.id);
    const onList = new Map(checklist.map((m) => [m.id, m]));
    if ([...ticked].some((id) => !onList.has(id))) return fail("invalid", { present: ["not_in_post"] });
    const before = await tx
      .select({ memberId: trainingAttendance.memberId, present: trainingAttendance.present })
      .from(trainingAttendance)
      .where(and(eq(trainingAttendance.sessionId, s.id), eq(trainingAttendance.present, true)));
    const [post] = await tx.select({ name: posts.name }).from(posts).where(eq(posts.id, s.postId));

    if (checklist.length)
      await tx
        .insert(trainingAttendance)
        .values(checklist.map((m) => ({ sessionId: s.id, memberId: m.id, present: ticked.has(m.id) })))
        .onConflictDoUpdate({
          target: [trainingAttendance.sessionId, trainingAttendance.memberId],
          set: { present: sql`excluded.present` },
        });
    await tx
      .update(trainingSessions)
      .set({ status: "held", takenBy: actor!.id, takenAt: now, version: s.version + 1, updatedAt: now })
      .where(eq(trainingSessions.id, s.id));
    const start = hhmm(s.startsAt);
    const end = hhmm(s.endsAt);
    const minutes = minutesBetween(start, end);
    const hoursWritten = await recordHours(
      tx,
      {
        kind: "training",
        refId: s.id,
        postId: s.postId,
        servedOn: s.day,
        note: `${s.title} ${start}–${end}`,
        createdBy: actor!.id,
      },
      checklist
        .filter((m) => ticked.has(m.id))
        .map((m) => ({ userId: m.userId, householdMemberId: m.householdMemberId, name: m.name, minutes })),
    );
    const unticked = before.filter((b) => !ticked.has(b.memberId)).length;
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "posts.training_attendance",
      targetType: "training_session",
      targetId: s.id,
      details: {
        post: post?.name,
        title: s.title,
        day: s.day,
        present: ticked.size,
        of: checklist.length,
        hoursWritten,
        // Unticked in a correction: their hours, written before, stay.
        unticked,
        correction: s.status === "held",
      },
    });
    return ok({ trainingId: s.id, present: ticked.size, of: checklist.length, hoursWritten, unticked });
  });
}
