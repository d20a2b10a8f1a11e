import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { WISH_STATUSES } from "@/vocabulary/wishes";
import {
  competitionEntrants,
  competitionMatches,
  competitions,
  festivals,
  households,
  groupAttendance,
  groupSessions,
  groupSlots,
  patrolNotes,
  patrolTeamMembers,
  serviceHours,
  trainingAttendance,
  trainingSessions,
  patrolTeams,
  pointEntries,
  pointRules,
  postGroups,
  postMembers,
  posts,
  programmeItems,
  registrations,
  users,
  wishClaims,
  wishes,
} from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, must } from "@/tests/support/fixtures";
import { authenticate, loadActor } from "@/lib/auth/credentials";
import { getCurrentFestival } from "@/lib/festivals/queries";
import { registrationSchema } from "@/lib/registrations/schemas";
import { entrantsFrom } from "@/lib/competitions/entrants";
import { orderForDraw, planDraw } from "@/lib/competitions/draw";
import { checkScore, type ScoreDetail, type ScoreInput } from "@/lib/competitions/scores";
import { SCORE_KIND } from "@/lib/competitions/schemas";
import { getPublicCompetition, listPublicCompetitions } from "@/lib/competitions/queries";
import { scheduledAt } from "@/lib/jobs/queue";
import { claimLapseKey, claimReminderKey } from "@/lib/wishes/claim-times";
import { getMyTrainings } from "@/lib/posts/training-queries";
import { getRewardRound } from "@/lib/points/round-queries";
import { DEMO_REWARD_BANDS } from "./seed-rewards";
import { DEMO_ACCOUNTS, DEMO_FREE_HOUSEHOLD_CODE, DEMO_PASSWORD, seedDemo } from "./seed";

let t: TestDb;
const now = new Date("2026-11-27T03:00:00Z");
/** The demo's organiser, who may read the review. */
const demoOrganiser = async () =>
  actorOf(t.db, (await t.db.select({ id: users.id }).from(users).where(eq(users.phone, "13800000001")))[0].id);
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, now);
});
afterAll(async () => t?.close());

describe("the demo community", () => {
  it("has the demo accounts with their roles, all with the demo password", async () => {
    const expected: Record<string, { roles: string[]; verified: boolean }> = {
      "13800000000": { roles: ["admin", "resident"], verified: true },
      "13800000001": { roles: ["organiser", "resident"], verified: true },
      "13800000002": { roles: ["resident"], verified: true },
      "13800000003": { roles: ["resident"], verified: false },
      "13800000004": { roles: ["resident", "volunteer"], verified: true },
    };
    for (const a of DEMO_ACCOUNTS) {
      const r = await authenticate(t.db, { phone: a.phone, password: DEMO_PASSWORD });
      if (!r.ok) throw new Error(`${a.phone} cannot sign in`);
      const actor = await loadActor(t.db, r.data.userId, r.data.authAt);
      expect({ roles: actor!.roles, verified: actor!.verified }).toEqual(expected[a.phone]);
    }
  });

  it("has a few hundred households in two estates, and the documented free code", async () => {
    const all = await t.db.select({ building: households.building, code: households.code }).from(households);
    expect(all.length).toBeGreaterThan(300);
    expect(new Set(all.map((h) => h.building.split(" ")[0]))).toEqual(new Set(["美湖花园", "湖畔雅苑"]));
    expect(all.some((h) => h.code === DEMO_FREE_HOUSEHOLD_CODE)).toBe(true);
  });

  it("has the archived 14th festival and the upcoming 15th with its windows open", async () => {
    const [f14] = await t.db.select().from(festivals).where(eq(festivals.slug, "meihu-14"));
    expect(f14).toMatchObject({ edition: 14, status: "archived" });
    const current = await getCurrentFestival(t.db);
    expect(current).toMatchObject({ slug: "meihu-15", edition: 15, status: "published" });
    expect(current!.registrationOpensAt! <= now && now <= current!.registrationClosesAt!).toBe(true);
    expect(current!.nominationOpensAt! <= now && now <= current!.nominationClosesAt!).toBe(true);
    expect(new Date(current!.startsOn) > now).toBe(true);
  });

  it("is the same community every time it is seeded", async () => {
    const first = await t.db
      .select({ code: households.code })
      .from(households)
      .orderBy(households.building, households.unit, households.room);
    await seedDemo(t.db, now);
    const second = await t.db
      .select({ code: households.code })
      .from(households)
      .orderBy(households.building, households.unit, households.room);
    expect(second).toEqual(first);
  });
});

describe("the demo programme", () => {
  it("is published for both festivals, with venues and no double-booked venue", async () => {
    const { programmePublications } = await import("@/db/schema");
    const { findConflicts } = await import("@/lib/festivals/conflicts");
    const pubs = await t.db.select().from(programmePublications);
    expect(pubs).toHaveLength(2);
    for (const p of pubs) {
      expect(p.venues.map((v) => v.name)).toEqual(["多功能厅", "社区广场", "二楼活动室", "棋牌室"]);
      const items = p.items.map((i) => ({ ...i, startsAt: new Date(i.startsAt), endsAt: new Date(i.endsAt) }));
      expect(findConflicts(items).filter((c) => c.kind === "venue_overlap")).toEqual([]);
    }
    expect(Math.max(...pubs.map((p) => p.items.length))).toBeGreaterThan(20);
  });
});

describe("the current festival", () => {
  it("is the published one on now or next, even when a later one is published too", async () => {
    await t.db.insert(festivals).values({
      slug: "meihu-16",
      edition: 16,
      title: "第十六届美湖邻里节",
      startsOn: "2027-10-16",
      endsOn: "2027-10-17",
      status: "published",
    });
    expect((await getCurrentFestival(t.db, now))?.slug).toBe("meihu-15");
    // After the 15th is over, the 16th comes first.
    const later = new Date(Date.parse((await getCurrentFestival(t.db, now))!.endsOn) + 3 * 86_400_000);
    expect((await getCurrentFestival(t.db, later))?.slug).toBe("meihu-16");
    await t.db.delete(festivals).where(eq(festivals.slug, "meihu-16"));
  });
});

describe("the demo registrations", () => {
  it("fill the chess and Go competitions with people waiting, and give the review acts, helpers and a shift", async () => {
    const { getPlacesOverview, getReviewFestival, listReview } = await import("@/lib/registrations/review-queries");
    const organiser = await demoOrganiser();
    const f = must(await getReviewFestival(t.db, organiser, "meihu-15"))!;
    const places = must(await getPlacesOverview(t.db, organiser, f.id));
    const event = (title: string) => places.items.find((i) => i.title === title);
    expect(event("象棋比赛")).toMatchObject({ capacity: 2, taken: 2, waiting: 1 });
    expect(event("围棋比赛")).toMatchObject({ capacity: 3, taken: 3, waiting: 2 });
    const chess = must(await listReview(t.db, organiser, f.id, { page: 1, item: event("象棋比赛")!.itemId }));
    expect(chess.rows.map((r) => [r.participant.name, r.status])).toEqual([
      ["王秀英", "confirmed"],
      ["刘洋", "confirmed"],
      ["陈志强", "waitlisted"],
    ]);
    const performers = must(await listReview(t.db, organiser, f.id, { page: 1, role: "performer" })).rows;
    expect(performers.map((r) => r.status).sort()).toEqual([
      "confirmed",
      "confirmed",
      "confirmed",
      "confirmed",
      "rejected",
    ]);
    expect(performers.some((r) => r.participant.child && r.participant.age === 9)).toBe(true);
    const helpers = must(await listReview(t.db, organiser, f.id, { page: 1, role: "backstage" })).rows;
    expect(helpers.find((r) => r.registrant.phone === "13800000004")?.shifts.map((s) => s.title)).toEqual([
      "舞台音响调试",
    ]);
  });
});

describe("the demo competitions' players", () => {
  it("are ten chess players for the Swiss and six mutual Guandan pairs, with the quotas to match", async () => {
    const { getPlacesOverview, getReviewFestival } = await import("@/lib/registrations/review-queries");
    const organiser = await demoOrganiser();
    const { registrations } = await import("@/db/schema");
    const f = must(await getReviewFestival(t.db, organiser, "meihu-15"))!;
    const places = must(await getPlacesOverview(t.db, organiser, f.id));
    const event = (title: string) => places.items.find((i) => i.title === title)!;
    expect(event("国际象棋比赛")).toMatchObject({ capacity: 16, taken: 10, waiting: 0 });
    expect(event("掼蛋比赛")).toMatchObject({ capacity: 24, taken: 12, waiting: 0 });
    const chess = await t.db
      .select({ name: registrations.participantName })
      .from(registrations)
      .where(eq(registrations.itemId, event("国际象棋比赛").itemId));
    expect(new Set(chess.map((r) => r.name)).size).toBe(10);
    const guandan = await t.db
      .select({ id: registrations.id, partner: registrations.partnerRegistrationId })
      .from(registrations)
      .where(eq(registrations.itemId, event("掼蛋比赛").itemId));
    expect(guandan).toHaveLength(12);
    for (const r of guandan) expect(guandan.find((o) => o.id === r.partner)?.partner).toBe(r.id);
  });
});

describe("the demo micro-wishes and points", () => {
  it("have wishes in every state, one live claim each for the claimed and fulfilled, and the demo volunteer holding one", async () => {
    const all = await t.db.select({ id: wishes.id, status: wishes.status, thanks: wishes.thanks }).from(wishes);
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(new Set(all.map((w) => w.status))).toEqual(new Set(WISH_STATUSES));
    const claims = await t.db
      .select({ wishId: wishClaims.wishId, status: wishClaims.status, phone: users.phone })
      .from(wishClaims)
      .innerJoin(users, eq(users.id, wishClaims.volunteerId));
    for (const w of all.filter((w) => w.status === "claimed" || w.status === "fulfilled")) {
      expect(
        claims.filter((c) => c.wishId === w.id && (c.status === "active" || c.status === "fulfilled")),
      ).toHaveLength(1);
    }
    expect(all.filter((w) => w.status === "done").every((w) => w.thanks)).toBe(true);
    expect(claims.some((c) => c.phone === "13800000004" && c.status === "active")).toBe(true);
  });

  it("give each live claim its reminder and lapse on the queue; the demo volunteer's lapses within the day, so its reminder is due", async () => {
    const live = await t.db
      .select({ id: wishClaims.id, lapsesAt: wishClaims.lapsesAt, phone: users.phone })
      .from(wishClaims)
      .innerJoin(users, eq(users.id, wishClaims.volunteerId))
      .where(eq(wishClaims.status, "active"));
    expect(live.length).toBeGreaterThanOrEqual(2);
    for (const c of live) {
      expect(await scheduledAt(t.db, claimLapseKey(c.id))).toEqual(c.lapsesAt);
      expect(await scheduledAt(t.db, claimReminderKey(c.id))).toEqual(new Date(c.lapsesAt.getTime() - 86_400_000));
    }
    const mine = live.find((c) => c.phone === "13800000004")!;
    expect(mine.lapsesAt.getTime() - now.getTime()).toBe(12 * 3_600_000);
  });

  it("give points for each confirmed claim, and nobody's balance is below zero", async () => {
    const confirmed = await t.db
      .select({ id: wishClaims.id })
      .from(wishClaims)
      .where(eq(wishClaims.status, "confirmed"));
    const earned = await t.db
      .select({ refId: pointEntries.refId })
      .from(pointEntries)
      .where(eq(pointEntries.kind, "wish_fulfilled"));
    expect(earned.map((e) => e.refId).sort()).toEqual(confirmed.map((c) => c.id).sort());
    const balances = await t.db
      .select({ total: sql<number>`sum(${pointEntries.points})::int` })
      .from(pointEntries)
      .groupBy(pointEntries.userId);
    expect(balances.every((b) => b.total >= 0)).toBe(true);
    expect(balances.some((b) => b.total > 0)).toBe(true);
  });
});

describe("the demo micro-wishes' hours", () => {
  it("every fulfilled claim has the time declared, every confirmed one the time confirmed and those hours, once", async () => {
    const claims = await t.db
      .select()
      .from(wishClaims)
      .where(inArray(wishClaims.status, ["fulfilled", "confirmed"]));
    expect(claims.filter((c) => c.status === "confirmed").length).toBeGreaterThanOrEqual(3);
    for (const c of claims) expect(c.declaredMinutes, c.id).not.toBeNull();
    const hours = await t.db.select().from(serviceHours).where(eq(serviceHours.kind, "wish"));
    for (const c of claims) {
      const mine = hours.filter((h) => h.refId === c.id);
      if (c.status === "fulfilled") {
        expect(c.confirmedMinutes).toBeNull();
        expect(mine).toEqual([]);
      } else {
        expect(mine).toHaveLength(1);
        expect(mine[0]).toMatchObject({ userId: c.volunteerId, minutes: c.confirmedMinutes, postId: null });
        expect(mine[0].note).toMatch(/ · /);
      }
    }
    // One the organiser corrected: the volunteer's word and the hours counted differ.
    expect(claims.some((c) => c.status === "confirmed" && c.confirmedMinutes !== c.declaredMinutes)).toBe(true);
  });
});

describe("the demo competitions", () => {
  /** The score form's input that gives back a stored score, so it can be checked again. */
  const inputOf = (detail: Record<string, unknown>): ScoreInput => {
    const d = detail as ScoreDetail;
    const half = (n: number) => (n === 0.5 ? "½" : String(n));
    switch (d.kind) {
      case "chess":
      case "go":
        return { kind: d.kind, result: `${half(d.points[0])}-${half(d.points[1])}` };
      case "tug_of_war":
        return { kind: "tug_of_war", pulls: d.pulls };
      case "table_tennis":
        return { kind: "table_tennis", bestOf: d.bestOf, games: d.games };
      case "guandan":
        return {
          kind: "guandan",
          a: d.levels[0] === 15 ? "A+" : String(d.levels[0]),
          b: d.levels[1] === 15 ? "A+" : String(d.levels[1]),
        };
      default:
        return d as ScoreInput;
    }
  };

  it("are the 14th festival's tug of war and chess, finished, and none in the 15th", async () => {
    const rows = await t.db
      .select({
        slug: festivals.slug,
        title: programmeItems.title,
        status: competitions.status,
        format: competitions.format,
        game: competitions.game,
        entrantKind: competitions.entrantKind,
        drawSeed: competitions.drawSeed,
        drawnAt: competitions.drawnAt,
      })
      .from(competitions)
      .innerJoin(festivals, eq(festivals.id, competitions.festivalId))
      .innerJoin(programmeItems, eq(programmeItems.id, competitions.itemId))
      .orderBy(programmeItems.title);
    expect(rows.map((r) => [r.slug, r.title, r.status, r.format, r.game, r.entrantKind])).toEqual([
      ["meihu-14", "拔河比赛", "finished", "round_robin", "tug_of_war", "team"],
      ["meihu-14", "象棋比赛", "finished", "single_elimination", "xiangqi", "individual"],
    ]);
    expect(rows.every((r) => r.drawSeed !== null && r.drawnAt! < new Date("2021-10-17T00:00:00Z"))).toBe(true);
    const [f15] = await t.db.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, "meihu-15"));
    expect(
      await t.db.select({ id: competitions.id }).from(competitions).where(eq(competitions.festivalId, f15.id)),
    ).toEqual([]);
  });

  it("have entrants made from confirmed registrations whose details the registration form accepts", async () => {
    const cs = await t.db.select().from(competitions);
    for (const c of cs) {
      const regs = await t.db
        .select()
        .from(registrations)
        .where(and(eq(registrations.itemId, c.itemId), eq(registrations.status, "confirmed")));
      for (const r of regs) {
        const parsed = registrationSchema.safeParse({
          ...r.details,
          festivalSlug: "meihu-14",
          participant: { kind: "self" },
          role: r.role,
          itemId: r.itemId,
          ...(r.team ? { teamAction: "join", team: r.team } : {}),
        });
        expect(parsed.success, JSON.stringify(r.details)).toBe(true);
        expect(r.role).toBe(c.game === "xiangqi" ? "player" : "athlete");
        expect(r.acceptedAt).not.toBeNull();
      }
      const entrants = await t.db.select().from(competitionEntrants).where(eq(competitionEntrants.competitionId, c.id));
      const { entrants: expected } = entrantsFrom(
        c.entrantKind,
        regs.map((r) => ({
          id: r.id,
          userId: r.userId,
          participantKey: r.participantKey,
          name: r.participantName,
          team: r.team,
          partnerId: r.partnerRegistrationId,
          level: (r.details.level as string | undefined) ?? null,
        })),
      );
      expect(entrants.map((e) => [e.name, e.members, e.skill]).sort()).toEqual(
        expected.map((e) => [e.name, e.members, e.skill]).sort(),
      );
      expect(entrants.every((e) => e.checkedIn && e.seed !== null)).toBe(true);
      expect(entrants.map((e) => e.seed).sort()).toEqual(entrants.map((_, i) => i + 1));
      // The stored draw is the one its recorded seed makes.
      const ordered = orderForDraw(
        entrants.map((e) => ({ id: e.id, skill: e.skill })),
        c.seeding,
        c.drawSeed!,
      );
      expect(ordered.map((e) => entrants.find((x) => x.id === e.id)!.seed)).toEqual(entrants.map((_, i) => i + 1));
      const planned = planDraw(c.format, ordered, {
        groupSize: c.groupSize,
        thirdPlace: c.thirdPlace,
        seed: c.drawSeed!,
      });
      if (!planned.ok) throw new Error(planned.code);
      const matches = await t.db.select().from(competitionMatches).where(eq(competitionMatches.competitionId, c.id));
      expect(matches).toHaveLength(planned.draw.matches.length);
      for (const p of planned.draw.matches) {
        const m = matches.find((x) => x.round === p.round && x.groupNo === p.groupNo && x.position === p.position)!;
        if (p.a) expect(m.entrantA).toBe(p.a);
        if (p.b) expect(m.entrantB).toBe(p.b);
        expect(m.label).toBe(p.label);
      }
    }
  });

  it("have a result in every match that the score rules accept, entered by an organiser, and bracket sides that follow the results", async () => {
    const [organiser] = await t.db.select({ id: users.id }).from(users).where(eq(users.phone, "13800000001"));
    const cs = await t.db.select().from(competitions);
    for (const c of cs) {
      const matches = await t.db.select().from(competitionMatches).where(eq(competitionMatches.competitionId, c.id));
      expect(matches.length).toBeGreaterThan(0);
      for (const m of matches) {
        expect(m.outcome, `${c.game} R${m.round}M${m.position}`).not.toBeNull();
        expect(m.score!.kind).toBe(SCORE_KIND[c.game]);
        const check = checkScore(inputOf(m.score!));
        if (!check.ok) throw new Error(`${c.game} R${m.round}M${m.position}: ${check.code}`);
        expect(check.detail).toEqual(m.score);
        expect(m.outcome).toBe(check.winner === "A" ? "a" : check.winner === "B" ? "b" : "draw");
        if (c.format === "single_elimination") expect(m.outcome).not.toBe("draw");
        expect(m.enteredBy).toBe(organiser.id);
        for (const s of ["a", "b"] as const) {
          const feed = m.feeds[s];
          if (!feed) continue;
          const from = matches.find((x) => x.id === (feed.winnerOf ?? feed.loserOf))!;
          const [winner, loser] =
            from.outcome === "a" ? [from.entrantA, from.entrantB] : [from.entrantB, from.entrantA];
          expect(s === "a" ? m.entrantA : m.entrantB).toBe(feed.winnerOf ? winner : loser);
        }
      }
    }
  });

  it("read through the public queries: one winner each, the bracket's champion and third, the round robin's single first", async () => {
    const list = (await listPublicCompetitions(t.db, "meihu-14"))!;
    expect(list.competitions.map((c) => [c.item.title, c.status, c.winners.length])).toEqual([
      ["拔河比赛", "finished", 1],
      ["象棋比赛", "finished", 1],
    ]);
    const tug = (await getPublicCompetition(t.db, "meihu-14", list.competitions[0].item.id))!;
    expect(tug.groups).toHaveLength(1);
    expect(tug.groups[0].standings.map((r) => [r.rank, r.shared, r.points])).toEqual([
      [1, false, 6],
      [2, false, 4],
      [3, false, 2],
      [4, false, 0],
    ]);
    expect(tug.groups[0].standings[0].entrant.name).toBe(list.competitions[0].winners[0]);
    const chess = (await getPublicCompetition(t.db, "meihu-14", list.competitions[1].item.id))!;
    expect(chess.entrants).toHaveLength(6);
    expect(chess.bracket!.champion!.name).toBe(list.competitions[1].winners[0]);
    expect(chess.bracket!.thirdPlace!.winner).not.toBeNull();
    // Seeded by level: the two advanced players meet in the final.
    const final = chess.bracket!.rounds.at(-1)!.matches[0];
    expect([final.a!.id, final.b!.id].sort()).toEqual(
      chess.entrants
        .filter((e) => e.seed! <= 2)
        .map((e) => e.id)
        .sort(),
    );
  });
});

describe("the demo red posts", () => {
  it("have Meihu's three posts, the culture post's four groups, a few dozen members and a month of patrols", async () => {
    const all = await t.db.select().from(posts).orderBy(asc(posts.position));
    expect(all.map((p) => [p.name, p.kind])).toEqual([
      ["治安巡逻岗", "patrol"],
      ["文化传播岗", "culture"],
      ["党建宣传岗", "publicity"],
    ]);
    const groups = await t.db.select({ name: postGroups.name }).from(postGroups).orderBy(asc(postGroups.position));
    expect(groups.map((g) => g.name)).toEqual(["红歌合唱团", "太极拳小组", "晨练队", "书画院"]);
    const members = await t.db.select().from(postMembers);
    expect(members.filter((m) => m.status === "active").length).toBeGreaterThanOrEqual(30);
    expect(members.filter((m) => m.status === "requested")).toHaveLength(1);
    for (const m of members.filter((m) => m.leader)) expect(m.standing).toBe("party_member");
    const teams = await t.db.select().from(patrolTeams);
    // A fortnight walked, tonight, and four weeks to come.
    expect(teams).toHaveLength(44);
    const walked = teams.filter((x) => x.startedAt && x.endedAt);
    expect(walked).toHaveLength(14);
    for (const x of walked) expect(x.endedAt!.getTime()).toBeGreaterThan(x.startedAt!.getTime());
    expect(teams.filter((x) => x.closedUnended)).toHaveLength(1);
    const people = await t.db.select().from(patrolTeamMembers);
    for (const team of teams) {
      const on = people.filter((p) => p.teamId === team.id);
      expect(on.filter((p) => p.leads)).toHaveLength(1);
      expect(on.filter((p) => !p.leads)).toHaveLength(3);
      expect(on.every((p) => (p.walked === null) === !team.endedAt)).toBe(true);
    }
    // Tonight 刘洋 leads, not yet started.
    const tonight = teams.filter((x) => !x.startedAt).sort((a, b) => a.day.localeCompare(b.day))[0];
    const [liu] = await t.db.select().from(users).where(eq(users.phone, "13800000004"));
    const lead = people.find((p) => p.teamId === tonight.id && p.leads)!;
    expect(members.find((m) => m.id === lead.memberId)?.userId).toBe(liu.id);
    const notes = await t.db.select().from(patrolNotes);
    expect(notes.map((n) => n.passedTo).sort()).toEqual(["council", "property", "property"]);
    // Everyone who walked a past patrol has its hours, once.
    const hours = await t.db.select().from(serviceHours);
    expect(hours.filter((h) => h.kind === "patrol")).toHaveLength(people.filter((p) => p.walked).length);
    expect(hours.filter((h) => h.userId === liu.id).length).toBeGreaterThan(0);
    // The culture groups meet by a timetable; the fortnight's meetings have their attendance.
    const slots = await t.db.select().from(groupSlots);
    expect(slots.length).toBe(2 + 7 + 7 + 1);
    const sessions = await t.db.select().from(groupSessions);
    expect(sessions.filter((s) => s.kind === "regular" && s.takenAt).length).toBeGreaterThan(14);
    expect(sessions.filter((s) => s.kind === "special")).toHaveLength(1);
    expect((await t.db.select().from(groupAttendance)).length).toBeGreaterThan(0);
    expect(hours.filter((h) => h.kind === "culture_session").length).toBeGreaterThan(14);
    // The tai chi group's leader signs in with 13955500119 (the journeys take attendance as them).
    const [taichi] = await t.db.select().from(postGroups).where(eq(postGroups.name, "太极拳小组"));
    const [leader] = members.filter((m) => m.groupId === taichi.id && m.leader);
    const [leaderUser] = await t.db.select().from(users).where(eq(users.id, leader.userId!));
    expect(leaderUser.phone).toBe("13955500119");
  });
});

describe("the demo trainings", () => {
  it("each post has this year's training held, with who came and their hours, and one in the coming weeks", async () => {
    const all = await t.db.select().from(posts);
    const sessions = await t.db.select().from(trainingSessions);
    const attendance = await t.db.select().from(trainingAttendance);
    const hours = await t.db.select().from(serviceHours).where(eq(serviceHours.kind, "training"));
    const members = await t.db.select().from(postMembers);
    // Seeded on 2026-11-27 (Beijing): held two months back, coming a fortnight on.
    for (const post of all) {
      const mine = sessions.filter((s) => s.postId === post.id);
      expect(mine.map((s) => [s.status, s.day]).sort(), post.name).toEqual([
        ["held", "2026-09-28"],
        ["planned", "2026-12-11"],
      ]);
      const held = mine.find((s) => s.status === "held")!;
      expect(held.takenAt).not.toBeNull();
      expect(held.trainer).not.toBe("");
      // Every serving member is on its attendance; most came, not all.
      const serving = members.filter((m) => m.postId === post.id && m.status === "active");
      const rows = attendance.filter((a) => a.sessionId === held.id);
      expect(rows.map((r) => r.memberId).sort()).toEqual(serving.map((m) => m.id).sort());
      const came = rows.filter((r) => r.present);
      expect(came.length).toBeGreaterThan(rows.length / 2);
      expect(came.length).toBeLessThan(rows.length);
      // Each who came has the training's length, once; nobody else has it.
      const written = hours.filter((h) => h.refId === held.id);
      const cameUsers = came.map((r) => serving.find((m) => m.id === r.memberId)!.userId).sort();
      expect(written.map((h) => h.userId).sort()).toEqual(cameUsers);
      const minutes =
        (Number(held.endsAt.slice(0, 2)) - Number(held.startsAt.slice(0, 2))) * 60 +
        Number(held.endsAt.slice(3, 5)) -
        Number(held.startsAt.slice(3, 5));
      for (const h of written) {
        expect(h).toMatchObject({ minutes, servedOn: held.day, postId: post.id, year: 2026 });
        expect(h.note).toBe(`${held.title} ${held.startsAt.slice(0, 5)}–${held.endsAt.slice(0, 5)}`);
      }
    }
    // 王秀英 of the choir sees the culture post's training to come, and the one she attended.
    const [wang] = await t.db.select().from(users).where(eq(users.phone, "13800000002"));
    const hers = await getMyTrainings(t.db, await actorOf(t.db, wang.id), now);
    expect(hers.coming.map((s) => [s.postName, s.day])).toEqual([["文化传播岗", "2026-12-11"]]);
    expect(hers.attended.map((s) => s.postName)).toEqual(["文化传播岗"]);
  });
});

describe("the demo year-end rewards", () => {
  it("have this year's round as a draft whose bands the demo's points reach, each band someone's, and the patrol's rule set", async () => {
    const organiser = await demoOrganiser();
    const round = must(await getRewardRound(t.db, organiser, 2026));
    expect(round.status).toBe("draft");
    expect(round.bands.map((b) => [b.minPoints, b.reward])).toEqual(
      DEMO_REWARD_BANDS.map((b) => [b.minPoints, b.reward]),
    );
    // Every band has someone in it, and some members reach no band yet.
    for (const b of round.bands) expect(b.people, b.reward).toBeGreaterThan(0);
    expect(round.below).toBeGreaterThan(0);
    // The preview follows the ledger: each row's points are that person's points of the year.
    const [liu] = await t.db.select().from(users).where(eq(users.phone, "13800000004"));
    const [{ total }] = await t.db
      .select({ total: sql<number>`coalesce(sum(${pointEntries.points}), 0)::int` })
      .from(pointEntries)
      .where(and(eq(pointEntries.userId, liu.id), eq(pointEntries.year, 2026), sql`${pointEntries.points} > 0`));
    expect(round.rows.find((r) => r.name === liu.name)?.points).toBe(total);
    const [rule] = await t.db.select().from(pointRules).where(eq(pointRules.kind, "patrol"));
    expect(rule).toMatchObject({ basis: "each", points: 10, updatedBy: organiser.id });
  });
});
