import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { competitionEntrants, competitionReferees, competitions, programmeItems, users } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { entrantsFrom, placeHolders } from "./entrants";
import { checkInSchema, competitionSetupSchema, refereeSchema } from "./schemas";
import { isUuid } from "@/lib/ids";

// Competitions on the festival's programme: organisers set one up on a sport event or a
// card/chess item, its entrants come from the registrations that hold a place there, and on the
// day they check in. The draw and the results build on these.

/** Sets up (or, before the draw, changes) the competition of one programme item. */
export async function setUpCompetition(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: string }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "competitions.setup");
  const parsed = parseInput(competitionSetupSchema, input);
  if (!parsed.ok) return parsed;
  const { itemId, ...settings } = parsed.data;
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select({ id: programmeItems.id, festivalId: programmeItems.festivalId, kind: programmeItems.kind })
      .from(programmeItems)
      .where(eq(programmeItems.id, itemId));
    if (!item) return fail("not_found");
    if (item.kind !== "sport_event" && item.kind !== "card_chess")
      return fail("invalid", { itemId: ["not_a_competition_item"] });
    const [existing] = await tx
      .select({ id: competitions.id, status: competitions.status })
      .from(competitions)
      .where(eq(competitions.itemId, itemId))
      .for("update");
    if (existing && existing.status !== "setup") return fail("draw_made");
    const values = {
      ...settings,
      groupSize: settings.format === "round_robin" ? settings.groupSize : null,
      rounds: settings.format === "swiss" ? settings.rounds : null,
      thirdPlace: settings.format === "single_elimination" && settings.thirdPlace,
    };
    const [row] = existing
      ? await tx
          .update(competitions)
          .set({ ...values, updatedAt: new Date(), version: sql`${competitions.version} + 1` })
          .where(eq(competitions.id, existing.id))
          .returning({ id: competitions.id })
      : await tx
          .insert(competitions)
          .values({ ...values, itemId, festivalId: item.festivalId })
          .returning({ id: competitions.id });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "competitions.setup",
      targetType: "competition",
      targetId: row.id,
      details: { itemId, ...values },
    });
    return ok({ id: row.id });
  });
}

/**
 * Brings the entrants in line with the registrations holding a place now (before the draw): new
 * ones added, those gone removed, the rest keep their check-in.
 */
export async function syncEntrants(
  db: Db,
  actor: Actor | null,
  competitionId: unknown,
): Promise<Result<{ entrants: number; waiting: string[] }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "competitions.entrants");
  if (!isUuid(competitionId)) return fail("invalid");
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(competitions).where(eq(competitions.id, competitionId)).for("update");
    if (!c) return fail("not_found");
    if (c.status !== "setup") return fail("draw_made");
    const rows = await placeHolders(tx, c.itemId);
    const { entrants, waiting } = entrantsFrom(c.entrantKind, rows);
    const current = await tx
      .select({ id: competitionEntrants.id, name: competitionEntrants.name })
      .from(competitionEntrants)
      .where(eq(competitionEntrants.competitionId, c.id));
    const keep = new Set(entrants.map((e) => e.name));
    const gone = current.filter((e) => !keep.has(e.name)).map((e) => e.id);
    if (gone.length) await tx.delete(competitionEntrants).where(inArray(competitionEntrants.id, gone));
    if (entrants.length) {
      await tx
        .insert(competitionEntrants)
        .values(entrants.map((e) => ({ ...e, competitionId: c.id })))
        .onConflictDoUpdate({
          target: [competitionEntrants.competitionId, competitionEntrants.name],
          set: { members: sql`excluded.members`, skill: sql`excluded.skill` },
        });
    }
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "competitions.entrants",
      targetType: "competition",
      targetId: c.id,
      details: { entrants: entrants.length, removed: gone.length, waiting },
    });
    return ok({ entrants: entrants.length, waiting });
  });
}

/** An organiser, or a referee of this competition. */
export async function canRun(db: DbOrTx, actor: Actor | null, competitionId: string): Promise<boolean> {
  if (!actor) return false;
  if (isOrganiser(actor)) return true;
  const [r] = await db
    .select({ userId: competitionReferees.userId })
    .from(competitionReferees)
    .where(and(eq(competitionReferees.competitionId, competitionId), eq(competitionReferees.userId, actor.id)));
  return !!r;
}

/** On the day: an entrant is here (or not). Those not here leave the draw; after the draw it is fixed. */
export async function setCheckedIn(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(checkInSchema, input);
  if (!parsed.ok) return parsed;
  const { entrantId, checkedIn } = parsed.data;
  const [e] = await db
    .select({
      id: competitionEntrants.id,
      competitionId: competitionEntrants.competitionId,
      status: competitions.status,
      name: competitionEntrants.name,
    })
    .from(competitionEntrants)
    .innerJoin(competitions, eq(competitions.id, competitionEntrants.competitionId))
    .where(eq(competitionEntrants.id, entrantId));
  if (!e) return fail("not_found");
  if (!(await canRun(db, actor, e.competitionId))) return refuse(db, actor.id, "competitions.check_in", { entrantId });
  if (e.status !== "setup") return fail("draw_made");
  return db.transaction(async (tx) => {
    await tx
      .update(competitionEntrants)
      .set({ checkedIn, checkedInAt: checkedIn ? new Date() : null })
      .where(eq(competitionEntrants.id, entrantId));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "competitions.check_in",
      targetType: "competition",
      targetId: e.competitionId,
      details: { entrant: e.name, checkedIn },
    });
    return ok(undefined);
  });
}

/** Organisers make a resident (by mobile number) a referee of one competition, or stop them being one. */
export async function setReferee(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ name: string }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "competitions.referee");
  const parsed = parseInput(refereeSchema, input);
  if (!parsed.ok) return parsed;
  const { competitionId, phone, grant } = parsed.data;
  return db.transaction(async (tx) => {
    const [c] = await tx.select({ id: competitions.id }).from(competitions).where(eq(competitions.id, competitionId));
    if (!c) return fail("not_found");
    const [u] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.phone, phone));
    if (!u) return fail("invalid", { phone: ["phone_no_account"] });
    if (grant)
      await tx
        .insert(competitionReferees)
        .values({ competitionId, userId: u.id, grantedBy: actor!.id })
        .onConflictDoNothing();
    else
      await tx
        .delete(competitionReferees)
        .where(and(eq(competitionReferees.competitionId, competitionId), eq(competitionReferees.userId, u.id)));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: grant ? "competitions.referee_grant" : "competitions.referee_revoke",
      targetType: "competition",
      targetId: competitionId,
      details: { userId: u.id, name: u.name },
    });
    return ok({ name: u.name });
  });
}
