import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { notifications, pointEntries, registrations, rewards, shiftAssignments, shifts, users } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { utcToZonedLocal } from "@/lib/festivals/time";
import { recordHours } from "@/lib/hours/record";
import { awardServicePoints } from "@/lib/hours/points";
import { TIME_ZONE } from "@/lib/i18n/config";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { anonymousSchema, awardSchema, redeemSchema, rewardActiveSchema, rewardSchema } from "./schemas";
import { isUuid } from "@/lib/ids";

// Volunteer points: an append-only ledger. Entries are only ever added — a fulfilled wish, a
// backstage shift served, an organiser's award with a reason, a redemption — and a balance is
// their sum, which a redemption never takes below zero.

export async function balanceOf(db: DbOrTx, userId: string): Promise<number> {
  const [{ total }] = await db
    .select({ total: sql<number>`coalesce(sum(${pointEntries.points}), 0)::int` })
    .from(pointEntries)
    .where(eq(pointEntries.userId, userId));
  return total;
}

/** Every entry is taken under a lock on the person, so two redemptions never spend one balance twice. */
const lockPerson = (tx: DbOrTx, userId: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`points:${userId}`}))`);

/**
 * Nobody writes their own points, as nobody confirms their own wish: an organiser's points and
 * rewards are recorded by another organiser. The attempt is logged like any refusal.
 */
async function refuseOwnPoints(db: Db, actor: Actor, action: string, details: Record<string, unknown>) {
  await writeAudit(db, {
    actorId: actor.id,
    action,
    outcome: "refused",
    targetType: "user",
    targetId: actor.id,
    details,
  });
  return fail("points_to_self");
}

export async function awardPoints(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "points.award");
  const parsed = parseInput(awardSchema, input);
  if (!parsed.ok) return parsed;
  const { userId, points, reason } = parsed.data;
  if (userId === actor!.id) return refuseOwnPoints(db, actor!, "points.award", { points, reason });
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!u) return fail("not_found");
    await lockPerson(tx, userId);
    await tx
      .insert(pointEntries)
      .values({ userId, kind: "manual", points, reason, year: now.getUTCFullYear(), createdBy: actor!.id });
    await tx.insert(notifications).values({ userId, kind: "points.awarded", data: { points, reason } });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "points.award",
      targetType: "user",
      targetId: userId,
      details: { points, reason },
    });
    return ok(undefined);
  });
}

export async function createReward(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: string }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "points.reward_create");
  const parsed = parseInput(rewardSchema, input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const [r] = await tx.insert(rewards).values(parsed.data).returning({ id: rewards.id });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "points.reward_create",
      targetType: "reward",
      targetId: r.id,
      details: parsed.data,
    });
    return ok({ id: r.id });
  });
}

/** An organiser takes a reward off the list (or puts it back); past redemptions keep their entries. */
export async function setRewardActive(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "points.reward_active");
  const parsed = parseInput(rewardActiveSchema, input);
  if (!parsed.ok) return parsed;
  const { id, active } = parsed.data;
  return db.transaction(async (tx) => {
    const [r] = await tx
      .update(rewards)
      .set({ active })
      .where(eq(rewards.id, id))
      .returning({ id: rewards.id, name: rewards.name });
    if (!r) return fail("not_found");
    await writeAudit(tx, {
      actorId: actor!.id,
      action: active ? "points.reward_reactivate" : "points.reward_deactivate",
      targetType: "reward",
      targetId: id,
      details: { name: r.name },
    });
    return ok(undefined);
  });
}

/** An organiser records a volunteer taking a reward: refused when the balance would go below zero. */
export async function redeemReward(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ balance: number }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "points.redeem");
  const parsed = parseInput(redeemSchema, input);
  if (!parsed.ok) return parsed;
  const { userId, rewardId } = parsed.data;
  if (userId === actor!.id) return refuseOwnPoints(db, actor!, "points.redeem", { rewardId });
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const [reward] = await tx
      .select()
      .from(rewards)
      .where(and(eq(rewards.id, rewardId), eq(rewards.active, true)));
    if (!reward) return fail("not_found");
    await lockPerson(tx, userId);
    const balance = await balanceOf(tx, userId);
    if (balance < reward.cost) return fail("insufficient_points");
    await tx.insert(pointEntries).values({
      userId,
      kind: "redemption",
      points: -reward.cost,
      reason: reward.name,
      refId: reward.id,
      year: now.getUTCFullYear(),
      createdBy: actor!.id,
    });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "points.redeem",
      targetType: "user",
      targetId: userId,
      details: { reward: reward.name, cost: reward.cost },
    });
    return ok({ balance: balance - reward.cost });
  });
}

/** An organiser marks a backstage shift served: the helper's hours and points, once per shift. */
export async function markShiftServed(
  db: Db,
  actor: Actor | null,
  assignmentId: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "points.shift_served");
  if (!isUuid(assignmentId)) return fail("invalid");
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const [a] = await tx
      .update(shiftAssignments)
      .set({ servedAt: now })
      .where(and(eq(shiftAssignments.id, assignmentId), isNull(shiftAssignments.servedAt)))
      .returning();
    if (!a) return fail("not_found");
    const [r] = await tx
      .select({
        userId: registrations.userId,
        householdMemberId: registrations.householdMemberId,
        name: registrations.participantName,
      })
      .from(registrations)
      .where(eq(registrations.id, a.registrationId));
    // The shift's length as service hours, and the points its rule gives, for whoever served it
    // (a member without an account too).
    const [shift] = await tx.select().from(shifts).where(eq(shifts.id, a.shiftId));
    const clock = (d: Date) => utcToZonedLocal(d, TIME_ZONE);
    const servedOn = clock(shift.startsAt).slice(0, 10);
    const person = {
      userId: r.householdMemberId ? null : r.userId,
      householdMemberId: r.householdMemberId,
      name: r.name,
      minutes: Math.round((shift.endsAt.getTime() - shift.startsAt.getTime()) / 60_000),
    };
    const [points] = await awardServicePoints(
      tx,
      // Filed under the year it is marked served, as every point the ledger writes at the time.
      { kind: "shift_served", refId: a.id, year: now.getUTCFullYear(), createdBy: actor!.id },
      [person],
    );
    await recordHours(
      tx,
      {
        kind: "shift",
        refId: a.id,
        servedOn,
        note: `${shift.title} ${clock(shift.startsAt).slice(11)}–${clock(shift.endsAt).slice(11)}`,
        createdBy: actor!.id,
      },
      [person],
    );
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "points.shift_served",
      targetType: "shift_assignment",
      targetId: a.id,
      details: { points },
    });
    return ok(undefined);
  });
}

/** A volunteer chooses whether the leaderboard shows their name or "a volunteer". */
export async function setPointsAnonymous(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(anonymousSchema, input);
  if (!parsed.ok) return parsed;
  await db.update(users).set({ pointsAnonymous: parsed.data.anonymous }).where(eq(users.id, actor.id));
  return ok(undefined);
}
