import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser, snapshot } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/auth/actor";
import { changePassword, linkHousehold, updateProfile } from "@/lib/accounts/service";
import { importRoster, previewRosterImport, regenerateHouseholdCode } from "@/lib/accounts/roster-service";
import { changeRole, setAccountDisabled, setResidentVerified } from "@/lib/accounts/residents-service";
import { eq } from "drizzle-orm";
import { festivals, programmeItems } from "@/db/schema";
import { createFestival, setFestivalStatus, startFestivalFrom, updateFestival } from "@/lib/festivals/service";
import {
  createItem,
  createVenue,
  deleteItem,
  deleteVenue,
  publishProgramme,
  reorderActs,
  updateVenue,
} from "@/lib/festivals/programme-service";
import { hefei, makeFestival } from "@/tests/support/festival-fixtures";
import { decideRegistrations, setCapacity } from "@/lib/registrations/service";
import {
  addActToProgramme,
  updateProgrammeItem,
  assignShift,
  createShift,
  deleteShift,
  moveRegistration,
  setNote,
  unassignShift,
} from "@/lib/registrations/review-service";
import { exportRegistrations } from "@/lib/registrations/review-export";
import {
  createCategory,
  deleteCategory,
  editStory,
  mergeNominations,
  publishResults,
  updateCategory,
  vetNominations,
} from "@/lib/stars/service";

import { confirmFulfilment, releaseClaim, submitWishFor, updateSettings, vetWish } from "@/lib/wishes/service";
import { awardPoints, createReward, markShiftServed, redeemReward, setRewardActive } from "@/lib/points/service";
import { setReferee, setUpCompetition, syncEntrants } from "@/lib/competitions/service";
import { clearDraw, makeDraw } from "@/lib/competitions/draw-service";
import { pairNextRound, setHalfBye, withdrawEntrant } from "@/lib/competitions/results-service";
import { scheduleCompetition } from "@/lib/competitions/schedule-service";

const NOBODY = "00000000-0000-4000-8000-000000000000";

/**
 * Every mutation behind this app's server actions, called as each kind of person.
 * A refused call answers `forbidden` (or `unauthenticated` for a visitor on their own
 * account's pages) and changes nothing; an allowed one succeeds.
 */
type Who = "visitor" | "unverified" | "resident" | "volunteer" | "organiser" | "admin";
const EVERYONE: Who[] = ["visitor", "unverified", "resident", "volunteer", "organiser", "admin"];
const SIGNED_IN: Who[] = ["unverified", "resident", "volunteer", "organiser", "admin"];
const STAFF: Who[] = ["organiser", "admin"];

let t: TestDb;
const actors = {} as Record<Who, Actor | null>;
let targetId: string;
let fest: { slug: string; hallId: string; squareId: string };
let itemId: string;
let blockId: string;
let householdId: string;
let householdCode: string;
let starCategoryId: string;

beforeAll(async () => {
  t = await createTestDb();
  actors.visitor = null;
  actors.unverified = await actorOf(t.db, (await makeUser(t.db)).id);
  actors.resident = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
  actors.volunteer = await actorOf(t.db, (await makeUser(t.db, { verified: true, roles: ["volunteer"] })).id);
  actors.organiser = await actorOf(t.db, (await makeUser(t.db, { verified: true, roles: ["organiser"] })).id);
  actors.admin = await actorOf(t.db, (await makeUser(t.db, { verified: true, roles: ["admin"] })).id);
  const h = await makeHousehold(t.db, { code: "MATR2345" });
  householdId = h.id;
  // A household of its own: the code of the first one is regenerated in the matrix.
  householdCode = (await makeHousehold(t.db, { code: "JKMN2345" })).code;
  targetId = (await makeUser(t.db, { householdId: h.id })).id;
  fest = await makeFestival(t.db, actors.organiser!);
  const made = await createItem(t.db, actors.organiser, {
    festivalSlug: fest.slug,
    title: "矩阵",
    kind: "ceremony",
    venueId: fest.hallId,
    startsAt: hefei(16, 9),
    endsAt: hefei(16, 10),
  });
  const block = await createItem(t.db, actors.organiser, {
    festivalSlug: fest.slug,
    title: "板块",
    kind: "performance_block",
    venueId: fest.squareId,
    startsAt: hefei(16, 9),
    endsAt: hefei(16, 10),
  });
  if (!made.ok || !block.ok) throw new Error("programme");
  itemId = made.data.item.id;
  blockId = block.data.item.id;
  const category = await createCategory(t.db, actors.organiser, {
    festivalSlug: fest.slug,
    name: "矩阵之星",
    winners: 1,
    votesPerVoter: 1,
    mode: "resident",
  });
  if (!category.ok) throw new Error("star category");
  starCategoryId = category.data.id;
});

let n = 0;
const unique = () => `m${Date.now().toString(36)}${(n += 1)}`;
const festivalVersion = async () =>
  (await t.db.select({ v: festivals.version }).from(festivals).where(eq(festivals.slug, fest.slug)))[0].v;
const itemNow = async () => (await t.db.select().from(programmeItems).where(eq(programmeItems.id, itemId)))[0];
const dates = { startsOn: "2027-01-16", endsOn: "2027-01-17" };
afterAll(async () => t?.close());

const CSV = "building,unit,room\n矩阵楼,1,101\n";

const MUTATIONS: {
  name: string;
  allowed: Who[];
  call: (a: Actor | null) => Promise<{ ok: boolean; code?: string }>;
}[] = [
  { name: "previewRosterImport", allowed: STAFF, call: (a) => previewRosterImport(t.db, a, { csv: CSV }) },
  {
    name: "importRoster",
    allowed: STAFF,
    call: (a) => importRoster(t.db, a, { csv: CSV.replace("101", String(Math.random()).slice(2, 8)) }),
  },
  { name: "regenerateHouseholdCode", allowed: STAFF, call: (a) => regenerateHouseholdCode(t.db, a, householdId) },
  {
    name: "verify resident",
    allowed: STAFF,
    call: (a) => setResidentVerified(t.db, a, { userId: targetId, householdId }, true),
  },
  { name: "unverify resident", allowed: STAFF, call: (a) => setResidentVerified(t.db, a, { userId: targetId }, false) },
  {
    name: "grant volunteer",
    allowed: STAFF,
    call: (a) => changeRole(t.db, a, { userId: targetId, role: "volunteer", grant: true }),
  },
  {
    name: "revoke volunteer",
    allowed: STAFF,
    call: (a) => changeRole(t.db, a, { userId: targetId, role: "volunteer", grant: false }),
  },
  {
    name: "grant organiser",
    allowed: ["admin"],
    call: (a) => changeRole(t.db, a, { userId: targetId, role: "organiser", grant: true }),
  },
  {
    name: "revoke organiser",
    allowed: ["admin"],
    call: (a) => changeRole(t.db, a, { userId: targetId, role: "organiser", grant: false }),
  },
  {
    name: "grant admin",
    allowed: ["admin"],
    call: (a) => changeRole(t.db, a, { userId: targetId, role: "admin", grant: true }),
  },
  {
    name: "revoke admin",
    allowed: ["admin"],
    call: (a) => changeRole(t.db, a, { userId: targetId, role: "admin", grant: false }),
  },
  {
    name: "disable account",
    allowed: STAFF,
    call: (a) => setAccountDisabled(t.db, a, { userId: targetId, disabled: true }),
  },
  {
    name: "enable account",
    allowed: STAFF,
    call: (a) => setAccountDisabled(t.db, a, { userId: targetId, disabled: false }),
  },
  {
    name: "createFestival",
    allowed: STAFF,
    call: (a) => createFestival(t.db, a, { slug: unique(), title: "矩阵节", edition: 50, ...dates }),
  },
  {
    name: "updateFestival",
    allowed: STAFF,
    call: async (a) =>
      updateFestival(t.db, a, {
        slug: fest.slug,
        title: "矩阵节",
        edition: 51,
        version: await festivalVersion(),
        ...dates,
      }),
  },
  {
    name: "setFestivalStatus",
    allowed: STAFF,
    call: (a) => setFestivalStatus(t.db, a, { slug: fest.slug, status: "published" }),
  },
  {
    name: "startFestivalFrom",
    allowed: STAFF,
    call: (a) =>
      startFestivalFrom(t.db, a, { sourceSlug: fest.slug, slug: unique(), title: "矩阵节", edition: 52, ...dates }),
  },
  {
    name: "createVenue",
    allowed: STAFF,
    call: (a) => createVenue(t.db, a, { festivalSlug: fest.slug, name: unique() }),
  },
  {
    name: "updateVenue",
    allowed: STAFF,
    call: (a) => updateVenue(t.db, a, { id: fest.hallId, festivalSlug: fest.slug, name: "多功能厅", capacity: 180 }),
  },
  // The hall has items, so an allowed call is answered venue_in_use: nothing is deleted either way.
  { name: "deleteVenue", allowed: STAFF, call: (a) => deleteVenue(t.db, a, fest.hallId) },
  {
    name: "createItem",
    allowed: STAFF,
    call: (a) =>
      createItem(t.db, a, {
        festivalSlug: fest.slug,
        title: unique(),
        kind: "fair_booth",
        venueId: null,
        startsAt: hefei(16, 14),
        endsAt: hefei(16, 15),
      }),
  },
  {
    name: "updateProgrammeItem",
    allowed: STAFF,
    call: async (a) => {
      const i = await itemNow();
      return updateProgrammeItem(t.db, a, {
        ...i,
        startsAt: i.startsAt.toISOString(),
        endsAt: i.endsAt.toISOString(),
        title: unique(),
      });
    },
  },
  // A wrong version: an allowed call is answered stale_version; nothing is deleted either way.
  { name: "deleteItem", allowed: STAFF, call: (a) => deleteItem(t.db, a, { id: itemId, version: 999 }) },
  { name: "reorderActs", allowed: STAFF, call: (a) => reorderActs(t.db, a, { blockId, version: 999, order: [] }) },
  { name: "publishProgramme", allowed: STAFF, call: (a) => publishProgramme(t.db, a, { festivalSlug: fest.slug }) },
  // Registrations: organisers decide and set places (an unknown id changes nothing for the allowed either).
  {
    name: "decideRegistrations",
    allowed: STAFF,
    call: (a) =>
      decideRegistrations(t.db, a, {
        ids: ["00000000-0000-4000-8000-000000000000"],
        decision: "reject",
        reason: "矩阵",
      }),
  },
  {
    name: "setCapacity",
    allowed: STAFF,
    call: (a) => setCapacity(t.db, a, { festivalSlug: fest.slug, scope: "role:athlete", capacity: 50 }),
  },
  // Unknown ids: an allowed call is answered not_found and changes nothing either.
  { name: "setNote", allowed: STAFF, call: (a) => setNote(t.db, a, { id: NOBODY, note: "矩阵" }) },
  { name: "moveRegistration", allowed: STAFF, call: (a) => moveRegistration(t.db, a, { id: NOBODY, itemId }) },
  { name: "addActToProgramme", allowed: STAFF, call: (a) => addActToProgramme(t.db, a, { id: NOBODY, blockId }) },
  {
    name: "createShift",
    allowed: STAFF,
    call: (a) =>
      createShift(t.db, a, {
        festivalSlug: fest.slug,
        title: "矩阵",
        skill: null,
        startsAt: hefei(16, 9),
        endsAt: hefei(16, 10),
        places: 3,
      }),
  },
  { name: "deleteShift", allowed: STAFF, call: (a) => deleteShift(t.db, a, NOBODY) },
  { name: "assignShift", allowed: STAFF, call: (a) => assignShift(t.db, a, { shiftId: NOBODY, ids: [NOBODY] }) },
  {
    name: "unassignShift",
    allowed: STAFF,
    call: (a) => unassignShift(t.db, a, { shiftId: NOBODY, registrationId: NOBODY }),
  },
  // Neighbourhood Star: organisers run categories, vetting and results. Unknown ids, a wrong
  // version and an open vote keep the allowed calls from changing anything either.
  {
    name: "stars createCategory",
    allowed: STAFF,
    call: (a) =>
      createCategory(t.db, a, {
        festivalSlug: fest.slug,
        name: unique(),
        winners: 1,
        votesPerVoter: 1,
        mode: "resident",
      }),
  },
  {
    name: "stars updateCategory",
    allowed: STAFF,
    call: (a) =>
      updateCategory(t.db, a, {
        id: starCategoryId,
        version: 999,
        name: "矩阵之星",
        winners: 2,
        votesPerVoter: 1,
        mode: "resident",
      }),
  },
  { name: "stars deleteCategory", allowed: STAFF, call: (a) => deleteCategory(t.db, a, { id: NOBODY }) },
  {
    name: "stars vetNominations",
    allowed: STAFF,
    call: (a) => vetNominations(t.db, a, { ids: [NOBODY], decision: "reject", reason: "矩阵" }),
  },
  {
    name: "stars mergeNominations",
    allowed: STAFF,
    call: (a) => mergeNominations(t.db, a, { sourceId: NOBODY, targetId: "00000000-0000-4000-8000-000000000001" }),
  },
  {
    name: "stars editStory",
    allowed: STAFF,
    call: (a) => editStory(t.db, a, { id: NOBODY, version: 1, story: "矩阵", reason: "矩阵" }),
  },
  {
    name: "stars publishResults",
    allowed: STAFF,
    call: (a) => publishResults(t.db, a, { festivalSlug: fest.slug, settlements: [] }),
  },
  // Not a mutation, but it hands out residents' phones and addresses: organisers only.
  {
    name: "exportRegistrations",
    allowed: STAFF,
    call: (a) =>
      exportRegistrations(
        t.db,
        a,
        { slug: fest.slug, filters: {} },
        Object.assign((k: string) => k, { has: () => false }),
      ),
  },
  // Micro-wishes and points: organisers only (unknown ids answer not_found for them).
  {
    name: "submitWishFor",
    allowed: STAFF,
    call: (a) =>
      submitWishFor(t.db, a, {
        title: "矩阵",
        story: "矩阵",
        category: "goods",
        value: 10,
        alias: "矩阵奶奶",
        beneficiary: { realName: "矩阵", age: 70, circumstance: "other" },
      }),
  },
  { name: "vetWish", allowed: STAFF, call: (a) => vetWish(t.db, a, { id: NOBODY, decision: "approve" }) },
  { name: "confirmFulfilment", allowed: STAFF, call: (a) => confirmFulfilment(t.db, a, { claimId: NOBODY }) },
  {
    name: "updateWishSettings",
    allowed: STAFF,
    call: (a) => updateSettings(t.db, a, { wishValueCap: 200, claimCap: 3, claimDays: 7 }),
  },
  {
    name: "awardPoints",
    allowed: STAFF,
    call: (a) => awardPoints(t.db, a, { userId: targetId, points: 1, reason: "矩阵" }),
  },
  { name: "createReward", allowed: STAFF, call: (a) => createReward(t.db, a, { name: "矩阵", cost: 5 }) },
  { name: "redeemReward", allowed: STAFF, call: (a) => redeemReward(t.db, a, { userId: targetId, rewardId: NOBODY }) },
  { name: "markShiftServed", allowed: STAFF, call: (a) => markShiftServed(t.db, a, NOBODY) },
  { name: "releaseClaim", allowed: STAFF, call: (a) => releaseClaim(t.db, a, { claimId: NOBODY, reason: "矩阵" }) },
  { name: "setRewardActive", allowed: STAFF, call: (a) => setRewardActive(t.db, a, { id: NOBODY, active: false }) },
  // Competitions: organisers only (check-in, results and withdrawals, open to a competition's
  // referees too, have their own tests).
  {
    name: "setUpCompetition",
    allowed: STAFF,
    call: (a) =>
      setUpCompetition(t.db, a, { itemId: NOBODY, format: "round_robin", game: "chess", entrantKind: "individual" }),
  },
  { name: "syncEntrants", allowed: STAFF, call: (a) => syncEntrants(t.db, a, NOBODY) },
  {
    name: "setReferee",
    allowed: STAFF,
    call: (a) => setReferee(t.db, a, { competitionId: NOBODY, phone: "13800000009", grant: true }),
  },
  { name: "makeDraw", allowed: STAFF, call: (a) => makeDraw(t.db, a, { competitionId: NOBODY }) },
  { name: "clearDraw", allowed: STAFF, call: (a) => clearDraw(t.db, a, NOBODY) },
  { name: "pairNextRound", allowed: STAFF, call: (a) => pairNextRound(t.db, a, NOBODY) },
  { name: "withdrawEntrant", allowed: STAFF, call: (a) => withdrawEntrant(t.db, a, NOBODY) },
  { name: "setHalfBye", allowed: STAFF, call: (a) => setHalfBye(t.db, a, { entrantId: NOBODY, sitOut: true }) },
  {
    name: "scheduleCompetition",
    allowed: STAFF,
    call: (a) =>
      scheduleCompetition(t.db, a, {
        competitionId: NOBODY,
        tables: 2,
        matchMinutes: 30,
        roundStarts: ["2027-01-16T09:00"],
      }),
  },
  { name: "linkHousehold", allowed: SIGNED_IN, call: (a) => linkHousehold(t.db, a, { householdCode }) },
  { name: "updateProfile", allowed: SIGNED_IN, call: (a) => updateProfile(t.db, a, { name: "矩阵测试" }) },
  // A wrong current password keeps this one harmless for the allowed; the refused must not get that far.
  {
    name: "changePassword",
    allowed: SIGNED_IN,
    call: (a) => changePassword(t.db, a, { currentPassword: "not it", newPassword: "a new long phrase" }),
  },
];

describe.each(MUTATIONS)("$name", ({ allowed, call, name }) => {
  it.each(EVERYONE)("as %s", async (who) => {
    const before = await snapshot(t.db);
    const result = await call(actors[who]);
    if (allowed.includes(who)) {
      const harmless: Record<string, string> = {
        changePassword: "invalid",
        deleteVenue: "venue_in_use",
        deleteItem: "stale_version",
        reorderActs: "stale_version",
        setNote: "not_found",
        moveRegistration: "not_found",
        addActToProgramme: "not_found",
        deleteShift: "not_found",
        assignShift: "not_found",
        unassignShift: "not_found",
        "stars updateCategory": "stale_version",
        "stars deleteCategory": "not_found",
        "stars mergeNominations": "not_found",
        "stars editStory": "not_found",
        "stars publishResults": "voting_not_closed",
        vetWish: "not_found",
        confirmFulfilment: "not_found",
        redeemReward: "not_found",
        markShiftServed: "not_found",
        releaseClaim: "not_found",
        setRewardActive: "not_found",
        setUpCompetition: "not_found",
        syncEntrants: "not_found",
        setReferee: "not_found",
        makeDraw: "not_found",
        clearDraw: "not_found",
        pairNextRound: "not_found",
        scheduleCompetition: "not_found",
        setHalfBye: "not_found",
        withdrawEntrant: "not_found",
      };
      if (harmless[name]) expect(result).toMatchObject({ ok: false, code: harmless[name] });
      else expect(result).toMatchObject({ ok: true });
    } else {
      expect(result).toEqual({
        ok: false,
        code: who === "visitor" && SIGNED_IN === allowed ? "unauthenticated" : "forbidden",
      });
      expect(await snapshot(t.db)).toBe(before);
    }
  });
});
