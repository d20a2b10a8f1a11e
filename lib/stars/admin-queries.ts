import "server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { NominationStatus } from "@/vocabulary/stars";
import { festivals, households, starCategories, starNominations, users, type StarCategory } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { pageWindow, type Page } from "@/lib/pagination";
import { fail, ok, type Result } from "@/lib/result";
import { getStarsFestival, type StarsFestival } from "./queries";
import { standings, winnersOf } from "./service";
import { mixClosedBallots } from "./mix";
import type { VettingFilters } from "./admin-forms";

// What the organisers' Neighbourhood Star pages read: categories with how many nominations each
// holds, the vetting list with merged stories under their target, and the winners-to-be. Each
// read takes the actor and answers anyone but an organiser `forbidden`, with no rows: nominators'
// phones, addresses and the standings before publication are theirs alone.

export interface StarsAdminFestival extends StarsFestival {
  status: "draft" | "published" | "archived";
  /** Voting has opened (or passed): categories and candidates are fixed, as the services hold. */
  rulesLocked: boolean;
}

/** Any festival, drafts included, with where its windows stand for the organisers. */
export async function getStarsAdminFestival(
  db: DbOrTx,
  actor: Actor | null,
  slug: string,
  now = new Date(),
): Promise<Result<StarsAdminFestival | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const f = await getStarsFestival(db, slug, now, { drafts: true });
  if (!f) return ok(null);
  const [{ status }] = await db.select({ status: festivals.status }).from(festivals).where(eq(festivals.id, f.id));
  return ok({ ...f, status, rulesLocked: !!f.votingOpensAt && now >= f.votingOpensAt });
}

export interface AdminCategory extends Pick<
  StarCategory,
  "id" | "name" | "description" | "winners" | "votesPerVoter" | "mode" | "nominationCap" | "version"
> {
  nominations: number;
  candidates: number;
  pending: number;
}

/** The festival's categories in their order, each with its nominations counted by state. */
export async function listCategoriesForAdmin(
  db: DbOrTx,
  actor: Actor | null,
  festivalId: string,
): Promise<Result<AdminCategory[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const rows = await db
    .select({
      id: starCategories.id,
      name: starCategories.name,
      description: starCategories.description,
      winners: starCategories.winners,
      votesPerVoter: starCategories.votesPerVoter,
      mode: starCategories.mode,
      nominationCap: starCategories.nominationCap,
      version: starCategories.version,
      nominations: sql<number>`count(${starNominations.id})::int`,
      candidates: sql<number>`count(${starNominations.id}) filter (where ${starNominations.status} = 'approved')::int`,
      pending: sql<number>`count(${starNominations.id}) filter (where ${starNominations.status} = 'pending')::int`,
    })
    .from(starCategories)
    .leftJoin(starNominations, eq(starNominations.categoryId, starCategories.id))
    .where(eq(starCategories.festivalId, festivalId))
    .groupBy(starCategories.id)
    .orderBy(asc(starCategories.position), asc(starCategories.name));
  return ok(rows);
}

export interface MergedStory {
  id: string;
  nomineeName: string;
  story: string;
  nominatorName: string;
  createdAt: Date;
}

export interface VettingItem {
  id: string;
  categoryId: string;
  categoryName: string;
  nomineeName: string;
  nomineeHasAccount: boolean;
  /** The account the nominator's phone number matched, by its own name (organisers only). */
  accountName: string | null;
  /** Where the nominee lives: as the nominator wrote it, else the account's household. */
  building: string | null;
  unit: string | null;
  story: string;
  photoId: string | null;
  status: NominationStatus;
  reason: string | null;
  version: number;
  nominatorName: string;
  nominatorPhone: string;
  createdAt: Date;
  /** A merged nomination: the one it joined. */
  mergedInto: { id: string; nomineeName: string } | null;
  /** Nominations merged into this one, oldest first. */
  merged: MergedStory[];
}

export const VETTING_PAGE_SIZE = 50;
const nominee = alias(users, "nominee");

const vettingWhere = (festivalId: string, f: Pick<VettingFilters, "status" | "category">) =>
  and(
    eq(starNominations.festivalId, festivalId),
    f.status ? eq(starNominations.status, f.status) : undefined,
    f.category ? eq(starNominations.categoryId, f.category) : undefined,
  );

/**
 * One page of nominations for vetting, by category and then name so the same person's
 * nominations sit together, with the stories merged into each.
 */
export async function listVetting(
  db: DbOrTx,
  actor: Actor | null,
  festivalId: string,
  filters: VettingFilters,
): Promise<Result<Page<VettingItem>>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const where = vettingWhere(festivalId, filters);
  const [{ total }] = await db.select({ total: count() }).from(starNominations).where(where);
  const { page, pageCount, limit, offset } = pageWindow(total, filters.page, VETTING_PAGE_SIZE);
  const rows = await db
    .select({
      id: starNominations.id,
      categoryId: starNominations.categoryId,
      categoryName: starCategories.name,
      nomineeName: starNominations.nomineeName,
      nomineeHasAccount: sql<boolean>`${starNominations.nomineeUserId} is not null`,
      accountName: nominee.name,
      building: sql<string | null>`coalesce(${starNominations.building}, ${households.building})`,
      unit: sql<
        string | null
      >`case when ${starNominations.building} is null then ${households.unit} else ${starNominations.unit} end`,
      story: starNominations.story,
      photoId: starNominations.photoId,
      status: starNominations.status,
      reason: starNominations.reason,
      version: starNominations.version,
      nominatorName: users.name,
      nominatorPhone: users.phone,
      mergedIntoId: starNominations.mergedInto,
      createdAt: starNominations.createdAt,
    })
    .from(starNominations)
    .innerJoin(starCategories, eq(starCategories.id, starNominations.categoryId))
    .innerJoin(users, eq(users.id, starNominations.nominatorId))
    .leftJoin(nominee, eq(nominee.id, starNominations.nomineeUserId))
    .leftJoin(households, eq(households.id, nominee.householdId))
    .where(where)
    .orderBy(
      asc(starCategories.position),
      asc(starNominations.nomineeName),
      asc(starNominations.createdAt),
      asc(starNominations.id),
    )
    .limit(limit)
    .offset(offset);
  if (!rows.length) return ok({ rows: [], total, page, pageCount });

  const ids = rows.map((r) => r.id);
  const merged = await db
    .select({
      into: starNominations.mergedInto,
      id: starNominations.id,
      nomineeName: starNominations.nomineeName,
      story: starNominations.story,
      nominatorName: users.name,
      createdAt: starNominations.createdAt,
    })
    .from(starNominations)
    .innerJoin(users, eq(users.id, starNominations.nominatorId))
    .where(and(eq(starNominations.status, "merged"), inArray(starNominations.mergedInto, ids)))
    .orderBy(asc(starNominations.createdAt));
  const targetIds = [...new Set(rows.map((r) => r.mergedIntoId).filter((x): x is string => !!x))];
  const targets = targetIds.length
    ? await db
        .select({ id: starNominations.id, nomineeName: starNominations.nomineeName })
        .from(starNominations)
        .where(inArray(starNominations.id, targetIds))
    : [];
  return ok({
    rows: rows.map(({ mergedIntoId, ...r }) => ({
      ...r,
      mergedInto: mergedIntoId ? (targets.find((x) => x.id === mergedIntoId) ?? null) : null,
      merged: merged
        .filter((m) => m.into === r.id)
        .map((m) => ({
          id: m.id,
          nomineeName: m.nomineeName,
          story: m.story,
          nominatorName: m.nominatorName,
          createdAt: m.createdAt,
        })),
    })),
    total,
    page,
    pageCount,
  });
}

export type VettingCounts = Record<NominationStatus | "all", number>;

/** How many nominations each state holds, within the chosen category. */
export async function countVetting(
  db: DbOrTx,
  actor: Actor | null,
  festivalId: string,
  category?: string,
): Promise<Result<VettingCounts>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const rows = await db
    .select({ status: starNominations.status, n: count() })
    .from(starNominations)
    .where(vettingWhere(festivalId, { category }))
    .groupBy(starNominations.status);
  const of = (s: NominationStatus) => rows.find((r) => r.status === s)?.n ?? 0;
  return ok({
    all: rows.reduce((a, r) => a + r.n, 0),
    pending: of("pending"),
    approved: of("approved"),
    rejected: of("rejected"),
    declined: of("declined"),
    merged: of("merged"),
  });
}

export interface MergeCandidate {
  id: string;
  categoryId: string;
  nomineeName: string;
  building: string | null;
  status: NominationStatus;
}

/** Nominations that can still be merged (pending or approved), for choosing a merge target. */
export async function listMergeCandidates(
  db: DbOrTx,
  actor: Actor | null,
  festivalId: string,
): Promise<Result<MergeCandidate[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  return ok(
    await db
      .select({
        id: starNominations.id,
        categoryId: starNominations.categoryId,
        nomineeName: starNominations.nomineeName,
        building: starNominations.building,
        status: starNominations.status,
      })
      .from(starNominations)
      .where(and(eq(starNominations.festivalId, festivalId), inArray(starNominations.status, ["pending", "approved"])))
      .orderBy(asc(starNominations.nomineeName), desc(starNominations.status), asc(starNominations.createdAt)),
  );
}

/**
 * Where a nomination could go when merged: other live nominations of its category, the same
 * name first (the usual case: one neighbour nominated twice), approved before pending.
 */
export function mergeTargetsFor(
  item: Pick<VettingItem, "id" | "categoryId" | "nomineeName">,
  all: MergeCandidate[],
): MergeCandidate[] {
  const same = (c: MergeCandidate) => (c.nomineeName === item.nomineeName ? 0 : 1);
  return all.filter((c) => c.categoryId === item.categoryId && c.id !== item.id).sort((a, b) => same(a) - same(b));
}

export interface PreviewCandidate {
  id: string;
  name: string;
  building: string | null;
  votes: number;
}

export interface PublishPreview {
  categoryId: string;
  name: string;
  winners: number;
  candidates: number;
  /** Winners by votes alone. */
  sure: PreviewCandidate[];
  /** Candidates tied across the cut, sharing `places` places: the organisers choose among them. */
  tie: { tied: PreviewCandidate[]; places: number; votes: number } | null;
}

/** The winners-to-be of every category, as publishing would fix them, with the ties to settle. */
export async function publishPreview(
  db: DbOrTx,
  actor: Actor | null,
  festivalId: string,
  now = new Date(),
): Promise<Result<PublishPreview[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  // Counted votes only exist once voting has closed and its ballots are mixed: mix them first.
  await mixClosedBallots(db, { festivalId, now });
  const categories = await db
    .select()
    .from(starCategories)
    .where(eq(starCategories.festivalId, festivalId))
    .orderBy(asc(starCategories.position), asc(starCategories.name));
  const out: PublishPreview[] = [];
  for (const c of categories) {
    const list = await standings(db, c.id);
    const people = list.length
      ? await db
          .select({
            id: starNominations.id,
            name: starNominations.nomineeName,
            building: sql<string | null>`coalesce(${starNominations.building}, ${households.building})`,
          })
          .from(starNominations)
          .leftJoin(users, eq(users.id, starNominations.nomineeUserId))
          .leftJoin(households, eq(households.id, users.householdId))
          .where(
            inArray(
              starNominations.id,
              list.map((s) => s.nominationId),
            ),
          )
      : [];
    const person = (s: { nominationId: string; votes: number }): PreviewCandidate => {
      const p = people.find((x) => x.id === s.nominationId);
      return { id: s.nominationId, name: p?.name ?? "", building: p?.building ?? null, votes: s.votes };
    };
    const { sure, tie } = winnersOf(list, c.winners);
    out.push({
      categoryId: c.id,
      name: c.name,
      winners: c.winners,
      candidates: list.length,
      sure: sure.map(person),
      tie: tie ? { tied: tie.tied.map(person), places: tie.places, votes: tie.tied[0].votes } : null,
    });
  }
  return ok(out);
}
