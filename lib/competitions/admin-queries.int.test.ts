import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { competitionEntrants, festivals } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, must } from "@/tests/support/fixtures";
import { hefei, makeFestival } from "@/tests/support/festival-fixtures";
import { openFestival, player } from "@/tests/support/registration-fixtures";
import type { Actor } from "@/lib/actor";
import { createItem } from "@/lib/festivals/programme-service";
import { register } from "@/lib/registrations/service";
import {
  getCompetitionDetail,
  getRefereeCompetition,
  listCompetitionItems,
  listRefereeCompetitions,
} from "./admin-queries";
import { makeDraw } from "./draw-service";
import { enterResult } from "./results-service";
import { setReferee, setUpCompetition, syncEntrants } from "./service";

let t: TestDb;
let organiser: Actor;
let f: Awaited<ReturnType<typeof openFestival>> & { id: string };
const festivalId = async (slug: string) =>
  (await t.db.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, slug)))[0].id;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  const opened = await openFestival(t.db, organiser);
  f = { ...opened, id: await festivalId(opened.slug) };
});
afterAll(async () => t?.close());

const person = async (name: string) => {
  const u = await makeUser(t.db, { verified: true, name });
  return { actor: await actorOf(t.db, u.id), phone: u.phone };
};

let slot = 0;
/** A fresh card & chess item with a competition and `n` entrants, all checked in. */
async function competitionWith(setup: Record<string, unknown>, n: number) {
  slot += 1;
  const item = must(
    await createItem(t.db, organiser, {
      festivalSlug: f.slug,
      title: `棋赛${slot}`,
      kind: "card_chess",
      venueId: f.squareId,
      startsAt: hefei(17, 6 + slot),
      endsAt: hefei(17, 7 + slot),
    }),
  );
  const id = must(await setUpCompetition(t.db, organiser, { itemId: item.item.id, ...setup })).id;
  await t.db
    .insert(competitionEntrants)
    .values(Array.from({ length: n }, (_, i) => ({ competitionId: id, name: `棋手${i + 1}`, checkedIn: true })));
  return { id, itemId: item.item.id };
}

describe("the organisers' list of competitions", () => {
  it("lists the sport and card & chess items only, each with its competition once set up and the places taken", async () => {
    const before = must(await listCompetitionItems(t.db, organiser, f.id));
    const titles = before.map((i) => i.title);
    expect(titles).toEqual(expect.arrayContaining(["拔河比赛", "象棋比赛", "接力跑"]));
    expect(titles).not.toContain("文艺汇演");
    expect(before.find((i) => i.itemId === f.chessId)).toMatchObject({ kind: "card_chess", competition: null });

    const someone = await person("林棋手");
    must(await register(t.db, someone.actor, player(f.slug, f.chessId)));
    must(
      await setUpCompetition(t.db, organiser, {
        itemId: f.chessId,
        format: "round_robin",
        game: "chess",
        entrantKind: "individual",
      }),
    );
    must(
      await syncEntrants(
        t.db,
        organiser,
        must(await listCompetitionItems(t.db, organiser, f.id)).find((i) => i.itemId === f.chessId)!.competition!.id,
      ),
    );
    const chess = must(await listCompetitionItems(t.db, organiser, f.id)).find((i) => i.itemId === f.chessId)!;
    expect(chess.confirmed).toBe(1);
    expect(chess.competition).toMatchObject({
      format: "round_robin",
      game: "chess",
      status: "setup",
      entrants: 1,
      checkedIn: 0,
    });
    // Another festival's items are not listed.
    const other = await festivalId((await makeFestival(t.db, organiser)).slug);
    expect(must(await listCompetitionItems(t.db, organiser, other))).toEqual([]);
  });
});

describe("one competition's page", () => {
  it("is only for the festival's competition items", async () => {
    expect(must(await getCompetitionDetail(t.db, organiser, f.id, f.blockId))).toBeNull();
    expect(must(await getCompetitionDetail(t.db, organiser, f.id, "not-a-uuid"))).toBeNull();
    const other = await festivalId((await makeFestival(t.db, organiser)).slug);
    expect(must(await getCompetitionDetail(t.db, organiser, other, f.sportId))).toBeNull();
    expect(must(await getCompetitionDetail(t.db, organiser, f.id, f.relayId))).toMatchObject({
      item: { title: "接力跑" },
      competition: null,
      entrants: [],
      matches: [],
    });
  });

  it("lists who cannot play yet in a pair game, and the matches with names once drawn (a bye cannot take a result)", async () => {
    const item = must(
      await createItem(t.db, organiser, {
        festivalSlug: f.slug,
        title: "掼蛋",
        kind: "card_chess",
        venueId: f.squareId,
        startsAt: hefei(17, 20),
        endsAt: hefei(17, 21),
      }),
    );
    must(
      await setUpCompetition(t.db, organiser, {
        itemId: item.item.id,
        format: "round_robin",
        game: "guandan",
        entrantKind: "pair",
      }),
    );
    must(await publishAndRegister(item.item.id, "单飞甲"));
    const pairs = must(await getCompetitionDetail(t.db, organiser, f.id, item.item.id));
    expect(pairs?.waiting).toEqual(["单飞甲"]);

    const { id, itemId } = await competitionWith({ format: "round_robin", game: "go", entrantKind: "individual" }, 3);
    must(await makeDraw(t.db, organiser, { competitionId: id, seed: 7 }));
    const d = must(await getCompetitionDetail(t.db, organiser, f.id, itemId))!;
    expect(d.competition).toMatchObject({ status: "drawn", drawSeed: 7 });
    expect(d.entrants.map((e) => e.seed)).toEqual([1, 2, 3]);
    // Three players: three rounds of one game and one bye each.
    expect(new Set(d.matches.map((m) => m.round))).toEqual(new Set([1, 2, 3]));
    const played = d.matches.filter((m) => m.playable);
    expect(played).toHaveLength(3);
    for (const m of played) expect(m.a?.name && m.b?.name).toMatch(/^棋手\d$/);
    for (const m of d.matches.filter((m) => !m.playable))
      expect(m.a === null || m.b === null || m.label === "bye").toBe(true);
  });
});

// Registers a fresh resident for a published item (no partner).
async function publishAndRegister(itemId: string, name: string) {
  const { publishProgramme } = await import("@/lib/festivals/programme-service");
  must(await publishProgramme(t.db, organiser, { festivalSlug: f.slug }));
  const p = await person(name);
  return register(t.db, p.actor, player(f.slug, itemId));
}

describe("the referees' pages", () => {
  it("show a referee only the competitions they were granted, organisers all", async () => {
    const { id } = await competitionWith({ format: "round_robin", game: "chess", entrantKind: "individual" }, 4);
    const referee = await person("裁判甲");
    expect(await listRefereeCompetitions(t.db, referee.actor)).toEqual([]);
    expect(await getRefereeCompetition(t.db, referee.actor, id)).toBeNull();
    must(await setReferee(t.db, organiser, { competitionId: id, phone: referee.phone, grant: true }));
    expect((await listRefereeCompetitions(t.db, referee.actor)).map((c) => c.id)).toEqual([id]);
    expect((await listRefereeCompetitions(t.db, organiser)).map((c) => c.id)).toContain(id);
    must(await setReferee(t.db, organiser, { competitionId: id, phone: referee.phone, grant: false }));
    expect(await getRefereeCompetition(t.db, referee.actor, id)).toBeNull();
  });

  it("open on the first round with a match to play, and move on when it is done", async () => {
    const { id } = await competitionWith({ format: "round_robin", game: "chess", entrantKind: "individual" }, 4);
    const referee = await person("裁判乙");
    must(await setReferee(t.db, organiser, { competitionId: id, phone: referee.phone, grant: true }));
    expect(await getRefereeCompetition(t.db, referee.actor, id)).toMatchObject({ rounds: [], matches: [] });
    must(await makeDraw(t.db, organiser, { competitionId: id, seed: 1 }));
    const first = (await getRefereeCompetition(t.db, referee.actor, id))!;
    expect(first).toMatchObject({ round: 1, rounds: [1, 2, 3], game: "chess" });
    expect(first.matches).toHaveLength(2);
    expect((await listRefereeCompetitions(t.db, referee.actor))[0].open).toBe(6);
    for (const m of first.matches)
      must(
        await enterResult(t.db, referee.actor, {
          matchId: m.id,
          version: m.version,
          result: { kind: "chess", result: "1-0" },
        }),
      );
    const next = (await getRefereeCompetition(t.db, referee.actor, id))!;
    expect(next.round).toBe(2);
    expect((await listRefereeCompetitions(t.db, referee.actor))[0]).toMatchObject({ open: 4, status: "locked" });
    // A round asked for by its link, with its results and versions for corrections.
    const back = (await getRefereeCompetition(t.db, referee.actor, id, 1))!;
    expect(back.round).toBe(1);
    expect(back.matches.every((m) => m.outcome === "a" && m.version === 2)).toBe(true);
    expect((await getRefereeCompetition(t.db, referee.actor, id, 99))!.round).toBe(2);
  });
});
