import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, competitionEntrants, competitions, registrations } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, snapshot, must } from "@/tests/support/fixtures";
import { athlete, openFestival, player } from "@/tests/support/registration-fixtures";
import type { Actor } from "@/lib/actor";
import { register } from "@/lib/registrations/service";
import { setCheckedIn, setReferee, setUpCompetition, syncEntrants } from "./service";

let t: TestDb;
let organiser: Actor;
let f: Awaited<ReturnType<typeof openFestival>>;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  f = await openFestival(t.db, organiser);
});
afterAll(async () => t?.close());

const person = async (name: string) => {
  const u = await makeUser(t.db, { verified: true, name });
  return { actor: await actorOf(t.db, u.id), phone: u.phone };
};
const entrantsOf = async (competitionId: string) =>
  (await t.db.select().from(competitionEntrants).where(eq(competitionEntrants.competitionId, competitionId))).sort(
    (a, b) => a.name.localeCompare(b.name, "zh-CN"),
  );

describe("setting a competition up", () => {
  it("takes a sport or card & chess item with the rules its game needs, and refuses the rest — nothing written", async () => {
    const before = await snapshot(t.db);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ itemId: f.chessId, format: "swiss", game: "chess", entrantKind: "individual" }, "rounds", "required"],
      [
        { itemId: f.sportId, format: "swiss", game: "tug_of_war", entrantKind: "team", rounds: 3 },
        "format",
        "swiss_chess_go_only",
      ],
      [
        { itemId: f.chessId, format: "round_robin", game: "guandan", entrantKind: "individual" },
        "entrantKind",
        "entrant_kind_for_game",
      ],
      [
        { itemId: f.sportId, format: "single_elimination", game: "table_tennis", entrantKind: "individual" },
        "bestOf",
        "best_of_3_or_5",
      ],
      [
        { itemId: f.blockId, format: "round_robin", game: "chess", entrantKind: "individual" },
        "itemId",
        "not_a_competition_item",
      ],
      [{ itemId: f.chessId, format: "knockout", game: "chess", entrantKind: "individual" }, "format", "invalid"],
      [
        { itemId: f.chessId, format: "round_robin", game: "chess", entrantKind: "individual", groupSize: 2 },
        "groupSize",
        "number_invalid",
      ],
    ];
    for (const [input, field, code] of cases) {
      const r = await setUpCompetition(t.db, organiser, input);
      expect(r, JSON.stringify(input)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { [field]: [code] } });
    }
    expect(
      await setUpCompetition(t.db, organiser, {
        itemId: "00000000-0000-4000-8000-000000000000",
        format: "round_robin",
        game: "chess",
        entrantKind: "individual",
      }),
    ).toEqual({ ok: false, code: "not_found" });
    expect(await snapshot(t.db)).toBe(before);
    const resident = await person("路人");
    expect(
      await setUpCompetition(t.db, resident.actor, {
        itemId: f.chessId,
        format: "round_robin",
        game: "chess",
        entrantKind: "individual",
      }),
    ).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("is one per item: set up, changed before the draw, fixed after it", async () => {
    const id = must(
      await setUpCompetition(t.db, organiser, {
        itemId: f.relayId,
        format: "round_robin",
        game: "relay",
        entrantKind: "team",
        groupSize: "4",
      }),
    ).id;
    const again = must(
      await setUpCompetition(t.db, organiser, {
        itemId: f.relayId,
        format: "single_elimination",
        game: "relay",
        entrantKind: "team",
        groupSize: "4",
        thirdPlace: "on",
      }),
    );
    expect(again.id).toBe(id);
    const [c] = await t.db.select().from(competitions).where(eq(competitions.id, id));
    // Settings that belong to another format are dropped.
    expect(c).toMatchObject({ format: "single_elimination", groupSize: null, thirdPlace: true, version: 2 });
    await t.db.update(competitions).set({ status: "drawn" }).where(eq(competitions.id, id));
    expect(
      await setUpCompetition(t.db, organiser, {
        itemId: f.relayId,
        format: "round_robin",
        game: "relay",
        entrantKind: "team",
      }),
    ).toEqual({ ok: false, code: "draw_made" });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "competitions.setup"), eq(auditLog.targetId, id)));
    expect(audits).toHaveLength(2);
  });
});

describe("entrants from the registrations", () => {
  it("are the people holding a place — not those waiting — with their skill, and keep their check-in when brought up to date", async () => {
    const id = must(
      await setUpCompetition(t.db, organiser, {
        itemId: f.chessId,
        format: "round_robin",
        game: "chess",
        entrantKind: "individual",
      }),
    ).id;
    const a = await person("甲棋手");
    const b = await person("乙棋手");
    const c = await person("丙棋手");
    must(await register(t.db, a.actor, player(f.slug, f.chessId, { level: "advanced" })));
    must(await register(t.db, b.actor, player(f.slug, f.chessId, { level: "beginner" })));
    const rc = must(await register(t.db, c.actor, player(f.slug, f.chessId)));
    expect(must(await syncEntrants(t.db, organiser, id))).toEqual({ entrants: 3, waiting: [] });
    const first = await entrantsOf(id);
    expect(first.map((e) => [e.name, e.skill, e.checkedIn])).toEqual([
      ["丙棋手", 2, false],
      ["甲棋手", 3, false],
      ["乙棋手", 1, false],
    ]);
    must(await setCheckedIn(t.db, organiser, { entrantId: first[1].id, checkedIn: true }));
    // 丙 cancels: gone from the entrants; 甲 stays checked in.
    await t.db.update(registrations).set({ status: "cancelled" }).where(eq(registrations.id, rc.id));
    expect(must(await syncEntrants(t.db, organiser, id)).entrants).toBe(2);
    expect((await entrantsOf(id)).map((e) => [e.name, e.checkedIn])).toEqual([
      ["甲棋手", true],
      ["乙棋手", false],
    ]);
  });

  it("in a team game are the teams the athletes formed", async () => {
    const id = must(
      await setUpCompetition(t.db, organiser, {
        itemId: f.sportId,
        format: "single_elimination",
        game: "tug_of_war",
        entrantKind: "team",
      }),
    ).id;
    for (const [name, action, team] of [
      ["拔一", "create", "三栋"],
      ["拔二", "join", "三栋"],
      ["拔三", "create", "五栋"],
    ] as const) {
      must(await register(t.db, (await person(name)).actor, athlete(f.slug, f.sportId, { teamAction: action, team })));
    }
    expect(must(await syncEntrants(t.db, organiser, id))).toEqual({ entrants: 2, waiting: [] });
    expect((await entrantsOf(id)).map((e) => [e.name, e.members.map((m) => m.name).sort()])).toEqual([
      ["三栋", ["拔一", "拔二"].sort()],
      ["五栋", ["拔三"]],
    ]);
  });
});

describe("check-in and referees", () => {
  it("a referee of this competition checks entrants in; a resident or another competition's referee cannot; after the draw it is fixed", async () => {
    const [chess] = await t.db.select().from(competitions).where(eq(competitions.itemId, f.chessId));
    const [tug] = await t.db.select().from(competitions).where(eq(competitions.itemId, f.sportId));
    const ref = await person("裁判员");
    const other = await person("别的裁判");
    expect(must(await setReferee(t.db, organiser, { competitionId: chess.id, phone: ref.phone, grant: true }))).toEqual(
      { name: "裁判员" },
    );
    must(await setReferee(t.db, organiser, { competitionId: tug.id, phone: other.phone, grant: "true" }));
    expect(
      await setReferee(t.db, organiser, { competitionId: chess.id, phone: "13999999999", grant: true }),
    ).toMatchObject({ ok: false, code: "invalid", fieldErrors: { phone: ["phone_no_account"] } });
    expect(
      await setReferee(t.db, ref.actor, { competitionId: chess.id, phone: other.phone, grant: true }),
    ).toMatchObject({ ok: false, code: "forbidden" });

    const [e] = await entrantsOf(chess.id);
    must(await setCheckedIn(t.db, ref.actor, { entrantId: e.id, checkedIn: false }));
    expect((await entrantsOf(chess.id))[0].checkedIn).toBe(false);
    expect(await setCheckedIn(t.db, other.actor, { entrantId: e.id, checkedIn: true })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(
      await setCheckedIn(t.db, (await person("旁观者")).actor, { entrantId: e.id, checkedIn: true }),
    ).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setCheckedIn(t.db, ref.actor, { entrantId: "nope", checkedIn: true })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    await t.db.update(competitions).set({ status: "drawn" }).where(eq(competitions.id, chess.id));
    expect(await setCheckedIn(t.db, ref.actor, { entrantId: e.id, checkedIn: true })).toEqual({
      ok: false,
      code: "draw_made",
    });
    expect(await syncEntrants(t.db, organiser, chess.id)).toEqual({ ok: false, code: "draw_made" });
    expect((await entrantsOf(chess.id))[0].checkedIn).toBe(false);
    // Revoked: the referee can no longer act.
    await t.db.update(competitions).set({ status: "setup" }).where(eq(competitions.id, chess.id));
    must(await setReferee(t.db, organiser, { competitionId: chess.id, phone: ref.phone, grant: false }));
    expect(await setCheckedIn(t.db, ref.actor, { entrantId: e.id, checkedIn: true })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });
});
