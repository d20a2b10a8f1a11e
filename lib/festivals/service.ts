import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { festivals, programmeItems, starCategories, venues } from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { canManageFestivals } from "./permissions";
import { createFestivalSchema, festivalStatusSchema, startFromSchema, updateFestivalSchema } from "./schemas";
import { daysBetween, zonedToUtc } from "./time";
import { votingWindowRefusal } from "./voting-window";
import { scheduleVotingReminders } from "./voting-reminders";
import type { z } from "zod";

type FestivalFields = z.output<typeof createFestivalSchema>;

/** Form fields → columns: windows are wall-clock times in the festival's zone. */
function toColumns(v: FestivalFields) {
  const instant = (s: string | undefined) => (s ? zonedToUtc(s, v.timeZone) : null);
  return {
    slug: v.slug,
    title: v.title,
    edition: v.edition,
    theme: v.theme,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    timeZone: v.timeZone,
    actMaxMinutes: v.actMaxMinutes,
    registrationNeedsHousehold: v.registrationNeedsHousehold,
    registrationOpensAt: instant(v.registrationOpensAt),
    registrationClosesAt: instant(v.registrationClosesAt),
    nominationOpensAt: instant(v.nominationOpensAt),
    nominationClosesAt: instant(v.nominationClosesAt),
    votingOpensAt: instant(v.votingOpensAt),
    votingClosesAt: instant(v.votingClosesAt),
  };
}

async function insertFestival(tx: Tx, v: FestivalFields) {
  const [row] = await tx
    .insert(festivals)
    .values({ ...toColumns(v), status: "draft" })
    .onConflictDoNothing({ target: festivals.slug })
    .returning({ id: festivals.id, slug: festivals.slug });
  return row ?? null;
}

export async function createFestival(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ slug: string }>> {
  if (!canManageFestivals(actor)) return refuse(db, actor?.id, "festivals.create");
  const parsed = parseInput(createFestivalSchema, input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const row = await insertFestival(tx, parsed.data);
    if (!row) return fail("invalid", { slug: ["slug_taken"] });
    await scheduleVotingReminders(tx, row.id);
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "festivals.create",
      targetType: "festival",
      targetId: row.id,
      details: { slug: row.slug },
    });
    return ok({ slug: row.slug });
  });
}

/** What an audit entry keeps of a change: each field that changed, before and after. */
function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));
  const out: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} };
  for (const [k, v] of Object.entries(after)) {
    if (JSON.stringify(plain(before[k])) === JSON.stringify(plain(v))) continue;
    out.before[k] = plain(before[k]);
    out.after[k] = plain(v);
  }
  return out;
}

/**
 * Saves the festival's details if nobody else saved them since `version`. Once voting has
 * opened, its window moves only as `votingWindowRefusal` allows.
 */
export async function updateFestival(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ version: number }>> {
  if (!canManageFestivals(actor)) return refuse(db, actor?.id, "festivals.update");
  const parsed = parseInput(updateFestivalSchema, input);
  if (!parsed.ok) return parsed;
  const { version, ...v } = parsed.data;
  return db.transaction(async (tx) => {
    const columns = toColumns(v);
    const [current] = await tx.select().from(festivals).where(eq(festivals.slug, v.slug)).for("update");
    if (!current) return fail("not_found");
    if (current.version !== version) return fail("stale_version");
    const refused = votingWindowRefusal(
      { opens: current.votingOpensAt, closes: current.votingClosesAt },
      { opens: columns.votingOpensAt, closes: columns.votingClosesAt },
      ctx.now ?? new Date(),
    );
    if (refused) return fail("invalid", refused);
    const [row] = await tx
      .update(festivals)
      .set({ ...columns, slug: undefined, version: version + 1 })
      .where(and(eq(festivals.id, current.id), eq(festivals.version, version)))
      .returning({ id: festivals.id, version: festivals.version });
    if (!row) return fail("stale_version");
    await scheduleVotingReminders(tx, row.id, ctx.now);
    const { slug, ...fields } = columns;
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "festivals.update",
      targetType: "festival",
      targetId: row.id,
      details: { slug, ...changes(current, fields) },
    });
    return ok({ version: row.version });
  });
}

/** Draft → published → archived (and back, when an organiser must correct something). */
export async function setFestivalStatus(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!canManageFestivals(actor)) return refuse(db, actor?.id, "festivals.status");
  const parsed = parseInput(festivalStatusSchema, input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(festivals)
      .set({ status: parsed.data.status })
      .where(eq(festivals.slug, parsed.data.slug))
      .returning({ id: festivals.id });
    if (!row) return fail("not_found");
    await writeAudit(tx, {
      actorId: actor!.id,
      action: `festivals.${parsed.data.status === "archived" ? "archive" : parsed.data.status === "published" ? "publish" : "unpublish"}`,
      targetType: "festival",
      targetId: row.id,
    });
    return ok(undefined);
  });
}

/**
 * A new festival from an earlier one: its venues and its programme's structure (blocks, acts,
 * events) moved by the number of days between the two first days, as a draft to rework.
 */
export async function startFestivalFrom(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<Result<{ slug: string; venues: number; items: number }>> {
  if (!canManageFestivals(actor)) return refuse(db, actor?.id, "festivals.create");
  const parsed = parseInput(startFromSchema, input);
  if (!parsed.ok) return parsed;
  const { sourceSlug, ...fields } = parsed.data;
  return db.transaction(async (tx) => {
    const [source] = await tx
      .select({ id: festivals.id, startsOn: festivals.startsOn })
      .from(festivals)
      .where(eq(festivals.slug, sourceSlug));
    if (!source) return fail("invalid", { sourceSlug: ["festival_unknown"] });
    const created = await insertFestival(tx, fields);
    if (!created) return fail("invalid", { slug: ["slug_taken"] });
    await scheduleVotingReminders(tx, created.id);

    const venueMap = new Map<string, string>();
    const oldVenues = await tx
      .select()
      .from(venues)
      .where(eq(venues.festivalId, source.id))
      .orderBy(asc(venues.position));
    for (const v of oldVenues) {
      const [nv] = await tx
        .insert(venues)
        .values({
          festivalId: created.id,
          name: v.name,
          capacity: v.capacity,
          description: v.description,
          position: v.position,
        })
        .returning({ id: venues.id });
      venueMap.set(v.id, nv.id);
    }

    const shiftMs = daysBetween(source.startsOn, fields.startsOn) * 86_400_000;
    const oldItems = await tx.select().from(programmeItems).where(eq(programmeItems.festivalId, source.id));
    const itemMap = new Map<string, string>();
    // Blocks before their acts, so each act can point to its copied block.
    const ordered = [...oldItems.filter((i) => !i.parentId), ...oldItems.filter((i) => i.parentId)];
    for (const i of ordered) {
      const [ni] = await tx
        .insert(programmeItems)
        .values({
          festivalId: created.id,
          venueId: i.venueId ? (venueMap.get(i.venueId) ?? null) : null,
          kind: i.kind,
          title: i.title,
          description: i.description,
          startsAt: new Date(i.startsAt.getTime() + shiftMs),
          endsAt: new Date(i.endsAt.getTime() + shiftMs),
          capacity: i.capacity,
          parentId: i.parentId ? (itemMap.get(i.parentId) ?? null) : null,
          position: i.position,
          // People change from year to year: the structure is copied, not the names.
          people: [],
        })
        .returning({ id: programmeItems.id });
      itemMap.set(i.id, ni.id);
    }
    // The Neighbourhood Star categories and their rules carry over; nominations do not.
    const categories = await tx
      .select()
      .from(starCategories)
      .where(eq(starCategories.festivalId, source.id))
      .orderBy(asc(starCategories.position));
    if (categories.length) {
      await tx.insert(starCategories).values(
        categories.map((c) => ({
          festivalId: created.id,
          name: c.name,
          description: c.description,
          winners: c.winners,
          votesPerVoter: c.votesPerVoter,
          mode: c.mode,
          nominationCap: c.nominationCap,
          position: c.position,
        })),
      );
    }
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "festivals.start_from",
      targetType: "festival",
      targetId: created.id,
      details: {
        slug: created.slug,
        from: sourceSlug,
        venues: oldVenues.length,
        items: oldItems.length,
        starCategories: categories.length,
      },
    });
    return ok({ slug: created.slug, venues: oldVenues.length, items: oldItems.length });
  });
}
