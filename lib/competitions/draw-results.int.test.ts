import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { auditLog, competitionEntrants, competitionMatches, competitions } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, snapshot, must } from "@/tests/support/fixtures";
import { openFestival } from "@/tests/support/registration-fixtures";
import { createItem, publishProgramme } from "@/lib/festivals/programme-service";
import { hefei } from "@/tests/support/festival-fixtures";
import type { Actor } from "@/lib/actor";
import { setReferee, setUpCompetition } from "./service";
import { clearDraw, makeDraw } from "./draw-service";
import { enterResult, pairNextRound, setHalfBye, withdrawEntrant } from "./results-service";
import { getPublicCompetition } from "./queries";

let t: TestDb;
let organiser: Actor;
let f: Awaited<ReturnType<typeof openFestival>>;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  f = await openFestival(t.db, organiser);
});
afterAll(async () => t?.close());

/** A fresh card & chess or sport item with a competition on it and `n` entrants (all checked in unless said). */
let slot = 0;
async function competitionWith(
  setup: Record<string, unknown>,
  n: number,
  opts: { kind?: "card_chess" | "sport_event"; absent?: number } = {},
) {
  slot += 1;
  const item = must(
    await createItem(t.db, organiser, {
      festivalSlug: f.slug,
      title: `比赛${slot}`,
      kind: opts.kind ?? "card_chess",
      venueId: f.hallId,
      startsAt: hefei(17, 10 + slot),
      endsAt: hefei(17, 11 + slot),
    }),
  );
  const id = must(await setUpCompetition(t.db, organiser, { itemId: item.item.id, ...setup })).id;
  const rows = Array.from({ length: n }, (_, i) => ({
    competitionId: id,
    name: `选手${String(i + 1).padStart(2, "0")}`,
    skill: 1 + (i % 3),
    checkedIn: i >= (opts.absent ?? 0),
  }));
  const entrants = await t.db.insert(competitionEntrants).values(rows).returning();
  return { id, entrants };
}
const matchesOf = (id: string) =>
  t.db
    .select()
    .from(competitionMatches)
    .where(eq(competitionMatches.competitionId, id))
    .orderBy(asc(competitionMatches.round), asc(competitionMatches.groupNo), asc(competitionMatches.position));
const statusOf = async (id: string) =>
  (await t.db.select({ s: competitions.status }).from(competitions).where(eq(competitions.id, id)))[0].s;
const pairKey = (a: string | null, b: string | null) => [a, b].sort().join("|");

describe("the draw", () => {
  it("is made from those who checked in, again the same from the same seed, and locked by the first result", async () => {
    const { id, entrants } = await competitionWith(
      { format: "round_robin", game: "chess", entrantKind: "individual" },
      7,
      { absent: 1 },
    );
    const first = must(await makeDraw(t.db, organiser, { competitionId: id, seed: 42 }));
    expect(first).toMatchObject({ entrants: 6, matches: 15, seed: 42 });
    const ms = await matchesOf(id);
    // The no-show is in no match; every pair of the six meets exactly once.
    const absent = entrants[0].id;
    expect(ms.some((m) => m.entrantA === absent || m.entrantB === absent)).toBe(false);
    expect(new Set(ms.map((m) => pairKey(m.entrantA, m.entrantB))).size).toBe(15);
    const again = must(await makeDraw(t.db, organiser, { competitionId: id, seed: 42 }));
    expect(again.matches).toBe(15);
    expect((await matchesOf(id)).map((m) => [m.round, m.position, m.entrantA, m.entrantB])).toEqual(
      ms.map((m) => [m.round, m.position, m.entrantA, m.entrantB]),
    );
    expect(await statusOf(id)).toBe("drawn");

    must(
      await enterResult(t.db, organiser, {
        matchId: (await matchesOf(id))[0].id,
        result: { kind: "chess", result: "1-0" },
      }),
    );
    expect(await statusOf(id)).toBe("locked");
    const before = await snapshot(t.db);
    expect(await makeDraw(t.db, organiser, { competitionId: id, seed: 7 })).toEqual({ ok: false, code: "draw_locked" });
    expect(await clearDraw(t.db, organiser, id)).toEqual({ ok: false, code: "draw_locked" });
    expect(await snapshot(t.db)).toBe(before);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "competitions.draw"), eq(auditLog.targetId, id)));
    expect(audits.map((a) => (a.details as { seed: number }).seed)).toEqual([42, 42]);
  });

  it("needs enough entrants: two for a round robin or knockout, eight for a Swiss", async () => {
    const swiss = await competitionWith({ format: "swiss", game: "chess", entrantKind: "individual", rounds: 3 }, 7);
    expect(await makeDraw(t.db, organiser, { competitionId: swiss.id })).toEqual({
      ok: false,
      code: "too_few_entrants",
    });
    const ko = await competitionWith({ format: "single_elimination", game: "chess", entrantKind: "individual" }, 1);
    expect(await makeDraw(t.db, organiser, { competitionId: ko.id })).toEqual({ ok: false, code: "too_few_entrants" });
    const resident = await actorOf(t.db, (await makeUser(t.db, {})).id);
    expect(await makeDraw(t.db, resident, { competitionId: ko.id })).toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("results", () => {
  it("a knockout: impossible scores and draws refused, winners sent on, a correction logged, none once the winner has played on", async () => {
    const { id } = await competitionWith(
      { format: "single_elimination", game: "table_tennis", entrantKind: "individual", bestOf: 3, thirdPlace: true },
      5,
      { kind: "sport_event" },
    );
    must(await makeDraw(t.db, organiser, { competitionId: id, seed: 3 }));
    let ms = await matchesOf(id);
    expect(ms).toHaveLength(5); // 4 to decide 5 entrants, and the third-place match
    const r1 = ms.find((m) => m.round === 1)!;
    const final = ms.find((m) => m.round === 3 && m.label === null)!;
    const before = await snapshot(t.db);
    for (const games of [
      [
        [11, 10],
        [11, 5],
      ],
      [[11, 9]],
      [
        [11, 9],
        [11, 8],
        [11, 7],
      ],
    ]) {
      expect(
        await enterResult(t.db, organiser, { matchId: r1.id, result: { kind: "table_tennis", games } }),
      ).toMatchObject({ ok: false, code: "invalid", fieldErrors: { result: [expect.stringMatching(/^score_/)] } });
    }
    expect(
      await enterResult(t.db, organiser, { matchId: r1.id, result: { kind: "chess", result: "1-0" } }),
    ).toMatchObject({ ok: false, fieldErrors: { result: ["score_malformed"] } });
    expect(
      await enterResult(t.db, organiser, {
        matchId: final.id,
        result: {
          kind: "table_tennis",
          games: [
            [11, 3],
            [11, 4],
          ],
        },
      }),
    ).toEqual({ ok: false, code: "match_not_ready" });
    expect(await snapshot(t.db)).toBe(before);

    const v = must(
      await enterResult(t.db, organiser, {
        matchId: r1.id,
        result: {
          kind: "table_tennis",
          games: [
            [11, 9],
            [9, 11],
            [12, 10],
          ],
        },
      }),
    );
    // Two people with the same old version: the second is told, not overwritten.
    expect(
      await enterResult(t.db, organiser, {
        matchId: r1.id,
        version: 1,
        result: {
          kind: "table_tennis",
          games: [
            [11, 1],
            [11, 1],
          ],
        },
      }),
    ).toEqual({ ok: false, code: "stale_version" });
    ms = await matchesOf(id);
    const fed = ms.find((m) => m.feeds.a?.winnerOf === r1.id || m.feeds.b?.winnerOf === r1.id)!;
    const r1Winner = ms.find((m) => m.id === r1.id)!.entrantA;
    expect([fed.entrantA, fed.entrantB]).toContain(r1Winner);
    // A correction before the winner plays on: the other side goes through, the audit keeps both.
    must(
      await enterResult(t.db, organiser, {
        matchId: r1.id,
        version: v.version,
        result: {
          kind: "table_tennis",
          games: [
            [9, 11],
            [9, 11],
          ],
        },
      }),
    );
    ms = await matchesOf(id);
    expect([ms.find((m) => m.id === fed.id)!.entrantA, ms.find((m) => m.id === fed.id)!.entrantB]).toContain(
      ms.find((m) => m.id === r1.id)!.entrantB,
    );
    const correction = await t.db.select().from(auditLog).where(eq(auditLog.action, "competitions.result_correct"));
    expect(correction.at(-1)?.details).toMatchObject({ matchId: r1.id, before: { outcome: "a" }, outcome: "b" });

    // Play the rest; then the quarter-final can no longer change.
    for (const round of [2, 3]) {
      for (const m of (await matchesOf(id)).filter((x) => x.round === round)) {
        must(
          await enterResult(t.db, organiser, {
            matchId: m.id,
            result: {
              kind: "table_tennis",
              games: [
                [11, 5],
                [11, 6],
              ],
            },
          }),
        );
      }
    }
    expect(await statusOf(id)).toBe("finished");
    expect(
      await enterResult(t.db, organiser, {
        matchId: r1.id,
        result: {
          kind: "table_tennis",
          games: [
            [11, 5],
            [11, 6],
          ],
        },
      }),
    ).toEqual({ ok: false, code: "result_depends" });
    expect(
      await enterResult(t.db, organiser, { matchId: final.id, result: { kind: "walkover", absent: "A" } }),
    ).toMatchObject({ ok: true });
  });

  it("a referee enters results for their competition only; a resident cannot", async () => {
    const mine = await competitionWith({ format: "round_robin", game: "guandan", entrantKind: "pair" }, 4);
    const other = await competitionWith({ format: "round_robin", game: "go", entrantKind: "individual" }, 4);
    must(await makeDraw(t.db, organiser, { competitionId: mine.id }));
    must(await makeDraw(t.db, organiser, { competitionId: other.id }));
    const refUser = await makeUser(t.db, { name: "掼蛋裁判" });
    must(await setReferee(t.db, organiser, { competitionId: mine.id, phone: refUser.phone, grant: true }));
    const referee = await actorOf(t.db, refUser.id);
    const [m] = await matchesOf(mine.id);
    const [o] = await matchesOf(other.id);
    expect(
      await enterResult(t.db, referee, { matchId: m.id, result: { kind: "guandan", a: "A+", b: "A+" } }),
    ).toMatchObject({ ok: false, fieldErrors: { result: ["score_impossible"] } });
    must(await enterResult(t.db, referee, { matchId: m.id, result: { kind: "guandan", a: "A+", b: "9" } }));
    expect(await enterResult(t.db, referee, { matchId: o.id, result: { kind: "go", result: "1-0" } })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(
      await enterResult(t.db, await actorOf(t.db, (await makeUser(t.db, {})).id), {
        matchId: m.id,
        result: { kind: "guandan", a: "A+", b: "2" },
      }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(
      await enterResult(t.db, referee, {
        matchId: "00000000-0000-4000-8000-000000000000",
        result: { kind: "guandan", a: "A+", b: "2" },
      }),
    ).toEqual({ ok: false, code: "not_found" });
    expect(await enterResult(t.db, referee, { matchId: m.id, result: { kind: "guandan" } })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    // The refusals are logged; nothing else changed.
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "competitions.result"));
    expect(audit.filter((a) => a.outcome === "refused").length).toBeGreaterThanOrEqual(2);
    expect((await matchesOf(other.id)).every((x) => x.outcome === null)).toBe(true);
  });

  it("a Swiss of 10 over 3 rounds: each round paired from the results, no repeat opponents, finished after the last", async () => {
    const { id } = await competitionWith(
      { format: "swiss", game: "chess", entrantKind: "individual", rounds: 3, seeding: "skill" },
      10,
    );
    must(await makeDraw(t.db, organiser, { competitionId: id, seed: 11 }));
    expect(await pairNextRound(t.db, organiser, id)).toEqual({ ok: false, code: "round_unfinished" });
    const outcomes = ["1-0", "0-1", "½-½", "1-0", "0-1"];
    for (let round = 1; round <= 3; round++) {
      const games = (await matchesOf(id)).filter((m) => m.round === round);
      expect(games).toHaveLength(5);
      for (const [i, g] of games.entries())
        must(
          await enterResult(t.db, organiser, {
            matchId: g.id,
            result: { kind: "chess", result: outcomes[(i + round) % 5] },
          }),
        );
      if (round < 3) expect(must(await pairNextRound(t.db, organiser, id))).toEqual({ round: round + 1, matches: 5 });
    }
    const all = await matchesOf(id);
    expect(new Set(all.map((m) => pairKey(m.entrantA, m.entrantB))).size).toBe(15);
    expect(await statusOf(id)).toBe("finished");
    expect(await pairNextRound(t.db, organiser, id)).toEqual({ ok: false, code: "rounds_complete" });
  });

  it("a Swiss player sits out a round for half a point: not paired that round, scored ½, the pairing's own bye still to come", async () => {
    const { id, entrants } = await competitionWith(
      { format: "swiss", game: "chess", entrantKind: "individual", rounds: 3 },
      10,
    );
    must(await makeDraw(t.db, organiser, { competitionId: id, seed: 5 }));
    for (const m of await matchesOf(id))
      must(await enterResult(t.db, organiser, { matchId: m.id, result: { kind: "chess", result: "1-0" } }));
    const [away, undecided] = [entrants[3].id, entrants[6].id];
    expect(must(await setHalfBye(t.db, organiser, { entrantId: away, sitOut: true }))).toEqual({ round: 2 });
    expect(must(await setHalfBye(t.db, organiser, { entrantId: undecided, sitOut: true }))).toEqual({ round: 2 });
    // The competition's referee may take it back; a referee of another competition may not touch it.
    const referee = await makeUser(t.db, { roles: ["resident"], verified: true });
    must(await setReferee(t.db, organiser, { competitionId: id, phone: referee.phone, grant: true }));
    expect(
      must(await setHalfBye(t.db, await actorOf(t.db, referee.id), { entrantId: undecided, sitOut: false })),
    ).toEqual({ round: null });
    // Refused, nothing written: not a Swiss, someone who may not run it, a bad id.
    const rr = await competitionWith({ format: "round_robin", game: "chess", entrantKind: "individual" }, 4);
    must(await makeDraw(t.db, organiser, { competitionId: rr.id }));
    const resident = await actorOf(t.db, (await makeUser(t.db, { roles: ["resident"], verified: true })).id);
    const otherReferee = await makeUser(t.db, { roles: ["resident"], verified: true });
    must(await setReferee(t.db, organiser, { competitionId: rr.id, phone: otherReferee.phone, grant: true }));
    const before = await snapshot(t.db);
    expect(await setHalfBye(t.db, await actorOf(t.db, otherReferee.id), { entrantId: away, sitOut: false })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await setHalfBye(t.db, organiser, { entrantId: rr.entrants[0].id, sitOut: true })).toEqual({
      ok: false,
      code: "invalid",
    });
    expect(await setHalfBye(t.db, resident, { entrantId: away, sitOut: false })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await setHalfBye(t.db, organiser, { entrantId: "x", sitOut: true })).toEqual({ ok: false, code: "invalid" });
    expect(await setHalfBye(t.db, organiser, { entrantId: away, sitOut: "yes" })).toEqual({
      ok: false,
      code: "invalid",
    });
    expect(await snapshot(t.db)).toBe(before);

    // Nine left to pair: four games and the pairing's bye; the one away sits out for half.
    expect(must(await pairNextRound(t.db, organiser, id))).toEqual({ round: 2, matches: 6 });
    const round2 = (await matchesOf(id)).filter((m) => m.round === 2);
    expect(round2.filter((m) => m.entrantB !== null)).toHaveLength(4);
    expect(round2.some((m) => m.entrantB === away || (m.entrantA === away && m.entrantB !== null))).toBe(false);
    const sat = round2.find((m) => m.entrantA === away)!;
    expect(sat).toMatchObject({ label: "bye", outcome: "draw", score: { kind: "bye", half: true }, tableName: null });
    const full = round2.find((m) => m.label === "bye" && m.entrantA !== away)!;
    expect(full).toMatchObject({ outcome: "a", score: { kind: "bye" } });
    // Asked off for a round already paired: the request now is for round 3.
    expect(must(await setHalfBye(t.db, organiser, { entrantId: undecided, sitOut: true }))).toEqual({ round: 3 });
    must(await setHalfBye(t.db, organiser, { entrantId: undecided, sitOut: false }));

    for (const m of round2.filter((x) => x.entrantB !== null))
      must(await enterResult(t.db, organiser, { matchId: m.id, result: { kind: "chess", result: "½-½" } }));
    must(await publishProgramme(t.db, organiser, { festivalSlug: f.slug }));
    const pub = (await getPublicCompetition(
      t.db,
      f.slug,
      (await t.db.select({ itemId: competitions.itemId }).from(competitions).where(eq(competitions.id, id)))[0].itemId,
    ))!;
    const round1Points = (await matchesOf(id)).some((m) => m.round === 1 && m.entrantA === away && m.outcome === "a")
      ? 1
      : 0;
    const row = pub.groups[0].standings.find((r) => r.entrant.id === away)!;
    expect(row.points).toBe(round1Points + 0.5);
    expect(pub.groups[0].rounds[1].matches.find((m) => m.a?.id === away)!.score).toEqual({ kind: "bye", half: true });
    must(await pairNextRound(t.db, organiser, id));
    const round3 = (await matchesOf(id)).filter((m) => m.round === 3);
    expect(round3.filter((m) => m.entrantB !== null)).toHaveLength(5);
    expect(await setHalfBye(t.db, organiser, { entrantId: away, sitOut: true })).toEqual({
      ok: false,
      code: "rounds_complete",
    });
  });

  it("a double elimination of 6: losers drop to the losers' bracket, nobody is out before two losses, the grand final decides, a withdrawn player's later games go as walkovers", async () => {
    const { id, entrants } = await competitionWith(
      { format: "double_elimination", game: "table_tennis", entrantKind: "individual", bestOf: 3 },
      6,
      { kind: "sport_event" },
    );
    must(await makeDraw(t.db, organiser, { competitionId: id, seed: 9 }));
    expect(await matchesOf(id)).toHaveLength(10);
    const name = new Map(entrants.map((e) => [e.id, e.name]));
    // Side A wins every match, 11–5 11–5; the winner of the first losers' match withdraws straight after it.
    const playable = async () => (await matchesOf(id)).filter((m) => m.outcome === null && m.entrantA && m.entrantB);
    let quitter: string | null = null;
    for (let step = 0; step < 20; step++) {
      const open = await playable();
      if (!open.length) break;
      const m = open[0];
      must(
        await enterResult(t.db, organiser, {
          matchId: m.id,
          result: {
            kind: "table_tennis",
            games: [
              [11, 5],
              [11, 5],
            ],
          },
        }),
      );
      if (!quitter && m.label === "losers") {
        quitter = m.entrantA!;
        must(await withdrawEntrant(t.db, organiser, quitter));
      }
    }
    const all = await matchesOf(id);
    expect(all.every((m) => m.outcome !== null)).toBe(true);
    expect(await statusOf(id)).toBe("finished");
    // The one who withdrew lost their next game by withdrawal — entered as soon as their opponent
    // was known, nobody had to do it by hand — and played no other after it.
    const theirs = all.filter((m) => m.entrantA === quitter || m.entrantB === quitter);
    expect(theirs.filter((m) => (m.score as { kind: string }).kind === "withdrawal")).toHaveLength(1);
    expect(theirs.at(-1)!.score).toMatchObject({ kind: "withdrawal" });
    // Everyone but the champion and the grand final's loser played until their second loss.
    const gf = all.find((m) => m.label === "grand_final")!;
    const champion = gf.outcome === "a" ? gf.entrantA! : gf.entrantB!;
    const lossCount = (e: string) =>
      all.filter((m) => (m.outcome === "a" && m.entrantB === e) || (m.outcome === "b" && m.entrantA === e)).length;
    expect(lossCount(champion)).toBeLessThanOrEqual(1);
    for (const e of entrants)
      if (e.id !== champion && e.id !== (gf.outcome === "a" ? gf.entrantB : gf.entrantA))
        expect(lossCount(e.id), name.get(e.id)).toBe(2);
    // The public page shows both brackets and the grand final; the festival page's podium agrees.
    must(await publishProgramme(t.db, organiser, { festivalSlug: f.slug }));
    const itemId = (
      await t.db.select({ itemId: competitions.itemId }).from(competitions).where(eq(competitions.id, id))
    )[0].itemId;
    const pub = (await getPublicCompetition(t.db, f.slug, itemId))!;
    expect(pub.bracket!.grandFinal!.id).toBe(gf.id);
    expect(pub.bracket!.champion!.id).toBe(champion);
    expect(pub.bracket!.rounds.flatMap((r) => r.matches).every((m) => m.label === null)).toBe(true);
    expect(pub.bracket!.losers!.flatMap((r) => r.matches).every((m) => m.label === "losers")).toBe(true);
  });

  it("a withdrawal after the draw turns the entrant's games still to play into walkovers", async () => {
    const { id, entrants } = await competitionWith(
      { format: "round_robin", game: "tug_of_war", entrantKind: "team" },
      4,
      { kind: "sport_event" },
    );
    must(await makeDraw(t.db, organiser, { competitionId: id }));
    const quitter = entrants[2].id;
    expect(must(await withdrawEntrant(t.db, organiser, quitter))).toEqual({ walkovers: 3 });
    const theirs = (await matchesOf(id)).filter((m) => m.entrantA === quitter || m.entrantB === quitter);
    expect(
      theirs.every(
        (m) =>
          m.outcome === (m.entrantA === quitter ? "b" : "a") && (m.score as { kind: string }).kind === "withdrawal",
      ),
    ).toBe(true);
    const [e] = await t.db.select().from(competitionEntrants).where(eq(competitionEntrants.id, quitter));
    expect(e.withdrawnAt).not.toBeNull();
  });
});
