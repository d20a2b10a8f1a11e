import "server-only";
import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { WishStatus } from "@/vocabulary/wishes";
import { beneficiaries, households, pointEntries, users, wishClaims, wishes } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { pageWindow, type Page } from "@/lib/pagination";
import { fail, ok, type Result } from "@/lib/result";
import type { WishAdminFilters } from "./admin-forms";
import { containsPattern } from "@/lib/like-pattern";

// The organisers' wish list: everything vetting, follow-up and confirmation need, including the
// beneficiary's private details (organisers may see them) and who holds the claim. Nothing here
// is for residents' pages: each read takes the actor and answers anyone but an organiser
// `forbidden`, with no rows.

export const WISH_ADMIN_PAGE_SIZE = 20;

export interface WishClaimInfo {
  id: string;
  status: "active" | "fulfilled" | "confirmed";
  volunteerName: string;
  volunteerPhone: string;
  claimedAt: Date;
  lapsesAt: Date;
  note: string | null;
  photoId: string | null;
  fulfilledAt: Date | null;
  /** The time the volunteer declared, and the time confirmed (the service hours), in minutes. */
  declaredMinutes: number | null;
  confirmedMinutes: number | null;
  confirmedAt: Date | null;
}

export interface WishAdminRow {
  id: string;
  alias: string;
  title: string;
  story: string;
  category: string;
  value: number;
  wantedBy: string | null;
  status: WishStatus;
  reason: string | null;
  thanks: string | null;
  photoId: string | null;
  version: number;
  createdAt: Date;
  submittedByName: string | null;
  beneficiary: {
    realName: string;
    phone: string | null;
    age: number;
    circumstance: string;
    address: string | null;
    household: string | null;
  };
  claim: WishClaimInfo | null;
}

export type WishCounts = Record<WishStatus | "all", number>;

/** What needs an organiser comes first: waiting, fulfilled (to confirm), sent back, claimed, on the wall, then the closed ones. */
const ATTENTION = sql`array_position(array['pending', 'fulfilled', 'changes', 'claimed', 'open', 'done', 'rejected']::text[], ${wishes.status})`;

function conditions(f: Omit<WishAdminFilters, "page">, withStatus = true): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (withStatus && f.status) conds.push(eq(wishes.status, f.status));
  if (f.category) conds.push(eq(wishes.category, f.category));
  if (f.circumstance) conds.push(eq(beneficiaries.circumstance, f.circumstance));
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(
      or(
        ilike(wishes.alias, like),
        ilike(wishes.title, like),
        ilike(beneficiaries.realName, like),
        ilike(beneficiaries.phone, like),
      ),
    );
  }
  return conds.length ? and(...conds) : undefined;
}

/** How many wishes each status tab holds, under the other filters. */
export async function countWishes(
  db: DbOrTx,
  actor: Actor | null,
  f: Omit<WishAdminFilters, "page">,
): Promise<Result<WishCounts>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const rows = await db
    .select({ status: wishes.status, n: count() })
    .from(wishes)
    .innerJoin(beneficiaries, eq(beneficiaries.id, wishes.beneficiaryId))
    .where(conditions(f, false))
    .groupBy(wishes.status);
  const counts = {
    all: 0,
    pending: 0,
    changes: 0,
    rejected: 0,
    open: 0,
    claimed: 0,
    fulfilled: 0,
    done: 0,
  } as WishCounts;
  for (const r of rows) {
    counts[r.status] = r.n;
    counts.all += r.n;
  }
  return ok(counts);
}

/** One page of wishes, newest first, each with its beneficiary and its live or confirmed claim. */
export async function listWishesForAdmin(
  db: DbOrTx,
  actor: Actor | null,
  f: WishAdminFilters,
  pageSize = WISH_ADMIN_PAGE_SIZE,
): Promise<Result<Page<WishAdminRow>>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const where = conditions(f);
  const [{ total }] = await db
    .select({ total: count() })
    .from(wishes)
    .innerJoin(beneficiaries, eq(beneficiaries.id, wishes.beneficiaryId))
    .where(where);
  const { page, pageCount, limit, offset } = pageWindow(total, f.page, pageSize);
  const rows = await db
    .select({
      id: wishes.id,
      alias: wishes.alias,
      title: wishes.title,
      story: wishes.story,
      category: wishes.category,
      value: wishes.value,
      wantedBy: wishes.wantedBy,
      status: wishes.status,
      reason: wishes.reason,
      thanks: wishes.thanks,
      photoId: wishes.photoId,
      version: wishes.version,
      createdAt: wishes.createdAt,
      submittedByName: users.name,
      realName: beneficiaries.realName,
      phone: beneficiaries.phone,
      age: beneficiaries.age,
      circumstance: beneficiaries.circumstance,
      address: beneficiaries.address,
      building: households.building,
      unit: households.unit,
      room: households.room,
    })
    .from(wishes)
    .innerJoin(beneficiaries, eq(beneficiaries.id, wishes.beneficiaryId))
    .leftJoin(households, eq(households.id, beneficiaries.householdId))
    .leftJoin(users, eq(users.id, wishes.submittedBy))
    .where(where)
    .orderBy(ATTENTION, desc(wishes.createdAt), desc(wishes.id))
    .limit(limit)
    .offset(offset);
  const claims = await claimsOf(
    db,
    rows.map((r) => r.id),
  );
  return ok({
    rows: rows.map((r) => ({
      id: r.id,
      alias: r.alias,
      title: r.title,
      story: r.story,
      category: r.category,
      value: r.value,
      wantedBy: r.wantedBy,
      status: r.status,
      reason: r.reason,
      thanks: r.thanks,
      photoId: r.photoId,
      version: r.version,
      createdAt: r.createdAt,
      submittedByName: r.submittedByName,
      beneficiary: {
        realName: r.realName,
        phone: r.phone,
        age: r.age,
        circumstance: r.circumstance,
        address: r.address,
        household: r.building ? [r.building, r.unit, r.room].filter(Boolean).join(" ") : null,
      },
      claim: claims.get(r.id) ?? null,
    })),
    total,
    page,
    pageCount,
  });
}

/** The claim that matters for each wish: the live one, else the confirmed one (withdrawn and lapsed ones are history). */
async function claimsOf(db: DbOrTx, wishIds: string[]): Promise<Map<string, WishClaimInfo & { wishId: string }>> {
  const map = new Map<string, WishClaimInfo & { wishId: string }>();
  if (!wishIds.length) return map;
  const rows = await db
    .select({
      id: wishClaims.id,
      wishId: wishClaims.wishId,
      status: wishClaims.status,
      volunteerName: users.name,
      volunteerPhone: users.phone,
      claimedAt: wishClaims.claimedAt,
      lapsesAt: wishClaims.lapsesAt,
      note: wishClaims.note,
      photoId: wishClaims.photoId,
      fulfilledAt: wishClaims.fulfilledAt,
      declaredMinutes: wishClaims.declaredMinutes,
      confirmedMinutes: wishClaims.confirmedMinutes,
      confirmedAt: wishClaims.confirmedAt,
    })
    .from(wishClaims)
    .innerJoin(users, eq(users.id, wishClaims.volunteerId))
    .where(and(inArray(wishClaims.wishId, wishIds), inArray(wishClaims.status, ["active", "fulfilled", "confirmed"])))
    .orderBy(desc(wishClaims.claimedAt));
  for (const r of rows)
    if (!map.has(r.wishId)) map.set(r.wishId, { ...r, status: r.status as WishClaimInfo["status"] });
  return map;
}

/** The roster's buildings, for the household picker of the wish form. */
export async function listRosterBuildings(db: DbOrTx, actor: Actor | null): Promise<Result<string[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const rows = await db
    .selectDistinct({ building: households.building })
    .from(households)
    .orderBy(households.building)
    .limit(200);
  return ok(rows.map((r) => r.building));
}

/** What an organiser just did to a claim, for the message at the top of the list. */
export async function getClaimOutcome(
  db: DbOrTx,
  actor: Actor | null,
  claimId: string,
): Promise<
  Result<{
    alias: string;
    volunteerName: string;
    status: string;
    confirmedMinutes: number | null;
    points: number;
  } | null>
> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const [row] = await db
    .select({
      alias: wishes.alias,
      volunteerName: users.name,
      status: wishClaims.status,
      confirmedMinutes: wishClaims.confirmedMinutes,
      points: sql<number>`coalesce((select sum(p.points) from ${pointEntries} p where p.kind = 'wish_fulfilled' and p.ref_id = ${wishClaims.id}), 0)::int`,
    })
    .from(wishClaims)
    .innerJoin(wishes, eq(wishes.id, wishClaims.wishId))
    .innerJoin(users, eq(users.id, wishClaims.volunteerId))
    .where(eq(wishClaims.id, claimId));
  return ok(row ?? null);
}
