import "server-only";
import { and, asc, count, countDistinct, desc, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { groupSlots, patrolTeams, postGroups, postMembers, posts, serviceHours } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import type { Actor } from "@/lib/actor";
import { zonedToUtc } from "@/lib/festivals/time";
import { TIME_ZONE } from "@/lib/i18n/config";
import { isUuid } from "@/lib/ids";
import { LIVE_MEMBER_STATUSES, type Period, type PostKind } from "@/vocabulary/posts";
import { communityToday } from "./service";

// What anyone may read about the red posts: what each does, its groups, how many serve, the
// names of those who agreed to be named (their names only: no phone, no address, no standing),
// and the year's figures. Plus, for the join form, the signed-in resident's own place.

export interface PublicGroup {
  id: string;
  name: string;
  description: string;
  members: number;
  named: string[];
  /** Its weekly timetable: "come and join". */
  slots: { weekday: number; startsAt: string; endsAt: string; place: string }[];
}

export interface PublicPost {
  id: string;
  slug: string;
  kind: PostKind;
  name: string;
  description: string;
  /** The patrol's daily walk: its team beside the leader, and its hours in community time. */
  patrol: { teamSize: number; period: Period; startsAt: string; endsAt: string } | null;
  members: number;
  groups: PublicGroup[];
  /** Named members not in any group (for a post with groups, those who have none yet). */
  named: string[];
}

export interface PublicPosts {
  year: number;
  posts: PublicPost[];
  figures: {
    /** Patrols ended this community year. */
    patrolsWalked: number;
    /** Minutes of service hours earned in the posts this year. */
    hoursServed: number;
    /** People serving in a post now (someone in two posts counts once). */
    members: number;
    /** Of them, those who joined this year. */
    joinedThisYear: number;
  };
}

/** The instant a community year starts (midnight of 1 January in community time). */
const yearStart = (year: number) => zonedToUtc(`${year}-01-01T00:00`, TIME_ZONE);

/** The red posts page: every post with its groups and named members, and this year's figures. */
export async function getPublicPosts(db: DbOrTx, now = new Date()): Promise<PublicPosts> {
  const year = Number(communityToday(now).slice(0, 4));
  const active = eq(postMembers.status, "active");
  const [postRows, groupRows, named, counts, [walked], [people], [served]] = await Promise.all([
    db
      .select({
        id: posts.id,
        slug: posts.slug,
        kind: posts.kind,
        name: posts.name,
        description: posts.description,
        teamSize: posts.teamSize,
        period: posts.period,
        startsAt: posts.startsAt,
        endsAt: posts.endsAt,
      })
      .from(posts)
      .orderBy(asc(posts.position), asc(posts.createdAt)),
    db
      .select({
        id: postGroups.id,
        postId: postGroups.postId,
        name: postGroups.name,
        description: postGroups.description,
      })
      .from(postGroups)
      .orderBy(asc(postGroups.position), asc(postGroups.name)),
    // Names only, and only of those who said yes; leaders first, then the longest serving.
    db
      .select({ postId: postMembers.postId, groupId: postMembers.groupId, name: postMembers.name })
      .from(postMembers)
      .where(and(active, eq(postMembers.showName, true)))
      .orderBy(desc(postMembers.leader), asc(postMembers.since), asc(postMembers.name)),
    db
      .select({ postId: postMembers.postId, groupId: postMembers.groupId, n: count() })
      .from(postMembers)
      .where(active)
      .groupBy(postMembers.postId, postMembers.groupId),
    db
      .select({ n: count() })
      .from(patrolTeams)
      .where(
        and(
          isNotNull(patrolTeams.endedAt),
          gte(patrolTeams.endedAt, yearStart(year)),
          lt(patrolTeams.endedAt, yearStart(year + 1)),
        ),
      ),
    db
      .select({
        members: countDistinct(sql`coalesce(${postMembers.userId}::text, ${postMembers.householdMemberId}::text)`),
        joined: countDistinct(
          sql`case when ${postMembers.since} >= ${`${year}-01-01`}::date then coalesce(${postMembers.userId}::text, ${postMembers.householdMemberId}::text) end`,
        ),
      })
      .from(postMembers)
      .where(active),
    db
      .select({ minutes: sql<number>`coalesce(sum(${serviceHours.minutes}), 0)::int` })
      .from(serviceHours)
      .where(and(eq(serviceHours.year, year), isNotNull(serviceHours.postId))),
  ]);
  const countOf = (postId: string, groupId?: string) =>
    counts
      .filter((c) => c.postId === postId && (groupId === undefined || c.groupId === groupId))
      .reduce((n, c) => n + c.n, 0);
  const groupIds = new Set(groupRows.map((g) => g.id));
  const slots = groupIds.size
    ? await db
        .select()
        .from(groupSlots)
        .where(inArray(groupSlots.groupId, [...groupIds]))
        .orderBy(asc(groupSlots.weekday), asc(groupSlots.startsAt))
    : [];
  return {
    year,
    posts: postRows.map((p) => ({
      id: p.id,
      slug: p.slug,
      kind: p.kind,
      name: p.name,
      description: p.description,
      patrol:
        p.kind === "patrol"
          ? { teamSize: p.teamSize, period: p.period, startsAt: p.startsAt.slice(0, 5), endsAt: p.endsAt.slice(0, 5) }
          : null,
      members: countOf(p.id),
      groups: groupRows
        .filter((g) => g.postId === p.id)
        .map((g) => ({
          id: g.id,
          name: g.name,
          description: g.description,
          members: countOf(p.id, g.id),
          named: named.filter((m) => m.groupId === g.id).map((m) => m.name),
          slots: slots
            .filter((x) => x.groupId === g.id)
            .map((x) => ({
              weekday: x.weekday,
              startsAt: x.startsAt.slice(0, 5),
              endsAt: x.endsAt.slice(0, 5),
              place: x.place,
            })),
        })),
      named: named.filter((m) => m.postId === p.id && !(m.groupId && groupIds.has(m.groupId))).map((m) => m.name),
    })),
    figures: {
      patrolsWalked: walked?.n ?? 0,
      hoursServed: Number(served?.minutes ?? 0),
      members: people?.members ?? 0,
      joinedThisYear: people?.joined ?? 0,
    },
  };
}

export interface JoinPost {
  id: string;
  slug: string;
  kind: PostKind;
  name: string;
  description: string;
  patrol: PublicPost["patrol"];
  groups: { id: string; name: string; description: string }[];
}

/** A post as its join form needs it, by its address; null when there is none. */
export async function getJoinPost(db: DbOrTx, slug: string): Promise<JoinPost | null> {
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) return null;
  const [p] = await db
    .select({
      id: posts.id,
      slug: posts.slug,
      kind: posts.kind,
      name: posts.name,
      description: posts.description,
      teamSize: posts.teamSize,
      period: posts.period,
      startsAt: posts.startsAt,
      endsAt: posts.endsAt,
    })
    .from(posts)
    .where(eq(posts.slug, slug));
  if (!p) return null;
  const groups = await db
    .select({ id: postGroups.id, name: postGroups.name, description: postGroups.description })
    .from(postGroups)
    .where(eq(postGroups.postId, p.id))
    .orderBy(asc(postGroups.position), asc(postGroups.name));
  const { teamSize, period, startsAt, endsAt, ...rest } = p;
  return {
    ...rest,
    patrol:
      p.kind === "patrol" ? { teamSize, period, startsAt: startsAt.slice(0, 5), endsAt: endsAt.slice(0, 5) } : null,
    groups,
  };
}

/** The signed-in resident's own live place in a post (serving, or asked and waiting); null when none. */
export async function getMyPlace(
  db: DbOrTx,
  actor: Actor | null,
  postId: string,
): Promise<{ status: "requested" | "active"; groupName: string | null } | null> {
  if (!actor || !isUuid(postId)) return null;
  const [row] = await db
    .select({ status: postMembers.status, groupName: postGroups.name })
    .from(postMembers)
    .leftJoin(postGroups, eq(postGroups.id, postMembers.groupId))
    .where(
      and(
        eq(postMembers.postId, postId),
        eq(postMembers.userId, actor.id),
        inArray(postMembers.status, [...LIVE_MEMBER_STATUSES]),
      ),
    );
  return row ? { status: row.status as "requested" | "active", groupName: row.groupName } : null;
}
