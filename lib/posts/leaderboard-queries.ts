import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { pointEntries, postMembers, posts, serviceHours } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import type { MemberStanding } from "@/vocabulary/posts";

// A post's yearly leaderboard: its active members by the points they earned in the post that
// year (a patrol walked, a session led, a training attended), with their hours there. Organisers
// see everyone by name; a member sees their own place, and the others by name only where they
// agreed to be named.

export interface PostBoardRow {
  memberId: string;
  rank: number;
  name: string;
  standing: MemberStanding;
  leader: boolean;
  showName: boolean;
  hasAccount: boolean;
  userId: string | null;
  points: number;
  minutes: number;
}

/** Competition ranking over rows sorted by points: 1, 2, 2, 4. */
function ranked<T extends { points: number }>(rows: T[]): (T & { rank: number })[] {
  return rows.map((r) => ({ ...r, rank: rows.findIndex((o) => o.points === r.points) + 1 }));
}

async function board(db: DbOrTx, postIds: string[], year: number): Promise<Map<string, PostBoardRow[]>> {
  if (!postIds.length) return new Map();
  // Points and hours follow the person: their account, or their household place without one.
  const personMatch = (t: typeof pointEntries | typeof serviceHours) =>
    sql`((${postMembers.userId} is not null and ${t.userId} = ${postMembers.userId}) or (${postMembers.userId} is null and ${t.userId} is null and ${t.householdMemberId} = ${postMembers.householdMemberId}))`;
  const rows = await db
    .select({
      postId: postMembers.postId,
      memberId: postMembers.id,
      name: postMembers.name,
      standing: postMembers.standing,
      leader: postMembers.leader,
      showName: postMembers.showName,
      userId: postMembers.userId,
      points: sql<number>`(select coalesce(sum(${pointEntries.points}), 0)::int from ${pointEntries} where ${pointEntries.postId} = ${postMembers.postId} and ${pointEntries.year} = ${year} and ${pointEntries.points} > 0 and ${personMatch(pointEntries)})`,
      minutes: sql<number>`(select coalesce(sum(${serviceHours.minutes}), 0)::int from ${serviceHours} where ${serviceHours.postId} = ${postMembers.postId} and ${serviceHours.year} = ${year} and ${personMatch(serviceHours)})`,
    })
    .from(postMembers)
    .where(and(inArray(postMembers.postId, postIds), eq(postMembers.status, "active")));
  const byPost = new Map<string, PostBoardRow[]>();
  for (const postId of postIds) {
    const mine = rows
      .filter((r) => r.postId === postId)
      .sort((a, b) => b.points - a.points || b.minutes - a.minutes || a.name.localeCompare(b.name, "zh-CN"))
      .map((r) => ({
        memberId: r.memberId,
        name: r.name,
        standing: r.standing,
        leader: r.leader,
        showName: r.showName,
        userId: r.userId,
        points: r.points,
        minutes: r.minutes,
        hasAccount: !!r.userId,
      }));
    byPost.set(postId, ranked(mine));
  }
  return byPost;
}

export interface PostLeaderboard {
  year: number;
  rows: PostBoardRow[];
  totalPoints: number;
  totalMinutes: number;
}

/** Organisers: a post's members by this year's points there. */
export async function getPostLeaderboard(
  db: DbOrTx,
  actor: Actor | null,
  postId: string,
  year: number,
): Promise<Result<PostLeaderboard>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const rows = (await board(db, [postId], year)).get(postId) ?? [];
  return ok({
    year,
    rows,
    totalPoints: rows.reduce((n, r) => n + r.points, 0),
    totalMinutes: rows.reduce((n, r) => n + r.minutes, 0),
  });
}

export interface MyPostStanding {
  postId: string;
  postName: string;
  year: number;
  points: number;
  minutes: number;
  rank: number;
  members: number;
  /** The first few: a name where they agreed (or it is me), otherwise null ("a member"). */
  top: { rank: number; name: string | null; points: number; isMe: boolean }[];
}

/** A member: their place on the leaderboard of each post they serve in, this year. */
export async function getMyPostStandings(
  db: DbOrTx,
  actor: Actor,
  year: number,
  topCount = 5,
): Promise<MyPostStanding[]> {
  const places = await db
    .select({ memberId: postMembers.id, postId: posts.id, postName: posts.name })
    .from(postMembers)
    .innerJoin(posts, eq(posts.id, postMembers.postId))
    .where(and(eq(postMembers.userId, actor.id), eq(postMembers.status, "active")))
    .orderBy(posts.position);
  const boards = await board(
    db,
    places.map((p) => p.postId),
    year,
  );
  return places.map((p) => {
    const rows = boards.get(p.postId) ?? [];
    const me = rows.find((r) => r.memberId === p.memberId);
    return {
      postId: p.postId,
      postName: p.postName,
      year,
      points: me?.points ?? 0,
      minutes: me?.minutes ?? 0,
      rank: me?.rank ?? rows.length,
      members: rows.length,
      top: rows.slice(0, topCount).map((r) => ({
        rank: r.rank,
        name: r.showName || r.memberId === p.memberId ? r.name : null,
        points: r.points,
        isMe: r.memberId === p.memberId,
      })),
    };
  });
}
