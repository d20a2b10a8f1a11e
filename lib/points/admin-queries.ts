import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import {
  householdMembers,
  pointEntries,
  posts,
  rewards,
  shiftAssignments,
  shifts,
  userRoles,
  users,
  wishClaims,
  wishes,
} from "@/db/schema";
import type { AppliedRule, PointKind } from "@/vocabulary/points";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { pageWindow, type Page } from "@/lib/pagination";
import { fail, ok, type Result } from "@/lib/result";
import { balanceOf } from "./service";

// The organisers' points desk: the rewards list, a volunteer found by phone with their balance and
// entries, the year's ledger and each volunteer's total for the year. Each read takes the actor
// and answers anyone but an organiser `forbidden`, with no rows.

export const LEDGER_PAGE_SIZE = 30;

export interface RewardRow {
  id: string;
  name: string;
  cost: number;
  active: boolean;
}

export interface LedgerEntry {
  id: string;
  /** Null for a household member without an account (a post member the desk signed up). */
  userId: string | null;
  userName: string;
  userPhone: string | null;
  kind: PointKind;
  points: number;
  reason: string | null;
  rule: AppliedRule | null;
  byName: string | null;
  createdAt: Date;
}

export interface PointsPerson {
  id: string;
  name: string;
  phone: string;
  volunteer: boolean;
  balance: number;
  entries: LedgerEntry[];
}

export interface YearTotal {
  userId: string;
  name: string;
  phone: string;
  earned: number;
  redeemed: number;
}

/** Every reward, the ones on offer first. */
export async function listRewards(db: DbOrTx, actor: Actor | null): Promise<Result<RewardRow[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  return ok(
    await db
      .select({ id: rewards.id, name: rewards.name, cost: rewards.cost, active: rewards.active })
      .from(rewards)
      .orderBy(desc(rewards.active), asc(rewards.cost), asc(rewards.name)),
  );
}

const by = alias(users, "by_user");
// What an entry without a typed reason was for: the wish's title, or the shift's.
const about = sql<string | null>`coalesce(${pointEntries.reason}, case ${pointEntries.kind}
    when 'wish_fulfilled' then (select w.title from ${wishClaims} c join ${wishes} w on w.id = c.wish_id where c.id = ${pointEntries.refId})
    when 'shift_served' then (select s.title from ${shiftAssignments} a join ${shifts} s on s.id = a.shift_id where a.id = ${pointEntries.refId})
    else (select p.name from ${posts} p where p.id = ${pointEntries.postId})
  end)`;
const entryColumns = {
  id: pointEntries.id,
  userId: pointEntries.userId,
  userName: sql<string>`coalesce(${users.name}, ${householdMembers.name}, '')`,
  userPhone: users.phone,
  kind: pointEntries.kind,
  points: pointEntries.points,
  reason: about,
  rule: pointEntries.rule,
  byName: by.name,
  createdAt: pointEntries.createdAt,
};

/** A person at the points desk, by mobile number: their balance and latest entries; null when nobody has it. */
export async function findPointsPerson(
  db: DbOrTx,
  actor: Actor | null,
  phone: string,
  entries = 20,
): Promise<Result<PointsPerson | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const volunteer = sql<boolean>`exists (select 1 from ${userRoles} r where r.user_id = ${users.id} and r.role = 'volunteer')`;
  const [u] = await db
    .select({ id: users.id, name: users.name, phone: users.phone, volunteer })
    .from(users)
    .where(eq(users.phone, phone));
  if (!u) return ok(null);
  const rows = await db
    .select(entryColumns)
    .from(pointEntries)
    .innerJoin(users, eq(users.id, pointEntries.userId))
    .leftJoin(householdMembers, eq(householdMembers.id, pointEntries.householdMemberId))
    .leftJoin(by, eq(by.id, pointEntries.createdBy))
    .where(eq(pointEntries.userId, u.id))
    .orderBy(desc(pointEntries.createdAt), desc(pointEntries.id))
    .limit(entries);
  return ok({
    id: u.id,
    name: u.name,
    phone: u.phone,
    volunteer: u.volunteer,
    balance: await balanceOf(db, u.id),
    entries: rows,
  });
}

/** The years the ledger has entries for, newest first (this year always among them). */
export async function listLedgerYears(db: DbOrTx, actor: Actor | null, thisYear: number): Promise<Result<number[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const rows = await db.selectDistinct({ year: pointEntries.year }).from(pointEntries).orderBy(desc(pointEntries.year));
  return ok([...new Set([thisYear, ...rows.map((r) => r.year)])].sort((a, b) => b - a));
}

/** One page of a year's entries, newest first. */
export async function listLedger(
  db: DbOrTx,
  actor: Actor | null,
  year: number,
  page: number,
  pageSize = LEDGER_PAGE_SIZE,
): Promise<Result<Page<LedgerEntry>>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const [{ total }] = await db.select({ total: count() }).from(pointEntries).where(eq(pointEntries.year, year));
  const w = pageWindow(total, page, pageSize);
  const rows = await db
    .select(entryColumns)
    .from(pointEntries)
    .leftJoin(users, eq(users.id, pointEntries.userId))
    .leftJoin(householdMembers, eq(householdMembers.id, pointEntries.householdMemberId))
    .leftJoin(by, eq(by.id, pointEntries.createdBy))
    .where(eq(pointEntries.year, year))
    .orderBy(desc(pointEntries.createdAt), desc(pointEntries.id))
    .limit(w.limit)
    .offset(w.offset);
  return ok({ rows, total, page: w.page, pageCount: w.pageCount });
}

/** Each person's points earned and spent in a year, most earned first. */
export async function yearTotals(
  db: DbOrTx,
  actor: Actor | null,
  year: number,
  limit = 100,
): Promise<Result<YearTotal[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const earned = sql<number>`coalesce(sum(${pointEntries.points}) filter (where ${pointEntries.kind} <> 'redemption'), 0)::int`;
  const redeemed = sql<number>`coalesce(-sum(${pointEntries.points}) filter (where ${pointEntries.kind} = 'redemption'), 0)::int`;
  return ok(
    await db
      .select({ userId: users.id, name: users.name, phone: users.phone, earned, redeemed })
      .from(pointEntries)
      .innerJoin(users, eq(users.id, pointEntries.userId))
      .where(and(eq(pointEntries.year, year)))
      .groupBy(users.id, users.name, users.phone)
      .orderBy(desc(earned), asc(users.name))
      .limit(limit),
  );
}
