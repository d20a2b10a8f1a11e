import "server-only";
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { patrolNotes, patrolSwaps, patrolTeamMembers, patrolTeams, postGroups, postMembers, posts } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import type { Actor } from "@/lib/actor";
import { addDays } from "@/lib/festivals/time";
import {
  OPEN_SWAP_STATUSES,
  type MemberStanding,
  type MemberStatus,
  type NoteDestination,
  type NoteKind,
  type PostKind,
  type SwapStatus,
} from "@/vocabulary/posts";
import { communityToday } from "./service";

// What a resident reads of their own posts: their places, their coming patrols and today's, the
// swaps asked of them and by them. Only the actor's own rows; team-mates by name only.

/** How far ahead /me/posts lists patrols. */
export const PATROL_LOOKAHEAD_DAYS = 45;

export interface MyPlace {
  memberId: string;
  postId: string;
  postName: string;
  kind: PostKind;
  group: string | null;
  standing: MemberStanding;
  leader: boolean;
  status: MemberStatus;
  since: string;
}

export interface MyPatrol {
  teamId: string;
  postId: string;
  postName: string;
  day: string;
  startsAt: string;
  endsAt: string;
  maxMinutes: number;
  /** I lead it. */
  leads: boolean;
  myMemberId: string;
  team: { memberId: string; name: string; leads: boolean; walked: boolean | null }[];
  startedAt: Date | null;
  plannedEndAt: Date | null;
  endedAt: Date | null;
  closedUnended: boolean;
  notes: {
    id: string;
    kind: NoteKind;
    place: string;
    body: string;
    mine: boolean;
    passedTo: NoteDestination | null;
    handledAt: Date | null;
  }[];
}

export interface MySwap {
  id: string;
  version: number;
  status: SwapStatus;
  postName: string;
  /** The day given by the asker, and the day given back (none: a cover). */
  fromDay: string;
  toDay: string | null;
  from: string;
  to: string;
  note: string;
  askedOfMe: boolean;
}

export interface MyPosts {
  today: string;
  places: MyPlace[];
  patrols: MyPatrol[];
  swaps: MySwap[];
}

export async function getMyPosts(db: DbOrTx, actor: Actor, now = new Date()): Promise<MyPosts> {
  const today = communityToday(now);
  const places = await db
    .select({
      memberId: postMembers.id,
      postId: posts.id,
      postName: posts.name,
      kind: posts.kind,
      group: postGroups.name,
      standing: postMembers.standing,
      leader: postMembers.leader,
      status: postMembers.status,
      since: postMembers.since,
    })
    .from(postMembers)
    .innerJoin(posts, eq(posts.id, postMembers.postId))
    .leftJoin(postGroups, eq(postGroups.id, postMembers.groupId))
    .where(and(eq(postMembers.userId, actor.id), inArray(postMembers.status, ["requested", "active"])))
    .orderBy(asc(posts.position));
  const memberIds = places.filter((p) => p.status === "active").map((p) => p.memberId);
  if (!memberIds.length) return { today, places, patrols: [], swaps: [] };

  const mine = await db
    .select({
      teamId: patrolTeams.id,
      postId: posts.id,
      postName: posts.name,
      day: patrolTeams.day,
      startsAt: posts.startsAt,
      endsAt: posts.endsAt,
      maxMinutes: posts.maxMinutes,
      leads: patrolTeamMembers.leads,
      myMemberId: patrolTeamMembers.memberId,
      startedAt: patrolTeams.startedAt,
      plannedEndAt: patrolTeams.plannedEndAt,
      endedAt: patrolTeams.endedAt,
      closedUnended: patrolTeams.closedUnended,
    })
    .from(patrolTeamMembers)
    .innerJoin(patrolTeams, eq(patrolTeams.id, patrolTeamMembers.teamId))
    .innerJoin(posts, eq(posts.id, patrolTeams.postId))
    .where(
      and(
        inArray(patrolTeamMembers.memberId, memberIds),
        gte(patrolTeams.day, today),
        lte(patrolTeams.day, addDays(today, PATROL_LOOKAHEAD_DAYS)),
      ),
    )
    .orderBy(asc(patrolTeams.day));
  const teamIds = mine.map((m) => m.teamId);
  const mates = teamIds.length
    ? await db
        .select({
          teamId: patrolTeamMembers.teamId,
          memberId: patrolTeamMembers.memberId,
          name: postMembers.name,
          leads: patrolTeamMembers.leads,
          walked: patrolTeamMembers.walked,
        })
        .from(patrolTeamMembers)
        .innerJoin(postMembers, eq(postMembers.id, patrolTeamMembers.memberId))
        .where(inArray(patrolTeamMembers.teamId, teamIds))
        .orderBy(desc(patrolTeamMembers.leads), asc(postMembers.name))
    : [];
  const todays = mine.filter((m) => m.day === today).map((m) => m.teamId);
  const notes = todays.length
    ? await db
        .select({
          id: patrolNotes.id,
          teamId: patrolNotes.teamId,
          kind: patrolNotes.kind,
          place: patrolNotes.place,
          body: patrolNotes.body,
          authorId: patrolNotes.authorId,
          passedTo: patrolNotes.passedTo,
          handledAt: patrolNotes.handledAt,
        })
        .from(patrolNotes)
        .where(inArray(patrolNotes.teamId, todays))
        .orderBy(asc(patrolNotes.createdAt))
    : [];
  const patrols: MyPatrol[] = mine.map((m) => ({
    ...m,
    startsAt: m.startsAt.slice(0, 5),
    endsAt: m.endsAt.slice(0, 5),
    team: mates
      .filter((x) => x.teamId === m.teamId)
      .map((x) => ({ memberId: x.memberId, name: x.name, leads: x.leads, walked: x.walked })),
    notes: notes
      .filter((n) => n.teamId === m.teamId)
      .map((n) => ({
        id: n.id,
        kind: n.kind,
        place: n.place,
        body: n.body,
        mine: n.authorId === actor.id,
        passedTo: n.passedTo,
        handledAt: n.handledAt,
      })),
  }));

  const fromM = alias(postMembers, "from_m");
  const toM = alias(postMembers, "to_m");
  const fromT = alias(patrolTeams, "from_t");
  const toT = alias(patrolTeams, "to_t");
  const swaps = await db
    .select({
      id: patrolSwaps.id,
      version: patrolSwaps.version,
      status: patrolSwaps.status,
      postName: posts.name,
      fromDay: fromT.day,
      toDay: toT.day,
      from: fromM.name,
      to: toM.name,
      toMemberId: patrolSwaps.toMemberId,
      note: patrolSwaps.note,
    })
    .from(patrolSwaps)
    .innerJoin(posts, eq(posts.id, patrolSwaps.postId))
    .innerJoin(fromM, eq(fromM.id, patrolSwaps.fromMemberId))
    .innerJoin(toM, eq(toM.id, patrolSwaps.toMemberId))
    .innerJoin(fromT, eq(fromT.id, patrolSwaps.fromTeamId))
    .leftJoin(toT, eq(toT.id, patrolSwaps.toTeamId))
    .where(
      and(
        or(inArray(patrolSwaps.fromMemberId, memberIds), inArray(patrolSwaps.toMemberId, memberIds)),
        or(inArray(patrolSwaps.status, OPEN_SWAP_STATUSES), gte(fromT.day, today)),
      ),
    )
    .orderBy(desc(patrolSwaps.createdAt))
    .limit(20);
  return {
    today,
    places,
    patrols,
    swaps: swaps.map(({ toMemberId, ...s }) => ({ ...s, askedOfMe: memberIds.includes(toMemberId) })),
  };
}

/** For asking a swap of one of my days: the post's other members with an account, and their coming days. */
export async function getSwapChoices(db: DbOrTx, actor: Actor, teamId: string, now = new Date()) {
  const today = communityToday(now);
  const [mineRow] = await db
    .select({
      teamId: patrolTeams.id,
      day: patrolTeams.day,
      postId: patrolTeams.postId,
      postName: posts.name,
      leads: patrolTeamMembers.leads,
      memberId: patrolTeamMembers.memberId,
      startedAt: patrolTeams.startedAt,
    })
    .from(patrolTeamMembers)
    .innerJoin(patrolTeams, eq(patrolTeams.id, patrolTeamMembers.teamId))
    .innerJoin(posts, eq(posts.id, patrolTeams.postId))
    .innerJoin(postMembers, eq(postMembers.id, patrolTeamMembers.memberId))
    .where(and(eq(patrolTeamMembers.teamId, teamId), eq(postMembers.userId, actor.id)));
  if (!mineRow || mineRow.startedAt || mineRow.day < today) return null;
  const others = await db
    .select({
      memberId: postMembers.id,
      name: postMembers.name,
      canLead: postMembers.leader,
      standing: postMembers.standing,
    })
    .from(postMembers)
    .where(and(eq(postMembers.postId, mineRow.postId), eq(postMembers.status, "active"), isNotNull(postMembers.userId)))
    .orderBy(asc(postMembers.name));
  const candidates = others.filter((o) => o.memberId !== mineRow.memberId);
  const theirDays = candidates.length
    ? await db
        .select({
          memberId: patrolTeamMembers.memberId,
          teamId: patrolTeams.id,
          day: patrolTeams.day,
          leads: patrolTeamMembers.leads,
        })
        .from(patrolTeamMembers)
        .innerJoin(patrolTeams, eq(patrolTeams.id, patrolTeamMembers.teamId))
        .where(
          and(
            eq(patrolTeams.postId, mineRow.postId),
            inArray(
              patrolTeamMembers.memberId,
              candidates.map((c) => c.memberId),
            ),
            gte(patrolTeams.day, today),
            lte(patrolTeams.day, addDays(today, PATROL_LOOKAHEAD_DAYS)),
          ),
        )
        .orderBy(asc(patrolTeams.day))
    : [];
  const busyThatDay = new Set(theirDays.filter((d) => d.day === mineRow.day).map((d) => d.memberId));
  return {
    mine: mineRow,
    people: candidates
      .filter((c) => !busyThatDay.has(c.memberId))
      .filter((c) => !mineRow.leads || (c.canLead && c.standing === "party_member"))
      .map((c) => ({
        memberId: c.memberId,
        name: c.name,
        days: theirDays
          .filter((d) => d.memberId === c.memberId && d.day !== mineRow.day)
          .map((d) => ({ teamId: d.teamId, day: d.day, leads: d.leads })),
      })),
  };
}

/** On /me: whether I serve in a post, and whether I patrol today (and lead it). */
export async function getMyPostsGlance(db: DbOrTx, actor: Actor, now = new Date()) {
  const today = communityToday(now);
  const places = await db
    .select({ id: postMembers.id })
    .from(postMembers)
    .where(and(eq(postMembers.userId, actor.id), eq(postMembers.status, "active")));
  if (!places.length) return null;
  const [patrol] = await db
    .select({
      leads: patrolTeamMembers.leads,
      startedAt: patrolTeams.startedAt,
      endedAt: patrolTeams.endedAt,
      startsAt: posts.startsAt,
    })
    .from(patrolTeamMembers)
    .innerJoin(patrolTeams, eq(patrolTeams.id, patrolTeamMembers.teamId))
    .innerJoin(posts, eq(posts.id, patrolTeams.postId))
    .where(
      and(
        inArray(
          patrolTeamMembers.memberId,
          places.map((p) => p.id),
        ),
        eq(patrolTeams.day, today),
      ),
    );
  return {
    places: places.length,
    today: patrol
      ? {
          leads: patrol.leads,
          startsAt: patrol.startsAt.slice(0, 5),
          started: !!patrol.startedAt,
          ended: !!patrol.endedAt,
        }
      : null,
  };
}
