import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { competitionEntrants, competitionMatches } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, must } from "@/tests/support/fixtures";
import { openFestival } from "@/tests/support/registration-fixtures";
import { hefei, makeFestival } from "@/tests/support/festival-fixtures";
import { createItem, publishProgramme } from "@/lib/festivals/programme-service";
import type { Actor } from "@/lib/actor";
import { setUpCompetition } from "./service";
import { makeDraw } from "./draw-service";
import { enterResult, pairNextRound } from "./results-service";
import { checkChess, checkTableTennis, type ScoreInput } from "./scores";
import { computeStandings, resultFromScore, type MatchResult } from "./standings";
import { getPublicCompetition, listPublicCompetitions } from "./queries";

let t: TestDb;
let organiser: Actor;
let f: Awaited<ReturnType<typeof openFestival>>;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  f = await openFestival(t.db, organiser);
});
afterAll(async () => t?.close());

let slot = 0;
/** A published item with a competition and `n` checked-in entrants whose members are real accounts (with phones). */
async function competitionWith(
  setup: Record<string, unknown>,
  n: number,
  opts: { kind?: "card_chess" | "sport_event"; publish?: boolean; slug?: string; venueId?: string } = {},
) {
  slot += 1;
  const slug = opts.slug ?? f.slug;
  const item = must(
    await createItem(t.db, organiser, {
      festivalSlug: slug,
      title: `公开比赛${slot}`,
      kind: opts.kind ?? "card_chess",
      venueId: opts.venueId ?? f.hallId,
      startsAt: hefei(17, 11 + slot),
      endsAt: hefei(17, 12 + slot),
    }),
  );
  if (opts.publish !== false) must(await publishProgramme(t.db, organiser, { festivalSlug: slug }));
  const id = must(await setUpCompetition(t.db, organiser, { itemId: item.item.id, ...setup })).id;
  const people = [];
  for (let i = 0; i < n; i++) people.push(await makeUser(t.db, { name: `棋手${slot}-${i + 1}` }));
  const rows = people.map((p, i) => ({
    competitionId: id,
    name: p.name,
    members: [{ registrationId: randomUUID(), userId: p.id, name: p.name }],
    skill: 1 + (i % 3),
    checkedIn: true,
  }));
  const entrants = await t.db.insert(competitionEntrants).values(rows).returning();
  return { id, itemId: item.item.id, entrants, people };
}
const matchesOf = (id: string) =>
  t.db
    .select()
    .from(competitionMatches)
    .where(eq(competitionMatches.competitionId, id))
    .orderBy(asc(competitionMatches.round), asc(competitionMatches.groupNo), asc(competitionMatches.position));

describe("public competition pages' data", () => {
  it("a finished round robin: the standings are computeStandings of the results entered; the list names the winner", async () => {
    const c = await competitionWith({ format: "round_robin", game: "chess", entrantKind: "individual" }, 5);
    must(await makeDraw(t.db, organiser, { competitionId: c.id, seed: 5 }));
    const results = ["1-0", "½-½", "0-1", "1-0", "1-0", "0-1", "½-½", "1-0", "1-0", "0-1"];
    const expected: MatchResult[] = [];
    for (const [i, m] of (await matchesOf(c.id)).entries()) {
      must(await enterResult(t.db, organiser, { matchId: m.id, result: { kind: "chess", result: results[i] } }));
      const check = checkChess(results[i]);
      if (!check.ok) throw new Error("bad test score");
      expected.push(resultFromScore(m.entrantA!, m.entrantB!, check));
    }
    const seeds = (
      await t.db
        .select()
        .from(competitionEntrants)
        .where(eq(competitionEntrants.competitionId, c.id))
        .orderBy(asc(competitionEntrants.seed))
    ).map((e) => e.id);
    const want = computeStandings({ system: "round_robin", game: "chess" }, seeds, expected);

    const page = (await getPublicCompetition(t.db, f.slug, c.itemId))!;
    expect(page.status).toBe("finished");
    expect(page.groups).toHaveLength(1);
    expect(page.tieBreakOrder).toEqual(["head_to_head", "sonneborn_berger"]);
    expect(page.groups[0].standings.map((r) => [r.entrant.id, r.rank, r.points, r.tieBreaks])).toEqual(
      want.rows.map((r) => [r.entrant, r.rank, r.points, r.tieBreaks]),
    );
    expect(page.groups[0].rounds.flatMap((r) => r.matches)).toHaveLength(10);
    expect(page.matches.find((m) => m.score?.kind === "chess" && m.score.a === 0.5)).toBeTruthy();

    const list = (await listPublicCompetitions(t.db, f.slug))!;
    const row = list.competitions.find((x) => x.item.id === c.itemId)!;
    const names = new Map(c.entrants.map((e) => [e.id, e.name]));
    expect(row).toMatchObject({ status: "finished", format: "round_robin", entrants: 5, item: { venue: "多功能厅" } });
    expect(row.winners).toEqual(want.rows.filter((r) => r.rank === 1).map((r) => names.get(r.entrant)));
  });

  it("a Swiss of 9 over 3 rounds, byes included: the standings are computeStandings of the results and byes", async () => {
    const c = await competitionWith({ format: "swiss", game: "chess", entrantKind: "individual", rounds: 3 }, 9);
    must(await makeDraw(t.db, organiser, { competitionId: c.id, seed: 9 }));
    const outcomes = ["1-0", "0-1", "½-½", "1-0"];
    const expected: MatchResult[] = [];
    for (let round = 1; round <= 3; round++) {
      const games = (await matchesOf(c.id)).filter((m) => m.round === round);
      for (const [i, g] of games.entries()) {
        if (g.label === "bye") {
          expected.push({ a: g.entrantA!, b: null, outcome: 1 });
          continue;
        }
        const text = outcomes[(i + round) % 4];
        must(await enterResult(t.db, organiser, { matchId: g.id, result: { kind: "chess", result: text } }));
        const check = checkChess(text);
        if (!check.ok) throw new Error("bad test score");
        expected.push(resultFromScore(g.entrantA!, g.entrantB!, check));
      }
      if (round < 3) must(await pairNextRound(t.db, organiser, c.id));
    }
    expect(expected.filter((r) => r.b === null)).toHaveLength(3);
    const seeds = (
      await t.db
        .select()
        .from(competitionEntrants)
        .where(eq(competitionEntrants.competitionId, c.id))
        .orderBy(asc(competitionEntrants.seed))
    ).map((e) => e.id);
    const want = computeStandings({ system: "swiss", game: "chess" }, seeds, expected);

    const page = (await getPublicCompetition(t.db, f.slug, c.itemId))!;
    expect(page.tieBreakOrder).toEqual(["buchholz", "buchholz_cut1", "sonneborn_berger"]);
    expect(page.groups[0].standings.map((r) => [r.entrant.id, r.rank, r.points, r.byes, r.tieBreaks])).toEqual(
      want.rows.map((r) => [r.entrant, r.rank, r.points, r.byes, r.tieBreaks]),
    );
    expect(page.groups[0].rounds.map((r) => r.round)).toEqual([1, 2, 3]);
    expect(page.matches.filter((m) => m.label === "bye").every((m) => m.b === null && m.score?.kind === "bye")).toBe(
      true,
    );
  });

  it("a knockout: rounds from the stored matches, the final's winner is the champion, third place apart", async () => {
    const c = await competitionWith(
      { format: "single_elimination", game: "table_tennis", entrantKind: "individual", bestOf: 3, thirdPlace: true },
      5,
      { kind: "sport_event", venueId: f.squareId },
    );
    must(await makeDraw(t.db, organiser, { competitionId: c.id, seed: 3 }));
    let page = (await getPublicCompetition(t.db, f.slug, c.itemId))!;
    expect(page.bracket!.rounds.map((r) => [r.round, r.fromFinal, r.matches.length])).toEqual([
      [1, 2, 1],
      [2, 1, 2],
      [3, 0, 1],
    ]);
    // Before it is played, the final's sides come from the semi-finals.
    expect(page.bracket!.rounds[2].matches[0].feedA?.winnerOf).toMatchObject({ round: 2 });
    expect(page.bracket!.champion).toBeNull();

    const win: ScoreInput = {
      kind: "table_tennis",
      bestOf: 3,
      games: [
        [11, 9],
        [9, 11],
        [12, 10],
      ],
    };
    for (const round of [1, 2, 3]) {
      for (const m of (await matchesOf(c.id)).filter((x) => x.round === round))
        must(
          await enterResult(t.db, organiser, {
            matchId: m.id,
            result: {
              kind: "table_tennis",
              games:
                round === 3 && m.label === null
                  ? [
                      [5, 11],
                      [7, 11],
                    ]
                  : win.games,
            },
          }),
        );
    }
    expect(checkTableTennis(win.games, 3).ok).toBe(true);
    const final = (await matchesOf(c.id)).find((m) => m.round === 3 && m.label === null)!;
    page = (await getPublicCompetition(t.db, f.slug, c.itemId))!;
    expect(page.status).toBe("finished");
    expect(page.bracket!.champion?.id).toBe(final.entrantB);
    expect(page.bracket!.thirdPlace?.winner).toBe("a");
    expect(page.bracket!.rounds[0].matches[0].score).toEqual({
      kind: "games",
      games: [
        [11, 9],
        [9, 11],
        [12, 10],
      ],
    });
    const row = (await listPublicCompetitions(t.db, f.slug))!.competitions.find((x) => x.item.id === c.itemId)!;
    expect(row.winners).toEqual([c.entrants.find((e) => e.id === final.entrantB)!.name]);
  });

  it("before the draw: the entrants, no matches; after it, only those drawn", async () => {
    const c = await competitionWith({ format: "round_robin", game: "guandan", entrantKind: "pair" }, 4);
    let page = (await getPublicCompetition(t.db, f.slug, c.itemId))!;
    expect(page).toMatchObject({ drawn: false, status: "setup", matches: [], groups: [], bracket: null });
    expect(page.entrants.map((e) => e.name).sort()).toEqual(c.entrants.map((e) => e.name).sort());

    // One pair never checked in: the draw leaves it out, and so does the page.
    await t.db
      .update(competitionEntrants)
      .set({ checkedIn: false })
      .where(eq(competitionEntrants.id, c.entrants[0].id));
    must(await makeDraw(t.db, organiser, { competitionId: c.id }));
    page = (await getPublicCompetition(t.db, f.slug, c.itemId))!;
    expect(page.drawn).toBe(true);
    expect(page.entrants.map((e) => e.id).sort()).toEqual(
      c.entrants
        .slice(1)
        .map((e) => e.id)
        .sort(),
    );
    expect(page.groups[0].standings).toHaveLength(3);
    const row = (await listPublicCompetitions(t.db, f.slug))!.competitions.find((x) => x.item.id === c.itemId)!;
    expect(row.entrants).toBe(3);

    // Guandan levels as the page writes them: the pair that passed A, the other's level.
    const [m] = await matchesOf(c.id);
    must(await enterResult(t.db, organiser, { matchId: m.id, result: { kind: "guandan", a: "9", b: "A+" } }));
    page = (await getPublicCompetition(t.db, f.slug, c.itemId))!;
    expect(page.matches.find((x) => x.id === m.id)).toMatchObject({
      winner: "b",
      score: { kind: "guandan", a: "9", b: "passed" },
    });
  });

  it("nothing for a draft festival, an item not yet published, or an unknown item", async () => {
    const draft = await makeFestival(t.db, organiser);
    const inDraft = await competitionWith({ format: "round_robin", game: "go", entrantKind: "individual" }, 3, {
      slug: draft.slug,
      venueId: draft.hallId,
    });
    must(await makeDraw(t.db, organiser, { competitionId: inDraft.id }));
    expect(await listPublicCompetitions(t.db, draft.slug)).toBeNull();
    expect(await getPublicCompetition(t.db, draft.slug, inDraft.itemId)).toBeNull();

    const unpublished = await competitionWith({ format: "round_robin", game: "go", entrantKind: "individual" }, 3, {
      publish: false,
    });
    expect(await getPublicCompetition(t.db, f.slug, unpublished.itemId)).toBeNull();
    expect(
      (await listPublicCompetitions(t.db, f.slug))!.competitions.some((x) => x.item.id === unpublished.itemId),
    ).toBe(false);
    expect(await getPublicCompetition(t.db, f.slug, randomUUID())).toBeNull();
    expect(await getPublicCompetition(t.db, f.slug, "not-a-uuid")).toBeNull();
  });

  it("no phone, account or registration id in any of it", async () => {
    const c = await competitionWith({ format: "round_robin", game: "chess", entrantKind: "individual" }, 3);
    must(await makeDraw(t.db, organiser, { competitionId: c.id }));
    const [m] = await matchesOf(c.id);
    must(await enterResult(t.db, organiser, { matchId: m.id, result: { kind: "chess", result: "1-0" } }));
    const json = JSON.stringify([
      await getPublicCompetition(t.db, f.slug, c.itemId),
      await listPublicCompetitions(t.db, f.slug),
    ]);
    expect(json).toContain(c.people[0].name);
    for (const p of c.people) {
      expect(json).not.toContain(p.phone);
      expect(json).not.toContain(p.id);
    }
    for (const e of c.entrants) for (const mem of e.members) expect(json).not.toContain(mem.registrationId);
    expect(json).not.toMatch(/1[3-9]\d{9}/);
  });
});
