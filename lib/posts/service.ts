import "server-only";
import { and, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import { householdMembers, patrolTeamMembers, patrolTeams, postGroups, postMembers, posts, users } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { isUniqueViolation } from "@/db/errors";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { utcToZonedLocal } from "@/lib/festivals/time";
import { TIME_ZONE } from "@/lib/i18n/config";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import type { Weekday } from "@/vocabulary/posts";
import { daysOfMonth, planRoster, type RosterGap } from "./roster";
import {
  addMemberSchema,
  createPostSchema,
  decideMembershipSchema,
  drawRosterSchema,
  postSettingsSchema,
  requestMembershipSchema,
  updateMemberSchema,
} from "./schemas";

// The red posts: organisers set posts up and take members on; residents ask to join; the patrol
// post's roster is drawn up a month at a time from what its members said they can do.

/** Today in community time, YYYY-MM-DD. */
export const communityToday = (now = new Date()) => utcToZonedLocal(now, TIME_ZONE).slice(0, 10);

const slugOf = (name: string) =>
  `post-${Buffer.from(name).toString("hex").slice(0, 12)}-${Math.random().toString(36).slice(2, 6)}`;

export async function createPost(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: string }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.create");
  const parsed = parseInput(createPostSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: sql<number>`coalesce(max(${posts.position}), 0)::int` }).from(posts);
    const [row] = await tx
      .insert(posts)
      .values({ name: v.name, kind: v.kind, description: v.description, slug: slugOf(v.name), position: Number(n) + 1 })
      .returning({ id: posts.id });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "posts.create",
      targetType: "post",
      targetId: row.id,
      details: v,
    });
    return ok({ id: row.id });
  });
}

export async function savePostSettings(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<Result<{ version: number }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.settings");
  const parsed = parseInput(postSettingsSchema, input);
  if (!parsed.ok) return parsed;
  const { postId, version, ...v } = parsed.data;
  return db.transaction(async (tx) => {
    const [p] = await tx.select().from(posts).where(eq(posts.id, postId)).for("update");
    if (!p) return fail("not_found");
    if (version !== undefined && version !== p.version) return fail("stale_version");
    const [row] = await tx
      .update(posts)
      .set({ ...v, version: p.version + 1, updatedAt: new Date() })
      .where(eq(posts.id, postId))
      .returning({ version: posts.version });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "posts.settings",
      targetType: "post",
      targetId: postId,
      details: v,
    });
    return ok({ version: row.version });
  });
}

/** The group, if given, belongs to the post. */
async function groupFits(tx: DbOrTx, postId: string, groupId: string | null) {
  if (!groupId) return true;
  const [g] = await tx
    .select({ id: postGroups.id })
    .from(postGroups)
    .where(and(eq(postGroups.id, groupId), eq(postGroups.postId, postId)));
  return !!g;
}

type NewMember = typeof postMembers.$inferInsert;

/**
 * Writes a new place in a post once the post and its group check out, with its audit entry: the
 * one way in for an organiser's addition and a resident's request. A second live place for the
 * same person (the database's unique index, also under a race) is `already_member`.
 */
async function insertMembership(
  db: Db,
  target: { postId: string; groupId: string | null },
  build: (tx: DbOrTx) => Promise<Result<NewMember>>,
  audit: { actorId: string; action: string; details: (row: NewMember) => Record<string, unknown> },
): Promise<Result<{ id: string }>> {
  try {
    return await db.transaction(async (tx) => {
      const [p] = await tx.select({ id: posts.id }).from(posts).where(eq(posts.id, target.postId));
      if (!p) return fail("not_found");
      if (!(await groupFits(tx, target.postId, target.groupId))) return fail("invalid", { groupId: ["invalid"] });
      const built = await build(tx);
      if (!built.ok) return built;
      const [row] = await tx.insert(postMembers).values(built.data).returning({ id: postMembers.id });
      await writeAudit(tx, {
        actorId: audit.actorId,
        action: audit.action,
        targetType: "post_member",
        targetId: row.id,
        details: audit.details(built.data),
      });
      return ok({ id: row.id });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return fail("already_member");
    throw e;
  }
}

/** An organiser takes someone on: a resident's account, or a member of a household on the roster. */
export async function addMember(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: string }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.add_member");
  const parsed = parseInput(addMemberSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  return insertMembership(
    db,
    v,
    async (tx) => {
      const [person] = v.userId
        ? await tx
            .select({ name: users.name })
            .from(users)
            .where(and(eq(users.id, v.userId), isNull(users.disabledAt)))
        : await tx
            .select({ name: householdMembers.name })
            .from(householdMembers)
            .where(and(eq(householdMembers.id, v.householdMemberId!), isNull(householdMembers.removedAt)));
      if (!person) return fail("invalid", { [v.userId ? "userId" : "householdMemberId"]: ["member_unknown"] });
      return ok({
        postId: v.postId,
        groupId: v.groupId,
        userId: v.userId ?? null,
        householdMemberId: v.householdMemberId ?? null,
        name: person.name,
        standing: v.standing,
        leader: v.leader,
        since: v.since,
        status: "active",
        showName: v.showName,
        availableDays: v.availableDays,
        availablePeriods: v.availablePeriods,
        note: v.note,
        decidedBy: actor!.id,
        decidedAt: new Date(),
      });
    },
    {
      actorId: actor!.id,
      action: "posts.add_member",
      details: (r) => ({ postId: v.postId, name: r.name, standing: v.standing, leader: v.leader }),
    },
  );
}

/** A verified resident asks to join; an organiser takes them on or not. */
export async function requestMembership(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: string }>> {
  if (!actor) return fail("unauthenticated");
  if (!actor.verified) return fail("not_verified");
  const parsed = parseInput(requestMembershipSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  return insertMembership(
    db,
    v,
    async () =>
      ok({
        postId: v.postId,
        groupId: v.groupId,
        userId: actor.id,
        name: actor.name,
        standing: v.standing,
        since: communityToday(),
        status: "requested",
        showName: v.showName,
        availableDays: v.availableDays,
        availablePeriods: v.availablePeriods,
        note: v.note,
      }),
    { actorId: actor.id, action: "posts.request", details: () => ({ postId: v.postId }) },
  );
}

export async function decideMembership(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.decide");
  const parsed = parseInput(decideMembershipSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(postMembers).where(eq(postMembers.id, v.memberId)).for("update");
    if (!m) return fail("not_found");
    if (m.status !== "requested") return fail("not_pending");
    if (v.version !== undefined && v.version !== m.version) return fail("stale_version");
    await tx
      .update(postMembers)
      .set({
        status: v.decision === "accept" ? "active" : "declined",
        ...(v.decision === "accept" ? { since: communityToday() } : {}),
        decidedBy: actor!.id,
        decidedAt: new Date(),
        version: m.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(postMembers.id, m.id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "posts.decide",
      targetType: "post_member",
      targetId: m.id,
      details: { decision: v.decision, postId: m.postId },
    });
    return ok(undefined);
  });
}

/**
 * An organiser changes a member: standing, leading, group, when they are free, being named; or
 * marks them as having left, which takes them off the patrols still to come.
 */
export async function updateMember(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ version: number }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.update_member");
  const parsed = parseInput(updateMemberSchema, input);
  if (!parsed.ok) return parsed;
  const { memberId, version, active, ...v } = parsed.data;
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(postMembers).where(eq(postMembers.id, memberId)).for("update");
    if (!m || (m.status !== "active" && m.status !== "left")) return fail("not_found");
    if (version !== undefined && version !== m.version) return fail("stale_version");
    if (!(await groupFits(tx, m.postId, v.groupId))) return fail("invalid", { groupId: ["invalid"] });
    const [row] = await tx
      .update(postMembers)
      .set({ ...v, status: active ? "active" : "left", version: m.version + 1, updatedAt: new Date() })
      .where(eq(postMembers.id, memberId))
      .returning({ version: postMembers.version });
    // Left, or no longer a leader: off the patrols not yet walked (their days become gaps to fill).
    const today = communityToday();
    const comingTeams = tx
      .select({ id: patrolTeams.id })
      .from(patrolTeams)
      .where(and(eq(patrolTeams.postId, m.postId), gte(patrolTeams.day, today), isNull(patrolTeams.startedAt)));
    // Left: off them all; no longer leading: off those they were to lead.
    if (!active || (m.leader && !v.leader))
      await tx
        .delete(patrolTeamMembers)
        .where(
          and(
            eq(patrolTeamMembers.memberId, memberId),
            inArray(patrolTeamMembers.teamId, comingTeams),
            ...(active ? [eq(patrolTeamMembers.leads, true)] : []),
          ),
        );
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "posts.update_member",
      targetType: "post_member",
      targetId: memberId,
      details: { ...v, active },
    });
    return ok({ version: row.version });
  });
}

/**
 * Draws up a month of the patrol post's roster. Days already walked, and today and before, are
 * kept as they are; every later day is drawn again from the active members' stated days, fair in
 * count with the days kept. Returns the gaps: the days the free members cannot fill.
 */
export async function drawRoster(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now = new Date(),
): Promise<Result<{ days: number; gaps: RosterGap[] }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.draw_roster");
  const parsed = parseInput(drawRosterSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  const today = communityToday(now);
  if (v.month < today.slice(0, 7)) return fail("invalid", { month: ["month_past"] });
  return db.transaction(async (tx) => {
    const [p] = await tx.select().from(posts).where(eq(posts.id, v.postId)).for("update");
    if (!p) return fail("not_found");
    if (p.kind !== "patrol") return fail("invalid", { postId: ["not_patrol"] });
    const month = daysOfMonth(v.month);
    const first = month[0].date;
    const last = month.at(-1)!.date;
    // What stays: walked days, and today and before.
    const kept = await tx
      .select({ id: patrolTeams.id, day: patrolTeams.day, startedAt: patrolTeams.startedAt })
      .from(patrolTeams)
      .where(and(eq(patrolTeams.postId, p.id), gte(patrolTeams.day, first), lte(patrolTeams.day, last)));
    const keep = kept.filter((k) => k.startedAt || k.day <= today);
    const redraw = kept.filter((k) => !keep.includes(k));
    if (redraw.length)
      await tx.delete(patrolTeams).where(
        inArray(
          patrolTeams.id,
          redraw.map((r) => r.id),
        ),
      );
    const keptDays = new Set(keep.map((k) => k.day));
    const already = new Map<string, number>();
    if (keep.length) {
      const rows = await tx
        .select({ memberId: patrolTeamMembers.memberId, n: sql<number>`count(*)::int` })
        .from(patrolTeamMembers)
        .where(
          inArray(
            patrolTeamMembers.teamId,
            keep.map((k) => k.id),
          ),
        )
        .groupBy(patrolTeamMembers.memberId);
      for (const r of rows) already.set(r.memberId, Number(r.n));
    }
    const members = await tx
      .select({
        id: postMembers.id,
        leader: postMembers.leader,
        standing: postMembers.standing,
        days: postMembers.availableDays,
        periods: postMembers.availablePeriods,
      })
      .from(postMembers)
      .where(and(eq(postMembers.postId, p.id), eq(postMembers.status, "active")));
    const days = month.filter((d) => d.date > today && !keptDays.has(d.date));
    const plan = planRoster({
      days,
      members: members
        .filter((m) => m.periods.includes(p.period))
        .map((m) => ({ id: m.id, leads: m.leader && m.standing === "party_member", days: m.days as Weekday[] })),
      teamSize: p.teamSize,
      already,
      seed: v.seed ?? Math.floor(Math.random() * 2_147_483_647),
    });
    for (const team of plan.teams) {
      const [row] = await tx
        .insert(patrolTeams)
        .values({ postId: p.id, day: team.date })
        .returning({ id: patrolTeams.id });
      const people = [
        ...(team.leaderId ? [{ memberId: team.leaderId, leads: true }] : []),
        ...team.memberIds.map((memberId) => ({ memberId, leads: false })),
      ];
      if (people.length)
        await tx.insert(patrolTeamMembers).values(people.map((x) => ({ teamId: row.id, day: team.date, ...x })));
    }
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "posts.draw_roster",
      targetType: "post",
      targetId: p.id,
      details: { month: v.month, days: plan.teams.length, kept: keep.length, gaps: plan.gaps.length },
    });
    return ok({ days: plan.teams.length, gaps: plan.gaps });
  });
}
