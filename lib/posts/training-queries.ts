import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { postMembers, posts, serviceHours, trainingAttendance, trainingSessions } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { isUuid } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import type { TrainingStatus } from "@/vocabulary/posts";
import { minutesBetween } from "./schemas";
import { communityToday } from "./service";
import { trainingChecklist } from "./training";

// What organisers read of a post's trainings (the year's list with who came, one training with
// its checklist and the hours it wrote) and what a member reads of their own (the trainings to
// come in their posts, the ones they attended this year).

const hhmm = (t: string) => t.slice(0, 5);

export interface TrainingRow {
  id: string;
  title: string;
  day: string;
  startsAt: string;
  endsAt: string;
  place: string;
  trainer: string;
  status: TrainingStatus;
  /** Ticked present, of the members on its attendance (both 0 until it is taken). */
  present: number;
  of: number;
}

const trainingColumns = {
  id: trainingSessions.id,
  title: trainingSessions.title,
  day: trainingSessions.day,
  startsAt: trainingSessions.startsAt,
  endsAt: trainingSessions.endsAt,
  place: trainingSessions.place,
  trainer: trainingSessions.trainer,
  status: trainingSessions.status,
};

/** For the organiser's post page: the post's trainings this year (and any planned for later). */
export async function listPostTrainings(
  db: DbOrTx,
  actor: Actor | null,
  postId: string,
  now = new Date(),
): Promise<Result<TrainingRow[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!isUuid(postId)) return ok([]);
  const yearStart = `${communityToday(now).slice(0, 4)}-01-01`;
  const rows = await db
    .select(trainingColumns)
    .from(trainingSessions)
    .where(and(eq(trainingSessions.postId, postId), gte(trainingSessions.day, yearStart)))
    .orderBy(asc(trainingSessions.day), asc(trainingSessions.startsAt));
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db
        .select({
          sessionId: trainingAttendance.sessionId,
          of: count(),
          present: sql<number>`count(*) filter (where ${trainingAttendance.present})::int`,
        })
        .from(trainingAttendance)
        .where(inArray(trainingAttendance.sessionId, ids))
        .groupBy(trainingAttendance.sessionId)
    : [];
  const byId = new Map(counts.map((c) => [c.sessionId, c]));
  return ok(
    rows.map((r) => ({
      ...r,
      startsAt: hhmm(r.startsAt),
      endsAt: hhmm(r.endsAt),
      present: Number(byId.get(r.id)?.present ?? 0),
      of: Number(byId.get(r.id)?.of ?? 0),
    })),
  );
}

export interface TrainingDetail extends Omit<TrainingRow, "present" | "of"> {
  postId: string;
  postName: string;
  /** The patrol's leaders lead teams; the other posts' lead groups. */
  patrol: boolean;
  notes: string;
  version: number;
  takenAt: Date | null;
  minutes: number;
  /** Its day has not come: attendance is taken on the day or after. */
  tooEarly: boolean;
  /** Its year is over: the attendance can no longer change. */
  yearClosed: boolean;
  /** The checklist: the post's active members, and anyone on its attendance already. */
  members: { id: string; name: string; leader: boolean; left: boolean; present: boolean | null }[];
  /** The hours it wrote, and whether the person is ticked present now. */
  hours: { name: string; minutes: number; ticked: boolean }[];
}

/** For the organiser's training page: the training, its checklist and the hours it wrote. */
export async function getTrainingForAdmin(
  db: DbOrTx,
  actor: Actor | null,
  trainingId: string,
  now = new Date(),
): Promise<Result<TrainingDetail | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!isUuid(trainingId)) return ok(null);
  const [s] = await db
    .select({
      ...trainingColumns,
      postId: trainingSessions.postId,
      postName: posts.name,
      postKind: posts.kind,
      notes: trainingSessions.notes,
      version: trainingSessions.version,
      takenAt: trainingSessions.takenAt,
    })
    .from(trainingSessions)
    .innerJoin(posts, eq(posts.id, trainingSessions.postId))
    .where(eq(trainingSessions.id, trainingId));
  if (!s) return ok(null);
  const { postKind, ...training } = s;
  const today = communityToday(now);
  const [checklist, attendance, hours] = await Promise.all([
    trainingChecklist(db, s.postId, s.id),
    db
      .select({ memberId: trainingAttendance.memberId, present: trainingAttendance.present })
      .from(trainingAttendance)
      .where(eq(trainingAttendance.sessionId, s.id)),
    db
      .select({
        name: serviceHours.name,
        minutes: serviceHours.minutes,
        userId: serviceHours.userId,
        householdMemberId: serviceHours.householdMemberId,
      })
      .from(serviceHours)
      .where(and(eq(serviceHours.kind, "training"), eq(serviceHours.refId, s.id)))
      .orderBy(asc(serviceHours.name)),
  ]);
  const presentOf = new Map(attendance.map((a) => [a.memberId, a.present]));
  const startsAt = hhmm(s.startsAt);
  const endsAt = hhmm(s.endsAt);
  return ok({
    ...training,
    patrol: postKind === "patrol",
    startsAt,
    endsAt,
    minutes: minutesBetween(startsAt, endsAt),
    tooEarly: s.day > today,
    yearClosed: Number(s.day.slice(0, 4)) < Number(today.slice(0, 4)),
    members: checklist.map((m) => ({
      id: m.id,
      name: m.name,
      leader: m.leader,
      left: m.status !== "active",
      present: presentOf.get(m.id) ?? null,
    })),
    hours: hours.map((h) => {
      const member = checklist.find((m) =>
        h.userId ? m.userId === h.userId : m.householdMemberId === h.householdMemberId,
      );
      return { name: h.name, minutes: h.minutes, ticked: !!member && presentOf.get(member.id) === true };
    }),
  });
}

export interface MyTraining {
  id: string;
  postName: string;
  title: string;
  day: string;
  startsAt: string;
  endsAt: string;
  place: string;
  trainer: string;
}

export interface MyTrainings {
  /** Planned in the posts I serve in, from today on. */
  coming: MyTraining[];
  /** Attended this year, newest first, with the hours each counted for. */
  attended: (MyTraining & { minutes: number })[];
}

/** For /me/posts: the trainings to come in my posts and the ones I attended this year. Mine only. */
export async function getMyTrainings(db: DbOrTx, actor: Actor, now = new Date()): Promise<MyTrainings> {
  const today = communityToday(now);
  const year = today.slice(0, 4);
  const columns = {
    id: trainingSessions.id,
    postName: posts.name,
    title: trainingSessions.title,
    day: trainingSessions.day,
    startsAt: trainingSessions.startsAt,
    endsAt: trainingSessions.endsAt,
    place: trainingSessions.place,
    trainer: trainingSessions.trainer,
  };
  const myPosts = db
    .select({ postId: postMembers.postId })
    .from(postMembers)
    .where(and(eq(postMembers.userId, actor.id), eq(postMembers.status, "active")));
  const [coming, attended] = await Promise.all([
    db
      .select(columns)
      .from(trainingSessions)
      .innerJoin(posts, eq(posts.id, trainingSessions.postId))
      .where(
        and(
          inArray(trainingSessions.postId, myPosts),
          eq(trainingSessions.status, "planned"),
          gte(trainingSessions.day, today),
        ),
      )
      .orderBy(asc(trainingSessions.day), asc(trainingSessions.startsAt)),
    db
      .select(columns)
      .from(trainingAttendance)
      .innerJoin(postMembers, eq(postMembers.id, trainingAttendance.memberId))
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
      .innerJoin(posts, eq(posts.id, trainingSessions.postId))
      .where(
        and(
          eq(postMembers.userId, actor.id),
          eq(trainingAttendance.present, true),
          gte(trainingSessions.day, `${year}-01-01`),
          lte(trainingSessions.day, `${year}-12-31`),
        ),
      )
      .orderBy(desc(trainingSessions.day)),
  ]);
  const tidy = (r: (typeof coming)[number]) => ({ ...r, startsAt: hhmm(r.startsAt), endsAt: hhmm(r.endsAt) });
  return {
    coming: coming.map(tidy),
    attended: attended.map((r) => ({ ...tidy(r), minutes: minutesBetween(hhmm(r.startsAt), hhmm(r.endsAt)) })),
  };
}
