import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import {
  AGE_BANDS,
  WALL_SORTS,
  WISH_CATEGORIES,
  type AgeBand,
  type Circumstance,
  type WallSort,
  type WishCategory,
  type WishStatus,
} from "@/vocabulary/wishes";
import { beneficiaries, pointEntries, wishClaims, wishes } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { beneficiaryContact, getSettings, type BeneficiaryContact } from "./service";
import { isUuid } from "@/lib/ids";

// Reads for the residents' and volunteers' side of micro-wishes: the wall, one wish, my claims and
// my own wishes. A beneficiary's name, phone and address are never selected here: the one way to
// them is `beneficiaryContact`, which checks the claim. Their age leaves only as a band.

export const isWishId = (s: unknown): s is string => isUuid(s);

/** [from, below) in years: a child is under 14 (PIPL's line), then by decade from 60. */
const BAND_RANGE: Record<AgeBand, [number, number]> = {
  child: [0, 14],
  adult: [14, 60],
  sixties: [60, 70],
  seventies: [70, 80],
  eighties: [80, 200],
};

export function ageBand(age: number): AgeBand {
  return AGE_BANDS.find((b) => age >= BAND_RANGE[b][0] && age < BAND_RANGE[b][1]) ?? "eighties";
}

export interface WallFilters {
  category?: WishCategory;
  band?: AgeBand;
  sort?: WallSort;
  page?: number;
}

/** Filters from a URL's query: anything unknown is simply no filter. */
export function parseWallFilters(
  q: Record<string, string | string[] | undefined>,
): Required<Pick<WallFilters, "sort" | "page">> & WallFilters {
  const one = (k: string) => (typeof q[k] === "string" ? (q[k] as string) : undefined);
  const category = WISH_CATEGORIES.find((c) => c === one("category"));
  const band = AGE_BANDS.find((b) => b === one("age"));
  const sort = WALL_SORTS.find((s) => s === one("sort")) ?? "newest";
  const page = Math.max(1, Math.min(1000, Number.parseInt(one("page") ?? "1", 10) || 1));
  return { category, band, sort, page };
}

export interface WallWish {
  id: string;
  title: string;
  story: string;
  category: WishCategory;
  value: number;
  wantedBy: string | null;
  alias: string;
  ageBand: AgeBand;
  photoId: string | null;
  /** Held by a volunteer (never who). */
  taken: boolean;
}

const wallColumns = {
  id: wishes.id,
  title: wishes.title,
  story: wishes.story,
  category: wishes.category,
  value: wishes.value,
  wantedBy: wishes.wantedBy,
  alias: wishes.alias,
  age: beneficiaries.age,
  photoId: wishes.photoId,
  status: wishes.status,
};

type WallRow = {
  id: string;
  title: string;
  story: string;
  category: WishCategory;
  value: number;
  wantedBy: string | null;
  alias: string;
  age: number;
  photoId: string | null;
  status: WishStatus;
};
const toWall = (r: WallRow): WallWish => ({
  id: r.id,
  title: r.title,
  story: r.story,
  category: r.category,
  value: r.value,
  wantedBy: r.wantedBy,
  alias: r.alias,
  ageBand: ageBand(r.age),
  photoId: r.photoId,
  taken: r.status !== "open",
});

export const WALL_PAGE_SIZE = 24;

/** Open and claimed wishes, filtered and sorted (the queue reopens a lapsed claim's wish on time). */
export async function listWall(
  db: DbOrTx,
  filters: WallFilters = {},
): Promise<{ items: WallWish[]; total: number; page: number; pageCount: number }> {
  const where: SQL[] = [inArray(wishes.status, ["open", "claimed"])];
  if (filters.category) where.push(eq(wishes.category, filters.category));
  if (filters.band) {
    const [from, below] = BAND_RANGE[filters.band];
    where.push(gte(beneficiaries.age, from), lt(beneficiaries.age, below));
  }
  const cond = and(...where);
  const [{ n }] = await db
    .select({ n: count() })
    .from(wishes)
    .innerJoin(beneficiaries, eq(beneficiaries.id, wishes.beneficiaryId))
    .where(cond);
  const pageCount = Math.max(1, Math.ceil(n / WALL_PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pageCount);
  // Open ones first: they are the ones a volunteer can still take.
  const order =
    filters.sort === "soonest"
      ? [
          sql`${wishes.status} = 'open' desc`,
          sql`${wishes.wantedBy} asc nulls last`,
          desc(wishes.createdAt),
          asc(wishes.id),
        ]
      : [sql`${wishes.status} = 'open' desc`, desc(wishes.createdAt), asc(wishes.id)];
  const rows = await db
    .select(wallColumns)
    .from(wishes)
    .innerJoin(beneficiaries, eq(beneficiaries.id, wishes.beneficiaryId))
    .where(cond)
    .orderBy(...order)
    .limit(WALL_PAGE_SIZE)
    .offset((page - 1) * WALL_PAGE_SIZE);
  return { items: rows.map(toWall), total: n, page, pageCount };
}

export interface WishProgress {
  open: number;
  claimed: number;
  /** Fulfilled by a volunteer, confirmed or not. */
  fulfilled: number;
}

/** How many wishes wait, are held, came true: the wall's progress bar. */
export async function getWishProgress(db: DbOrTx): Promise<WishProgress> {
  const rows = await db
    .select({ status: wishes.status, n: count() })
    .from(wishes)
    .where(inArray(wishes.status, ["open", "claimed", "fulfilled", "done"]))
    .groupBy(wishes.status);
  const of = (...s: WishStatus[]) => rows.filter((r) => s.includes(r.status)).reduce((a, r) => a + r.n, 0);
  return { open: of("open"), claimed: of("claimed"), fulfilled: of("fulfilled", "done") };
}

export interface GalleryWish {
  id: string;
  title: string;
  alias: string;
  category: WishCategory;
  thanks: string | null;
  /** The volunteer's photo of the wish come true (its claim is confirmed). */
  photoId: string | null;
  doneAt: Date;
}

/** Wishes that came true, newest first, with the thank-you note and the fulfilment photo. */
export async function listGallery(db: DbOrTx, limit = 12): Promise<GalleryWish[]> {
  const rows = await db
    .select({
      id: wishes.id,
      title: wishes.title,
      alias: wishes.alias,
      category: wishes.category,
      thanks: wishes.thanks,
      photoId: wishClaims.photoId,
      doneAt: wishes.updatedAt,
    })
    .from(wishes)
    .leftJoin(wishClaims, and(eq(wishClaims.wishId, wishes.id), eq(wishClaims.status, "confirmed")))
    .where(eq(wishes.status, "done"))
    .orderBy(desc(wishes.updatedAt), asc(wishes.id))
    .limit(limit);
  return rows;
}

export interface WishDetail extends WallWish {
  status: WishStatus;
  /** The organisers' reason, for the submitter and organisers only. */
  reason: string | null;
  thanks: string | null;
  createdAt: Date;
  viewer: {
    /** My live claim on this wish, if I hold it. */
    claim: { id: string; status: "active" | "fulfilled"; lapsesAt: Date } | null;
    isSubmitter: boolean;
  };
}

/**
 * One wish as the viewer may see it: on the wall (open, claimed, fulfilled, done) for everyone;
 * waiting, sent back or rejected only for its submitter and organisers (others: null, a 404).
 */
export async function getWish(db: DbOrTx, actor: Actor | null, id: string): Promise<WishDetail | null> {
  if (!isWishId(id)) return null;
  const [r] = await db
    .select({
      ...wallColumns,
      reason: wishes.reason,
      thanks: wishes.thanks,
      createdAt: wishes.createdAt,
      submittedBy: wishes.submittedBy,
    })
    .from(wishes)
    .innerJoin(beneficiaries, eq(beneficiaries.id, wishes.beneficiaryId))
    .where(eq(wishes.id, id));
  if (!r) return null;
  const isSubmitter = !!actor && r.submittedBy === actor.id;
  const insider = isSubmitter || isOrganiser(actor);
  if (!insider && !["open", "claimed", "fulfilled", "done"].includes(r.status)) return null;
  const [claim] = actor
    ? await db
        .select({ id: wishClaims.id, status: wishClaims.status, lapsesAt: wishClaims.lapsesAt })
        .from(wishClaims)
        .where(
          and(
            eq(wishClaims.wishId, id),
            eq(wishClaims.volunteerId, actor.id),
            inArray(wishClaims.status, ["active", "fulfilled"]),
          ),
        )
    : [];
  return {
    ...toWall(r),
    status: r.status,
    reason: insider ? r.reason : null,
    thanks: r.thanks,
    createdAt: r.createdAt,
    viewer: {
      claim: claim ? { id: claim.id, status: claim.status as "active" | "fulfilled", lapsesAt: claim.lapsesAt } : null,
      isSubmitter,
    },
  };
}

/** What a volunteer may do now: the community's cap, and how many claims they hold. */
export async function getClaimAllowance(
  db: DbOrTx,
  actor: Actor,
): Promise<{ cap: number; held: number; days: number }> {
  const settings = await getSettings(db);
  const [{ n }] = await db
    .select({ n: count() })
    .from(wishClaims)
    .where(and(eq(wishClaims.volunteerId, actor.id), eq(wishClaims.status, "active")));
  return { cap: settings.claimCap, held: n, days: settings.claimDays };
}

export interface MyLiveClaim {
  id: string;
  status: "active" | "fulfilled";
  wishId: string;
  title: string;
  story: string;
  alias: string;
  category: WishCategory;
  value: number;
  wantedBy: string | null;
  claimedAt: Date;
  lapsesAt: Date;
  note: string | null;
  /** The photo I sent with "it came true". */
  photoId: string | null;
  fulfilledAt: Date | null;
  /** The time I said it took, in minutes (once fulfilled). */
  declaredMinutes: number | null;
  /** The beneficiary's name, phone and address: mine to see while I hold the claim. */
  contact: BeneficiaryContact | null;
}

export interface MyPastClaim {
  id: string;
  status: "confirmed" | "withdrawn" | "lapsed";
  wishId: string;
  title: string;
  alias: string;
  endedAt: Date | null;
  points: number;
  /** The time the organisers confirmed, in minutes: my service hours for it (confirmed only). */
  confirmedMinutes: number | null;
}

/** My claims: the live ones with the contact, and the ended ones (confirmed ones earned points). */
export async function listMyClaims(
  db: Db,
  actor: Actor,
  now?: Date,
): Promise<{ live: MyLiveClaim[]; past: MyPastClaim[] }> {
  const rows = await db
    .select({
      id: wishClaims.id,
      status: wishClaims.status,
      wishId: wishes.id,
      title: wishes.title,
      story: wishes.story,
      alias: wishes.alias,
      category: wishes.category,
      value: wishes.value,
      wantedBy: wishes.wantedBy,
      claimedAt: wishClaims.claimedAt,
      lapsesAt: wishClaims.lapsesAt,
      note: wishClaims.note,
      photoId: wishClaims.photoId,
      fulfilledAt: wishClaims.fulfilledAt,
      declaredMinutes: wishClaims.declaredMinutes,
      confirmedMinutes: wishClaims.confirmedMinutes,
      endedAt: wishClaims.endedAt,
      points: sql<number>`coalesce((select sum(p.points) from ${pointEntries} p where p.kind = 'wish_fulfilled' and p.ref_id = ${wishClaims.id}), 0)::int`,
    })
    .from(wishClaims)
    .innerJoin(wishes, eq(wishes.id, wishClaims.wishId))
    .where(eq(wishClaims.volunteerId, actor.id))
    .orderBy(desc(wishClaims.claimedAt), asc(wishClaims.id))
    .limit(100);
  const live: MyLiveClaim[] = [];
  const past: MyPastClaim[] = [];
  const clock = now ?? new Date();
  for (const r of rows) {
    // Past its time a claim is over, even in the seconds before the queue has lapsed it.
    const overdue = r.status === "active" && r.lapsesAt <= clock;
    if ((r.status === "active" && !overdue) || r.status === "fulfilled") {
      const contact = await beneficiaryContact(db, actor, r.wishId);
      live.push({
        id: r.id,
        status: r.status,
        wishId: r.wishId,
        title: r.title,
        story: r.story,
        alias: r.alias,
        category: r.category,
        value: r.value,
        wantedBy: r.wantedBy,
        claimedAt: r.claimedAt,
        lapsesAt: r.lapsesAt,
        note: r.note,
        photoId: r.photoId,
        fulfilledAt: r.fulfilledAt,
        declaredMinutes: r.declaredMinutes,
        contact: contact.ok ? contact.data : null,
      });
    } else {
      past.push({
        id: r.id,
        status: overdue ? "lapsed" : (r.status as MyPastClaim["status"]),
        wishId: r.wishId,
        title: r.title,
        alias: r.alias,
        endedAt: overdue ? r.lapsesAt : r.endedAt,
        confirmedMinutes: r.status === "confirmed" ? r.confirmedMinutes : null,
        points: r.points,
      });
    }
  }
  return { live, past };
}

export interface MyOwnWish {
  id: string;
  title: string;
  status: WishStatus;
  reason: string | null;
  createdAt: Date;
  editable: boolean;
}

/** The wishes I asked for myself, newest first, with the organisers' reason. */
export async function listMyOwnWishes(db: DbOrTx, actor: Actor): Promise<MyOwnWish[]> {
  const rows = await db
    .select({
      id: wishes.id,
      title: wishes.title,
      status: wishes.status,
      reason: wishes.reason,
      createdAt: wishes.createdAt,
    })
    .from(wishes)
    .innerJoin(beneficiaries, eq(beneficiaries.id, wishes.beneficiaryId))
    .where(and(eq(wishes.submittedBy, actor.id), eq(beneficiaries.userId, actor.id)))
    .orderBy(desc(wishes.createdAt), asc(wishes.id))
    .limit(50);
  return rows.map((r) => ({ ...r, editable: r.status === "pending" || r.status === "changes" }));
}

export interface OwnWishForEdit {
  id: string;
  version: number;
  status: WishStatus;
  reason: string | null;
  title: string;
  story: string;
  category: WishCategory;
  value: number;
  wantedBy: string | null;
  alias: string;
  age: number;
  circumstance: Circumstance;
  photoId: string | null;
}

/** My own wish as its form needs it, while I may still change it. */
export async function getOwnWishForEdit(db: DbOrTx, actor: Actor, id: string): Promise<OwnWishForEdit | null> {
  if (!isWishId(id)) return null;
  const [r] = await db
    .select({
      id: wishes.id,
      version: wishes.version,
      status: wishes.status,
      reason: wishes.reason,
      title: wishes.title,
      story: wishes.story,
      category: wishes.category,
      value: wishes.value,
      wantedBy: wishes.wantedBy,
      alias: wishes.alias,
      age: beneficiaries.age,
      circumstance: beneficiaries.circumstance,
      photoId: wishes.photoId,
    })
    .from(wishes)
    .innerJoin(beneficiaries, eq(beneficiaries.id, wishes.beneficiaryId))
    .where(and(eq(wishes.id, id), eq(wishes.submittedBy, actor.id), inArray(wishes.status, ["pending", "changes"])));
  return r ?? null;
}

/**
 * Who may see a photo kept for micro-wishes. A wish's photo is public while the wish is on the
 * wall (open, claimed, fulfilled, done); a fulfilment photo once its claim is confirmed. Otherwise
 * organisers, the wish's submitter and its claimant. A photo that belongs to no wish or claim
 * (a nomination's) is not this route's to serve.
 */
export async function canSeeWishPhoto(db: DbOrTx, photoId: string, actor: Actor | null): Promise<boolean> {
  if (!isWishId(photoId)) return false;
  const asWish = await db
    .select({ id: wishes.id, status: wishes.status, submittedBy: wishes.submittedBy })
    .from(wishes)
    .where(eq(wishes.photoId, photoId));
  const asClaim = await db
    .select({
      id: wishClaims.id,
      status: wishClaims.status,
      volunteerId: wishClaims.volunteerId,
      wishId: wishClaims.wishId,
      submittedBy: wishes.submittedBy,
    })
    .from(wishClaims)
    .innerJoin(wishes, eq(wishes.id, wishClaims.wishId))
    .where(eq(wishClaims.photoId, photoId));
  if (!asWish.length && !asClaim.length) return false;
  if (asWish.some((w) => ["open", "claimed", "fulfilled", "done"].includes(w.status))) return true;
  if (asClaim.some((c) => c.status === "confirmed")) return true;
  if (!actor) return false;
  if (isOrganiser(actor)) return true;
  if (
    asWish.some((w) => w.submittedBy === actor.id) ||
    asClaim.some((c) => c.volunteerId === actor.id || c.submittedBy === actor.id)
  )
    return true;
  if (asWish.length) {
    const [held] = await db
      .select({ id: wishClaims.id })
      .from(wishClaims)
      .where(
        and(
          inArray(
            wishClaims.wishId,
            asWish.map((w) => w.id),
          ),
          eq(wishClaims.volunteerId, actor.id),
          inArray(wishClaims.status, ["active", "fulfilled"]),
        ),
      );
    if (held) return true;
  }
  return false;
}
