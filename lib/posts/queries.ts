import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { householdMembers, households, postGroups, postMembers, posts, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { text } from "@/lib/form-fields";
import { isUuid } from "@/lib/ids";
import { containsPattern } from "@/lib/like-pattern";
import { pageWindow, type Page } from "@/lib/pagination";
import { fail, ok, type Result } from "@/lib/result";
import { maskPhone } from "@/lib/validation";
import {
  LIVE_MEMBER_STATUSES,
  MEMBER_STANDINGS,
  MEMBER_STATUSES,
  type MemberStanding,
  type MemberStatus,
  type Period,
  type PostKind,
  type Weekday,
} from "@/vocabulary/posts";

// What organisers read about the red posts: the posts with their counts, one post's groups,
// members and waiting requests, and the people who could be taken on. Each read takes the actor
// and answers anyone but an organiser `forbidden`, with no rows. Phones leave here masked only.

export const POST_MEMBERS_PAGE_SIZE = 25;

/** The members list's filters, read from the address (a bad value is no filter; the list opens on those serving). */
export const memberFilterSchema = z.object({
  status: z.enum([...MEMBER_STATUSES, "all"]).catch("active"),
  standing: z.enum(MEMBER_STANDINGS).optional().catch(undefined),
  group: z.uuid().optional().catch(undefined),
  q: text().min(1).max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type MemberFilters = z.output<typeof memberFilterSchema>;

export interface PostSummary {
  id: string;
  slug: string;
  kind: PostKind;
  name: string;
  description: string;
  groups: number;
  active: number;
  partyMembers: number;
  leaders: number;
  requested: number;
}

const counted = (cond: SQL) => sql<number>`(count(${postMembers.id}) filter (where ${cond}))::int`;
const isActive = sql`${postMembers.status} = 'active'`;

/** Every post in its order, with how many serve, how many are party members and leaders, and the requests waiting. */
export async function listPostsForAdmin(db: DbOrTx, actor: Actor | null): Promise<Result<PostSummary[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const rows = await db
    .select({
      id: posts.id,
      slug: posts.slug,
      kind: posts.kind,
      name: posts.name,
      description: posts.description,
      groups: sql<number>`(select count(*)::int from ${postGroups} where ${postGroups.postId} = ${posts.id})`,
      active: counted(isActive),
      partyMembers: counted(sql`${isActive} and ${postMembers.standing} = 'party_member'`),
      leaders: counted(sql`${isActive} and ${postMembers.leader}`),
      requested: counted(sql`${postMembers.status} = 'requested'`),
    })
    .from(posts)
    .leftJoin(postMembers, eq(postMembers.postId, posts.id))
    .groupBy(posts.id)
    .orderBy(asc(posts.position), asc(posts.createdAt));
  return ok(rows);
}

export interface PostGroupRow {
  id: string;
  name: string;
  description: string;
  active: number;
}

export interface PostRequest {
  id: string;
  name: string;
  phoneMasked: string | null;
  standing: MemberStanding;
  groupName: string | null;
  availableDays: Weekday[];
  availablePeriods: Period[];
  showName: boolean;
  note: string;
  askedAt: Date;
  version: number;
}

export interface PostDetail {
  id: string;
  slug: string;
  kind: PostKind;
  name: string;
  description: string;
  teamSize: number;
  period: Period;
  startsAt: string;
  endsAt: string;
  maxMinutes: number;
  swapsNeedApproval: boolean;
  version: number;
  groups: PostGroupRow[];
  /** How many members each status tab holds. */
  counts: Record<MemberStatus | "all", number>;
  /** Residents' requests to join, oldest first. */
  requests: PostRequest[];
}

/** One post with its settings, its groups, its members' counts by status and its waiting requests; null when there is none. */
export async function getPostForAdmin(
  db: DbOrTx,
  actor: Actor | null,
  postId: string,
): Promise<Result<PostDetail | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!isUuid(postId)) return ok(null);
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
      maxMinutes: posts.maxMinutes,
      swapsNeedApproval: posts.swapsNeedApproval,
      version: posts.version,
    })
    .from(posts)
    .where(eq(posts.id, postId));
  if (!p) return ok(null);
  const [groups, byStatus, requests] = await Promise.all([
    db
      .select({
        id: postGroups.id,
        name: postGroups.name,
        description: postGroups.description,
        active: counted(isActive),
      })
      .from(postGroups)
      .leftJoin(postMembers, eq(postMembers.groupId, postGroups.id))
      .where(eq(postGroups.postId, p.id))
      .groupBy(postGroups.id)
      .orderBy(asc(postGroups.position), asc(postGroups.name)),
    db
      .select({ status: postMembers.status, n: count() })
      .from(postMembers)
      .where(eq(postMembers.postId, p.id))
      .groupBy(postMembers.status),
    db
      .select({
        id: postMembers.id,
        name: postMembers.name,
        phone: users.phone,
        standing: postMembers.standing,
        groupName: postGroups.name,
        availableDays: postMembers.availableDays,
        availablePeriods: postMembers.availablePeriods,
        showName: postMembers.showName,
        note: postMembers.note,
        askedAt: postMembers.createdAt,
        version: postMembers.version,
      })
      .from(postMembers)
      .leftJoin(users, eq(users.id, postMembers.userId))
      .leftJoin(postGroups, eq(postGroups.id, postMembers.groupId))
      .where(and(eq(postMembers.postId, p.id), eq(postMembers.status, "requested")))
      .orderBy(asc(postMembers.createdAt), asc(postMembers.id))
      .limit(100),
  ]);
  const counts = { all: 0, requested: 0, active: 0, declined: 0, left: 0 } as PostDetail["counts"];
  for (const r of byStatus) {
    counts[r.status] = r.n;
    counts.all += r.n;
  }
  return ok({
    ...p,
    startsAt: p.startsAt.slice(0, 5),
    endsAt: p.endsAt.slice(0, 5),
    groups,
    counts,
    requests: requests.map(({ phone, availableDays, availablePeriods, ...r }) => ({
      ...r,
      phoneMasked: phone ? maskPhone(phone) : null,
      availableDays: availableDays as Weekday[],
      availablePeriods: availablePeriods as Period[],
    })),
  });
}

export interface PostMemberRow {
  id: string;
  name: string;
  /** An account's number, masked; none for a household member without an account. */
  phoneMasked: string | null;
  standing: MemberStanding;
  leader: boolean;
  groupId: string | null;
  groupName: string | null;
  since: string;
  availableDays: Weekday[];
  availablePeriods: Period[];
  showName: boolean;
  status: MemberStatus;
  note: string;
  version: number;
}

const memberColumns = {
  id: postMembers.id,
  name: postMembers.name,
  phone: users.phone,
  standing: postMembers.standing,
  leader: postMembers.leader,
  groupId: postMembers.groupId,
  groupName: postGroups.name,
  since: postMembers.since,
  availableDays: postMembers.availableDays,
  availablePeriods: postMembers.availablePeriods,
  showName: postMembers.showName,
  status: postMembers.status,
  note: postMembers.note,
  version: postMembers.version,
};

const toMemberRow = ({ phone, availableDays, availablePeriods, ...r }: MemberSelect): PostMemberRow => ({
  ...r,
  phoneMasked: phone ? maskPhone(phone) : null,
  availableDays: availableDays as Weekday[],
  availablePeriods: availablePeriods as Period[],
});
type MemberSelect = Omit<PostMemberRow, "phoneMasked" | "availableDays" | "availablePeriods"> & {
  phone: string | null;
  availableDays: number[];
  availablePeriods: string[];
};

/** One page of a post's members under the filters: leaders first, then party members, then by name. */
export async function listPostMembers(
  db: DbOrTx,
  actor: Actor | null,
  postId: string,
  f: MemberFilters,
  pageSize = POST_MEMBERS_PAGE_SIZE,
): Promise<Result<Page<PostMemberRow>>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!isUuid(postId)) return ok({ rows: [], total: 0, page: 1, pageCount: 1 });
  const where = and(
    eq(postMembers.postId, postId),
    f.status === "all" ? undefined : eq(postMembers.status, f.status),
    f.standing ? eq(postMembers.standing, f.standing) : undefined,
    f.group ? eq(postMembers.groupId, f.group) : undefined,
    f.q ? ilike(postMembers.name, containsPattern(f.q)) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(postMembers).where(where);
  const { page, pageCount, limit, offset } = pageWindow(total, f.page, pageSize);
  const rows = await db
    .select(memberColumns)
    .from(postMembers)
    .leftJoin(users, eq(users.id, postMembers.userId))
    .leftJoin(postGroups, eq(postGroups.id, postMembers.groupId))
    .where(where)
    .orderBy(desc(postMembers.leader), asc(postMembers.standing), asc(postMembers.name), asc(postMembers.id))
    .limit(limit)
    .offset(offset);
  return ok({ rows: rows.map(toMemberRow), total, page, pageCount });
}

export interface PostMemberDetail extends PostMemberRow {
  postId: string;
  postName: string;
  postKind: PostKind;
  /** A household member without an account, rather than a resident's account. */
  householdMember: boolean;
  address: string | null;
}

/** One member of a post, for the organiser's edit page; null when there is none. */
export async function getPostMember(
  db: DbOrTx,
  actor: Actor | null,
  memberId: string,
): Promise<Result<PostMemberDetail | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!isUuid(memberId)) return ok(null);
  const [m] = await db
    .select({
      ...memberColumns,
      postId: posts.id,
      postName: posts.name,
      postKind: posts.kind,
      householdMemberId: postMembers.householdMemberId,
      building: households.building,
      unit: households.unit,
      room: households.room,
    })
    .from(postMembers)
    .innerJoin(posts, eq(posts.id, postMembers.postId))
    .leftJoin(users, eq(users.id, postMembers.userId))
    .leftJoin(postGroups, eq(postGroups.id, postMembers.groupId))
    .leftJoin(householdMembers, eq(householdMembers.id, postMembers.householdMemberId))
    .leftJoin(households, sql`${households.id} = coalesce(${users.householdId}, ${householdMembers.householdId})`)
    .where(eq(postMembers.id, memberId));
  if (!m) return ok(null);
  const { postId, postName, postKind, householdMemberId, building, unit, room, ...row } = m;
  return ok({
    ...toMemberRow(row),
    postId,
    postName,
    postKind,
    householdMember: !!householdMemberId,
    address: building ? [building, unit, room].join(" ") : null,
  });
}

export interface MemberCandidate {
  kind: "account" | "household";
  id: string;
  name: string;
  phoneMasked: string | null;
  /** Accounts: verified with a household. Household members are on the roster itself. */
  verified: boolean;
  birthYear: number | null;
  address: string | null;
  /** Already serving in this post, or asking to. */
  inPost: boolean;
}

const CANDIDATES = 20;
const addressOf = (h: Place) => (h.building ? [h.building, h.unit, h.room].join(" ") : null);

const live = inArray(postMembers.status, [...LIVE_MEMBER_STATUSES]);

const accountColumns = (postId: string) => ({
  id: users.id,
  name: users.name,
  phone: users.phone,
  verified: sql<boolean>`${users.verifiedAt} is not null`,
  building: households.building,
  unit: households.unit,
  room: households.room,
  inPost: sql<boolean>`exists (select 1 from ${postMembers} where ${postMembers.postId} = ${postId} and ${postMembers.userId} = ${users.id} and ${live})`,
});
const rosterColumns = (postId: string) => ({
  id: householdMembers.id,
  name: householdMembers.name,
  birthYear: householdMembers.birthYear,
  building: households.building,
  unit: households.unit,
  room: households.room,
  inPost: sql<boolean>`exists (select 1 from ${postMembers} where ${postMembers.postId} = ${postId} and ${postMembers.householdMemberId} = ${householdMembers.id} and ${live})`,
});

type Place = { building: string | null; unit: string | null; room: string | null };
type AccountSelect = Place & { id: string; name: string; phone: string; verified: boolean; inPost: boolean };
type RosterSelect = Place & { id: string; name: string; birthYear: number; inPost: boolean };

const accountCandidate = ({ phone, building, unit, room, ...r }: AccountSelect): MemberCandidate => ({
  ...r,
  kind: "account",
  phoneMasked: maskPhone(phone),
  birthYear: null,
  address: addressOf({ building, unit, room }),
});
const rosterCandidate = ({ building, unit, room, ...r }: RosterSelect): MemberCandidate => ({
  ...r,
  kind: "household",
  phoneMasked: null,
  verified: true,
  address: addressOf({ building, unit, room }),
});

/**
 * People an organiser may take on: residents' accounts found by name or by their number (whole,
 * or its last four digits or more), and members of households on the roster without an account,
 * found by name. Disabled accounts and members taken off a roster are left out.
 */
export async function findMemberCandidates(
  db: DbOrTx,
  actor: Actor | null,
  postId: string,
  query: string,
): Promise<Result<MemberCandidate[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const q = query.trim().slice(0, 40);
  if (!q || !isUuid(postId)) return ok([]);
  const digits = /^[\d\s-]{4,}$/.test(q) ? q.replace(/[\s-]/g, "") : null;
  const like = containsPattern(q);
  const people = await db
    .select(accountColumns(postId))
    .from(users)
    .leftJoin(households, eq(households.id, users.householdId))
    .where(
      and(
        isNull(users.disabledAt),
        digits
          ? digits.length === 11
            ? eq(users.phone, digits)
            : sql`${users.phone} like ${`%${digits}`}`
          : ilike(users.name, like),
      ),
    )
    .orderBy(asc(users.name), asc(users.phone))
    .limit(CANDIDATES);
  const members = digits
    ? []
    : await db
        .select(rosterColumns(postId))
        .from(householdMembers)
        .innerJoin(households, eq(households.id, householdMembers.householdId))
        .where(and(isNull(householdMembers.removedAt), ilike(householdMembers.name, like)))
        .orderBy(asc(householdMembers.name))
        .limit(CANDIDATES);
  return ok([...people.map(accountCandidate), ...members.map(rosterCandidate)]);
}

/** The person chosen to be taken on (an account or a household member), as the form shows them; null when unknown. */
export async function getMemberCandidate(
  db: DbOrTx,
  actor: Actor | null,
  postId: string,
  who: { userId?: string; householdMemberId?: string },
): Promise<Result<MemberCandidate | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!isUuid(postId)) return ok(null);
  if (who.userId && isUuid(who.userId)) {
    const [p] = await db
      .select(accountColumns(postId))
      .from(users)
      .leftJoin(households, eq(households.id, users.householdId))
      .where(and(eq(users.id, who.userId), isNull(users.disabledAt)));
    return ok(p ? accountCandidate(p) : null);
  }
  if (who.householdMemberId && isUuid(who.householdMemberId)) {
    const [m] = await db
      .select(rosterColumns(postId))
      .from(householdMembers)
      .innerJoin(households, eq(households.id, householdMembers.householdId))
      .where(and(eq(householdMembers.id, who.householdMemberId), isNull(householdMembers.removedAt)));
    return ok(m ? rosterCandidate(m) : null);
  }
  return ok(null);
}

/** The candidates' search box on the add-member page, and who was chosen from it. */
export const candidateSearchSchema = z.object({
  q: text().max(40).optional().catch(undefined),
  userId: z.uuid().optional().catch(undefined),
  householdMemberId: z.uuid().optional().catch(undefined),
});
