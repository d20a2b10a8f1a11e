import "server-only";
import { and, eq, gt, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import { festivals, notifications, programmeItems, registrations, shiftAssignments, shifts } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { createItem, updateItem, type ItemResult } from "@/lib/festivals/programme-service";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { ensureItemQuota, promoteWaiting, releasePlace, syncItemQuota, takePlace } from "./places";
import {
  actToProgrammeSchema,
  assignShiftSchema,
  moveSchema,
  noteSchema,
  shiftSchema,
  unassignShiftSchema,
} from "./schemas";
import { isUuid } from "@/lib/ids";
import { publicName } from "@/lib/people/names";
import { cancelShiftReminders, scheduleShiftReminders } from "./reminders";

// What organisers do with registrations beyond accepting and rejecting: notes, moving someone to
// another event, putting an accepted act into the programme, an item's places following the
// programme, and backstage shifts.

/** The organisers' note on a registration (never shown to the resident). */
export async function setNote(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "registrations.note");
  const parsed = parseInput(noteSchema, input);
  if (!parsed.ok) return parsed;
  const { id, note } = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(registrations)
      .set({ note: note || null, updatedAt: new Date() })
      .where(eq(registrations.id, id))
      .returning({ id: registrations.id });
    if (!row) return fail("not_found");
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "registrations.note",
      targetType: "registration",
      targetId: id,
      details: { note },
    });
    return ok(undefined);
  });
}

/**
 * Moves an athlete or a card/chess player to another event of the same kind. They need a free
 * place there (else `item_full`); the place they leave goes to that event's waiting list. A
 * waiting registration simply waits for the new event instead.
 */
export async function moveRegistration(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<Result<{ promoted: string[] }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "registrations.move");
  const parsed = parseInput(moveSchema, input);
  if (!parsed.ok) return parsed;
  const { id, itemId } = parsed.data;
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(registrations).where(eq(registrations.id, id)).for("update");
    if (!r) return fail("not_found");
    if (!r.itemId || (r.status !== "confirmed" && r.status !== "waitlisted"))
      return fail("invalid", { itemId: ["cannot_change"] });
    if (r.itemId === itemId) return ok({ promoted: [] });
    const [from] = await tx
      .select({ kind: programmeItems.kind })
      .from(programmeItems)
      .where(eq(programmeItems.id, r.itemId));
    const [to] = await tx
      .select()
      .from(programmeItems)
      .where(and(eq(programmeItems.id, itemId), eq(programmeItems.festivalId, r.festivalId)));
    if (!to || to.kind !== from?.kind) return fail("invalid", { itemId: ["item_unknown"] });
    const clash = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(
        and(
          eq(registrations.festivalId, r.festivalId),
          r.userId ? eq(registrations.userId, r.userId) : isNull(registrations.userId),
          eq(registrations.participantKey, r.participantKey),
          eq(registrations.role, r.role),
          eq(registrations.itemId, itemId),
          inArray(registrations.status, ["confirmed", "waitlisted"]),
        ),
      );
    if (clash.length) return fail("already_registered");
    await ensureItemQuota(tx, r.festivalId, itemId, to.capacity);
    const oldItemScope = [`item:${r.itemId}`];
    let promoted: string[] = [];
    if (r.status === "confirmed") {
      // Only the item's place moves; the role's place stays held.
      if (!(await takePlace(tx, r.festivalId, [`item:${itemId}`]))) return fail("item_full");
      await releasePlace(tx, r.festivalId, oldItemScope);
    }
    await tx
      .update(registrations)
      .set({ itemId, team: null, partnerRegistrationId: null, version: r.version + 1, updatedAt: new Date() })
      .where(eq(registrations.id, id));
    if (r.partnerRegistrationId)
      await tx
        .update(registrations)
        .set({ partnerRegistrationId: null })
        .where(eq(registrations.id, r.partnerRegistrationId));
    if (r.status === "confirmed") promoted = await promoteWaiting(tx, r.festivalId, oldItemScope);
    if (r.userId)
      await tx
        .insert(notifications)
        .values({ userId: r.userId, kind: "registration.moved", data: { registrationId: r.id, from: r.itemId } });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "registrations.move",
      targetType: "registration",
      targetId: id,
      details: { from: r.itemId, to: itemId },
    });
    return ok({ promoted });
  });
}

/**
 * An accepted act joins the end of a performance block's running order as a programme item, its
 * length rounded up to the programme's five-minute grid, its performers as the people.
 */
export async function addActToProgramme(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<Result<{ itemId: string }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "registrations.to_programme");
  const parsed = parseInput(actToProgrammeSchema, input);
  if (!parsed.ok) return parsed;
  const { id, blockId } = parsed.data;
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(registrations).where(eq(registrations.id, id)).for("update");
    if (!r || r.role !== "performer") return fail("not_found");
    if (r.status !== "confirmed" || !r.acceptedAt) return fail("not_accepted");
    if (r.programmeItemId) return fail("already_in_programme");
    const [block] = await tx
      .select()
      .from(programmeItems)
      .where(and(eq(programmeItems.id, blockId), eq(programmeItems.festivalId, r.festivalId)));
    if (!block || block.kind !== "performance_block") return fail("invalid", { blockId: ["not_a_block"] });
    const [f] = await tx.select({ slug: festivals.slug }).from(festivals).where(eq(festivals.id, r.festivalId));
    const d = r.details as { actTitle?: string; minutes?: number; performers?: string[] };
    const length = Math.ceil((d.minutes ?? 5) / 5) * 5 * 60_000;
    // The programme is public: a child performer is listed by first name and age band.
    const performer = publicName(r.participantName, r.participantAge);
    const people = [performer, ...(d.performers ?? []).filter((p) => p !== r.participantName)].slice(0, 30);
    const created = await createItem(tx, actor, {
      festivalSlug: f.slug,
      title: (d.actTitle ?? performer).slice(0, 80),
      kind: "single_act",
      venueId: block.venueId,
      startsAt: block.startsAt.toISOString(),
      endsAt: new Date(block.startsAt.getTime() + length).toISOString(),
      people,
      parentId: block.id,
    });
    if (!created.ok)
      return fail(
        created.code === "venue_taken" ? "venue_taken" : created.code,
        "fieldErrors" in created ? created.fieldErrors : undefined,
      );
    const itemId = created.data.item.id;
    await tx
      .update(registrations)
      .set({ programmeItemId: itemId, updatedAt: new Date() })
      .where(eq(registrations.id, id));
    if (r.userId)
      await tx.insert(notifications).values({
        userId: r.userId,
        kind: "registration.scheduled",
        data: { registrationId: r.id, block: block.title, startsAt: created.data.item.startsAt },
      });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "registrations.to_programme",
      targetType: "registration",
      targetId: id,
      details: { itemId, blockId },
    });
    return ok({ itemId });
  });
}

/**
 * An organiser saves a programme item in the builder. Its places are the places people register
 * for: the item's quota follows in the same transaction (never below the places already held)
 * and a rise goes to the waiting list at once.
 */
export async function updateProgrammeItem(db: DbOrTx, actor: Actor | null, input: unknown): Promise<ItemResult> {
  return updateItem(db, actor, input, syncItemQuota);
}

// ——— backstage shifts ———

export async function createShift(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: string }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "shifts.create");
  const parsed = parseInput(shiftSchema, input);
  if (!parsed.ok) return parsed;
  const { festivalSlug, ...v } = parsed.data;
  return db.transaction(async (tx) => {
    const [f] = await tx.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, festivalSlug));
    if (!f) return fail("not_found");
    const [row] = await tx
      .insert(shifts)
      .values({ ...v, festivalId: f.id })
      .returning({ id: shifts.id });
    await scheduleShiftReminders(tx, { id: row.id, startsAt: v.startsAt });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "shifts.create",
      targetType: "shift",
      targetId: row.id,
      details: { title: v.title, startsAt: v.startsAt.toISOString() },
    });
    return ok({ id: row.id });
  });
}

export async function deleteShift(db: Db, actor: Actor | null, shiftId: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "shifts.delete");
  if (!isUuid(shiftId)) return fail("invalid");
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(shifts).where(eq(shifts.id, shiftId)).returning({ title: shifts.title });
    if (!row) return fail("not_found");
    await cancelShiftReminders(tx, shiftId);
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "shifts.delete",
      targetType: "shift",
      targetId: shiftId,
      details: { title: row.title },
    });
    return ok(undefined);
  });
}

/**
 * Puts backstage pioneers on a shift. Only live backstage registrations of the shift's festival;
 * never more than its places; never someone already on a shift at an overlapping time (the same
 * person across their registrations). All or nothing.
 */
export async function assignShift(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ assigned: number }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "shifts.assign");
  const parsed = parseInput(assignShiftSchema, input);
  if (!parsed.ok) return parsed;
  const { shiftId, ids } = parsed.data;
  return db.transaction(async (tx) => {
    const [shift] = await tx.select().from(shifts).where(eq(shifts.id, shiftId)).for("update");
    if (!shift) return fail("not_found");
    const rows = await tx
      .select()
      .from(registrations)
      .where(
        and(
          inArray(registrations.id, ids),
          eq(registrations.festivalId, shift.festivalId),
          eq(registrations.role, "backstage"),
          inArray(registrations.status, ["confirmed", "waitlisted"]),
        ),
      );
    if (rows.length !== new Set(ids).size) return fail("invalid", { ids: ["invalid"] });
    const already = await tx
      .select({ registrationId: shiftAssignments.registrationId })
      .from(shiftAssignments)
      .where(eq(shiftAssignments.shiftId, shiftId));
    const fresh = rows.filter((r) => !already.some((a) => a.registrationId === r.id));
    if (already.length + fresh.length > shift.places) return fail("shift_full");
    // The same person (account and participant) on an overlapping shift.
    // A member the desk registered for a household without an account has no registrant.
    const people = fresh.map((r) => sql`(${r.userId ?? ""}, ${r.participantKey})`);
    if (people.length) {
      const clashes = await tx
        .select({ id: shifts.id })
        .from(shiftAssignments)
        .innerJoin(shifts, eq(shifts.id, shiftAssignments.shiftId))
        .innerJoin(registrations, eq(registrations.id, shiftAssignments.registrationId))
        .where(
          and(
            ne(shifts.id, shiftId),
            eq(shifts.festivalId, shift.festivalId),
            lt(shifts.startsAt, shift.endsAt),
            gt(shifts.endsAt, shift.startsAt),
            sql`(coalesce(${registrations.userId}::text, ''), ${registrations.participantKey}) in (${sql.join(people, sql`, `)})`,
          ),
        )
        .limit(1);
      if (clashes.length) return fail("shift_clash");
    }
    for (const r of fresh) {
      await tx.insert(shiftAssignments).values({ shiftId, registrationId: r.id });
      if (r.userId)
        await tx.insert(notifications).values({
          userId: r.userId,
          kind: "registration.shift",
          data: { registrationId: r.id, shift: shift.title, startsAt: shift.startsAt.toISOString() },
        });
      await writeAudit(tx, {
        actorId: actor!.id,
        action: "shifts.assign",
        targetType: "registration",
        targetId: r.id,
        details: { shiftId, title: shift.title },
      });
    }
    return ok({ assigned: fresh.length });
  });
}

export async function unassignShift(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "shifts.unassign");
  const parsed = parseInput(unassignShiftSchema, input);
  if (!parsed.ok) return parsed;
  const { shiftId, registrationId } = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(shiftAssignments)
      .where(and(eq(shiftAssignments.shiftId, shiftId), eq(shiftAssignments.registrationId, registrationId)))
      .returning({ id: shiftAssignments.id });
    if (!row) return fail("not_found");
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "shifts.unassign",
      targetType: "registration",
      targetId: registrationId,
      details: { shiftId },
    });
    return ok(undefined);
  });
}
