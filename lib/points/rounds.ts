import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import {
  householdMembers,
  notifications,
  pointEntries,
  postMembers,
  rewardAwards,
  rewardBands,
  rewardRounds,
  users,
} from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { MAX_REWARD_BANDS } from "@/vocabulary/points";
import { rewardBandIdSchema, rewardBandSchema, rewardHandedSchema, roundYearSchema } from "./schemas";
import { currentYear } from "./year";

// The year-end reward round (适度回馈). Organisers set the bands — from so many points up, this
// modest reward — while the round is a draft, and see who would fall in each. Recording it writes
// down who gets what, as it stood, and tells those with an account; then only the handing over is
// marked. A round recorded by mistake goes back to a draft while nobody has collected anything.

export interface Standing {
  userId: string | null;
  householdMemberId: string | null;
  name: string;
  /** Every point earned in the year (patrols, sessions, training, shifts, wishes, awards). */
  points: number;
}

const personKey = (p: { userId: string | null; householdMemberId: string | null }) =>
  p.userId ? `u:${p.userId}` : `h:${p.householdMemberId}`;

/**
 * The people the round is for and their points of the year: every active member of a post, and
 * whoever earned points in a post that year (a member who left in the autumn still counts), most
 * points first. Points follow the person, by their account or, without one, their household place.
 */
export async function roundStandings(db: DbOrTx, year: number): Promise<Standing[]> {
  const [earned, members] = await Promise.all([
    db
      .select({
        userId: pointEntries.userId,
        householdMemberId: sql<
          string | null
        >`case when ${pointEntries.userId} is null then ${pointEntries.householdMemberId} end`,
        points: sql<number>`coalesce(sum(${pointEntries.points}) filter (where ${pointEntries.kind} <> 'redemption' and ${pointEntries.points} > 0), 0)::int`,
        inPost: sql<boolean>`bool_or(${pointEntries.postId} is not null)`,
        name: sql<string | null>`max(coalesce(${users.name}, ${householdMembers.name}))`,
      })
      .from(pointEntries)
      .leftJoin(users, eq(users.id, pointEntries.userId))
      .leftJoin(householdMembers, eq(householdMembers.id, pointEntries.householdMemberId))
      .where(eq(pointEntries.year, year))
      .groupBy(pointEntries.userId, sql`2`),
    db
      .select({
        userId: postMembers.userId,
        householdMemberId: postMembers.householdMemberId,
        name: postMembers.name,
        status: postMembers.status,
      })
      .from(postMembers)
      .orderBy(asc(postMembers.createdAt)),
  ]);
  const people = new Map<string, Standing>();
  const names = new Map<string, string>();
  for (const m of members) {
    const key = personKey(m);
    names.set(key, m.name);
    if (m.status === "active")
      people.set(key, {
        userId: m.userId,
        householdMemberId: m.userId ? null : m.householdMemberId,
        name: m.name,
        points: 0,
      });
  }
  for (const e of earned) {
    const key = personKey(e);
    const known = people.get(key);
    if (known) known.points = e.points;
    else if (e.inPost && e.points > 0)
      people.set(key, {
        userId: e.userId,
        householdMemberId: e.householdMemberId,
        name: names.get(key) ?? e.name ?? "",
        points: e.points,
      });
  }
  return [...people.values()].sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, "zh-CN"));
}

/** The band a number of points falls in: the highest whose start it reaches. */
export function bandFor<B extends { minPoints: number }>(bands: B[], points: number): B | null {
  let best: B | null = null;
  for (const b of bands) if (points >= b.minPoints && (!best || b.minPoints > best.minPoints)) best = b;
  return best;
}

/** The year's round, locked; created as a draft when there is none. */
async function lockRound(tx: DbOrTx, year: number, actorId: string) {
  await tx.insert(rewardRounds).values({ year, createdBy: actorId }).onConflictDoNothing();
  const [round] = await tx.select().from(rewardRounds).where(eq(rewardRounds.year, year)).for("update");
  return round;
}

const yearNotStarted = (year: number, now: Date) =>
  year > currentYear(now) ? fail("invalid", { year: ["year_future"] }) : null;

/** An organiser adds a band to a year's draft round. */
export async function addRewardBand(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ id: string }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "points.round_band_add");
  const parsed = parseInput(rewardBandSchema, input);
  if (!parsed.ok) return parsed;
  const { year, minPoints, reward } = parsed.data;
  const early = yearNotStarted(year, ctx.now ?? new Date());
  if (early) return early;
  return db.transaction(async (tx) => {
    const round = await lockRound(tx, year, actor!.id);
    if (round.status !== "draft") return fail("reward_round_recorded");
    const bands = await tx.select().from(rewardBands).where(eq(rewardBands.roundId, round.id));
    if (bands.some((b) => b.minPoints === minPoints)) return fail("invalid", { minPoints: ["band_duplicate"] });
    if (bands.length >= MAX_REWARD_BANDS) return fail("invalid", { minPoints: ["too_many_bands"] });
    const [band] = await tx
      .insert(rewardBands)
      .values({ roundId: round.id, minPoints, reward })
      .returning({ id: rewardBands.id });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "points.round_band_add",
      targetType: "reward_round",
      targetId: round.id,
      details: { year, minPoints, reward },
    });
    return ok({ id: band.id });
  });
}

/** An organiser takes a band off a draft round. */
export async function removeRewardBand(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "points.round_band_remove");
  const parsed = parseInput(rewardBandIdSchema, input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const [band] = await tx.select().from(rewardBands).where(eq(rewardBands.id, parsed.data.bandId));
    if (!band) return fail("not_found");
    const [round] = await tx.select().from(rewardRounds).where(eq(rewardRounds.id, band.roundId)).for("update");
    if (round.status !== "draft") return fail("reward_round_recorded");
    await tx.delete(rewardBands).where(eq(rewardBands.id, band.id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "points.round_band_remove",
      targetType: "reward_round",
      targetId: round.id,
      details: { year: round.year, minPoints: band.minPoints, reward: band.reward },
    });
    return ok(undefined);
  });
}

/**
 * An organiser records the year's round: everyone in a band gets its reward, written down with
 * their points as they stand now; those with an account are told. Under the round's lock, so two
 * organisers pressing at once record it once.
 */
export async function recordRewardRound(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ awarded: number }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "points.round_record");
  const parsed = parseInput(roundYearSchema, input);
  if (!parsed.ok) return parsed;
  const { year } = parsed.data;
  const now = ctx.now ?? new Date();
  const early = yearNotStarted(year, now);
  if (early) return early;
  return db.transaction(async (tx) => {
    // A round with bands already exists (adding a band made it), so a year without one has none.
    const [round] = await tx.select().from(rewardRounds).where(eq(rewardRounds.year, year)).for("update");
    if (!round) return fail("reward_round_no_bands");
    if (round.status !== "draft") return fail("reward_round_recorded");
    const bands = await tx.select().from(rewardBands).where(eq(rewardBands.roundId, round.id));
    if (!bands.length) return fail("reward_round_no_bands");
    const awards = (await roundStandings(tx, year)).flatMap((s) => {
      const band = bandFor(bands, s.points);
      return band ? [{ ...s, roundId: round.id, minPoints: band.minPoints, reward: band.reward }] : [];
    });
    if (awards.length) await tx.insert(rewardAwards).values(awards);
    await tx
      .update(rewardRounds)
      .set({ status: "recorded", recordedAt: now, recordedBy: actor!.id })
      .where(eq(rewardRounds.id, round.id));
    const told = awards.filter((a) => a.userId);
    if (told.length)
      await tx.insert(notifications).values(
        told.map((a) => ({
          userId: a.userId!,
          kind: "points.reward_round",
          data: { year, reward: a.reward, points: a.points },
        })),
      );
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "points.round_record",
      targetType: "reward_round",
      targetId: round.id,
      details: { year, bands: bands.length, awarded: awards.length },
    });
    return ok({ awarded: awards.length });
  });
}

/** A round recorded by mistake goes back to a draft, while nobody has collected a reward. */
export async function reopenRewardRound(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "points.round_reopen");
  const parsed = parseInput(roundYearSchema, input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const [round] = await tx.select().from(rewardRounds).where(eq(rewardRounds.year, parsed.data.year)).for("update");
    if (!round) return fail("not_found");
    if (round.status !== "recorded") return fail("reward_round_draft");
    const [{ handed }] = await tx
      .select({ handed: count() })
      .from(rewardAwards)
      .where(and(eq(rewardAwards.roundId, round.id), sql`${rewardAwards.handedAt} is not null`));
    if (handed > 0) return fail("reward_round_handed");
    const removed = await tx
      .delete(rewardAwards)
      .where(eq(rewardAwards.roundId, round.id))
      .returning({ id: rewardAwards.id });
    await tx
      .update(rewardRounds)
      .set({ status: "draft", recordedAt: null, recordedBy: null })
      .where(eq(rewardRounds.id, round.id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "points.round_reopen",
      targetType: "reward_round",
      targetId: round.id,
      details: { year: round.year, removed: removed.length },
    });
    return ok(undefined);
  });
}

/** An organiser marks a reward handed over (or, a slip of the hand, not yet). */
export async function markRewardHanded(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "points.round_handed");
  const parsed = parseInput(rewardHandedSchema, input);
  if (!parsed.ok) return parsed;
  const { awardId, handed } = parsed.data;
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const [award] = await tx
      .update(rewardAwards)
      .set(handed ? { handedAt: now, handedBy: actor!.id } : { handedAt: null, handedBy: null })
      .where(
        and(
          eq(rewardAwards.id, awardId),
          handed ? sql`${rewardAwards.handedAt} is null` : sql`${rewardAwards.handedAt} is not null`,
        ),
      )
      .returning();
    if (!award) {
      const [exists] = await tx.select({ id: rewardAwards.id }).from(rewardAwards).where(eq(rewardAwards.id, awardId));
      // Marked already as asked: nothing to change, nothing to refuse.
      return exists ? ok(undefined) : fail("not_found");
    }
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "points.round_handed",
      targetType: "reward_award",
      targetId: award.id,
      details: { name: award.name, reward: award.reward, handed },
    });
    return ok(undefined);
  });
}
