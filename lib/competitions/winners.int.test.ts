import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, isNull } from "drizzle-orm";
import { competitionEntrants, competitionMatches, festivals } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, must } from "@/tests/support/fixtures";
import { openFestival } from "@/tests/support/registration-fixtures";
import { hefei, makeFestival } from "@/tests/support/festival-fixtures";
import { createItem, publishProgramme } from "@/lib/festivals/programme-service";
import type { Actor } from "@/lib/actor";
import { setUpCompetition } from "./service";
import { makeDraw } from "./draw-service";
import { enterResult } from "./results-service";
import { festivalWinners, getPublicCompetition } from "./queries";

let t: TestDb;
let organiser: Actor;
let f: Awaited<ReturnType<typeof openFestival>> & { id: string };
const idOf = async (slug: string) =>
  (await t.db.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, slug)))[0].id;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  const opened = await openFestival(t.db, organiser);
  f = { ...opened, id: await idOf(opened.slug) };
});
afterAll(async () => t?.close());

let slot = 0;
/** A published item with a competition and `n` checked-in entrants named `P<slot>-1` … (strongest first). */
async function competitionWith(
  setup: Record<string, unknown>,
  n: number,
  opts: { publish?: boolean; festival?: { slug: string; hallId: string } } = {},
) {
  slot += 1;
  const fest = opts.festival ?? f;
  const item = must(
    await createItem(t.db, organiser, {
      festivalSlug: fest.slug,
      title: `颁奖比赛${slot}`,
      kind: "card_chess",
      venueId: fest.hallId,
      startsAt: hefei(17, 11 + slot),
      endsAt: hefei(17, 12 + slot),
    }),
  );
  if (opts.publish !== false) must(await publishProgramme(t.db, organiser, { festivalSlug: fest.slug }));
  const id = must(await setUpCompetition(t.db, organiser, { itemId: item.item.id, ...setup })).id;
  const names = Array.from({ length: n }, (_, i) => `P${slot}-${i + 1}`);
  const entrants = await t.db
    .insert(competitionEntrants)
    .values(
      names.map((name) => ({
        competitionId: id,
        name,
        members: [{ registrationId: randomUUID(), userId: null, name }],
        checkedIn: true,
      })),
    )
    .returning();
  const strength = new Map(entrants.map((e) => [e.id, names.indexOf(e.name)]));
  return { id, itemId: item.item.id, names, strength };
}

/**
 * Plays every match that can be played, round after round, until none is left (or `limit`
 * results are in): `decide` gives the chess result from side A's view.
 */
async function play(c: { id: string }, decide: (a: string, b: string) => string, limit = Infinity) {
  for (let entered = 0; entered < limit;) {
    const ready = (
      await t.db
        .select()
        .from(competitionMatches)
        .where(and(eq(competitionMatches.competitionId, c.id), isNull(competitionMatches.outcome)))
        .orderBy(asc(competitionMatches.round), asc(competitionMatches.position))
    ).filter((m) => m.entrantA && m.entrantB);
    if (!ready.length) return;
    for (const m of ready.slice(0, limit - entered)) {
      must(
        await enterResult(t.db, organiser, {
          matchId: m.id,
          result: { kind: "chess", result: decide(m.entrantA!, m.entrantB!) },
        }),
      );
      entered += 1;
    }
  }
}
/** The stronger (earlier-named) entrant wins. */
const byStrength = (strength: Map<string, number>) => (a: string, b: string) =>
  strength.get(a)! < strength.get(b)! ? "1-0" : "0-1";
const winnersOf = async (itemId: string) => (await festivalWinners(t.db, f.id)).find((w) => w.item.id === itemId);

describe("festival winners", () => {
  it("a round robin with a tie for third: places 1, 2 and a shared 3, as the competition's own standings", async () => {
    const c = await competitionWith({ format: "round_robin", game: "chess", entrantKind: "individual" }, 4);
    must(await makeDraw(t.db, organiser, { competitionId: c.id, seed: 11 }));
    // 1 beats everyone, 2 beats 3 and 4, and 3 and 4 draw: level on points, head-to-head and Sonneborn–Berger.
    const stronger = byStrength(c.strength);
    await play(c, (a, b) => ([c.strength.get(a), c.strength.get(b)].sort().join() === "2,3" ? "½-½" : stronger(a, b)));
    const w = (await winnersOf(c.itemId))!;
    expect(w).toMatchObject({
      game: "chess",
      format: "round_robin",
      entrantKind: "individual",
      item: { title: `颁奖比赛${slot}` },
    });
    expect(w.podium).toEqual({
      kind: "places",
      places: [
        { place: 1, shared: false, names: [c.names[0]] },
        { place: 2, shared: false, names: [c.names[1]] },
        { place: 3, shared: true, names: expect.arrayContaining([c.names[2], c.names[3]]) },
      ],
    });
    const page = (await getPublicCompetition(t.db, f.slug, c.itemId))!;
    expect(page.groups[0].standings.map((r) => [r.rank, r.shared])).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [3, true],
    ]);
  });

  it("a shared first in a round robin leaves no second place", async () => {
    const c = await competitionWith({ format: "round_robin", game: "chess", entrantKind: "individual" }, 3);
    must(await makeDraw(t.db, organiser, { competitionId: c.id, seed: 4 }));
    // Every game drawn: all three share first.
    await play(c, () => "½-½");
    expect((await winnersOf(c.itemId))!.podium).toEqual({
      kind: "places",
      places: [{ place: 1, shared: true, names: expect.arrayContaining(c.names) }],
    });
  });

  it("a knockout with a third-place match: the final's winner and loser, then the third-place match's winner", async () => {
    const c = await competitionWith(
      { format: "single_elimination", game: "chess", entrantKind: "individual", thirdPlace: true, seeding: "random" },
      4,
    );
    must(await makeDraw(t.db, organiser, { competitionId: c.id, seed: 2 }));
    await play(c, byStrength(c.strength));
    const page = (await getPublicCompetition(t.db, f.slug, c.itemId))!;
    const final = page.bracket!.rounds.at(-1)!.matches[0];
    const third = page.bracket!.thirdPlace!;
    expect(page.bracket!.champion!.name).toBe(c.names[0]);
    expect((await winnersOf(c.itemId))!.podium).toEqual({
      kind: "places",
      places: [
        { place: 1, shared: false, names: [c.names[0]] },
        { place: 2, shared: false, names: [final.winner === "a" ? final.b!.name : final.a!.name] },
        { place: 3, shared: false, names: [third.winner === "a" ? third.a!.name : third.b!.name] },
      ],
    });
  });

  it("a knockout without a third-place match: both losing semi-finalists share third", async () => {
    const c = await competitionWith(
      { format: "single_elimination", game: "chess", entrantKind: "individual", thirdPlace: false },
      5,
    );
    must(await makeDraw(t.db, organiser, { competitionId: c.id, seed: 8 }));
    await play(c, byStrength(c.strength));
    const page = (await getPublicCompetition(t.db, f.slug, c.itemId))!;
    const semis = page.bracket!.rounds.at(-2)!.matches;
    const losers = semis.map((m) => (m.winner === "a" ? m.b!.name : m.a!.name));
    expect(losers).toHaveLength(2);
    const final = page.bracket!.rounds.at(-1)!.matches[0];
    expect((await winnersOf(c.itemId))!.podium).toEqual({
      kind: "places",
      places: [
        { place: 1, shared: false, names: [page.bracket!.champion!.name] },
        { place: 2, shared: false, names: [final.winner === "a" ? final.b!.name : final.a!.name] },
        { place: 3, shared: true, names: losers },
      ],
    });
  });

  it("a round robin in groups: each group's first", async () => {
    const c = await competitionWith(
      { format: "round_robin", game: "chess", entrantKind: "individual", groupSize: 3 },
      6,
    );
    must(await makeDraw(t.db, organiser, { competitionId: c.id, seed: 6 }));
    await play(c, byStrength(c.strength));
    const page = (await getPublicCompetition(t.db, f.slug, c.itemId))!;
    expect((await winnersOf(c.itemId))!.podium).toEqual({
      kind: "groups",
      groups: page.groups.map((g) => ({ groupNo: g.groupNo, names: [g.standings[0].entrant.name] })),
    });
    expect(page.groups).toHaveLength(2);
  });

  it("leaves out competitions not finished, not drawn, or on an unpublished item, and a draft festival's", async () => {
    const half = await competitionWith({ format: "round_robin", game: "chess", entrantKind: "individual" }, 4);
    must(await makeDraw(t.db, organiser, { competitionId: half.id, seed: 3 }));
    await play(half, byStrength(half.strength), 5);
    const notDrawn = await competitionWith({ format: "round_robin", game: "chess", entrantKind: "individual" }, 3);
    const hidden = await competitionWith({ format: "round_robin", game: "chess", entrantKind: "individual" }, 3, {
      publish: false,
    });
    must(await makeDraw(t.db, organiser, { competitionId: hidden.id, seed: 1 }));
    await play(hidden, byStrength(hidden.strength));
    const shown = (await festivalWinners(t.db, f.id)).map((w) => w.item.id);
    expect(shown).not.toContain(half.itemId);
    expect(shown).not.toContain(notDrawn.itemId);
    expect(shown).not.toContain(hidden.itemId);
    expect(shown.length).toBeGreaterThan(0);

    const draft = await makeFestival(t.db, organiser);
    const inDraft = await competitionWith({ format: "round_robin", game: "chess", entrantKind: "individual" }, 3, {
      festival: draft,
    });
    must(await makeDraw(t.db, organiser, { competitionId: inDraft.id, seed: 1 }));
    await play(inDraft, byStrength(inDraft.strength));
    expect(await festivalWinners(t.db, await idOf(draft.slug))).toEqual([]);
    expect(await festivalWinners(t.db, randomUUID())).toEqual([]);
  });
});
