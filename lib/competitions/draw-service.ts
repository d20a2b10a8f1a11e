import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { competitionEntrants, competitionMatches, competitions } from "@/db/schema";
import type { Db } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { orderForDraw, planDraw } from "./draw";
import { assignSlots, scheduleThatFits } from "./schedule-service";
import { isUuid } from "@/lib/ids";

/**
 * Makes the draw from the entrants who checked in, or makes it again — until the first result is
 * in, when it is locked. A random draw records its seed, so the same seed gives the same draw.
 */
export async function makeDraw(
  db: Db,
  actor: Actor | null,
  input: { competitionId?: unknown; seed?: unknown },
): Promise<Result<{ entrants: number; matches: number; seed: number }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "competitions.draw");
  const { competitionId } = input ?? {};
  if (!isUuid(competitionId)) return fail("invalid");
  const seed =
    typeof input.seed === "number" && Number.isInteger(input.seed) && input.seed >= 0 ? input.seed : randomInt(2 ** 31);
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(competitions).where(eq(competitions.id, competitionId)).for("update");
    if (!c) return fail("not_found");
    if (c.status === "locked" || c.status === "finished") return fail("draw_locked");
    const here = await tx
      .select({ id: competitionEntrants.id, skill: competitionEntrants.skill })
      .from(competitionEntrants)
      .where(
        and(
          eq(competitionEntrants.competitionId, c.id),
          eq(competitionEntrants.checkedIn, true),
          isNull(competitionEntrants.withdrawnAt),
        ),
      );
    const ordered = orderForDraw(here, c.seeding, seed);
    const planned = planDraw(c.format, ordered, { groupSize: c.groupSize, thirdPlace: c.thirdPlace, seed });
    if (!planned.ok) return fail(planned.code);
    // Stored ids are made here, so a bracket's feeds can name the matches they come from.
    const ids = new Map(planned.draw.matches.map((m) => [m.key, randomUUID()]));
    const feedOf = (f?: { winnerOf?: string; loserOf?: string }) =>
      f ? (f.winnerOf ? { winnerOf: ids.get(f.winnerOf)! } : { loserOf: ids.get(f.loserOf!)! }) : undefined;
    await tx.delete(competitionMatches).where(eq(competitionMatches.competitionId, c.id));
    await tx
      .update(competitionEntrants)
      .set({ seed: null, groupNo: null })
      .where(eq(competitionEntrants.competitionId, c.id));
    for (const [i, e] of ordered.entries()) {
      await tx
        .update(competitionEntrants)
        .set({ seed: i + 1, groupNo: planned.draw.groups[e.id] ?? null })
        .where(eq(competitionEntrants.id, e.id));
    }
    if (planned.draw.matches.length) {
      await tx.insert(competitionMatches).values(
        planned.draw.matches.map((m) => ({
          id: ids.get(m.key)!,
          competitionId: c.id,
          round: m.round,
          groupNo: m.groupNo,
          position: m.position,
          entrantA: m.a,
          entrantB: m.b,
          feeds: { ...(m.feeds.a ? { a: feedOf(m.feeds.a) } : {}), ...(m.feeds.b ? { b: feedOf(m.feeds.b) } : {}) },
          label: m.label,
          // A Swiss bye is a won game without an opponent, decided by the draw itself.
          ...(m.label === "bye" ? { outcome: "a" as const, score: { kind: "bye" } } : {}),
        })),
      );
    }
    const schedule = await scheduleThatFits(tx, c);
    await assignSlots(tx, c.id, schedule);
    await tx
      .update(competitions)
      .set({
        status: "drawn",
        schedule,
        drawSeed: seed,
        drawnAt: new Date(),
        updatedAt: new Date(),
        version: sql`${competitions.version} + 1`,
      })
      .where(eq(competitions.id, c.id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "competitions.draw",
      targetType: "competition",
      targetId: c.id,
      details: { seed, entrants: ordered.length, matches: planned.draw.matches.length, again: c.status === "drawn" },
    });
    return ok({ entrants: ordered.length, matches: planned.draw.matches.length, seed });
  });
}

/** Back to check-in: the draw is dropped (only while no result is in). */
export async function clearDraw(db: Db, actor: Actor | null, competitionId: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "competitions.draw_clear");
  if (!isUuid(competitionId)) return fail("invalid");
  return db.transaction(async (tx) => {
    const [c] = await tx
      .select({ id: competitions.id, status: competitions.status })
      .from(competitions)
      .where(eq(competitions.id, competitionId))
      .for("update");
    if (!c) return fail("not_found");
    if (c.status === "locked" || c.status === "finished") return fail("draw_locked");
    await tx.delete(competitionMatches).where(eq(competitionMatches.competitionId, c.id));
    await tx
      .update(competitionEntrants)
      .set({ seed: null, groupNo: null })
      .where(eq(competitionEntrants.competitionId, c.id));
    // Times belong to a draw: without one there are no rounds to time.
    await tx
      .update(competitions)
      .set({
        status: "setup",
        drawSeed: null,
        drawnAt: null,
        schedule: null,
        updatedAt: new Date(),
        version: sql`${competitions.version} + 1`,
      })
      .where(eq(competitions.id, c.id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "competitions.draw_clear",
      targetType: "competition",
      targetId: c.id,
    });
    return ok(undefined);
  });
}
