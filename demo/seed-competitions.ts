import { randomUUID } from "node:crypto";
import { eq, like } from "drizzle-orm";
import {
  competitionEntrants,
  competitionMatches,
  competitions,
  households,
  programmeItems,
  quotas,
  registrations,
  users,
} from "@/db/schema";
import type { Tx } from "@/db/types";
import { registrationSchema, type RegistrationInput } from "@/lib/registrations/schemas";
import { detailsOf } from "@/lib/registrations/details";
import { competitionSetupSchema } from "@/lib/competitions/schemas";
import { entrantsFrom, placeHolders } from "@/lib/competitions/entrants";
import { orderForDraw, planDraw, type Feed } from "@/lib/competitions/draw";
import { checkScore, type ScoreInput } from "@/lib/competitions/scores";

// The 14th festival's competitions, played and finished: a tug-of-war round robin between four
// building teams and a chess knockout of six with a match for third. The rows are what the
// services would have written on the day — registrations parsed with the form's schema,
// entrants made by entrantsFrom, the draw planned by orderForDraw/planDraw from a recorded seed,
// every score checked by checkScore and stored as its detail, bracket winners sent on — only
// with the 2021 dates of the day instead of the moment of seeding. (No audit entries: the other
// demo seeds write none either.)

const at = (iso: string) => new Date(iso);
const minutes = (d: Date, n: number) => new Date(d.getTime() + n * 60_000);

/** The form parsed as the registration service parses it, kept as it keeps the details. */
const detailsFrom = (input: RegistrationInput) => detailsOf(registrationSchema.parse(input));

interface Played {
  festivalId: string;
  itemId: string;
  organiserId: string;
  setup: Record<string, unknown>;
  drawSeed: number;
  setUpAt: Date;
  checkedInAt: Date;
  drawnAt: Date;
  firstResultAt: Date;
  /** Minutes between two results being entered. */
  every: number;
  /** The score of a match between two entrants (by name), A first. */
  score: (a: string, b: string) => ScoreInput;
}

/**
 * One competition from set-up to its last result, on the registrations holding a place in the
 * item; everyone checked in. Throws if a step would have been refused by the services.
 */
async function playCompetition(tx: Tx, p: Played) {
  const { itemId: _itemId, ...settings } = competitionSetupSchema.parse({ itemId: p.itemId, ...p.setup });
  void _itemId;
  const values = {
    ...settings,
    groupSize: settings.format === "round_robin" ? settings.groupSize : null,
    rounds: settings.format === "swiss" ? settings.rounds : null,
    thirdPlace: settings.format === "single_elimination" && settings.thirdPlace,
  };

  const { entrants, waiting } = entrantsFrom(values.entrantKind, await placeHolders(tx, p.itemId));
  if (waiting.length) throw new Error(`Demo competition: registrations that cannot play: ${waiting.join(", ")}`);

  const [c] = await tx
    .insert(competitions)
    .values({
      ...values,
      festivalId: p.festivalId,
      itemId: p.itemId,
      drawSeed: p.drawSeed,
      drawnAt: p.drawnAt,
      version: 2,
      createdAt: p.setUpAt,
      updatedAt: p.setUpAt,
    })
    .returning({ id: competitions.id });
  const rows = await tx
    .insert(competitionEntrants)
    .values(
      entrants.map((e) => ({
        ...e,
        competitionId: c.id,
        checkedIn: true,
        checkedInAt: p.checkedInAt,
        createdAt: p.setUpAt,
      })),
    )
    .returning({ id: competitionEntrants.id, skill: competitionEntrants.skill, name: competitionEntrants.name });
  const names = new Map(rows.map((r) => [r.id, r.name]));

  const ordered = orderForDraw(rows, values.seeding, p.drawSeed);
  const planned = planDraw(values.format, ordered, {
    groupSize: values.groupSize,
    thirdPlace: values.thirdPlace,
    seed: p.drawSeed,
  });
  if (!planned.ok) throw new Error(`Demo competition: the draw was refused (${planned.code})`);
  for (const [i, e] of ordered.entries()) {
    await tx
      .update(competitionEntrants)
      .set({ seed: i + 1, groupNo: planned.draw.groups[e.id] ?? null })
      .where(eq(competitionEntrants.id, e.id));
  }

  // Results in the order they would come in: round by round, each match once both sides are known.
  const ids = new Map(planned.draw.matches.map((m) => [m.key, randomUUID()]));
  const decided = new Map<string, { winner: string; loser: string }>();
  const side = (direct: string | null, feed?: Feed) =>
    direct ??
    (feed?.winnerOf
      ? decided.get(feed.winnerOf)?.winner
      : feed?.loserOf
        ? decided.get(feed.loserOf)?.loser
        : undefined) ??
    null;
  const feedOf = (f?: Feed) =>
    f ? (f.winnerOf ? { winnerOf: ids.get(f.winnerOf)! } : { loserOf: ids.get(f.loserOf!)! }) : undefined;
  const knockout = values.format === "single_elimination";
  const byRound = [...planned.draw.matches].sort(
    (x, y) => x.round - y.round || (x.groupNo ?? 0) - (y.groupNo ?? 0) || x.position - y.position,
  );
  let enteredAt = p.firstResultAt;
  const matches: (typeof competitionMatches.$inferInsert)[] = [];
  for (const m of byRound) {
    const a = side(m.a, m.feeds.a);
    const b = side(m.b, m.feeds.b);
    if (!a || !b) throw new Error(`Demo competition: match ${m.key} is not ready`);
    const check = checkScore(p.score(names.get(a)!, names.get(b)!));
    if (!check.ok) throw new Error(`Demo competition: score refused in ${m.key} (${check.code})`);
    if (knockout && check.winner === null) throw new Error(`Demo competition: a draw in knockout match ${m.key}`);
    const outcome = check.winner === "A" ? "a" : check.winner === "B" ? "b" : "draw";
    if (outcome !== "draw") decided.set(m.key, outcome === "a" ? { winner: a, loser: b } : { winner: b, loser: a });
    matches.push({
      id: ids.get(m.key)!,
      competitionId: c.id,
      round: m.round,
      groupNo: m.groupNo,
      position: m.position,
      entrantA: a,
      entrantB: b,
      feeds: { ...(m.feeds.a ? { a: feedOf(m.feeds.a) } : {}), ...(m.feeds.b ? { b: feedOf(m.feeds.b) } : {}) },
      label: m.label,
      outcome,
      score: check.detail as Record<string, unknown>,
      enteredBy: p.organiserId,
      enteredAt,
      // One version for the draw, one for the result.
      version: 2,
    });
    enteredAt = minutes(enteredAt, p.every);
  }
  await tx.insert(competitionMatches).values(matches);
  await tx
    .update(competitions)
    .set({ status: "finished", updatedAt: matches.at(-1)!.enteredAt! })
    .where(eq(competitions.id, c.id));
  return c.id;
}

/** Side A wins when it comes first in `order` (strongest first). */
const stronger = (order: string[], a: string, b: string) => {
  const [i, j] = [order.indexOf(a), order.indexOf(b)];
  if (i < 0 || j < 0) throw new Error(`Demo competition: ${i < 0 ? a : b} has no place in the order`);
  return i < j;
};

export async function seedCompetitions(tx: Tx, festivalId: string) {
  const items = await tx
    .select({ id: programmeItems.id, title: programmeItems.title, capacity: programmeItems.capacity })
    .from(programmeItems)
    .where(eq(programmeItems.festivalId, festivalId));
  const item = (title: string) => items.find((i) => i.title === title)!;
  const tug = item("拔河比赛");
  const chess = item("象棋比赛");
  const [organiser] = await tx.select({ id: users.id }).from(users).where(eq(users.phone, "13800000001"));

  // The demo's other residents who live in the estates, by building: the item says teams are
  // made by building, so the four buildings with the most of them each field a team.
  const residents = await tx
    .select({ id: users.id, name: users.name, phone: users.phone, building: households.building })
    .from(users)
    .innerJoin(households, eq(households.id, users.householdId))
    .where(like(users.phone, "13955%"))
    .orderBy(users.phone);
  const byBuilding = new Map<string, typeof residents>();
  for (const r of residents) byBuilding.set(r.building, [...(byBuilding.get(r.building) ?? []), r]);
  const buildings = [...byBuilding]
    .sort(([x, a], [y, b]) => b.length - a.length || x.localeCompare(y, "zh-CN"))
    .slice(0, 4)
    .map(([building]) => building)
    .sort((x, y) => x.localeCompare(y, "zh-CN"));
  if (buildings.length < 4 || buildings.some((b) => byBuilding.get(b)!.length < 3))
    throw new Error("Demo competition: too few residents for four tug-of-war teams");
  const teamOf = (building: string) => `${building}队`;
  const athletes = buildings.flatMap((b) => byBuilding.get(b)!.map((r) => ({ ...r, team: teamOf(b) })));

  // Six chess players from the others, with names the draw can tell apart.
  const taken = new Set(athletes.map((a) => a.id));
  const players: typeof residents = [];
  for (const r of residents)
    if (!taken.has(r.id) && !players.some((p) => p.name === r.name) && players.length < 6) players.push(r);
  if (players.length < 6) throw new Error("Demo competition: too few residents for the chess knockout");
  const LEVELS = ["advanced", "advanced", "intermediate", "intermediate", "beginner", "beginner"] as const;

  // Registered in September, accepted by the organisers before the festival.
  const queued = (i: number) => new Date(Date.UTC(2021, 8, 2 + (i % 20), 1 + (i % 10)));
  const acceptedAt = at("2021-10-09T02:00:00Z");
  await tx.insert(registrations).values([
    ...athletes.map((a, i) => ({
      festivalId,
      userId: a.id,
      participantKey: "self",
      participantName: a.name,
      role: "athlete" as const,
      itemId: tug.id,
      status: "confirmed" as const,
      queuedAt: queued(i),
      createdAt: queued(i),
      updatedAt: acceptedAt,
      acceptedAt,
      team: a.team,
      details: detailsFrom({
        festivalSlug: "meihu-14",
        participant: { kind: "self" },
        role: "athlete",
        itemId: tug.id,
        ageGroup: i % 4 === 0 ? "senior" : i % 5 === 0 ? "youth" : "adult",
        emergencyName: "家属",
        emergencyPhone: "13900000000",
        healthDeclaration: true,
        // The first of each building started the team; the others joined it.
        teamAction: athletes.findIndex((x) => x.team === a.team) === i ? "create" : "join",
        team: a.team,
      }),
    })),
    ...players.map((pl, i) => ({
      festivalId,
      userId: pl.id,
      participantKey: "self",
      participantName: pl.name,
      role: "player" as const,
      itemId: chess.id,
      status: "confirmed" as const,
      queuedAt: queued(athletes.length + i),
      createdAt: queued(athletes.length + i),
      updatedAt: acceptedAt,
      acceptedAt,
      details: detailsFrom({
        festivalSlug: "meihu-14",
        participant: { kind: "self" },
        role: "player",
        itemId: chess.id,
        level: LEVELS[i],
        partner: { kind: "none" },
      }),
    })),
  ]);
  // Each item's places became its quota with the first registration; these took that many.
  await tx.insert(quotas).values([
    { festivalId, scope: `item:${tug.id}`, capacity: tug.capacity!, taken: athletes.length },
    { festivalId, scope: `item:${chess.id}`, capacity: chess.capacity!, taken: players.length },
  ]);

  // Tug of war: every team pulls every other, best of three. The strongest team wins all three;
  // neighbours in strength go to a third pull.
  const teams = [buildings[2], buildings[0], buildings[3], buildings[1]].map(teamOf);
  await playCompetition(tx, {
    festivalId,
    itemId: tug.id,
    organiserId: organiser.id,
    setup: { format: "round_robin", game: "tug_of_war", entrantKind: "team", seeding: "random" },
    drawSeed: 20211016,
    setUpAt: at("2021-10-10T02:00:00Z"),
    checkedInAt: at("2021-10-16T01:15:00Z"),
    drawnAt: at("2021-10-16T01:25:00Z"),
    firstResultAt: at("2021-10-16T01:45:00Z"),
    every: 15,
    score: (a, b) => {
      const gap = Math.abs(teams.indexOf(a) - teams.indexOf(b));
      const loser = gap === 1 ? 1 : 0;
      return { kind: "tug_of_war", pulls: stronger(teams, a, b) ? [2, loser] : [loser, 2] };
    },
  });

  // Chess: seeded by level (the two advanced players can only meet in the final); the stronger
  // player wins each game, so the two advanced players meet in the final and the two
  // intermediate ones play for third.
  const order = players.map((pl) => pl.name);
  await playCompetition(tx, {
    festivalId,
    itemId: chess.id,
    organiserId: organiser.id,
    setup: {
      format: "single_elimination",
      game: "xiangqi",
      entrantKind: "individual",
      thirdPlace: true,
      seeding: "skill",
    },
    drawSeed: 1016,
    setUpAt: at("2021-10-10T02:10:00Z"),
    checkedInAt: at("2021-10-16T01:20:00Z"),
    drawnAt: at("2021-10-16T01:28:00Z"),
    firstResultAt: at("2021-10-16T02:05:00Z"),
    every: 25,
    score: (a, b) => ({ kind: "chess", result: stronger(order, a, b) ? "1-0" : "0-1" }),
  });
}
