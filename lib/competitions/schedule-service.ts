import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import {
  competitionEntrants,
  competitionMatches,
  competitions,
  festivals,
  programmeItems,
  registrations,
  type CompetitionSchedule,
} from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { utcToZonedLocal, zonedToUtc } from "@/lib/festivals/time";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import {
  planRound,
  roundMinutes,
  roundOverlap,
  scheduleConflicts,
  suggestStarts,
  type ProgrammeEntry,
  type ScheduleConflict,
  type TimedMatch,
} from "./schedule";
import { scheduleSchema } from "./schemas";
import { publicName } from "@/lib/people/names";
import { scheduleMatchReminder } from "./match-reminders";

// Rounds on the programme: when each is played and at which table, and who would be in two
// places at once. The programme's own conflict check decides what clashes.

type CompetitionRow = { id: string; format: string; rounds: number | null; schedule: CompetitionSchedule | null };

/**
 * Gives every match of a competition its table and start time from the schedule (or, without one,
 * a table of its own numbered from 1 and no time). Byes have neither. Run after every change to
 * the matches: a draw, a Swiss round paired, a schedule saved.
 */
export async function assignSlots(
  tx: DbOrTx,
  competitionId: string,
  schedule: CompetitionSchedule | null,
): Promise<void> {
  const rows = await tx
    .select({
      id: competitionMatches.id,
      round: competitionMatches.round,
      label: competitionMatches.label,
      tableName: competitionMatches.tableName,
      startsAt: competitionMatches.startsAt,
    })
    .from(competitionMatches)
    .where(eq(competitionMatches.competitionId, competitionId))
    .orderBy(
      asc(competitionMatches.round),
      sql`${competitionMatches.groupNo} nulls first`,
      asc(competitionMatches.position),
    );
  for (const round of [...new Set(rows.map((r) => r.round))]) {
    const inRound = rows.filter((r) => r.round === round);
    const played = inRound.filter((r) => r.label !== "bye");
    const slots = planRound(played.length, round, schedule);
    const wanted = new Map<string, { table: string | null; startsAt: Date | null }>([
      ...inRound.filter((r) => r.label === "bye").map((r) => [r.id, { table: null, startsAt: null }] as const),
      ...played.map((r, i) => [r.id, slots[i]] as const),
    ]);
    for (const r of inRound) {
      const w = wanted.get(r.id)!;
      if (r.tableName === w.table && (r.startsAt?.getTime() ?? null) === (w.startsAt?.getTime() ?? null)) continue;
      await tx
        .update(competitionMatches)
        .set({ tableName: w.table, startsAt: w.startsAt })
        .where(eq(competitionMatches.id, r.id));
      await scheduleMatchReminder(tx, { id: r.id, startsAt: w.startsAt });
    }
  }
}

/** Matches to play in each round, byes not counted; a Swiss round not paired yet counts the players still in, two to a board. */
async function matchesPerRound(tx: DbOrTx, c: CompetitionRow): Promise<number[]> {
  const rows = await tx
    .select({
      round: competitionMatches.round,
      n: sql<number>`count(*) filter (where coalesce(${competitionMatches.label}, '') <> 'bye')::int`,
    })
    .from(competitionMatches)
    .where(eq(competitionMatches.competitionId, c.id))
    .groupBy(competitionMatches.round);
  const played = new Map(rows.map((r) => [r.round, Number(r.n)]));
  const last = Math.max(0, ...played.keys());
  const total = c.format === "swiss" ? Math.max(c.rounds ?? 0, last) : last;
  let unpaired = 0;
  if (total > last) {
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(competitionEntrants)
      .where(
        and(
          eq(competitionEntrants.competitionId, c.id),
          isNotNull(competitionEntrants.seed),
          isNull(competitionEntrants.withdrawnAt),
        ),
      );
    unpaired = Math.floor(Number(n) / 2);
  }
  return Array.from({ length: total }, (_, i) => played.get(i + 1) ?? unpaired);
}

/**
 * The saved schedule if it still fits the matches — as many rounds, none starting before the one
 * before it ends — else null: a draw made again with more or fewer entrants drops the times, and
 * the organisers set them again rather than find two matches at one table.
 */
export async function scheduleThatFits(tx: DbOrTx, c: CompetitionRow): Promise<CompetitionSchedule | null> {
  if (!c.schedule) return null;
  const counts = await matchesPerRound(tx, c);
  return c.schedule.roundStarts.length === counts.length && !roundOverlap(c.schedule, counts) ? c.schedule : null;
}

async function competitionWithItem(tx: DbOrTx, competitionId: string) {
  const [row] = await tx
    .select({
      id: competitions.id,
      festivalId: competitions.festivalId,
      itemId: competitions.itemId,
      format: competitions.format,
      rounds: competitions.rounds,
      status: competitions.status,
      schedule: competitions.schedule,
      version: competitions.version,
      itemTitle: programmeItems.title,
      itemStartsAt: programmeItems.startsAt,
      itemEndsAt: programmeItems.endsAt,
      timeZone: festivals.timeZone,
    })
    .from(competitions)
    .innerJoin(programmeItems, eq(programmeItems.id, competitions.itemId))
    .innerJoin(festivals, eq(festivals.id, competitions.festivalId))
    .where(eq(competitions.id, competitionId));
  return row ?? null;
}

/**
 * Sets when each round is played and on how many tables, and places every match. Only after the
 * draw (before it, nobody knows how many rounds there are). A round may not start before the one
 * before it has finished — that would put a player at two tables at once; clashes with the rest of
 * the programme are warnings, returned and shown beside the schedule.
 */
export async function scheduleCompetition(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<Result<{ warnings: number }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "competitions.schedule");
  const parsed = parseInput(scheduleSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.data;
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: competitions.id })
      .from(competitions)
      .where(eq(competitions.id, v.competitionId))
      .for("update");
    if (!locked) return fail("not_found");
    const c = (await competitionWithItem(tx, v.competitionId))!;
    if (c.status === "setup") return fail("not_drawn");
    if (v.version !== undefined && v.version !== c.version) return fail("stale_version");
    const counts = await matchesPerRound(tx, c);
    if (v.roundStarts.length !== counts.length) return fail("invalid", { roundStarts: ["invalid"] });
    const schedule: CompetitionSchedule = {
      tables: v.tables,
      matchMinutes: v.matchMinutes,
      roundStarts: v.roundStarts.map((t) => zonedToUtc(t, c.timeZone).toISOString()),
    };
    const overlap = roundOverlap(schedule, counts);
    if (overlap) return fail("round_overlap", { [`round${overlap.round}`]: ["round_overlap"] });
    await tx
      .update(competitions)
      .set({ schedule, updatedAt: new Date(), version: sql`${competitions.version} + 1` })
      .where(eq(competitions.id, c.id));
    await assignSlots(tx, c.id, schedule);
    const warnings = await conflictsOf(tx, { ...c, schedule });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "competitions.schedule",
      targetType: "competition",
      targetId: c.id,
      details: {
        tables: v.tables,
        matchMinutes: v.matchMinutes,
        roundStarts: v.roundStarts,
        warnings: warnings.length,
      },
    });
    return ok({ warnings: warnings.length });
  });
}

const endOf = (startsAt: Date, s: CompetitionSchedule) => new Date(startsAt.getTime() + s.matchMinutes * 60_000);

/** People in each entrant, by name, as the programme names people. */
async function membersOf(tx: DbOrTx, competitionIds: string[]): Promise<Map<string, string[]>> {
  if (!competitionIds.length) return new Map();
  const rows = await tx
    .select({ id: competitionEntrants.id, members: competitionEntrants.members })
    .from(competitionEntrants)
    .where(inArray(competitionEntrants.competitionId, competitionIds));
  return new Map(rows.map((r) => [r.id, r.members.map((m) => m.name)]));
}

async function timedMatches(
  tx: DbOrTx,
  comps: { id: string; itemId: string; schedule: CompetitionSchedule | null }[],
): Promise<TimedMatch[]> {
  const scheduled = comps.filter((c) => c.schedule);
  if (!scheduled.length) return [];
  const people = await membersOf(
    tx,
    scheduled.map((c) => c.id),
  );
  const rows = await tx
    .select({
      id: competitionMatches.id,
      competitionId: competitionMatches.competitionId,
      round: competitionMatches.round,
      startsAt: competitionMatches.startsAt,
      a: competitionMatches.entrantA,
      b: competitionMatches.entrantB,
    })
    .from(competitionMatches)
    .where(
      and(
        inArray(
          competitionMatches.competitionId,
          scheduled.map((c) => c.id),
        ),
        isNotNull(competitionMatches.startsAt),
      ),
    )
    .orderBy(asc(competitionMatches.startsAt), asc(competitionMatches.round), asc(competitionMatches.tableName));
  const byId = new Map(scheduled.map((c) => [c.id, c]));
  return rows.map((m) => {
    const c = byId.get(m.competitionId)!;
    return {
      id: m.id,
      itemId: c.itemId,
      round: m.round,
      startsAt: m.startsAt!,
      endsAt: endOf(m.startsAt!, c.schedule!),
      people: [...(m.a ? (people.get(m.a) ?? []) : []), ...(m.b ? (people.get(m.b) ?? []) : [])],
    };
  });
}

/**
 * Everything else on the festival's programme a person can be in: items with their named people and
 * the residents holding a place in them — or, where that item's competition has its rounds timed,
 * the matches themselves, which say more exactly when someone is busy.
 */
async function programmeEntries(
  tx: DbOrTx,
  festivalId: string,
  exceptCompetitionId: string,
): Promise<{
  entries: ProgrammeEntry[];
  titles: Map<string, string>;
  matchItem: Map<string, { itemId: string; round: number }>;
}> {
  const items = await tx
    .select({
      id: programmeItems.id,
      title: programmeItems.title,
      startsAt: programmeItems.startsAt,
      endsAt: programmeItems.endsAt,
      people: programmeItems.people,
      parentId: programmeItems.parentId,
    })
    .from(programmeItems)
    .where(eq(programmeItems.festivalId, festivalId));
  const comps = await tx
    .select({ id: competitions.id, itemId: competitions.itemId, schedule: competitions.schedule })
    .from(competitions)
    .where(and(eq(competitions.festivalId, festivalId), ne(competitions.id, exceptCompetitionId)));
  const matches = await timedMatches(tx, comps);
  const timed = new Set(matches.map((m) => m.itemId));
  const holders = await tx
    .select({ itemId: registrations.itemId, name: registrations.participantName, age: registrations.participantAge })
    .from(registrations)
    .where(
      and(
        eq(registrations.festivalId, festivalId),
        eq(registrations.status, "confirmed"),
        isNotNull(registrations.itemId),
      ),
    );
  const registered = new Map<string, string[]>();
  for (const h of holders)
    if (!timed.has(h.itemId!))
      registered.set(h.itemId!, [...(registered.get(h.itemId!) ?? []), publicName(h.name, h.age)]);
  return {
    entries: [
      ...items.map((i) => ({
        id: i.id,
        startsAt: i.startsAt,
        endsAt: i.endsAt,
        parentId: i.parentId,
        people: [...i.people, ...(registered.get(i.id) ?? [])],
      })),
      ...matches,
    ],
    titles: new Map(items.map((i) => [i.id, i.title])),
    matchItem: new Map(matches.map((m) => [m.id, { itemId: m.itemId, round: m.round }])),
  };
}

async function conflictsOf(
  tx: DbOrTx,
  c: {
    id: string;
    festivalId: string;
    itemId: string;
    itemStartsAt: Date;
    itemEndsAt: Date;
    schedule: CompetitionSchedule | null;
  },
) {
  return (await conflictDetails(tx, c)).conflicts;
}

async function conflictDetails(
  tx: DbOrTx,
  c: {
    id: string;
    festivalId: string;
    itemId: string;
    itemStartsAt: Date;
    itemEndsAt: Date;
    schedule: CompetitionSchedule | null;
  },
) {
  const mine = await timedMatches(tx, [c]);
  if (!mine.length) return { conflicts: [] as ScheduleConflict[], mine, others: null };
  const others = await programmeEntries(tx, c.festivalId, c.id);
  return {
    conflicts: scheduleConflicts(
      mine,
      { id: c.itemId, startsAt: c.itemStartsAt, endsAt: c.itemEndsAt },
      others.entries,
    ),
    mine,
    others,
  };
}

/** A clash as the organisers' page shows it. */
export interface ScheduleWarning {
  kind: ScheduleConflict["kind"];
  round: number;
  table: string | null;
  startsAt: Date;
  endsAt: Date;
  person: string | null;
  /** The other item (and round, when it is another competition's match). */
  other: { title: string; round: number | null; startsAt: Date; endsAt: Date } | null;
}

export interface ScheduleDetail {
  timeZone: string;
  item: { startsAt: Date; endsAt: Date };
  /** Saved settings, or what the form suggests: one table a match, 30 minutes, rounds one after another from the item's start. */
  tables: number;
  matchMinutes: number;
  saved: boolean;
  /** The competition's version, sent back with the form. */
  version: number;
  /** Each round: matches to play, its start as the form's wall-clock value, and when it ends if timed. */
  rounds: { round: number; matches: number; startsLocal: string; startsAt: Date | null; endsAt: Date | null }[];
  warnings: ScheduleWarning[];
}

/**
 * The schedule card of the organisers' competition page (data null before the draw); it shows a
 * draft schedule, so it answers anyone but an organiser `forbidden`.
 */
export async function getScheduleDetail(
  db: DbOrTx,
  actor: Actor | null,
  competitionId: string,
): Promise<Result<ScheduleDetail | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const c = await competitionWithItem(db, competitionId);
  if (!c || c.status === "setup") return ok(null);
  const counts = await matchesPerRound(db, c);
  const s = c.schedule;
  const tables = s?.tables ?? Math.max(1, ...counts);
  const matchMinutes = s?.matchMinutes ?? 30;
  const suggested = suggestStarts(c.itemStartsAt, counts, { tables, matchMinutes });
  const rounds = counts.map((n, i) => {
    const start = s?.roundStarts[i] ? new Date(s.roundStarts[i]) : null;
    return {
      round: i + 1,
      matches: n,
      startsLocal: utcToZonedLocal(start ?? suggested[i], c.timeZone),
      startsAt: start,
      endsAt: start && s ? new Date(start.getTime() + roundMinutes(n, s) * 60_000) : null,
    };
  });
  const { conflicts, mine, others } = await conflictDetails(db, c);
  const mineById = new Map(mine.map((m) => [m.id, m]));
  const slots = conflicts.length
    ? new Map(
        (
          await db
            .select({ id: competitionMatches.id, table: competitionMatches.tableName })
            .from(competitionMatches)
            .where(eq(competitionMatches.competitionId, c.id))
        ).map((r) => [r.id, r.table]),
      )
    : new Map<string, string | null>();
  const otherOf = (id: string): ScheduleWarning["other"] => {
    const entry = others?.entries.find((e) => e.id === id);
    if (!entry || !others) return null;
    const asMatch = others.matchItem.get(id);
    return {
      title: others.titles.get(asMatch?.itemId ?? id) ?? "",
      round: asMatch?.round ?? null,
      startsAt: entry.startsAt,
      endsAt: entry.endsAt,
    };
  };
  // Outside the item's time: said once a round, not for every match in it.
  const outside = new Set<number>();
  const shown = conflicts.filter((w) => {
    if (w.kind !== "outside_item") return true;
    const round = mineById.get(w.matchId)!.round;
    if (outside.has(round)) return false;
    outside.add(round);
    return true;
  });
  const warnings = shown.map((w): ScheduleWarning => {
    const m = mineById.get(w.matchId)!;
    return {
      kind: w.kind,
      round: m.round,
      table: slots.get(m.id) ?? null,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      person: w.kind === "person_overlap" ? w.person : null,
      other: w.kind === "person_overlap" ? otherOf(w.otherId) : null,
    };
  });
  return ok({
    timeZone: c.timeZone,
    item: { startsAt: c.itemStartsAt, endsAt: c.itemEndsAt },
    tables,
    matchMinutes,
    saved: !!s,
    version: c.version,
    rounds,
    warnings,
  });
}

/** What the programme's item page says of its competition: that there is one, and its rounds' start times once set. */
export async function getItemCompetition(
  db: DbOrTx,
  itemId: string,
): Promise<{ status: string; rounds: { round: number; startsAt: Date }[] } | null> {
  const [c] = await db
    .select({
      id: competitions.id,
      format: competitions.format,
      rounds: competitions.rounds,
      status: competitions.status,
      schedule: competitions.schedule,
    })
    .from(competitions)
    .where(eq(competitions.itemId, itemId));
  if (!c) return null;
  if (c.status === "setup" || !c.schedule) return { status: c.status, rounds: [] };
  const counts = await matchesPerRound(db, c);
  const starts = c.schedule.roundStarts;
  return {
    status: c.status,
    rounds: counts.flatMap((_, i) => (starts[i] ? [{ round: i + 1, startsAt: new Date(starts[i]) }] : [])),
  };
}

/** A timed match as the programme builder checks it beside the items. */
export interface MatchSlotDto {
  id: string;
  itemId: string;
  round: number;
  startsAt: string;
  endsAt: string;
  people: string[];
}

/**
 * Every timed match of a festival's competitions, with the players' names, for the programme
 * builder's conflict check: organisers only.
 */
export async function festivalMatchSlots(
  db: DbOrTx,
  actor: Actor | null,
  festivalSlug: string,
): Promise<Result<MatchSlotDto[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const comps = await db
    .select({ id: competitions.id, itemId: competitions.itemId, schedule: competitions.schedule })
    .from(competitions)
    .innerJoin(festivals, eq(festivals.id, competitions.festivalId))
    .where(eq(festivals.slug, festivalSlug));
  return ok(
    (await timedMatches(db, comps)).map((m) => ({
      ...m,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
    })),
  );
}
