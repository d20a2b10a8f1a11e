import "server-only";
import { and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { festivals, notifications, starCategories, starNominations, starVotes, starWinners, users } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { takePhoneLookups } from "@/lib/limits/daily";
import { preparePhoto } from "@/lib/photos/prepare";
import { storePhoto } from "@/lib/photos/store";
import { checkChoice, dropBallot } from "./ballot-box";
import { mixBatch, mixClosedBallots } from "./mix";
import {
  ballotSchema,
  categorySchema,
  deleteCategorySchema,
  editStorySchema,
  mergeSchema,
  nominationSchema,
  publishSchema,
  updateCategorySchema,
  vetSchema,
} from "./schemas";
import { isUuid } from "@/lib/ids";
import { holdHouseholdForBallot } from "@/lib/accounts/household-change";

// Neighbourhood Star: categories, nominations, vetting, ballots and results. Every rule is here;
// pages and actions only pass the session along.

type Window = "before" | "open" | "after";
const windowAt = (opens: Date | null, closes: Date | null, now: Date): Window | null =>
  !opens || !closes ? null : now < opens ? "before" : now > closes ? "after" : "open";

async function festivalBySlug(db: DbOrTx, slug: string) {
  const [f] = await db.select().from(festivals).where(eq(festivals.slug, slug));
  return f ?? null;
}

/** Rules are fixed from the moment voting opens: categories and the set of candidates. */
const votingStarted = (f: { votingOpensAt: Date | null }, now: Date) => !!f.votingOpensAt && now >= f.votingOpensAt;

// ——— categories ———

export async function createCategory(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ id: string }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "stars.category_create");
  const parsed = parseInput(categorySchema, input);
  if (!parsed.ok) return parsed;
  const { festivalSlug, ...v } = parsed.data;
  const f = await festivalBySlug(db, festivalSlug);
  if (!f) return fail("not_found");
  if (votingStarted(f, ctx.now ?? new Date())) return fail("rules_locked");
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: count() }).from(starCategories).where(eq(starCategories.festivalId, f.id));
    const [row] = await tx
      .insert(starCategories)
      .values({ ...v, festivalId: f.id, position: n })
      .onConflictDoNothing()
      .returning({ id: starCategories.id });
    if (!row) return fail("invalid", { name: ["category_name_taken"] });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "stars.category_create",
      targetType: "star_category",
      targetId: row.id,
      details: { before: null, after: v },
    });
    return ok({ id: row.id });
  });
}

export async function updateCategory(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ version: number }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "stars.category_update");
  const parsed = parseInput(updateCategorySchema, input);
  if (!parsed.ok) return parsed;
  const { id, version, ...v } = parsed.data;
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(starCategories).where(eq(starCategories.id, id)).for("update");
    if (!c) return fail("not_found");
    const [f] = await tx.select().from(festivals).where(eq(festivals.id, c.festivalId));
    if (votingStarted(f, ctx.now ?? new Date())) return fail("rules_locked");
    if (c.version !== version) return fail("stale_version");
    const clash = await tx
      .select({ id: starCategories.id })
      .from(starCategories)
      .where(
        and(eq(starCategories.festivalId, c.festivalId), eq(starCategories.name, v.name), ne(starCategories.id, id)),
      );
    if (clash.length) return fail("invalid", { name: ["category_name_taken"] });
    await tx
      .update(starCategories)
      .set({ ...v, version: version + 1 })
      .where(eq(starCategories.id, id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "stars.category_update",
      targetType: "star_category",
      targetId: id,
      details: {
        before: {
          name: c.name,
          description: c.description,
          winners: c.winners,
          votesPerVoter: c.votesPerVoter,
          mode: c.mode,
          nominationCap: c.nominationCap,
        },
        after: v,
      },
    });
    return ok({ version: version + 1 });
  });
}

/** A category with nominations is kept (their stories would go with it). */
export async function deleteCategory(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "stars.category_delete");
  const parsed = parseInput(deleteCategorySchema, input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(starCategories).where(eq(starCategories.id, parsed.data.id)).for("update");
    if (!c) return fail("not_found");
    const [f] = await tx.select().from(festivals).where(eq(festivals.id, c.festivalId));
    if (votingStarted(f, ctx.now ?? new Date())) return fail("rules_locked");
    const [{ n }] = await tx.select({ n: count() }).from(starNominations).where(eq(starNominations.categoryId, c.id));
    if (n > 0) return fail("category_in_use");
    await tx.delete(starCategories).where(eq(starCategories.id, c.id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "stars.category_delete",
      targetType: "star_category",
      targetId: c.id,
      details: {
        before: {
          name: c.name,
          description: c.description,
          winners: c.winners,
          votesPerVoter: c.votesPerVoter,
          mode: c.mode,
          nominationCap: c.nominationCap,
        },
        after: null,
      },
    });
    return ok(undefined);
  });
}

// ——— nominations ———

/**
 * A verified resident nominates a neighbour during the nomination window: a resident with an
 * account (by mobile number; they are told and can decline) or a named person with building and
 * unit, with a story and an optional photo.
 */
export async function nominate(
  db: Db,
  actor: Actor | null,
  input: unknown,
  photo: Buffer | null = null,
  ctx: { now?: Date } = {},
): Promise<Result<{ id: string }>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(nominationSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  if (!actor.verified) {
    await writeAudit(db, {
      actorId: actor.id,
      action: "stars.nominate",
      outcome: "refused",
      details: { reason: "not_verified" },
    });
    return fail("not_verified");
  }
  const f = await festivalBySlug(db, v.festivalSlug);
  if (!f || f.status !== "published") return fail("not_found");
  if (windowAt(f.nominationOpensAt, f.nominationClosesAt, ctx.now ?? new Date()) !== "open")
    return fail("nomination_closed");
  const [category] = await db
    .select()
    .from(starCategories)
    .where(and(eq(starCategories.id, v.categoryId), eq(starCategories.festivalId, f.id)));
  if (!category) return fail("invalid", { categoryId: ["category_unknown"] });

  let nominee: { userId: string | null; name: string; building: string | null; unit: string | null };
  if (v.nominee.kind === "account") {
    if (!(await takePhoneLookups(db, actor.id, 1))) return fail("invalid", { nominee: ["lookup_limit"] });
    const [u] = await db.select({ id: users.id }).from(users).where(eq(users.phone, v.nominee.phone));
    if (!u) return fail("invalid", { nominee: ["phone_no_account"] });
    if (u.id === actor.id) return fail("invalid", { nominee: ["phone_is_yours"] });
    // The name the nominator typed: the account's own name stays with the organisers.
    nominee = { userId: u.id, name: v.nominee.name, building: null, unit: null };
  } else {
    nominee = { userId: null, name: v.nominee.name, building: v.nominee.building, unit: v.nominee.unit || null };
  }
  const prepared = photo && photo.length ? await preparePhoto(photo) : null;
  if (prepared && !prepared.ok) return fail("invalid", { photo: [prepared.code] });

  return db.transaction(async (tx) => {
    // The cap per resident and category, counted under a lock on the nominator's own rows.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`nominate:${actor.id}:${category.id}`}))`);
    const mine = await tx
      .select({ nomineeUserId: starNominations.nomineeUserId, nomineeName: starNominations.nomineeName })
      .from(starNominations)
      .where(and(eq(starNominations.nominatorId, actor.id), eq(starNominations.categoryId, category.id)));
    if (
      mine.some((m) =>
        nominee.userId ? m.nomineeUserId === nominee.userId : !m.nomineeUserId && m.nomineeName === nominee.name,
      )
    )
      return fail("already_nominated");
    if (mine.length >= category.nominationCap) return fail("nomination_cap");
    const photoId = await storePhoto(tx, prepared);
    const [row] = await tx
      .insert(starNominations)
      .values({
        festivalId: f.id,
        categoryId: category.id,
        nominatorId: actor.id,
        nomineeUserId: nominee.userId,
        nomineeName: nominee.name,
        building: nominee.building,
        unit: nominee.unit,
        story: v.story,
        photoId,
      })
      .returning({ id: starNominations.id });
    if (nominee.userId) {
      await tx.insert(notifications).values({
        userId: nominee.userId,
        kind: "star.nominated",
        data: { nominationId: row.id, category: category.name, from: actor.name },
      });
    }
    return ok({ id: row.id });
  });
}

/** The nominee says no, before voting opens; the nominator is told. */
export async function declineNomination(
  db: Db,
  actor: Actor | null,
  id: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<undefined>> {
  if (!actor) return fail("unauthenticated");
  if (!isUuid(id)) return fail("invalid");
  return db.transaction(async (tx) => {
    const [n] = await tx.select().from(starNominations).where(eq(starNominations.id, id)).for("update");
    if (!n) return fail("not_found");
    if (n.nomineeUserId !== actor.id) return refuse(tx, actor.id, "stars.decline", { nominationId: id });
    const [f] = await tx.select().from(festivals).where(eq(festivals.id, n.festivalId));
    if (votingStarted(f, ctx.now ?? new Date())) return fail("rules_locked");
    if (n.status === "declined") return ok(undefined);
    if (n.status !== "pending" && n.status !== "approved") return fail("not_found");
    await tx
      .update(starNominations)
      .set({ status: "declined", updatedAt: new Date(), version: n.version + 1 })
      .where(eq(starNominations.id, id));
    await tx
      .insert(notifications)
      .values({ userId: n.nominatorId, kind: "star.declined", data: { nominationId: id, nominee: n.nomineeName } });
    return ok(undefined);
  });
}

// ——— vetting ———

/** Organisers approve (the nomination becomes a candidate) or reject with a reason, before voting opens. */
export async function vetNominations(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ changed: number }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "stars.vet");
  const parsed = parseInput(vetSchema, input);
  if (!parsed.ok) return parsed;
  const { ids, decision, reason } = parsed.data;
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(starNominations)
      .where(inArray(starNominations.id, ids))
      .orderBy(asc(starNominations.id))
      .for("update");
    const festivalIds = [...new Set(rows.map((r) => r.festivalId))];
    const fs = festivalIds.length ? await tx.select().from(festivals).where(inArray(festivals.id, festivalIds)) : [];
    if (fs.some((f) => votingStarted(f, now))) return fail("rules_locked");
    const cats = rows.length
      ? await tx
          .select({ id: starCategories.id, name: starCategories.name })
          .from(starCategories)
          .where(
            inArray(
              starCategories.id,
              rows.map((r) => r.categoryId),
            ),
          )
      : [];
    let changed = 0;
    for (const n of rows) {
      const to = decision === "approve" ? "approved" : "rejected";
      if (n.status === to || (n.status !== "pending" && n.status !== "approved" && n.status !== "rejected")) continue;
      await tx
        .update(starNominations)
        .set({ status: to, reason: decision === "reject" ? reason : null, updatedAt: now, version: n.version + 1 })
        .where(eq(starNominations.id, n.id));
      await tx.insert(notifications).values({
        userId: n.nominatorId,
        kind: `star.${to}`,
        data: {
          nominationId: n.id,
          nominee: n.nomineeName,
          category: cats.find((c) => c.id === n.categoryId)?.name,
          reason: reason || undefined,
        },
      });
      await writeAudit(tx, {
        actorId: actor!.id,
        action: `stars.${decision}`,
        targetType: "star_nomination",
        targetId: n.id,
        details: { before: n.status, after: to, ...(reason ? { reason } : {}) },
      });
      changed += 1;
    }
    return ok({ changed });
  });
}

/**
 * Two nominations of the same person in one category become one candidate: the source joins the
 * target (its story shown with the target's, its photo used if the target has none).
 */
export async function mergeNominations(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "stars.merge");
  const parsed = parseInput(mergeSchema, input);
  if (!parsed.ok) return parsed;
  const { sourceId, targetId } = parsed.data;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(starNominations)
      .where(inArray(starNominations.id, [sourceId, targetId]))
      .orderBy(asc(starNominations.id))
      .for("update");
    const source = rows.find((r) => r.id === sourceId);
    const target = rows.find((r) => r.id === targetId);
    if (!source || !target) return fail("not_found");
    if (source.categoryId !== target.categoryId) return fail("invalid", { targetId: ["not_same_category"] });
    const live = (s: string) => s === "pending" || s === "approved";
    if (!live(source.status) || !live(target.status)) return fail("invalid", { targetId: ["not_mergeable"] });
    const [f] = await tx.select().from(festivals).where(eq(festivals.id, source.festivalId));
    if (votingStarted(f, ctx.now ?? new Date())) return fail("rules_locked");
    const now = new Date();
    await tx
      .update(starNominations)
      .set({ status: "merged", mergedInto: target.id, updatedAt: now, version: source.version + 1 })
      .where(eq(starNominations.id, source.id));
    // Whatever pointed at the source now points at the target.
    await tx.update(starNominations).set({ mergedInto: target.id }).where(eq(starNominations.mergedInto, source.id));
    if (!target.photoId && source.photoId)
      await tx.update(starNominations).set({ photoId: source.photoId }).where(eq(starNominations.id, target.id));
    if (!target.nomineeUserId && source.nomineeUserId)
      await tx
        .update(starNominations)
        .set({ nomineeUserId: source.nomineeUserId })
        .where(eq(starNominations.id, target.id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "stars.merge",
      targetType: "star_nomination",
      targetId: target.id,
      details: { merged: source.id, nominee: source.nomineeName },
    });
    return ok(undefined);
  });
}

/** Organisers shorten a story or take out private details; the change and its reason are logged. */
export async function editStory(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ version: number }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "stars.edit_story");
  const parsed = parseInput(editStorySchema, input);
  if (!parsed.ok) return parsed;
  const { id, version, story, reason } = parsed.data;
  return db.transaction(async (tx) => {
    const [n] = await tx.select().from(starNominations).where(eq(starNominations.id, id)).for("update");
    if (!n) return fail("not_found");
    if (n.version !== version) return fail("stale_version");
    await tx
      .update(starNominations)
      .set({ story, updatedAt: new Date(), version: version + 1 })
      .where(eq(starNominations.id, id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "stars.edit_story",
      targetType: "star_nomination",
      targetId: id,
      details: { before: n.story, after: story, reason },
    });
    return ok({ version: version + 1 });
  });
}

// ——— voting ———

/** Why a ballot was refused goes to the audit log (second ballot, unverified, outside the window). */
async function refuseBallot(
  db: DbOrTx,
  actor: Actor,
  code: "not_verified" | "voting_closed" | "already_voted" | "household_required",
  details: Record<string, unknown>,
) {
  await writeAudit(db, {
    actorId: actor.id,
    action: "stars.vote",
    outcome: "refused",
    ip: actor.ip ?? null,
    details: { ...details, reason: code },
  });
  return fail(code);
}

/**
 * One ballot per verified resident per category (per household in household mode), final once
 * cast, with up to the category's votes, for approved candidates only. Returns the receipt code.
 * The ballot row records that the voter voted; the choice waits, under its receipt and nothing
 * else, until voting closes and mixing counts it (see mix.ts). The receipt is not kept with the
 * voter: the voter keeps it.
 */
export async function castBallot(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ receipt: string }>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(ballotSchema, input);
  if (!parsed.ok) return parsed;
  const { festivalSlug, categoryId } = parsed.data;
  const { candidateIds } = parsed.data;
  const f = await festivalBySlug(db, festivalSlug);
  if (!f || f.status !== "published") return fail("not_found");
  const [category] = await db
    .select()
    .from(starCategories)
    .where(and(eq(starCategories.id, categoryId), eq(starCategories.festivalId, f.id)));
  if (!category) return fail("invalid", { categoryId: ["category_unknown"] });
  if (!actor.verified) return refuseBallot(db, actor, "not_verified", { categoryId });
  if (windowAt(f.votingOpensAt, f.votingClosesAt, ctx.now ?? new Date()) !== "open")
    return refuseBallot(db, actor, "voting_closed", { categoryId });
  if (category.mode === "household" && !actor.householdId)
    return refuseBallot(db, actor, "household_required", { categoryId });
  const choice = await checkChoice(db, category, candidateIds);
  if (!choice.ok) return choice;

  return db.transaction(async (tx) => {
    // The household as it is now, held until the ballot commits: a move cannot slip in between.
    const householdId = category.mode === "household" ? await holdHouseholdForBallot(tx, actor.id) : actor.householdId;
    if (category.mode === "household" && !householdId)
      return refuseBallot(tx, actor, "household_required", { categoryId });
    const voterKey = category.mode === "household" ? `household:${householdId}` : `user:${actor.id}`;
    const receipt = await dropBallot(
      tx,
      { festivalId: f.id, categoryId: category.id, voterKey, voterId: actor.id, householdId, ip: actor.ip ?? null },
      choice.data,
    );
    if (!receipt) return refuseBallot(tx, actor, "already_voted", { categoryId });
    return ok({ receipt });
  });
}

// ——— results ———

export interface Standing {
  nominationId: string;
  votes: number;
}

/** Candidates of a category by votes, most first (ties keep a stable order by id). */
export async function standings(db: DbOrTx, categoryId: string): Promise<Standing[]> {
  const rows = await db
    .select({ nominationId: starNominations.id, votes: sql<number>`count(${starVotes.id})::int` })
    .from(starNominations)
    .leftJoin(starVotes, eq(starVotes.candidateId, starNominations.id))
    .where(and(eq(starNominations.categoryId, categoryId), eq(starNominations.status, "approved")))
    .groupBy(starNominations.id)
    .orderBy(desc(sql`count(${starVotes.id})`), asc(starNominations.id));
  return rows;
}

/**
 * The winners of a category: the top `winners` by votes. When candidates tie across the cut,
 * `tie` lists them and how many of the places they share: the organisers settle it.
 */
export function winnersOf(
  list: Standing[],
  places: number,
): { sure: Standing[]; tie: { tied: Standing[]; places: number } | null } {
  if (list.length <= places) return { sure: list, tie: null };
  const cut = list[places - 1].votes;
  if (list[places].votes !== cut) return { sure: list.slice(0, places), tie: null };
  const sure = list.filter((s) => s.votes > cut);
  const tied = list.filter((s) => s.votes === cut);
  return { sure, tie: { tied, places: places - sure.length } };
}

/**
 * After voting closes, organisers publish the results: the winners of every category are fixed,
 * ties at the cut settled by the organisers with a reason (refused until each is). Residents see
 * them from then on.
 */
export async function publishResults(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ winners: number }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "stars.publish");
  const parsed = parseInput(publishSchema, input);
  if (!parsed.ok) return parsed;
  const { festivalSlug, settlements } = parsed.data;
  const now = ctx.now ?? new Date();
  // Every ballot is counted before the winners are fixed: mixed here in batches of their own,
  // and whatever another mixer still holds is waited for inside the transaction below.
  const known = await festivalBySlug(db, festivalSlug);
  if (known) await mixClosedBallots(db, { festivalId: known.id, now });
  return db.transaction(async (tx) => {
    const [f] = await tx.select().from(festivals).where(eq(festivals.slug, festivalSlug)).for("update");
    if (!f) return fail("not_found");
    if (windowAt(f.votingOpensAt, f.votingClosesAt, now) !== "after") return fail("voting_not_closed");
    if (f.starsPublishedAt) return fail("already_published");
    while (await mixBatch(tx, { festivalId: f.id, now, wait: true }));
    const categories = await tx
      .select()
      .from(starCategories)
      .where(eq(starCategories.festivalId, f.id))
      .orderBy(asc(starCategories.position));
    const rows: (typeof starWinners.$inferInsert)[] = [];
    const unsettled: string[] = [];
    for (const c of categories) {
      const { sure, tie } = winnersOf(await standings(tx, c.id), c.winners);
      sure.forEach((s, i) =>
        rows.push({ categoryId: c.id, nominationId: s.nominationId, rank: i + 1, votes: s.votes }),
      );
      if (!tie) continue;
      const settled = settlements.find((s) => s.categoryId === c.id);
      const chosen = settled ? tie.tied.filter((t) => settled.winnerIds.includes(t.nominationId)) : [];
      if (!settled || chosen.length !== tie.places || settled.winnerIds.length !== tie.places) {
        unsettled.push(c.id);
        continue;
      }
      chosen.forEach((s) =>
        rows.push({
          categoryId: c.id,
          nominationId: s.nominationId,
          rank: sure.length + 1,
          votes: s.votes,
          tieReason: settled.reason,
        }),
      );
    }
    if (unsettled.length)
      return fail("invalid", Object.fromEntries(unsettled.map((id) => [`tie:${id}`, ["tie_unsettled"]])));
    if (rows.length) await tx.insert(starWinners).values(rows);
    await tx.update(festivals).set({ starsPublishedAt: new Date() }).where(eq(festivals.id, f.id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "stars.publish",
      targetType: "festival",
      targetId: f.id,
      details: {
        winners: rows.length,
        settlements: settlements.map((s) => ({ categoryId: s.categoryId, winnerIds: s.winnerIds, reason: s.reason })),
      },
    });
    return ok({ winners: rows.length });
  });
}
