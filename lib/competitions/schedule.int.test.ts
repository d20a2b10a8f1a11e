import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { auditLog, competitionEntrants, competitionMatches, competitions } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, snapshot, must } from "@/tests/support/fixtures";
import { openFestival } from "@/tests/support/registration-fixtures";
import { createItem, createVenue } from "@/lib/festivals/programme-service";
import { hefei } from "@/tests/support/festival-fixtures";
import type { Actor } from "@/lib/actor";
import { setReferee, setUpCompetition } from "./service";
import { clearDraw, makeDraw } from "./draw-service";
import { enterResult, pairNextRound } from "./results-service";
import { getScheduleDetail, scheduleCompetition } from "./schedule-service";

let t: TestDb;
let organiser: Actor;
let f: Awaited<ReturnType<typeof openFestival>>;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  f = await openFestival(t.db, organiser);
});
afterAll(async () => t?.close());

/** A competition on a fresh item in a room of its own (the 17th, afternoon), with `n` entrants (all here) named by `names` and a number: each competition's players are other people unless said. */
let slot = 0;
async function competitionWith(
  setup: Record<string, unknown>,
  n: number,
  when: { from: number; to: number; day?: 16 | 17 } = { from: 14, to: 18 },
  names = `${slot + 1}组`,
) {
  slot += 1;
  const room = must(
    await createVenue(t.db, organiser, { festivalSlug: f.slug, name: `棋牌室${slot}`, position: 10 + slot }),
  );
  const item = must(
    await createItem(t.db, organiser, {
      festivalSlug: f.slug,
      title: `排程比赛${slot}`,
      kind: "card_chess",
      venueId: room.id,
      startsAt: hefei(when.day ?? 17, when.from),
      endsAt: hefei(when.day ?? 17, when.to),
    }),
  );
  const id = must(await setUpCompetition(t.db, organiser, { itemId: item.item.id, ...setup })).id;
  const rows = Array.from({ length: n }, (_, i) => {
    const name = `${names}选手${String(i + 1).padStart(2, "0")}`;
    return {
      competitionId: id,
      name,
      members: [{ registrationId: randomUUID(), userId: null, name }],
      skill: 1,
      checkedIn: true,
    };
  });
  await t.db.insert(competitionEntrants).values(rows);
  return { id, itemId: item.item.id };
}
const matchesOf = (id: string) =>
  t.db
    .select()
    .from(competitionMatches)
    .where(eq(competitionMatches.competitionId, id))
    .orderBy(asc(competitionMatches.round), asc(competitionMatches.groupNo), asc(competitionMatches.position));
/** Minutes after 14:00 on the 17th, Hefei time. */
const minutesFrom14 = (d: Date | null) => (d ? (d.getTime() - new Date(hefei(17, 14)).getTime()) / 60_000 : null);

describe("rounds on the programme", () => {
  it("is refused before the draw, with nothing written", async () => {
    const { id } = await competitionWith({ format: "round_robin", game: "chess", entrantKind: "individual" }, 4);
    const before = await snapshot(t.db);
    expect(
      await scheduleCompetition(t.db, organiser, {
        competitionId: id,
        tables: 2,
        matchMinutes: 20,
        roundStarts: ["2027-01-17T14:00"],
      }),
    ).toMatchObject({ ok: false, code: "not_drawn" });
    expect(await snapshot(t.db)).toBe(before);
  });

  it("places every match: tables in order, turns when there are more matches than tables, the next round after the last turn", async () => {
    const { id, itemId } = await competitionWith(
      { format: "round_robin", game: "chess", entrantKind: "individual" },
      6,
    );
    must(await makeDraw(t.db, organiser, { competitionId: id, seed: 7 }));
    // Without a schedule: a table each, numbered from 1, no time.
    expect((await matchesOf(id)).filter((m) => m.round === 1).map((m) => [m.tableName, m.startsAt])).toEqual([
      ["1", null],
      ["2", null],
      ["3", null],
    ]);
    const detail = must(await getScheduleDetail(t.db, organiser, id))!;
    expect(detail.saved).toBe(false);
    expect(detail.rounds.map((r) => r.matches)).toEqual([3, 3, 3, 3, 3]);
    // The suggestion starts with the item and follows round after round.
    expect(detail.rounds[0].startsLocal).toBe("2027-01-17T14:00");

    const starts = ["14:00", "14:40", "15:20", "16:00", "16:40"].map((hm) => `2027-01-17T${hm}`);
    expect(
      must(
        await scheduleCompetition(t.db, organiser, {
          competitionId: id,
          tables: 2,
          matchMinutes: 20,
          roundStarts: starts,
        }),
      ),
    ).toEqual({ warnings: 0 });
    const ms = await matchesOf(id);
    expect(ms.filter((m) => m.round === 1).map((m) => [m.tableName, minutesFrom14(m.startsAt)])).toEqual([
      ["1", 0],
      ["2", 0],
      ["1", 20],
    ]);
    expect(ms.filter((m) => m.round === 5).map((m) => minutesFrom14(m.startsAt))).toEqual([160, 160, 180]);
    const [c] = await t.db.select().from(competitions).where(eq(competitions.id, id));
    expect(c.schedule).toEqual({
      tables: 2,
      matchMinutes: 20,
      roundStarts: starts.map((s) => new Date(`${s}:00+08:00`).toISOString()),
    });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "competitions.schedule"), eq(auditLog.targetId, id)));
    expect(audit.details).toMatchObject({ tables: 2, matchMinutes: 20, warnings: 0 });
    const after = must(await getScheduleDetail(t.db, organiser, id))!;
    expect(after.saved).toBe(true);
    expect(after.rounds.map((r) => [r.startsLocal, minutesFrom14(r.endsAt)])).toEqual(
      starts.map((s, i) => [s, i * 40 + 40]),
    );
    expect(itemId).toBeTruthy();
  });

  it("refuses a round that starts before the one before it has finished, a wrong number of rounds and bad numbers — nothing written", async () => {
    const { id } = await competitionWith({ format: "round_robin", game: "chess", entrantKind: "individual" }, 4);
    must(await makeDraw(t.db, organiser, { competitionId: id, seed: 1 }));
    const before = await snapshot(t.db);
    // Two matches on one table: 40 minutes a round; round 3 at 15:10 is 10 minutes early.
    const overlap = await scheduleCompetition(t.db, organiser, {
      competitionId: id,
      tables: 1,
      matchMinutes: 20,
      roundStarts: ["2027-01-17T14:00", "2027-01-17T14:40", "2027-01-17T15:10"],
    });
    expect(overlap).toEqual({ ok: false, code: "round_overlap", fieldErrors: { round3: ["round_overlap"] } });
    expect(
      await scheduleCompetition(t.db, organiser, {
        competitionId: id,
        tables: 1,
        matchMinutes: 20,
        roundStarts: ["2027-01-17T14:00"],
      }),
    ).toMatchObject({ ok: false, code: "invalid", fieldErrors: { roundStarts: ["invalid"] } });
    for (const bad of [
      { tables: 0, matchMinutes: 20 },
      { tables: 41, matchMinutes: 20 },
      { tables: 2, matchMinutes: "半小时" },
      { tables: 2, matchMinutes: 4 },
      { tables: 2.5, matchMinutes: 20 },
    ]) {
      expect(
        await scheduleCompetition(t.db, organiser, {
          competitionId: id,
          ...bad,
          roundStarts: ["2027-01-17T14:00", "2027-01-17T15:00", "2027-01-17T16:00"],
        }),
      ).toMatchObject({ ok: false, code: "invalid" });
    }
    expect(
      await scheduleCompetition(t.db, organiser, {
        competitionId: id,
        tables: 2,
        matchMinutes: 20,
        roundStarts: ["2027-01-17 14:00", "tomorrow", "2027-01-17T16:00"],
      }),
    ).toMatchObject({ ok: false, code: "invalid", fieldErrors: { roundStarts: expect.any(Array) } });
    // Not a day, not a time of day, not this era: refused rather than rolled over.
    for (const bad of ["2027-02-30T14:00", "2027-01-17T25:00", "2027-01-17T14:61", "0099-01-17T14:00"]) {
      expect(
        await scheduleCompetition(t.db, organiser, {
          competitionId: id,
          tables: 2,
          matchMinutes: 20,
          roundStarts: ["2027-01-17T14:00", "2027-01-17T15:00", bad],
        }),
      ).toMatchObject({ ok: false, code: "invalid" });
    }
    expect(
      await scheduleCompetition(t.db, organiser, {
        competitionId: id,
        tables: 2,
        matchMinutes: 20,
        roundStarts: ["2027-01-17T14:00", "2027-01-17T15:00", "2027-01-17T16:00"],
        version: "two",
      }),
    ).toMatchObject({ ok: false, code: "invalid" });
    expect(
      await scheduleCompetition(t.db, organiser, {
        competitionId: "not-an-id",
        tables: 2,
        matchMinutes: 20,
        roundStarts: ["2027-01-17T14:00"],
      }),
    ).toMatchObject({ ok: false, code: "invalid" });
    expect(
      await scheduleCompetition(t.db, organiser, {
        competitionId: randomUUID(),
        tables: 2,
        matchMinutes: 20,
        roundStarts: ["2027-01-17T14:00"],
      }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(await snapshot(t.db)).toBe(before);
  });

  it("is for organisers: a referee of the competition or a resident is refused, and the refusal logged", async () => {
    const { id } = await competitionWith({ format: "round_robin", game: "chess", entrantKind: "individual" }, 4);
    must(await makeDraw(t.db, organiser, { competitionId: id, seed: 1 }));
    const referee = await makeUser(t.db, { roles: ["resident"], verified: true });
    must(await setReferee(t.db, organiser, { competitionId: id, phone: referee.phone, grant: true }));
    const input = {
      competitionId: id,
      tables: 2,
      matchMinutes: 20,
      roundStarts: ["2027-01-17T14:00", "2027-01-17T15:00", "2027-01-17T16:00"],
    };
    expect(await scheduleCompetition(t.db, await actorOf(t.db, referee.id), input)).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await scheduleCompetition(t.db, null, input)).toEqual({ ok: false, code: "forbidden" });
    const refusals = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, referee.id), eq(auditLog.action, "competitions.schedule")));
    expect(refusals.map((r) => r.outcome)).toEqual(["refused"]);
    expect((await t.db.select().from(competitions).where(eq(competitions.id, id)))[0].schedule).toBeNull();
  });

  it("warns when a player is somewhere else on the programme then: a named performer, or another competition's timed match", async () => {
    // A show on the square 14:00–15:00 with 选手01 in it.
    must(
      await createItem(t.db, organiser, {
        festivalSlug: f.slug,
        title: "太极表演",
        kind: "sport_event",
        venueId: f.squareId,
        startsAt: hefei(17, 14),
        endsAt: hefei(17, 15),
        people: ["选手01"],
      }),
    );
    const chess = await competitionWith(
      { format: "round_robin", game: "chess", entrantKind: "individual" },
      4,
      { from: 14, to: 17 },
      "",
    );
    must(await makeDraw(t.db, organiser, { competitionId: chess.id, seed: 3 }));
    const res = must(
      await scheduleCompetition(t.db, organiser, {
        competitionId: chess.id,
        tables: 2,
        matchMinutes: 30,
        roundStarts: ["2027-01-17T14:00", "2027-01-17T14:30", "2027-01-17T15:00"],
      }),
    );
    // 选手01 plays in rounds 1 and 2 (14:00–15:00) while in the show; round 3 at 15:00 is clear.
    expect(res.warnings).toBe(2);
    let detail = must(await getScheduleDetail(t.db, organiser, chess.id))!;
    expect(detail.warnings.map((w) => [w.kind, w.round, w.person, w.other?.title, w.other?.round])).toEqual([
      ["person_overlap", 1, "选手01", "太极表演", null],
      ["person_overlap", 2, "选手01", "太极表演", null],
    ]);
    expect(detail.warnings[0].table).toMatch(/^[12]$/);

    // Another competition on another day has no clash; moved onto the same afternoon, its 选手02 clashes with ours.
    const go = await competitionWith(
      { format: "round_robin", game: "go", entrantKind: "individual" },
      2,
      { from: 12, to: 13, day: 16 },
      "",
    );
    must(await makeDraw(t.db, organiser, { competitionId: go.id, seed: 3 }));
    must(
      await scheduleCompetition(t.db, organiser, {
        competitionId: go.id,
        tables: 1,
        matchMinutes: 30,
        roundStarts: ["2027-01-16T12:00"],
      }),
    );
    expect(must(await getScheduleDetail(t.db, organiser, go.id))!.warnings).toEqual([]);
    const moved = await scheduleCompetition(t.db, organiser, {
      competitionId: go.id,
      tables: 1,
      matchMinutes: 30,
      roundStarts: ["2027-01-17T15:00"],
    });
    // Outside its own item now, and both its players play round 3 of the chess at 15:00.
    expect(must(moved).warnings).toBe(3);
    const goDetail = must(await getScheduleDetail(t.db, organiser, go.id))!;
    expect(goDetail.warnings.map((w) => [w.kind, w.person, w.other?.title, w.other?.round])).toEqual(
      expect.arrayContaining([
        ["outside_item", null, undefined, undefined],
        ["person_overlap", "选手02", expect.stringMatching(/^排程比赛/), 3],
      ]),
    );
    detail = must(await getScheduleDetail(t.db, organiser, chess.id))!;
    expect(detail.warnings.some((w) => w.person === "选手02" && w.round === 3)).toBe(true);
  });

  it("a draw made again keeps the times only while they still fit; back to check-in drops them; a form from before is refused", async () => {
    const { id } = await competitionWith({ format: "round_robin", game: "chess", entrantKind: "individual" }, 4);
    must(await makeDraw(t.db, organiser, { competitionId: id, seed: 1 }));
    const version = must(await getScheduleDetail(t.db, organiser, id))!.version;
    const starts = ["2027-01-17T14:00", "2027-01-17T14:30", "2027-01-17T15:00"];
    must(
      await scheduleCompetition(t.db, organiser, {
        competitionId: id,
        tables: 2,
        matchMinutes: 30,
        roundStarts: starts,
        version,
      }),
    );
    // Another organiser's page, made before that save, cannot overwrite it.
    const before = await snapshot(t.db);
    expect(
      await scheduleCompetition(t.db, organiser, {
        competitionId: id,
        tables: 1,
        matchMinutes: 30,
        roundStarts: starts,
        version,
      }),
    ).toEqual({ ok: false, code: "stale_version" });
    expect(await snapshot(t.db)).toBe(before);
    const timed = async () => (await matchesOf(id)).map((m) => minutesFrom14(m.startsAt));
    // The same four drawn again: three rounds of two, the times still fit.
    must(await makeDraw(t.db, organiser, { competitionId: id, seed: 2 }));
    expect(await timed()).toEqual([0, 0, 30, 30, 60, 60]);
    // Two more check in: five rounds of three now, which the three times cannot hold.
    await t.db.insert(competitionEntrants).values(
      ["加入甲", "加入乙"].map((name) => ({
        competitionId: id,
        name,
        members: [{ registrationId: randomUUID(), userId: null, name }],
        checkedIn: true,
      })),
    );
    must(await makeDraw(t.db, organiser, { competitionId: id, seed: 2 }));
    expect((await t.db.select().from(competitions).where(eq(competitions.id, id)))[0].schedule).toBeNull();
    expect((await timed()).every((m) => m === null)).toBe(true);
    expect((await matchesOf(id)).filter((m) => m.round === 1).map((m) => m.tableName)).toEqual(["1", "2", "3"]);
    // Timed again, then back to check-in: no draw, no times.
    must(
      await scheduleCompetition(t.db, organiser, {
        competitionId: id,
        tables: 3,
        matchMinutes: 30,
        roundStarts: ["14:00", "14:30", "15:00", "15:30", "16:00"].map((hm) => `2027-01-17T${hm}`),
      }),
    );
    must(await clearDraw(t.db, organiser, id));
    expect((await t.db.select().from(competitions).where(eq(competitions.id, id)))[0].schedule).toBeNull();
  });

  it("a Swiss round paired later takes its tables and time from the schedule; a knockout's byes take none", async () => {
    const swiss = await competitionWith({ format: "swiss", game: "chess", entrantKind: "individual", rounds: 3 }, 9);
    must(await makeDraw(t.db, organiser, { competitionId: swiss.id, seed: 5 }));
    const detail = must(await getScheduleDetail(t.db, organiser, swiss.id))!;
    // Four boards a round and one bye; rounds 2 and 3 are counted before they are paired.
    expect(detail.rounds.map((r) => r.matches)).toEqual([4, 4, 4]);
    must(
      await scheduleCompetition(t.db, organiser, {
        competitionId: swiss.id,
        tables: 4,
        matchMinutes: 45,
        roundStarts: ["2027-01-17T14:00", "2027-01-17T14:45", "2027-01-17T15:30"],
      }),
    );
    for (const m of await matchesOf(swiss.id)) {
      if (m.label !== "bye")
        must(await enterResult(t.db, organiser, { matchId: m.id, result: { kind: "chess", result: "1-0" } }));
    }
    must(await pairNextRound(t.db, organiser, swiss.id));
    const round2 = (await matchesOf(swiss.id)).filter((m) => m.round === 2);
    expect(round2.filter((m) => m.label !== "bye").map((m) => [m.tableName, minutesFrom14(m.startsAt)])).toEqual([
      ["1", 45],
      ["2", 45],
      ["3", 45],
      ["4", 45],
    ]);
    expect(round2.filter((m) => m.label === "bye").map((m) => [m.tableName, m.startsAt])).toEqual([[null, null]]);

    // Five in a knockout: the top three seeds wait for round 2 (no match row for a bye), so round 1
    // is one match at table 1, round 2 two at tables 1 and 2, the final at table 1.
    const ko = await competitionWith({ format: "single_elimination", game: "chess", entrantKind: "individual" }, 5);
    must(await makeDraw(t.db, organiser, { competitionId: ko.id, seed: 5 }));
    const ms = await matchesOf(ko.id);
    expect([1, 2, 3].map((round) => ms.filter((m) => m.round === round).map((m) => m.tableName))).toEqual([
      ["1"],
      ["1", "2"],
      ["1"],
    ]);
    expect(must(await getScheduleDetail(t.db, organiser, ko.id))!.rounds.map((r) => r.matches)).toEqual([1, 2, 1]);
  });
});
