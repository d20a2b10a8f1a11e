import "server-only";
import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { patrolNotes, patrolSwaps, patrolTeamMembers, patrolTeams, postMembers, posts } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { isUniqueViolation } from "@/db/errors";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { addDays, utcToZonedLocal, zonedToUtc } from "@/lib/festivals/time";
import { TIME_ZONE } from "@/lib/i18n/config";
import { recordHours } from "@/lib/hours/record";
import { cancelJob, scheduleJob } from "@/lib/jobs/queue";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { OPEN_SWAP_STATUSES, type SwapStatus } from "@/vocabulary/posts";
import {
  addNoteSchema,
  answerSwapSchema,
  askSwapSchema,
  decideSwapSchema,
  endPatrolSchema,
  noteHandledSchema,
  passNoteSchema,
  setPlaceSchema,
  startPatrolSchema,
  withdrawSwapSchema,
} from "./schemas";
import { communityToday } from "./service";

// The patrol day by day: an organiser fills a gap, members swap days, the day's leader starts
// and ends the patrol on a phone and writes down what was seen, and a patrol nobody ended is
// closed at midnight. Every change to a roster's places holds the post's row lock, so two swaps,
// a swap and a redraw, or a swap and a gap filled never interleave.

type Team = typeof patrolTeams.$inferSelect;
type Member = typeof postMembers.$inferSelect;

const closeKey = (teamId: string) => `patrol-close:${teamId}`;
const at = (day: string, hhmm: string) => zonedToUtc(`${day}T${hhmm.slice(0, 5)}`, TIME_ZONE);
const minutesBetween = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / 60_000);

/** Locks the post, then reads the team; the team's post row is the roster's lock. */
async function lockTeam(tx: DbOrTx, teamId: string) {
  const [head] = await tx.select({ postId: patrolTeams.postId }).from(patrolTeams).where(eq(patrolTeams.id, teamId));
  if (!head) return null;
  const [post] = await tx.select().from(posts).where(eq(posts.id, head.postId)).for("update");
  const [team] = await tx.select().from(patrolTeams).where(eq(patrolTeams.id, teamId));
  return team && post ? { post, team } : null;
}

async function placeOf(tx: DbOrTx, teamId: string, memberId: string) {
  const [row] = await tx
    .select()
    .from(patrolTeamMembers)
    .where(and(eq(patrolTeamMembers.teamId, teamId), eq(patrolTeamMembers.memberId, memberId)));
  return row ?? null;
}

/** The member's place on any team of the post that day, if any. */
async function busyOn(tx: DbOrTx, memberId: string, day: string) {
  const [row] = await tx
    .select({ teamId: patrolTeamMembers.teamId })
    .from(patrolTeamMembers)
    .where(and(eq(patrolTeamMembers.memberId, memberId), eq(patrolTeamMembers.day, day)));
  return !!row;
}

const canLead = (m: Pick<Member, "leader" | "standing" | "status">) =>
  m.status === "active" && m.leader && m.standing === "party_member";

/** A team whose places may still change: not walked, and not a day gone by. */
const open = (team: Team, today: string) => !team.startedAt && team.day >= today;

/** Open swaps that would move a place that just moved: they can no longer be made. */
async function voidSwapsOf(tx: DbOrTx, places: { teamId: string; memberId: string }[], except?: string) {
  const touches = places.flatMap((p) => [
    and(eq(patrolSwaps.fromTeamId, p.teamId), eq(patrolSwaps.fromMemberId, p.memberId)),
    and(eq(patrolSwaps.toTeamId, p.teamId), eq(patrolSwaps.toMemberId, p.memberId)),
  ]);
  await tx
    .update(patrolSwaps)
    .set({ status: "void", decidedAt: new Date() })
    .where(
      and(
        inArray(patrolSwaps.status, OPEN_SWAP_STATUSES),
        or(...touches),
        ...(except ? [ne(patrolSwaps.id, except)] : []),
      ),
    );
}

/** An organiser puts a member on a day (a gap filled) or takes them off it. */
export async function setPlace(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now = new Date(),
): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.set_place");
  const parsed = parseInput(setPlaceSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  try {
    return await db.transaction(async (tx) => {
      const locked = await lockTeam(tx, v.teamId);
      if (!locked) return fail("not_found");
      const { team } = locked;
      if (team.startedAt) return fail("patrol_started");
      if (team.day < communityToday(now)) return fail("patrol_not_today");
      const [m] = await tx
        .select()
        .from(postMembers)
        .where(and(eq(postMembers.id, v.memberId), eq(postMembers.postId, team.postId)));
      if (!m) return fail("not_found");
      if (v.place === "remove") {
        const [gone] = await tx
          .delete(patrolTeamMembers)
          .where(and(eq(patrolTeamMembers.teamId, team.id), eq(patrolTeamMembers.memberId, m.id)))
          .returning();
        if (!gone) return fail("invalid", { memberId: ["not_on_team"] });
        await voidSwapsOf(tx, [{ teamId: team.id, memberId: m.id }]);
      } else {
        if (m.status !== "active") return fail("invalid", { memberId: ["member_unknown"] });
        if (v.leads && !canLead(m)) return fail("invalid", { leads: ["leader_not_party"] });
        if (await busyOn(tx, m.id, team.day)) return fail("invalid", { memberId: ["busy_that_day"] });
        if (v.leads) {
          const [leader] = await tx
            .select({ memberId: patrolTeamMembers.memberId })
            .from(patrolTeamMembers)
            .where(and(eq(patrolTeamMembers.teamId, team.id), eq(patrolTeamMembers.leads, true)));
          if (leader) return fail("invalid", { leads: ["team_has_leader"] });
        }
        await tx.insert(patrolTeamMembers).values({ teamId: team.id, memberId: m.id, day: team.day, leads: v.leads });
      }
      await writeAudit(tx, {
        actorId: actor!.id,
        action: "posts.set_place",
        targetType: "patrol_team",
        targetId: team.id,
        details: { day: team.day, member: m.name, place: v.place, leads: v.leads },
      });
      return ok(undefined);
    });
  } catch (e) {
    // Only a place taken in the same instant by another hand gets here (the lock covers the rest).
    if (isUniqueViolation(e)) return fail("invalid", { memberId: ["busy_that_day"] });
    throw e;
  }
}

/** The actor's active place in a post, by their account. */
async function memberOfActor(tx: DbOrTx, postId: string, actor: Actor) {
  const [m] = await tx
    .select()
    .from(postMembers)
    .where(and(eq(postMembers.postId, postId), eq(postMembers.userId, actor.id), eq(postMembers.status, "active")));
  return m ?? null;
}

/**
 * A member asks another to take their day: in exchange for one of the other's days, or as a
 * cover. Whoever takes a leader's place must be able to lead.
 */
export async function askSwap(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now = new Date(),
): Promise<Result<{ id: string }>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(askSwapSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  return db.transaction(async (tx) => {
    const locked = await lockTeam(tx, v.teamId);
    if (!locked) return fail("not_found");
    const { post, team } = locked;
    const today = communityToday(now);
    const me = await memberOfActor(tx, post.id, actor);
    const mine = me && (await placeOf(tx, team.id, me.id));
    if (!me || !mine) return refuse(tx, actor.id, "posts.ask_swap");
    if (!open(team, today)) return fail("patrol_started");
    const [other] = await tx
      .select()
      .from(postMembers)
      .where(and(eq(postMembers.id, v.toMemberId), eq(postMembers.postId, post.id), eq(postMembers.status, "active")));
    if (!other || other.id === me.id) return fail("invalid", { toMemberId: ["member_unknown"] });
    if (!other.userId) return fail("invalid", { toMemberId: ["swap_no_account"] });
    if (mine.leads && !canLead(other)) return fail("invalid", { toMemberId: ["swap_needs_leader"] });
    if (await busyOn(tx, other.id, team.day)) return fail("invalid", { toMemberId: ["busy_that_day"] });
    if (v.toTeamId) {
      const [theirTeam] = await tx
        .select()
        .from(patrolTeams)
        .where(and(eq(patrolTeams.id, v.toTeamId), eq(patrolTeams.postId, post.id)));
      const theirs = theirTeam && (await placeOf(tx, theirTeam.id, other.id));
      if (!theirTeam || !theirs) return fail("invalid", { toTeamId: ["not_on_team"] });
      if (!open(theirTeam, today)) return fail("invalid", { toTeamId: ["patrol_started"] });
      if (theirs.leads && !canLead(me)) return fail("invalid", { toTeamId: ["swap_needs_leader"] });
      if (await busyOn(tx, me.id, theirTeam.day)) return fail("invalid", { toTeamId: ["busy_that_day"] });
    }
    const [row] = await tx
      .insert(patrolSwaps)
      .values({
        postId: post.id,
        fromMemberId: me.id,
        fromTeamId: team.id,
        toMemberId: other.id,
        toTeamId: v.toTeamId,
        note: v.note,
        askedBy: actor.id,
      })
      .returning({ id: patrolSwaps.id });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "posts.ask_swap",
      targetType: "patrol_swap",
      targetId: row.id,
      details: { day: team.day, to: other.name, exchange: !!v.toTeamId },
    });
    return ok({ id: row.id });
  });
}

/**
 * Moves the swap's places (the caller holds the post's lock, from `lockSwap`) if they are still as they were when it was
 * asked; otherwise the swap is void. Other open swaps of the places that moved become void too.
 */
async function applySwap(tx: DbOrTx, swap: typeof patrolSwaps.$inferSelect, today: string): Promise<SwapStatus> {
  const [fromTeam] = await tx.select().from(patrolTeams).where(eq(patrolTeams.id, swap.fromTeamId));
  const [toTeam] = swap.toTeamId
    ? await tx.select().from(patrolTeams).where(eq(patrolTeams.id, swap.toTeamId))
    : [null];
  const people = await tx
    .select()
    .from(postMembers)
    .where(inArray(postMembers.id, [swap.fromMemberId, swap.toMemberId]));
  const from = people.find((p) => p.id === swap.fromMemberId);
  const to = people.find((p) => p.id === swap.toMemberId);
  const given = fromTeam && (await placeOf(tx, fromTeam.id, swap.fromMemberId));
  const taken = toTeam && (await placeOf(tx, toTeam.id, swap.toMemberId));
  const stillTrue =
    !!from &&
    !!to &&
    from.status === "active" &&
    to.status === "active" &&
    !!given &&
    open(fromTeam, today) &&
    (!given.leads || canLead(to)) &&
    !(await busyOn(tx, to.id, fromTeam.day)) &&
    (!swap.toTeamId ||
      (!!toTeam &&
        !!taken &&
        open(toTeam, today) &&
        (!taken.leads || canLead(from)) &&
        !(await busyOn(tx, from.id, toTeam.day))));
  if (!stillTrue) return "void";
  await tx
    .delete(patrolTeamMembers)
    .where(and(eq(patrolTeamMembers.teamId, fromTeam.id), eq(patrolTeamMembers.memberId, from.id)));
  await tx
    .insert(patrolTeamMembers)
    .values({ teamId: fromTeam.id, memberId: to.id, day: fromTeam.day, leads: given.leads });
  const moved = [{ teamId: fromTeam.id, memberId: from.id }];
  if (toTeam && taken) {
    await tx
      .delete(patrolTeamMembers)
      .where(and(eq(patrolTeamMembers.teamId, toTeam.id), eq(patrolTeamMembers.memberId, to.id)));
    await tx
      .insert(patrolTeamMembers)
      .values({ teamId: toTeam.id, memberId: from.id, day: toTeam.day, leads: taken.leads });
    moved.push({ teamId: toTeam.id, memberId: to.id });
  }
  await voidSwapsOf(tx, moved, swap.id);
  return "done";
}

/**
 * Locks the swap's post and then the swap, in that order everywhere: a swap carried out voids the
 * others of its places, so taking a swap's row before the post's would deadlock against it.
 */
async function lockSwap(tx: DbOrTx, swapId: string) {
  const [head] = await tx.select({ postId: patrolSwaps.postId }).from(patrolSwaps).where(eq(patrolSwaps.id, swapId));
  if (!head) return null;
  await tx.select({ id: posts.id }).from(posts).where(eq(posts.id, head.postId)).for("update");
  const [swap] = await tx.select().from(patrolSwaps).where(eq(patrolSwaps.id, swapId)).for("update");
  return swap ?? null;
}

/**
 * The member asked answers. Accepted, the places move at once, unless the post wants an
 * organiser's approval first; a swap whose places changed meanwhile is void, and says so.
 */
export async function answerSwap(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now = new Date(),
): Promise<Result<{ status: SwapStatus }>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(answerSwapSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  return db.transaction(async (tx) => {
    const swap = await lockSwap(tx, v.swapId);
    if (!swap) return fail("not_found");
    const [to] = await tx.select().from(postMembers).where(eq(postMembers.id, swap.toMemberId));
    if (to?.userId !== actor.id) return refuse(tx, actor.id, "posts.answer_swap");
    if (swap.status !== "asked") return fail("not_pending");
    if (v.version !== undefined && v.version !== swap.version) return fail("stale_version");
    const [post] = await tx.select().from(posts).where(eq(posts.id, swap.postId));
    const status: SwapStatus =
      v.answer === "decline"
        ? "declined"
        : post.swapsNeedApproval
          ? "accepted"
          : await applySwap(tx, swap, communityToday(now));
    await tx
      .update(patrolSwaps)
      .set({
        status,
        answeredAt: new Date(),
        ...(status === "done" || status === "void" ? { decidedAt: new Date() } : {}),
        version: swap.version + 1,
      })
      .where(eq(patrolSwaps.id, swap.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "posts.answer_swap",
      targetType: "patrol_swap",
      targetId: swap.id,
      details: { answer: v.answer, status },
    });
    return ok({ status });
  });
}

/** An organiser approves or refuses a swap both members agreed, where the post asks for it. */
export async function decideSwap(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now = new Date(),
): Promise<Result<{ status: SwapStatus }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.decide_swap");
  const parsed = parseInput(decideSwapSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  return db.transaction(async (tx) => {
    const swap = await lockSwap(tx, v.swapId);
    if (!swap) return fail("not_found");
    if (swap.status !== "accepted") return fail("not_pending");
    if (v.version !== undefined && v.version !== swap.version) return fail("stale_version");
    const status: SwapStatus = v.decision === "refuse" ? "refused" : await applySwap(tx, swap, communityToday(now));
    await tx
      .update(patrolSwaps)
      .set({ status, decidedBy: actor!.id, decidedAt: new Date(), version: swap.version + 1 })
      .where(eq(patrolSwaps.id, swap.id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "posts.decide_swap",
      targetType: "patrol_swap",
      targetId: swap.id,
      details: { decision: v.decision, status },
    });
    return ok({ status });
  });
}

/** The asker takes back a swap nobody has carried out yet. */
export async function withdrawSwap(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(withdrawSwapSchema, input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const swap = await lockSwap(tx, parsed.data.swapId);
    if (!swap) return fail("not_found");
    const [from] = await tx.select().from(postMembers).where(eq(postMembers.id, swap.fromMemberId));
    if (from?.userId !== actor.id) return refuse(tx, actor.id, "posts.withdraw_swap");
    if (!(OPEN_SWAP_STATUSES as readonly string[]).includes(swap.status)) return fail("not_pending");
    await tx
      .update(patrolSwaps)
      .set({ status: "withdrawn", decidedAt: new Date(), version: swap.version + 1 })
      .where(eq(patrolSwaps.id, swap.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "posts.withdraw_swap",
      targetType: "patrol_swap",
      targetId: swap.id,
      details: {},
    });
    return ok(undefined);
  });
}

/**
 * The hours of a patrol that ended: each member who walked it, for its length, written once
 * in the transaction that ended it.
 */
async function patrolHours(tx: DbOrTx, team: Team, span: { startedAt: Date; endedAt: Date }, createdBy: string | null) {
  const walked = await tx
    .select({ userId: postMembers.userId, householdMemberId: postMembers.householdMemberId, name: postMembers.name })
    .from(patrolTeamMembers)
    .innerJoin(postMembers, eq(postMembers.id, patrolTeamMembers.memberId))
    .where(and(eq(patrolTeamMembers.teamId, team.id), eq(patrolTeamMembers.walked, true)));
  const minutes = minutesBetween(span.startedAt, span.endedAt);
  const clock = (d: Date) => utcToZonedLocal(d, TIME_ZONE).slice(11, 16);
  return recordHours(
    tx,
    {
      kind: "patrol",
      refId: team.id,
      postId: team.postId,
      servedOn: team.day,
      note: `${clock(span.startedAt)}–${clock(span.endedAt)}`,
      createdBy,
    },
    walked.map((w) => ({ ...w, minutes })),
  );
}

/** The day's leader by their account, or an organiser; the team's row, locked. */
async function teamForLeader(tx: DbOrTx, actor: Actor, teamId: string) {
  const [team] = await tx.select().from(patrolTeams).where(eq(patrolTeams.id, teamId)).for("update");
  if (!team) return null;
  if (isOrganiser(actor)) return team;
  const [leads] = await tx
    .select({ memberId: patrolTeamMembers.memberId })
    .from(patrolTeamMembers)
    .innerJoin(postMembers, eq(postMembers.id, patrolTeamMembers.memberId))
    .where(
      and(eq(patrolTeamMembers.teamId, teamId), eq(patrolTeamMembers.leads, true), eq(postMembers.userId, actor.id)),
    );
  return leads ? team : "forbidden";
}

/**
 * The day's leader starts the patrol, saying when it will end (the post's end when not said). A
 * job stands at midnight to close it at that time if nobody ends it.
 */
export async function startPatrol(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now = new Date(),
): Promise<Result<{ plannedEndAt: Date }>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(startPatrolSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  return db.transaction(async (tx) => {
    const team = await teamForLeader(tx, actor, v.teamId);
    if (!team) return fail("not_found");
    if (team === "forbidden") return refuse(tx, actor.id, "posts.start_patrol");
    if (team.startedAt) return fail("patrol_started");
    if (team.day !== communityToday(now)) return fail("patrol_not_today");
    const [post] = await tx.select().from(posts).where(eq(posts.id, team.postId));
    const latest = new Date(now.getTime() + post.maxMinutes * 60_000);
    let plannedEndAt: Date;
    if (v.plannedEnd) {
      plannedEndAt = at(team.day, v.plannedEnd);
      if (plannedEndAt <= now) return fail("invalid", { plannedEnd: ["ends_before_start"] });
      if (plannedEndAt > latest) return fail("invalid", { plannedEnd: ["patrol_too_long"] });
    } else {
      // The post's end, or its usual length from now when starting late.
      const usual = minutesBetween(at(team.day, post.startsAt), at(team.day, post.endsAt));
      const end = at(team.day, post.endsAt);
      plannedEndAt = end > now ? end : new Date(now.getTime() + usual * 60_000);
      if (plannedEndAt > latest) plannedEndAt = latest;
    }
    const [row] = await tx
      .update(patrolTeams)
      .set({ startedAt: now, startedBy: actor.id, plannedEndAt, version: team.version + 1 })
      .where(and(eq(patrolTeams.id, team.id), isNull(patrolTeams.startedAt)))
      .returning({ id: patrolTeams.id });
    if (!row) return fail("patrol_started");
    await scheduleJob(
      tx,
      "posts.patrol-close",
      closeKey(team.id),
      { teamId: team.id },
      at(addDays(team.day, 1), "00:00"),
    );
    await writeAudit(tx, {
      actorId: actor.id,
      action: "posts.start_patrol",
      targetType: "patrol_team",
      targetId: team.id,
      details: { day: team.day, plannedEndAt: plannedEndAt.toISOString() },
    });
    return ok({ plannedEndAt });
  });
}

/**
 * The leader ends the patrol (now, or at the time they give) and says who walked it; each of
 * them gets the patrol's hours. An end before the start, in the future, or longer than the post
 * allows is refused.
 */
export async function endPatrol(
  db: Db,
  actor: Actor | null,
  input: unknown,
  now = new Date(),
): Promise<Result<{ minutes: number; walked: number }>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(endPatrolSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  return db.transaction(async (tx) => {
    const team = await teamForLeader(tx, actor, v.teamId);
    if (!team) return fail("not_found");
    if (team === "forbidden") return refuse(tx, actor.id, "posts.end_patrol");
    if (!team.startedAt) return fail("patrol_not_started");
    if (team.endedAt) return fail("patrol_ended");
    const [post] = await tx.select().from(posts).where(eq(posts.id, team.postId));
    const endedAt = v.at ? at(team.day, v.at) : now;
    if (endedAt <= team.startedAt) return fail("invalid", { at: ["ends_before_start"] });
    if (endedAt.getTime() > now.getTime() + 60_000) return fail("invalid", { at: ["time_future"] });
    const minutes = minutesBetween(team.startedAt, endedAt);
    if (minutes > post.maxMinutes) return fail("invalid", { at: ["patrol_too_long"] });
    const places = await tx.select().from(patrolTeamMembers).where(eq(patrolTeamMembers.teamId, team.id));
    const onTeam = new Set(places.map((p) => p.memberId));
    if (v.walked.some((id) => !onTeam.has(id))) return fail("invalid", { walked: ["not_on_team"] });
    const [row] = await tx
      .update(patrolTeams)
      .set({ endedAt, endedBy: actor.id, version: team.version + 1 })
      .where(and(eq(patrolTeams.id, team.id), isNull(patrolTeams.endedAt)))
      .returning({ id: patrolTeams.id });
    if (!row) return fail("patrol_ended");
    const walked = new Set(v.walked);
    await tx
      .update(patrolTeamMembers)
      .set({ walked: v.walked.length ? inArray(patrolTeamMembers.memberId, v.walked) : sql`false` })
      .where(eq(patrolTeamMembers.teamId, team.id));
    await patrolHours(tx, team, { startedAt: team.startedAt, endedAt }, actor.id);
    await cancelJob(tx, closeKey(team.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "posts.end_patrol",
      targetType: "patrol_team",
      targetId: team.id,
      details: { day: team.day, minutes, walked: walked.size, of: places.length },
    });
    return ok({ minutes, walked: walked.size });
  });
}

/**
 * The job at midnight: a patrol still going is closed at the end its leader stated (never longer
 * than the post allows), everyone on it counted as having walked (with their hours), and flagged
 * for an organiser.
 */
export async function closeUnendedPatrol(db: Db, data: Record<string, unknown>): Promise<boolean> {
  const teamId = typeof data.teamId === "string" ? data.teamId : null;
  if (!teamId) return false;
  return db.transaction(async (tx) => {
    const [team] = await tx.select().from(patrolTeams).where(eq(patrolTeams.id, teamId)).for("update");
    if (!team?.startedAt || team.endedAt) return false;
    const [post] = await tx.select().from(posts).where(eq(posts.id, team.postId));
    const longest = new Date(team.startedAt.getTime() + post.maxMinutes * 60_000);
    const stated = team.plannedEndAt ?? longest;
    const endedAt = new Date(
      Math.max(team.startedAt.getTime() + 60_000, Math.min(stated.getTime(), longest.getTime())),
    );
    await tx
      .update(patrolTeams)
      .set({ endedAt, closedUnended: true, version: team.version + 1 })
      .where(eq(patrolTeams.id, team.id));
    await tx.update(patrolTeamMembers).set({ walked: true }).where(eq(patrolTeamMembers.teamId, team.id));
    await patrolHours(tx, team, { startedAt: team.startedAt, endedAt }, null);
    await writeAudit(tx, {
      actorId: null,
      action: "posts.patrol_closed",
      targetType: "patrol_team",
      targetId: team.id,
      details: { day: team.day, endedAt: endedAt.toISOString() },
    });
    return true;
  });
}

/** Someone on the day's team, or an organiser, writes down what the patrol saw. */
export async function addNote(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: string }>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(addNoteSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  return db.transaction(async (tx) => {
    const [team] = await tx.select().from(patrolTeams).where(eq(patrolTeams.id, v.teamId));
    if (!team) return fail("not_found");
    if (!isOrganiser(actor) && !(await onTeam(tx, team.id, actor.id))) return refuse(tx, actor.id, "posts.add_note");
    if (!team.startedAt) return fail("patrol_not_started");
    const [row] = await tx
      .insert(patrolNotes)
      .values({ teamId: team.id, kind: v.kind, place: v.place, body: v.body, authorId: actor.id })
      .returning({ id: patrolNotes.id });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "posts.add_note",
      targetType: "patrol_note",
      targetId: row.id,
      details: { day: team.day, kind: v.kind },
    });
    return ok({ id: row.id });
  });
}

async function onTeam(tx: DbOrTx, teamId: string, userId: string) {
  const [row] = await tx
    .select({ memberId: patrolTeamMembers.memberId })
    .from(patrolTeamMembers)
    .innerJoin(postMembers, eq(postMembers.id, patrolTeamMembers.memberId))
    .where(and(eq(patrolTeamMembers.teamId, teamId), eq(postMembers.userId, userId)));
  return !!row;
}

/**
 * A note passed on, once: to the consultation council (where it becomes a matter to raise) or to
 * property management (which an organiser then records as dealt with). By its author, the day's
 * leader, or an organiser.
 */
export async function passNote(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(passNoteSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  return db.transaction(async (tx) => {
    const [note] = await tx.select().from(patrolNotes).where(eq(patrolNotes.id, v.noteId)).for("update");
    if (!note) return fail("not_found");
    const leader = note.authorId === actor.id ? null : await teamForLeader(tx, actor, note.teamId);
    const allowed = note.authorId === actor.id || (leader !== null && leader !== "forbidden");
    if (!allowed) return refuse(tx, actor.id, "posts.pass_note");
    if (note.passedTo) return fail("not_pending");
    await tx
      .update(patrolNotes)
      .set({ passedTo: v.to, passedAt: new Date(), passedBy: actor.id })
      .where(eq(patrolNotes.id, note.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "posts.pass_note",
      targetType: "patrol_note",
      targetId: note.id,
      details: { to: v.to },
    });
    return ok(undefined);
  });
}

/** An organiser records that property management dealt with a note passed on to it. */
export async function markNoteHandled(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "posts.note_handled");
  const parsed = parseInput(noteHandledSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  return db.transaction(async (tx) => {
    const [note] = await tx.select().from(patrolNotes).where(eq(patrolNotes.id, v.noteId)).for("update");
    if (!note) return fail("not_found");
    if (note.passedTo !== "property" || note.handledAt) return fail("not_pending");
    await tx.update(patrolNotes).set({ handledAt: new Date(), handledNote: v.note }).where(eq(patrolNotes.id, note.id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "posts.note_handled",
      targetType: "patrol_note",
      targetId: note.id,
      details: { note: v.note },
    });
    return ok(undefined);
  });
}
