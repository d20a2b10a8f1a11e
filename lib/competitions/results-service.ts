import "server-only";
import { and, asc, eq, isNull, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import { text } from "@/lib/form-fields";
import { competitionEntrants, competitionMatches, competitions } from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { checkScore, type ScoreInput } from "./scores";
import { SCORE_KIND } from "./schemas";
import { assignSlots } from "./schedule-service";
import { canRun } from "./service";
import { pairSwissRound, swissPlayersFrom } from "./swiss";
import { isUuid } from "@/lib/ids";

// Results, entered by an organiser or the competition's referee on a phone: checked against the
// game's rules, written once per match with its version (two referees cannot overwrite each
// other unseen), corrections kept in the audit log, and a bracket's winners sent on.

export { SCORE_KIND };

const side = z.enum(["A", "B"]);
const count = z.number().int().min(0).max(99);
export const resultSchema = z.object({
  matchId: z.uuid({ error: "invalid" }),
  version: z.number().int().optional(),
  result: z.discriminatedUnion(
    "kind",
    [
      z.object({ kind: z.enum(["chess", "go"]), result: text().max(10) }),
      z.object({
        kind: z.literal("table_tennis"),
        games: z
          .array(z.tuple([count, count]))
          .min(1)
          .max(5),
      }),
      z.object({ kind: z.literal("guandan"), a: text().max(6), b: text().max(6) }),
      z.object({ kind: z.literal("tug_of_war"), pulls: z.tuple([count, count]) }),
      z.object({ kind: z.literal("relay"), winner: side }),
      z.object({ kind: z.literal("walkover"), absent: side }),
      z.object({ kind: z.literal("withdrawal"), withdrawn: side }),
    ],
    { error: "invalid" },
  ),
});

type Match = typeof competitionMatches.$inferSelect;

/** Sends a decided bracket match's winner (and for a semi-final, its loser) on to the matches it feeds. */
async function sendOn(tx: Tx, m: Match, winner: string | null, loser: string | null) {
  const fed = await tx
    .select()
    .from(competitionMatches)
    .where(
      and(
        eq(competitionMatches.competitionId, m.competitionId),
        or(
          sql`${competitionMatches.feeds} -> 'a' ->> 'winnerOf' = ${m.id}`,
          sql`${competitionMatches.feeds} -> 'a' ->> 'loserOf' = ${m.id}`,
          sql`${competitionMatches.feeds} -> 'b' ->> 'winnerOf' = ${m.id}`,
          sql`${competitionMatches.feeds} -> 'b' ->> 'loserOf' = ${m.id}`,
        ),
      ),
    );
  for (const f of fed) {
    const pick = (feed?: { winnerOf?: string; loserOf?: string }) =>
      feed?.winnerOf === m.id ? winner : feed?.loserOf === m.id ? loser : undefined;
    const a = pick(f.feeds.a);
    const b = pick(f.feeds.b);
    const [next] = await tx
      .update(competitionMatches)
      .set({ ...(a !== undefined ? { entrantA: a } : {}), ...(b !== undefined ? { entrantB: b } : {}) })
      .where(eq(competitionMatches.id, f.id))
      .returning();
    await walkOverWithdrawn(tx, next);
  }
  return fed;
}

/**
 * A bracket match whose two sides are now known, one of whom has withdrawn (in a double
 * elimination a withdrawn player's loss sends them on to the losers' bracket): decided at once as a
 * withdrawal, and its winner and loser sent on in turn.
 */
async function walkOverWithdrawn(tx: Tx, m: Match) {
  if (!m.entrantA || !m.entrantB || m.outcome) return;
  const gone = await tx
    .select({ id: competitionEntrants.id })
    .from(competitionEntrants)
    .where(
      and(
        or(eq(competitionEntrants.id, m.entrantA), eq(competitionEntrants.id, m.entrantB)),
        sql`${competitionEntrants.withdrawnAt} is not null`,
      ),
    );
  if (gone.length !== 1) return;
  const withdrawn = gone[0].id === m.entrantA ? "A" : "B";
  const [decided] = await tx
    .update(competitionMatches)
    .set({
      outcome: withdrawn === "A" ? "b" : "a",
      score: { kind: "withdrawal", withdrawn },
      enteredAt: new Date(),
      version: sql`${competitionMatches.version} + 1`,
    })
    .where(and(eq(competitionMatches.id, m.id), isNull(competitionMatches.outcome)))
    .returning();
  if (decided)
    await sendOn(tx, decided, withdrawn === "A" ? m.entrantB : m.entrantA, withdrawn === "A" ? m.entrantA : m.entrantB);
}

/** Finished once every match has its result (a Swiss also needs all its rounds paired). */
async function updateStatus(tx: Tx, competitionId: string) {
  const [c] = await tx.select().from(competitions).where(eq(competitions.id, competitionId));
  const [{ open, lastRound }] = await tx
    .select({
      open: sql<number>`count(*) filter (where ${competitionMatches.outcome} is null)::int`,
      lastRound: sql<number>`coalesce(max(${competitionMatches.round}), 0)::int`,
    })
    .from(competitionMatches)
    .where(eq(competitionMatches.competitionId, competitionId));
  const finished = open === 0 && (c.format !== "swiss" || lastRound >= (c.rounds ?? 0));
  await tx
    .update(competitions)
    .set({ status: finished ? "finished" : "locked", updatedAt: new Date() })
    .where(eq(competitions.id, competitionId));
}

/**
 * Enters (or corrects) one match's result. Refused for a match whose two sides are not both known,
 * for a score the game does not allow, for a draw in a knockout, for a stale version, and for a
 * bracket result whose winner has already played on.
 */
export async function enterResult(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ version: number }>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(resultSchema, input);
  if (!parsed.ok) return parsed;
  const { matchId, version, result } = parsed.data;
  const [found] = await db
    .select({ competitionId: competitionMatches.competitionId })
    .from(competitionMatches)
    .where(eq(competitionMatches.id, matchId));
  if (!found) return fail("not_found");
  if (!(await canRun(db, actor, found.competitionId))) return refuse(db, actor.id, "competitions.result", { matchId });
  return db.transaction(async (tx) => {
    // One result at a time per competition: a bracket's next match depends on the last one.
    const [c] = await tx.select().from(competitions).where(eq(competitions.id, found.competitionId)).for("update");
    const [m] = await tx.select().from(competitionMatches).where(eq(competitionMatches.id, matchId));
    if (c.status === "setup") return fail("match_not_ready");
    if (!m.entrantA || !m.entrantB || m.label === "bye") return fail("match_not_ready");
    if (version !== undefined && version !== m.version) return fail("stale_version");
    const kind = SCORE_KIND[c.game];
    if (result.kind !== kind && result.kind !== "walkover" && result.kind !== "withdrawal")
      return fail("invalid", { result: ["score_malformed"] });
    const input = result.kind === "table_tennis" ? { ...result, bestOf: (c.bestOf === 5 ? 5 : 3) as 3 | 5 } : result;
    const check = checkScore(input as ScoreInput);
    if (!check.ok) return fail("invalid", { result: [check.code] });
    const knockout = c.format === "single_elimination" || c.format === "double_elimination";
    if (knockout && check.winner === null) return fail("invalid", { result: ["draw_in_knockout"] });
    const outcome = check.winner === "A" ? "a" : check.winner === "B" ? "b" : "draw";
    const winner = outcome === "a" ? m.entrantA : outcome === "b" ? m.entrantB : null;
    const loser = outcome === "a" ? m.entrantB : outcome === "b" ? m.entrantA : null;
    if (knockout && m.outcome && m.outcome !== outcome) {
      // The old winner may already have played on: that result must be undone first.
      const played = await tx
        .select({ id: competitionMatches.id })
        .from(competitionMatches)
        .where(
          and(
            eq(competitionMatches.competitionId, c.id),
            sql`${competitionMatches.outcome} is not null`,
            or(
              sql`${competitionMatches.feeds} -> 'a' ->> 'winnerOf' = ${m.id}`,
              sql`${competitionMatches.feeds} -> 'b' ->> 'winnerOf' = ${m.id}`,
              sql`${competitionMatches.feeds} -> 'a' ->> 'loserOf' = ${m.id}`,
              sql`${competitionMatches.feeds} -> 'b' ->> 'loserOf' = ${m.id}`,
            ),
          ),
        );
      if (played.length) return fail("result_depends");
    }
    const [saved] = await tx
      .update(competitionMatches)
      .set({
        outcome,
        score: check.detail as Record<string, unknown>,
        enteredBy: actor.id,
        enteredAt: new Date(),
        version: sql`${competitionMatches.version} + 1`,
      })
      .where(and(eq(competitionMatches.id, m.id), eq(competitionMatches.version, m.version)))
      .returning({ version: competitionMatches.version });
    if (!saved) return fail("stale_version");
    if (knockout) await sendOn(tx, m, winner, loser);
    await updateStatus(tx, c.id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: m.outcome ? "competitions.result_correct" : "competitions.result",
      targetType: "competition",
      targetId: c.id,
      details: {
        matchId: m.id,
        round: m.round,
        ...(m.outcome ? { before: { outcome: m.outcome, score: m.score } } : {}),
        outcome,
        score: check.detail,
      },
    });
    return ok({ version: saved.version });
  });
}

/**
 * A Swiss round is paired from the results so far, once every game of the last round has its
 * result: scores, opponents met, colours played and byes had come from the matches themselves.
 */
export async function pairNextRound(
  db: Db,
  actor: Actor | null,
  competitionId: unknown,
): Promise<Result<{ round: number; matches: number }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "competitions.pair_round");
  if (!isUuid(competitionId)) return fail("invalid");
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(competitions).where(eq(competitions.id, competitionId)).for("update");
    if (!c) return fail("not_found");
    if (c.format !== "swiss" || c.status === "setup") return fail("invalid");
    const matches = await tx
      .select()
      .from(competitionMatches)
      .where(eq(competitionMatches.competitionId, c.id))
      .orderBy(asc(competitionMatches.round), asc(competitionMatches.position));
    const last = Math.max(0, ...matches.map((m) => m.round));
    if (matches.some((m) => m.outcome === null)) return fail("round_unfinished");
    if (last >= (c.rounds ?? 0)) return fail("rounds_complete");
    const entrants = await tx
      .select({
        id: competitionEntrants.id,
        seed: competitionEntrants.seed,
        halfByeRound: competitionEntrants.halfByeRound,
      })
      .from(competitionEntrants)
      .where(
        and(
          eq(competitionEntrants.competitionId, c.id),
          isNull(competitionEntrants.withdrawnAt),
          sql`${competitionEntrants.seed} is not null`,
        ),
      );
    const players = swissPlayersFrom(
      entrants.map((e) => ({ id: e.id, rank: e.seed! })),
      matches,
    );
    const round = last + 1;
    const sittingOut = new Set(entrants.filter((e) => e.halfByeRound === round).map((e) => e.id));
    const next = pairSwissRound(
      players.filter((p) => !sittingOut.has(p.id)),
      (c.drawSeed ?? 0) + last,
    );
    if (!next.ok) return fail(next.code);
    const rows: (typeof competitionMatches.$inferInsert)[] = next.pairings.map((p, i) => ({
      competitionId: c.id,
      round,
      position: i + 1,
      entrantA: p.white,
      entrantB: p.black,
    }));
    if (next.bye)
      rows.push({
        competitionId: c.id,
        round,
        position: rows.length + 1,
        entrantA: next.bye,
        entrantB: null,
        label: "bye",
        outcome: "a",
        score: { kind: "bye" },
      });
    for (const e of entrants.filter((x) => sittingOut.has(x.id)).sort((x, y) => x.seed! - y.seed!)) {
      rows.push({
        competitionId: c.id,
        round,
        position: rows.length + 1,
        entrantA: e.id,
        entrantB: null,
        label: "bye",
        outcome: "draw",
        score: { kind: "bye", half: true },
      });
    }
    await tx.insert(competitionMatches).values(rows);
    await assignSlots(tx, c.id, c.schedule);
    await tx.update(competitions).set({ status: "locked", updatedAt: new Date() }).where(eq(competitions.id, c.id));
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "competitions.pair_round",
      targetType: "competition",
      targetId: c.id,
      details: { round, matches: rows.length },
    });
    return ok({ round, matches: rows.length });
  });
}

/**
 * Swiss: a player asks to sit out the next round (to perform, to go home for lunch) and is
 * scored half a point for it instead of being paired; asked again, the request is taken back.
 * Only for the round still to be paired, and only while the player is in.
 */
export async function setHalfBye(
  db: Db,
  actor: Actor | null,
  input: { entrantId?: unknown; sitOut?: unknown },
): Promise<Result<{ round: number | null }>> {
  const { entrantId } = input ?? {};
  if (!actor || (!isOrganiser(actor) && !isUuid(entrantId))) return refuse(db, actor?.id, "competitions.half_bye");
  if (!isUuid(entrantId) || typeof input.sitOut !== "boolean") return fail("invalid");
  const [e] = await db.select().from(competitionEntrants).where(eq(competitionEntrants.id, entrantId));
  // Only organisers learn that an entrant does not exist; a referee may act on their own competition's.
  if (!e && !isOrganiser(actor)) return refuse(db, actor.id, "competitions.half_bye", { entrantId });
  if (!e) return fail("not_found");
  if (!(await canRun(db, actor, e.competitionId))) return refuse(db, actor.id, "competitions.half_bye", { entrantId });
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(competitions).where(eq(competitions.id, e.competitionId)).for("update");
    // Read again under the competition's lock: a withdrawal or a new draw may have come first.
    const [now] = await tx
      .select({ seed: competitionEntrants.seed, withdrawnAt: competitionEntrants.withdrawnAt })
      .from(competitionEntrants)
      .where(eq(competitionEntrants.id, e.id));
    if (c.format !== "swiss" || c.status === "setup" || !now || now.seed === null || now.withdrawnAt)
      return fail("invalid");
    const [{ last }] = await tx
      .select({ last: sql<number>`coalesce(max(${competitionMatches.round}), 0)::int` })
      .from(competitionMatches)
      .where(eq(competitionMatches.competitionId, c.id));
    const round = Number(last) + 1;
    if (round > (c.rounds ?? 0)) return fail("rounds_complete");
    const halfByeRound = input.sitOut ? round : null;
    await tx.update(competitionEntrants).set({ halfByeRound }).where(eq(competitionEntrants.id, e.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "competitions.half_bye",
      targetType: "competition",
      targetId: c.id,
      details: { entrant: e.name, round, sitOut: input.sitOut },
    });
    return ok({ round: halfByeRound });
  });
}

/**
 * An entrant withdraws after the draw: every match of theirs still to play (with both sides
 * known) is a walkover to the opponent, and in a Swiss they are not paired again.
 */
export async function withdrawEntrant(
  db: Db,
  actor: Actor | null,
  entrantId: unknown,
): Promise<Result<{ walkovers: number }>> {
  if (!actor || (!isOrganiser(actor) && !isUuid(entrantId))) return refuse(db, actor?.id, "competitions.withdraw");
  if (!isUuid(entrantId)) return fail("invalid");
  const [e] = await db.select().from(competitionEntrants).where(eq(competitionEntrants.id, entrantId));
  // Only organisers learn that an entrant does not exist; a referee may act on their own competition's.
  if (!e && !isOrganiser(actor)) return refuse(db, actor.id, "competitions.withdraw", { entrantId });
  if (!e) return fail("not_found");
  if (!(await canRun(db, actor, e.competitionId))) return refuse(db, actor.id, "competitions.withdraw", { entrantId });
  // Out first, so no round paired from now on includes them; then each game still to play is
  // entered as a walkover (each a result of its own, in order — a bracket sends its winner on).
  // Asked again, only what is still open is entered, so an interrupted withdrawal can be finished.
  await db.transaction(async (tx) => {
    await tx
      .select({ id: competitions.id })
      .from(competitions)
      .where(eq(competitions.id, e.competitionId))
      .for("update");
    await tx
      .update(competitionEntrants)
      .set({ withdrawnAt: sql`coalesce(${competitionEntrants.withdrawnAt}, now())` })
      .where(eq(competitionEntrants.id, e.id));
  });
  const pending = await db
    .select()
    .from(competitionMatches)
    .where(
      and(
        eq(competitionMatches.competitionId, e.competitionId),
        isNull(competitionMatches.outcome),
        or(eq(competitionMatches.entrantA, e.id), eq(competitionMatches.entrantB, e.id)),
        ne(sql`coalesce(${competitionMatches.label}, '')`, "bye"),
      ),
    );
  let walkovers = 0;
  for (const m of pending.sort((x, y) => x.round - y.round)) {
    if (!m.entrantA || !m.entrantB) continue;
    const r = await enterResult(db, actor, {
      matchId: m.id,
      result: { kind: "withdrawal", withdrawn: m.entrantA === e.id ? "A" : "B" },
    });
    if (r.ok) walkovers += 1;
  }
  await writeAudit(db, {
    actorId: actor.id,
    action: "competitions.withdraw",
    targetType: "competition",
    targetId: e.competitionId,
    details: { entrant: e.name, walkovers },
  });
  return ok({ walkovers });
}
