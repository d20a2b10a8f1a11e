import "server-only";
import { and, desc, eq, gt, isNotNull, sql } from "drizzle-orm";
import type { AppliedRule, PointKind } from "@/vocabulary/points";
import { pointEntries, posts, shiftAssignments, shifts, users, wishClaims, wishes } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

// Reads of the points ledger: a volunteer's own entries, and the yearly leaderboard. The
// leaderboard ranks what people earned in a year; spending points on a reward does not lower it.

export interface MyPointEntry {
  id: string;
  kind: PointKind;
  points: number;
  /** What it was for, in the words of whoever wrote it: a wish's title, a shift, a reward, an organiser's reason. */
  about: string | null;
  /** The rule it was worked out by, for a service's points. */
  rule: AppliedRule | null;
  createdAt: Date;
}

export interface MyPoints {
  balance: number;
  year: number;
  /** Earned in the year shown (awards and earnings; redemptions not subtracted). */
  earnedInYear: number;
  spentInYear: number;
  /** Years with any entry, newest first, always including the year shown. */
  years: number[];
  entries: MyPointEntry[];
  anonymous: boolean;
  /** My place on the year's leaderboard, when I earned anything. */
  rank: number | null;
}

export async function getMyPoints(db: DbOrTx, userId: string, year: number, limit = 200): Promise<MyPoints> {
  const [totals, yearRows, entries, me] = await Promise.all([
    db
      .select({
        balance: sql<number>`coalesce(sum(${pointEntries.points}), 0)::int`,
        earned: sql<number>`coalesce(sum(${pointEntries.points}) filter (where ${pointEntries.year} = ${year} and ${pointEntries.points} > 0), 0)::int`,
        spent: sql<number>`coalesce(-sum(${pointEntries.points}) filter (where ${pointEntries.year} = ${year} and ${pointEntries.points} < 0), 0)::int`,
      })
      .from(pointEntries)
      .where(eq(pointEntries.userId, userId)),
    db.selectDistinct({ year: pointEntries.year }).from(pointEntries).where(eq(pointEntries.userId, userId)),
    db
      .select({
        id: pointEntries.id,
        kind: pointEntries.kind,
        points: pointEntries.points,
        reason: pointEntries.reason,
        wishTitle: wishes.title,
        shiftTitle: shifts.title,
        postName: posts.name,
        rule: pointEntries.rule,
        createdAt: pointEntries.createdAt,
      })
      .from(pointEntries)
      .leftJoin(wishClaims, and(eq(pointEntries.kind, "wish_fulfilled"), eq(wishClaims.id, pointEntries.refId)))
      .leftJoin(wishes, eq(wishes.id, wishClaims.wishId))
      .leftJoin(
        shiftAssignments,
        and(eq(pointEntries.kind, "shift_served"), eq(shiftAssignments.id, pointEntries.refId)),
      )
      .leftJoin(shifts, eq(shifts.id, shiftAssignments.shiftId))
      .leftJoin(posts, eq(posts.id, pointEntries.postId))
      .where(and(eq(pointEntries.userId, userId), eq(pointEntries.year, year)))
      .orderBy(desc(pointEntries.createdAt), desc(pointEntries.id))
      .limit(limit),
    db.select({ anonymous: users.pointsAnonymous }).from(users).where(eq(users.id, userId)),
  ]);
  const { balance, earned, spent } = totals[0];
  const rank = earned > 0 ? await rankOf(db, year, earned) : null;
  return {
    balance,
    year,
    earnedInYear: earned,
    spentInYear: spent,
    years: [...new Set([year, ...yearRows.map((r) => r.year)])].sort((a, b) => b - a),
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      points: e.points,
      about: e.wishTitle ?? e.shiftTitle ?? e.reason ?? e.postName,
      rule: e.rule,
      createdAt: e.createdAt,
    })),
    anonymous: me[0]?.anonymous ?? false,
    rank,
  };
}

/** Earned points per person in a year (what the leaderboard ranks). */
const earnedIn = (db: DbOrTx, year: number) =>
  db
    .select({ userId: pointEntries.userId, earned: sql<number>`sum(${pointEntries.points})::int`.as("earned") })
    .from(pointEntries)
    .where(and(eq(pointEntries.year, year), gt(pointEntries.points, 0), isNotNull(pointEntries.userId)))
    .groupBy(pointEntries.userId)
    .as("earned_in_year");

/** A place in competition ranking: one more than the number of people who earned more. */
async function rankOf(db: DbOrTx, year: number, earned: number): Promise<number> {
  const e = earnedIn(db, year);
  const [{ ahead }] = await db
    .select({ ahead: sql<number>`count(*)::int` })
    .from(e)
    .where(gt(e.earned, earned));
  return ahead + 1;
}

export interface LeaderboardRow {
  rank: number;
  /** The volunteer's name, or null when they chose to appear anonymously. */
  name: string | null;
  points: number;
  /** Wishes they made come true that year. */
  wishes: number;
  isMe: boolean;
}

export interface Leaderboard {
  year: number;
  years: number[];
  rows: LeaderboardRow[];
  /** Everyone who earned points that year (the list may show fewer). */
  volunteers: number;
  totalPoints: number;
}

export async function getLeaderboard(
  db: DbOrTx,
  year: number,
  opts: { limit?: number; me?: string | null } = {},
): Promise<Leaderboard> {
  const e = earnedIn(db, year);
  const [rows, yearRows, [sum]] = await Promise.all([
    db
      .select({
        userId: e.userId,
        earned: e.earned,
        name: users.name,
        anonymous: users.pointsAnonymous,
        wishes: sql<number>`(select count(*)::int from ${pointEntries} w where w.user_id = ${e.userId} and w.year = ${year} and w.kind = 'wish_fulfilled')`,
      })
      .from(e)
      .innerJoin(users, eq(users.id, e.userId))
      .orderBy(desc(e.earned), users.createdAt)
      .limit(opts.limit ?? 50),
    db.selectDistinct({ year: pointEntries.year }).from(pointEntries),
    db
      .select({ volunteers: sql<number>`count(*)::int`, total: sql<number>`coalesce(sum(${e.earned}), 0)::int` })
      .from(e),
  ]);
  let rank = 0;
  let previous: number | null = null;
  return {
    year,
    years: [...new Set([year, ...yearRows.map((r) => r.year)])].sort((a, b) => b - a),
    rows: rows.map((r, i) => {
      if (r.earned !== previous) rank = i + 1;
      previous = r.earned;
      return {
        rank,
        name: r.anonymous ? null : r.name,
        points: r.earned,
        wishes: r.wishes,
        isMe: r.userId === opts.me,
      };
    }),
    volunteers: sum.volunteers,
    totalPoints: sum.total,
  };
}
