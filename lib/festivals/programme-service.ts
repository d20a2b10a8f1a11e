import "server-only";
import { and, asc, eq, gt, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import { festivals, programmeItems, programmePublications, venues, type ProgrammeItem } from "@/db/schema";
import type { Db, DbOrTx, Tx } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { findConflicts, type Conflict } from "./conflicts";
import { toPublishedItem, toPublishedVenue } from "./published";
import { canManageFestivals } from "./permissions";
import {
  createItemSchema,
  deleteItemSchema,
  publishSchema,
  reorderActsSchema,
  updateItemSchema,
  updateVenueSchema,
  venueSchema,
} from "./schemas";
import { festivalBounds } from "./time";
import { isUuid } from "@/lib/ids";
import { sendJob } from "@/lib/jobs/queue";

export interface ItemDto {
  id: string;
  venueId: string | null;
  kind: ProgrammeItem["kind"];
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  parentId: string | null;
  position: number;
  people: string[];
  version: number;
}

export const toItemDto = (i: ProgrammeItem): ItemDto => ({
  id: i.id,
  venueId: i.venueId,
  kind: i.kind,
  title: i.title,
  description: i.description,
  startsAt: i.startsAt.toISOString(),
  endsAt: i.endsAt.toISOString(),
  capacity: i.capacity,
  parentId: i.parentId,
  position: i.position,
  people: i.people,
  version: i.version,
});

export interface Clash {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
}

/** A save that lost: someone saved first (with their version), or the venue is taken then. */
export type ItemFailure =
  { ok: false; code: "stale_version"; current: ItemDto | null } | { ok: false; code: "venue_taken"; clashes: Clash[] };
export type ItemResult = Result<{ item: ItemDto; warnings: Conflict[] }> | ItemFailure;

/**
 * What follows an item's places when the programme changes them, inside the save's transaction:
 * `false` refuses the change (`capacity_below_taken`). Places people register for are the
 * registrations' business, so the caller that knows them brings this; the programme knows
 * nothing of registrations.
 */
export type PlacesFollow = (tx: Tx, festivalId: string, itemId: string, capacity: number | null) => Promise<boolean>;

async function festivalBySlug(tx: DbOrTx, slug: string) {
  const [f] = await tx
    .select({ id: festivals.id, startsOn: festivals.startsOn, endsOn: festivals.endsOn, timeZone: festivals.timeZone })
    .from(festivals)
    .where(eq(festivals.slug, slug));
  return f ?? null;
}

async function festivalById(tx: DbOrTx, id: string) {
  const [f] = await tx
    .select({
      id: festivals.id,
      slug: festivals.slug,
      startsOn: festivals.startsOn,
      endsOn: festivals.endsOn,
      timeZone: festivals.timeZone,
    })
    .from(festivals)
    .where(eq(festivals.id, id));
  return f!;
}

/**
 * Locks the venue row, so two saves into one venue take turns: the second sees the first's
 * item when it looks for clashes. Returns false when the venue is not this festival's.
 */
async function lockVenue(tx: Tx, venueId: string, festivalId: string): Promise<boolean> {
  const rows = await tx
    .select({ id: venues.id })
    .from(venues)
    .where(and(eq(venues.id, venueId), eq(venues.festivalId, festivalId)))
    .for("update");
  return rows.length > 0;
}

async function venueClashes(
  tx: Tx,
  venueId: string,
  startsAt: Date,
  endsAt: Date,
  exceptId?: string,
): Promise<Clash[]> {
  const rows = await tx
    .select({
      id: programmeItems.id,
      title: programmeItems.title,
      startsAt: programmeItems.startsAt,
      endsAt: programmeItems.endsAt,
    })
    .from(programmeItems)
    .where(
      and(
        eq(programmeItems.venueId, venueId),
        isNull(programmeItems.parentId),
        lt(programmeItems.startsAt, endsAt),
        gt(programmeItems.endsAt, startsAt),
        exceptId ? ne(programmeItems.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(programmeItems.startsAt));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
  }));
}

/** The warnings that involve one item, after a save. */
async function warningsFor(tx: DbOrTx, festivalId: string, itemId: string): Promise<Conflict[]> {
  const f = await festivalById(tx, festivalId);
  const items = await tx.select().from(programmeItems).where(eq(programmeItems.festivalId, festivalId));
  return findConflicts(items, festivalBounds(f)).filter((c) =>
    "itemIds" in c ? c.itemIds.includes(itemId) : c.itemId === itemId,
  );
}

async function actsOf(tx: DbOrTx, blockId: string) {
  return tx
    .select()
    .from(programmeItems)
    .where(eq(programmeItems.parentId, blockId))
    .orderBy(asc(programmeItems.position), asc(programmeItems.startsAt));
}

// ——— venues ———

export async function createVenue(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: string }>> {
  if (!canManageFestivals(actor)) return refuse(db, actor?.id, "venues.create");
  const parsed = parseInput(venueSchema, input);
  if (!parsed.ok) return parsed;
  const { festivalSlug, ...v } = parsed.data;
  return db.transaction(async (tx) => {
    const f = await festivalBySlug(tx, festivalSlug);
    if (!f) return fail("not_found");
    const [row] = await tx
      .insert(venues)
      .values({ ...v, festivalId: f.id })
      .onConflictDoNothing({ target: [venues.festivalId, venues.name] })
      .returning({ id: venues.id });
    if (!row) return fail("invalid", { name: ["venue_name_taken"] });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "venues.create",
      targetType: "venue",
      targetId: row.id,
      details: { name: v.name },
    });
    return ok({ id: row.id });
  });
}

export async function updateVenue(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!canManageFestivals(actor)) return refuse(db, actor?.id, "venues.update");
  const parsed = parseInput(updateVenueSchema, input);
  if (!parsed.ok) return parsed;
  const { id, festivalSlug, ...v } = parsed.data;
  return db.transaction(async (tx) => {
    const f = await festivalBySlug(tx, festivalSlug);
    if (!f) return fail("not_found");
    const [clash] = await tx
      .select({ id: venues.id })
      .from(venues)
      .where(and(eq(venues.festivalId, f.id), eq(venues.name, v.name), ne(venues.id, id)));
    if (clash) return fail("invalid", { name: ["venue_name_taken"] });
    const [row] = await tx
      .update(venues)
      .set(v)
      .where(and(eq(venues.id, id), eq(venues.festivalId, f.id)))
      .returning({ id: venues.id });
    if (!row) return fail("not_found");
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "venues.update",
      targetType: "venue",
      targetId: id,
      details: { name: v.name },
    });
    return ok(undefined);
  });
}

/** A venue with items on it stays: move or remove them first. */
export async function deleteVenue(db: Db, actor: Actor | null, venueId: unknown): Promise<Result<undefined>> {
  if (!canManageFestivals(actor)) return refuse(db, actor?.id, "venues.delete");
  if (!isUuid(venueId)) return fail("invalid");
  return db.transaction(async (tx) => {
    const [used] = await tx
      .select({ id: programmeItems.id })
      .from(programmeItems)
      .where(eq(programmeItems.venueId, venueId))
      .limit(1);
    if (used) return fail("venue_in_use");
    const [row] = await tx.delete(venues).where(eq(venues.id, venueId)).returning({ id: venues.id, name: venues.name });
    if (!row) return fail("not_found");
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "venues.delete",
      targetType: "venue",
      targetId: venueId,
      details: { name: row.name },
    });
    return ok(undefined);
  });
}

// ——— programme items ———

/**
 * Adds an item. A venue already booked at that time refuses it. An act joins the end of its
 * performance block's running order, in the block's venue.
 */
export async function createItem(db: DbOrTx, actor: Actor | null, input: unknown): Promise<ItemResult> {
  if (!canManageFestivals(actor)) return refuse(db, actor?.id, "programme.create");
  const parsed = parseInput(createItemSchema, input);
  if (!parsed.ok) return parsed;
  const { festivalSlug, ...v } = parsed.data;
  return db.transaction(async (tx): Promise<ItemResult> => {
    const f = await festivalBySlug(tx, festivalSlug);
    if (!f) return fail("not_found");
    let { venueId, startsAt, endsAt } = v;
    let position = 0;
    if (v.parentId) {
      const [block] = await tx
        .select()
        .from(programmeItems)
        .where(and(eq(programmeItems.id, v.parentId), eq(programmeItems.festivalId, f.id)))
        .for("update");
      if (!block || block.kind !== "performance_block") return fail("invalid", { parentId: ["not_a_block"] });
      const acts = await actsOf(tx, block.id);
      const length = endsAt.getTime() - startsAt.getTime();
      startsAt = acts.length ? acts[acts.length - 1].endsAt : block.startsAt;
      endsAt = new Date(startsAt.getTime() + length);
      venueId = block.venueId;
      position = acts.length;
    } else if (venueId) {
      if (!(await lockVenue(tx, venueId, f.id))) return fail("invalid", { venueId: ["venue_unknown"] });
      const clashes = await venueClashes(tx, venueId, startsAt, endsAt);
      if (clashes.length) return { ok: false, code: "venue_taken", clashes };
    }
    const [row] = await tx
      .insert(programmeItems)
      .values({ ...v, venueId, startsAt, endsAt, position, festivalId: f.id })
      .returning();
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "programme.create",
      targetType: "programme_item",
      targetId: row.id,
      details: { title: row.title, startsAt: row.startsAt.toISOString(), venueId },
    });
    return ok({ item: toItemDto(row), warnings: await warningsFor(tx, f.id, row.id) });
  });
}

/**
 * Saves an item if nobody saved it since `version`; otherwise `stale_version` with the item as
 * it is now, so the organiser keeps what they typed and sees what changed. Moving a block
 * moves its acts with it; a change of places is first put to `placesFollow`.
 */
export async function updateItem(
  db: DbOrTx,
  actor: Actor | null,
  input: unknown,
  placesFollow: PlacesFollow,
): Promise<ItemResult> {
  if (!canManageFestivals(actor)) return refuse(db, actor?.id, "programme.update");
  const parsed = parseInput(updateItemSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version, ...v } = parsed.data;
  return db.transaction(async (tx): Promise<ItemResult> => {
    const [current] = await tx.select().from(programmeItems).where(eq(programmeItems.id, id)).for("update");
    if (!current) return fail("not_found");
    if (current.version !== version) return { ok: false, code: "stale_version", current: toItemDto(current) };
    let venueId = v.venueId;
    if (current.parentId) {
      // An act stays in its block's venue; its place in time comes from the running order.
      const [block] = await tx
        .select({ venueId: programmeItems.venueId })
        .from(programmeItems)
        .where(eq(programmeItems.id, current.parentId));
      venueId = block?.venueId ?? null;
    } else if (venueId) {
      if (!(await lockVenue(tx, venueId, current.festivalId))) return fail("invalid", { venueId: ["venue_unknown"] });
      const clashes = await venueClashes(tx, venueId, v.startsAt, v.endsAt, id);
      if (clashes.length) return { ok: false, code: "venue_taken", clashes };
    }
    if (v.capacity !== current.capacity && !(await placesFollow(tx, current.festivalId, id, v.capacity)))
      return fail("invalid", { capacity: ["capacity_below_taken"] });
    const [row] = await tx
      .update(programmeItems)
      .set({
        title: v.title,
        kind: v.kind,
        description: v.description,
        capacity: v.capacity,
        people: v.people,
        venueId,
        startsAt: v.startsAt,
        endsAt: v.endsAt,
        version: version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(programmeItems.id, id), eq(programmeItems.version, version)))
      .returning();
    if (!row) return { ok: false, code: "stale_version", current: toItemDto(current) };
    const shift = v.startsAt.getTime() - current.startsAt.getTime();
    if (!current.parentId && (shift !== 0 || venueId !== current.venueId)) {
      await tx
        .update(programmeItems)
        .set({
          startsAt: sql`${programmeItems.startsAt} + (${shift} * interval '1 millisecond')`,
          endsAt: sql`${programmeItems.endsAt} + (${shift} * interval '1 millisecond')`,
          venueId,
          version: sql`${programmeItems.version} + 1`,
        })
        .where(eq(programmeItems.parentId, id));
    }
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "programme.update",
      targetType: "programme_item",
      targetId: id,
      details: {
        title: row.title,
        from: {
          startsAt: current.startsAt.toISOString(),
          endsAt: current.endsAt.toISOString(),
          venueId: current.venueId,
        },
        to: { startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), venueId: row.venueId },
      },
    });
    return ok({ item: toItemDto(row), warnings: await warningsFor(tx, row.festivalId, row.id) });
  });
}

export async function deleteItem(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<Result<undefined> | ItemFailure> {
  if (!canManageFestivals(actor)) return refuse(db, actor?.id, "programme.delete");
  const parsed = parseInput(deleteItemSchema, input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(programmeItems).where(eq(programmeItems.id, parsed.data.id)).for("update");
    if (!current) return fail("not_found");
    if (current.version !== parsed.data.version)
      return { ok: false as const, code: "stale_version" as const, current: toItemDto(current) };
    await tx.delete(programmeItems).where(eq(programmeItems.id, current.id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "programme.delete",
      targetType: "programme_item",
      targetId: current.id,
      details: { title: current.title },
    });
    return ok(undefined);
  });
}

/** Sets a performance block's running order; each act keeps its length and follows the one before. */
export async function reorderActs(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<Result<{ version: number }> | ItemFailure> {
  if (!canManageFestivals(actor)) return refuse(db, actor?.id, "programme.reorder");
  const parsed = parseInput(reorderActsSchema, input);
  if (!parsed.ok) return parsed;
  const { blockId, version, order } = parsed.data;
  return db.transaction(async (tx) => {
    const [block] = await tx.select().from(programmeItems).where(eq(programmeItems.id, blockId)).for("update");
    if (!block || block.kind !== "performance_block") return fail("not_found");
    if (block.version !== version)
      return { ok: false as const, code: "stale_version" as const, current: toItemDto(block) };
    const acts = await actsOf(tx, blockId);
    const known = new Set(acts.map((a) => a.id));
    if (order.length !== acts.length || !order.every((id) => known.has(id)) || new Set(order).size !== order.length) {
      return fail("invalid", { order: ["order_mismatch"] });
    }
    let cursor = block.startsAt.getTime();
    for (const [position, actId] of order.entries()) {
      const act = acts.find((a) => a.id === actId)!;
      const length = act.endsAt.getTime() - act.startsAt.getTime();
      await tx
        .update(programmeItems)
        .set({ position, startsAt: new Date(cursor), endsAt: new Date(cursor + length), version: act.version + 1 })
        .where(eq(programmeItems.id, actId));
      cursor += length;
    }
    const [row] = await tx
      .update(programmeItems)
      .set({ version: version + 1 })
      .where(eq(programmeItems.id, blockId))
      .returning({ version: programmeItems.version });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "programme.reorder",
      targetType: "programme_item",
      targetId: blockId,
      details: { title: block.title, order },
    });
    return ok({ version: row.version });
  });
}

/** Makes the programme as it is now what residents see. Later edits stay drafts until the next time. */
export async function publishProgramme(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<Result<{ publishedAt: Date; items: number }>> {
  if (!canManageFestivals(actor)) return refuse(db, actor?.id, "programme.publish");
  const parsed = parseInput(publishSchema, input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const f = await festivalBySlug(tx, parsed.data.festivalSlug);
    if (!f) return fail("not_found");
    const vs = await tx
      .select()
      .from(venues)
      .where(eq(venues.festivalId, f.id))
      .orderBy(asc(venues.position), asc(venues.name));
    const items = await tx
      .select()
      .from(programmeItems)
      .where(eq(programmeItems.festivalId, f.id))
      .orderBy(asc(programmeItems.startsAt), asc(programmeItems.position));
    const [row] = await tx
      .insert(programmePublications)
      .values({
        festivalId: f.id,
        publishedBy: actor!.id,
        venues: vs.map(toPublishedVenue),
        items: items.map(toPublishedItem),
      })
      .returning({ id: programmePublications.id, publishedAt: programmePublications.publishedAt });
    // Reminders follow the published programme; those whose slot moved are told (on the queue).
    await sendJob(tx, "programme.published", { publicationId: row.id });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "programme.publish",
      targetType: "festival",
      targetId: f.id,
      details: { items: items.length },
    });
    return ok({ publishedAt: row.publishedAt, items: items.length });
  });
}

export async function itemsByIds(db: DbOrTx, ids: string[]) {
  return ids.length ? db.select().from(programmeItems).where(inArray(programmeItems.id, ids)) : [];
}
