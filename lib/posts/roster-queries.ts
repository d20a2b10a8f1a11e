import "server-only";
import { and, asc, desc, eq, gte, inArray, isNotNull, lte } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { patrolNotes, patrolSwaps, patrolTeamMembers, patrolTeams, postMembers, posts, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { isUuid } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import type { MemberStanding, NoteDestination, NoteKind, Period, SwapStatus, Weekday } from "@/vocabulary/posts";
import { daysOfMonth, weekdayOf } from "./roster";

// What organisers read of the patrol roster: a month by day and by person with its gaps, one
// day's team, the swaps waiting for approval, and the notes passed on. Organisers only; anyone
// else is answered `forbidden` with no rows.

export interface RosterPerson {
  memberId: string;
  name: string;
  leads: boolean;
  /** Null until the patrol ended; then whether they walked. */
  walked: boolean | null;
}

export interface RosterTeam {
  id: string;
  day: string;
  weekday: Weekday;
  leader: RosterPerson | null;
  members: RosterPerson[];
  /** Residents short of the post's team size. */
  missing: number;
  startedAt: Date | null;
  endedAt: Date | null;
  plannedEndAt: Date | null;
  closedUnended: boolean;
  notes: number;
}

export interface RosterPost {
  id: string;
  name: string;
  kind: string;
  teamSize: number;
  period: Period;
  startsAt: string;
  endsAt: string;
  maxMinutes: number;
  swapsNeedApproval: boolean;
}

export interface RosterMonth {
  post: RosterPost;
  month: string;
  /** Every day of the month; `team` is null for a day not drawn. */
  days: { date: string; weekday: Weekday; team: RosterTeam | null }[];
  /** Each active member with their days this month, most first. */
  people: { memberId: string; name: string; leader: boolean; days: string[] }[];
  gaps: number;
}

const postColumns = {
  id: posts.id,
  name: posts.name,
  kind: posts.kind,
  teamSize: posts.teamSize,
  period: posts.period,
  startsAt: posts.startsAt,
  endsAt: posts.endsAt,
  maxMinutes: posts.maxMinutes,
  swapsNeedApproval: posts.swapsNeedApproval,
};

const hhmm = (t: string) => t.slice(0, 5);

async function postOf(db: DbOrTx, postId: string): Promise<RosterPost | null> {
  if (!isUuid(postId)) return null;
  const [p] = await db.select(postColumns).from(posts).where(eq(posts.id, postId));
  return p ? { ...p, startsAt: hhmm(p.startsAt), endsAt: hhmm(p.endsAt) } : null;
}

async function teamsBetween(db: DbOrTx, post: RosterPost, first: string, last: string): Promise<RosterTeam[]> {
  const teams = await db
    .select()
    .from(patrolTeams)
    .where(and(eq(patrolTeams.postId, post.id), gte(patrolTeams.day, first), lte(patrolTeams.day, last)))
    .orderBy(asc(patrolTeams.day));
  if (!teams.length) return [];
  const ids = teams.map((x) => x.id);
  const places = await db
    .select({
      teamId: patrolTeamMembers.teamId,
      memberId: patrolTeamMembers.memberId,
      leads: patrolTeamMembers.leads,
      walked: patrolTeamMembers.walked,
      name: postMembers.name,
    })
    .from(patrolTeamMembers)
    .innerJoin(postMembers, eq(postMembers.id, patrolTeamMembers.memberId))
    .where(inArray(patrolTeamMembers.teamId, ids))
    .orderBy(asc(postMembers.name));
  const notes = await db
    .select({ teamId: patrolNotes.teamId })
    .from(patrolNotes)
    .where(inArray(patrolNotes.teamId, ids));
  return teams.map((x) => {
    const here = places.filter((p) => p.teamId === x.id);
    const leader = here.find((p) => p.leads) ?? null;
    const members = here.filter((p) => !p.leads);
    const weekday = weekdayOf(x.day);
    return {
      id: x.id,
      day: x.day,
      weekday,
      leader: leader && { memberId: leader.memberId, name: leader.name, leads: true, walked: leader.walked },
      members: members.map((m) => ({ memberId: m.memberId, name: m.name, leads: false, walked: m.walked })),
      missing: Math.max(0, post.teamSize - members.length),
      startedAt: x.startedAt,
      endedAt: x.endedAt,
      plannedEndAt: x.plannedEndAt,
      closedUnended: x.closedUnended,
      notes: notes.filter((n) => n.teamId === x.id).length,
    };
  });
}

/** A month of the patrol roster, by day and by person, with its gaps. */
export async function getRosterMonth(
  db: DbOrTx,
  actor: Actor | null,
  postId: string,
  month: string,
): Promise<Result<RosterMonth | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return ok(null);
  const post = await postOf(db, postId);
  if (!post || post.kind !== "patrol") return ok(null);
  const month_ = daysOfMonth(month);
  const teams = await teamsBetween(db, post, month_[0].date, month_.at(-1)!.date);
  const byDay = new Map(teams.map((x) => [x.day, x]));
  const members = await db
    .select({ id: postMembers.id, name: postMembers.name, leader: postMembers.leader })
    .from(postMembers)
    .where(and(eq(postMembers.postId, post.id), eq(postMembers.status, "active")))
    .orderBy(asc(postMembers.name));
  const daysOf = new Map<string, string[]>();
  for (const x of teams)
    for (const p of [...(x.leader ? [x.leader] : []), ...x.members])
      daysOf.set(p.memberId, [...(daysOf.get(p.memberId) ?? []), x.day]);
  const people = members
    .map((m) => ({ memberId: m.id, name: m.name, leader: m.leader, days: daysOf.get(m.id) ?? [] }))
    .sort((a, b) => b.days.length - a.days.length || a.name.localeCompare(b.name, "zh-CN"));
  return ok({
    post,
    month,
    days: month_.map((d) => ({ date: d.date, weekday: d.weekday, team: byDay.get(d.date) ?? null })),
    people,
    gaps: teams.filter((x) => !x.leader || x.missing > 0).length,
  });
}

export interface RosterNote {
  id: string;
  kind: NoteKind;
  place: string;
  body: string;
  author: string | null;
  createdAt: Date;
  passedTo: NoteDestination | null;
  passedAt: Date | null;
  handledAt: Date | null;
  handledNote: string;
  day: string;
}

export interface RosterDayView {
  post: RosterPost;
  team: RosterTeam;
  notes: RosterNote[];
  /** Active members free to be put on the day (not on it already). */
  free: { memberId: string; name: string; canLead: boolean; standing: MemberStanding }[];
}

const noteColumns = {
  id: patrolNotes.id,
  kind: patrolNotes.kind,
  place: patrolNotes.place,
  body: patrolNotes.body,
  author: users.name,
  createdAt: patrolNotes.createdAt,
  passedTo: patrolNotes.passedTo,
  passedAt: patrolNotes.passedAt,
  handledAt: patrolNotes.handledAt,
  handledNote: patrolNotes.handledNote,
  day: patrolTeams.day,
};

/** One day's team, what it saw, and who could be put on it. */
export async function getRosterDay(
  db: DbOrTx,
  actor: Actor | null,
  postId: string,
  day: string,
): Promise<Result<RosterDayView | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return ok(null);
  const post = await postOf(db, postId);
  if (!post || post.kind !== "patrol") return ok(null);
  const [team] = await teamsBetween(db, post, day, day);
  if (!team) return ok(null);
  const notes = await db
    .select(noteColumns)
    .from(patrolNotes)
    .innerJoin(patrolTeams, eq(patrolTeams.id, patrolNotes.teamId))
    .leftJoin(users, eq(users.id, patrolNotes.authorId))
    .where(eq(patrolNotes.teamId, team.id))
    .orderBy(asc(patrolNotes.createdAt));
  const busy = await db
    .select({ memberId: patrolTeamMembers.memberId })
    .from(patrolTeamMembers)
    .where(eq(patrolTeamMembers.day, day));
  const taken = new Set(busy.map((b) => b.memberId));
  const members = await db
    .select({ id: postMembers.id, name: postMembers.name, leader: postMembers.leader, standing: postMembers.standing })
    .from(postMembers)
    .where(and(eq(postMembers.postId, post.id), eq(postMembers.status, "active")))
    .orderBy(asc(postMembers.name));
  return ok({
    post,
    team,
    notes,
    free: members
      .filter((m) => !taken.has(m.id))
      .map((m) => ({
        memberId: m.id,
        name: m.name,
        standing: m.standing,
        canLead: m.leader && m.standing === "party_member",
      })),
  });
}

export interface SwapRow {
  id: string;
  status: SwapStatus;
  version: number;
  from: string;
  fromDay: string;
  to: string;
  toDay: string | null;
  note: string;
  createdAt: Date;
}

/** Swaps of a post both members agreed, waiting for an organiser (and, below, the latest others). */
export async function listPostSwaps(
  db: DbOrTx,
  actor: Actor | null,
  postId: string,
): Promise<Result<{ waiting: SwapRow[]; recent: SwapRow[] }>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!isUuid(postId)) return ok({ waiting: [], recent: [] });
  const fromM = alias(postMembers, "from_m");
  const toM = alias(postMembers, "to_m");
  const fromT = alias(patrolTeams, "from_t");
  const toT = alias(patrolTeams, "to_t");
  const rows = await db
    .select({
      id: patrolSwaps.id,
      status: patrolSwaps.status,
      version: patrolSwaps.version,
      from: fromM.name,
      fromDay: fromT.day,
      to: toM.name,
      toDay: toT.day,
      note: patrolSwaps.note,
      createdAt: patrolSwaps.createdAt,
    })
    .from(patrolSwaps)
    .innerJoin(fromM, eq(fromM.id, patrolSwaps.fromMemberId))
    .innerJoin(toM, eq(toM.id, patrolSwaps.toMemberId))
    .innerJoin(fromT, eq(fromT.id, patrolSwaps.fromTeamId))
    .leftJoin(toT, eq(toT.id, patrolSwaps.toTeamId))
    .where(eq(patrolSwaps.postId, postId))
    .orderBy(desc(patrolSwaps.createdAt))
    .limit(50);
  return ok({
    waiting: rows.filter((r) => r.status === "accepted"),
    recent: rows.filter((r) => r.status !== "accepted").slice(0, 20),
  });
}

/** Notes passed on to property management not yet dealt with, and to the council, newest first. */
export async function listPassedNotes(
  db: DbOrTx,
  actor: Actor | null,
  postId: string,
): Promise<Result<{ property: RosterNote[]; council: RosterNote[] }>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!isUuid(postId)) return ok({ property: [], council: [] });
  const rows = await db
    .select(noteColumns)
    .from(patrolNotes)
    .innerJoin(patrolTeams, eq(patrolTeams.id, patrolNotes.teamId))
    .leftJoin(users, eq(users.id, patrolNotes.authorId))
    .where(and(eq(patrolTeams.postId, postId), isNotNull(patrolNotes.passedTo)))
    .orderBy(desc(patrolNotes.passedAt))
    .limit(100);
  return ok({
    property: rows.filter((r) => r.passedTo === "property" && !r.handledAt),
    council: rows.filter((r) => r.passedTo === "council").slice(0, 20),
  });
}
