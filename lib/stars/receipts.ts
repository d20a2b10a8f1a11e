import "server-only";
import { and, asc, count, eq, like, ne } from "drizzle-orm";
import { festivals, starCategories, starReceipts } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { pageWindow } from "@/lib/pagination";
import { mixClosedBallots } from "./mix";
import { normaliseReceipt } from "./receipt";

// The public list of receipts, a bulletin board each voter checks their own against once voting
// has closed: every counted ballot's receipt and its category, and never a candidate — a receipt
// that proved the choice would let a vote be bought and checked.

export const RECEIPTS_PAGE_SIZE = 200;

export interface ReceiptList {
  /** Voting has closed: the list is complete. Before that it is empty. */
  closed: boolean;
  categories: { id: string; name: string; ballots: number }[];
  /** The receipt searched for, as normalised; null when nothing was searched. */
  searched: string | null;
  /** The counted ballot with exactly that receipt, or null when there is none. */
  match: { receipt: string; categoryName: string } | null;
  rows: { receipt: string; categoryName: string }[];
  total: number;
  page: number;
  pageCount: number;
}

/** The counted receipts of a festival residents can see, by code, a page at a time. */
export async function listReceipts(
  db: DbOrTx,
  slug: string,
  opts: { q?: string; page?: number; now?: Date } = {},
): Promise<ReceiptList | null> {
  const now = opts.now ?? new Date();
  const [f] = await db
    .select({ id: festivals.id, closes: festivals.votingClosesAt })
    .from(festivals)
    .where(and(eq(festivals.slug, slug), ne(festivals.status, "draft")));
  if (!f) return null;
  const searched = opts.q ? normaliseReceipt(opts.q) || null : null;
  const closed = !!f.closes && now > f.closes;
  if (closed) await mixClosedBallots(db, { festivalId: f.id, now });
  const categories = await db
    .select({ id: starCategories.id, name: starCategories.name, ballots: count(starReceipts.id) })
    .from(starCategories)
    .leftJoin(starReceipts, eq(starReceipts.categoryId, starCategories.id))
    .where(eq(starCategories.festivalId, f.id))
    .groupBy(starCategories.id)
    .orderBy(asc(starCategories.position), asc(starCategories.name));
  if (!closed) return { closed, categories, searched, match: null, rows: [], total: 0, page: 1, pageCount: 1 };

  // The normalised code holds only capitals, digits and one dash: nothing LIKE reads as a wildcard.
  const where = and(
    eq(starCategories.festivalId, f.id),
    searched ? like(starReceipts.receipt, `${searched}%`) : undefined,
  );
  const [{ total }] = await db
    .select({ total: count() })
    .from(starReceipts)
    .innerJoin(starCategories, eq(starCategories.id, starReceipts.categoryId))
    .where(where);
  const { page, pageCount, limit, offset } = pageWindow(total, opts.page ?? 1, RECEIPTS_PAGE_SIZE);
  const rows = await db
    .select({ receipt: starReceipts.receipt, categoryName: starCategories.name })
    .from(starReceipts)
    .innerJoin(starCategories, eq(starCategories.id, starReceipts.categoryId))
    .where(where)
    .orderBy(asc(starReceipts.receipt), asc(starCategories.position))
    .limit(limit)
    .offset(offset);
  const match = searched ? (rows.find((r) => r.receipt === searched) ?? null) : null;
  return { closed, categories, searched, match, rows, total, page, pageCount };
}
