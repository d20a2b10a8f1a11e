import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, editMember, removeMember } from "@/lib/households/service";
import { listHouseholdMembers } from "@/lib/households/queries";
import { registerAtDesk } from "@/lib/registrations/desk";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeMember, makeUser, must, nextPhone, snapshot } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { changePassword, linkHousehold, updateProfile } from "@/lib/accounts/service";
import { importRoster, previewRosterImport, regenerateHouseholdCode } from "@/lib/accounts/roster-service";
import { changeRole, setAccountDisabled, setResidentVerified } from "@/lib/accounts/residents-service";
import { decideHouseholdRequest, updateHouseholdSettings } from "@/lib/accounts/household-requests";
import { eq } from "drizzle-orm";
import {
  festivals,
  householdLinkRequests,
  patrolNotes,
  patrolTeamMembers,
  patrolTeams,
  programmeItems,
  users,
} from "@/db/schema";
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
import { festivalMatchSlots, getScheduleDetail, scheduleCompetition } from "@/lib/competitions/schedule-service";
import {
  countHouseholdRequests,
  listHouseholdRequests,
  findHouseholds,
  getDashboardCounts,
  getResident,
  listBuildings,
  listHouseholds,
  listHouseholdsForSlips,
  listResidents,
} from "@/lib/accounts/queries";
import { listAudit, listAuditActions } from "@/lib/audit/queries";
import { getDeskHousehold, getDeskMember, getDeskPerson, getDeskWindows, searchDesk } from "@/lib/desk/queries";
import { issueResetCode } from "@/lib/desk/reset-code-service";
import { createAccountAtDesk } from "@/lib/desk/account-service";
import { changePhoneAtDesk, sendPhoneChangeCode } from "@/lib/desk/phone-service";
import { listOutbox } from "@/lib/messages/queries";
import { saveMessageSettings } from "@/lib/messages/preferences";
import { cancelBroadcast, previewAudience, sendBroadcast } from "@/lib/broadcasts/service";
import {
  addMember as addPostMember,
  createPost,
  decideMembership,
  drawRoster,
  savePostSettings,
  updateMember as updatePostMember,
} from "@/lib/posts/service";
import {
  addNote,
  answerSwap,
  askSwap,
  decideSwap,
  endPatrol,
  markNoteHandled,
  passNote,
  setPlace,
  startPatrol,
  withdrawSwap,
} from "@/lib/posts/patrol";
import { getRosterDay, getRosterMonth, listPassedNotes, listPostSwaps } from "@/lib/posts/roster-queries";
import { exportHours } from "@/lib/hours/export";
import { addSlot, addSpecialSession, removeSlot, takeAttendance } from "@/lib/posts/culture";
import { getGroupForAdmin } from "@/lib/posts/culture-queries";
import { cancelTraining, planTraining, takeTrainingAttendance, updateTraining } from "@/lib/posts/training";
import { getTrainingForAdmin, listPostTrainings } from "@/lib/posts/training-queries";
import { communityToday } from "@/lib/posts/service";
import { getHoursReport } from "@/lib/hours/queries";
import { hoursFilterSchema } from "@/lib/hours/schemas";
import { getAudienceChoices, listBroadcasts, listDeliveries } from "@/lib/broadcasts/queries";
import { outboxProvider } from "@/lib/messages/outbox";
import { getBuilderData, getFestivalForEdit, listFestivals, listVenues } from "@/lib/festivals/dashboard-queries";
import {
  allReviewRows,
  countByStatus,
  getPlacesOverview,
  getReviewFestival,
  listPerformanceBlocks,
  listReview,
  listReviewBuildings,
} from "@/lib/registrations/review-queries";
import { listHelpers, listShifts } from "@/lib/registrations/shift-queries";
import { register } from "@/lib/registrations/service";
import {
  countVetting,
  getStarsAdminFestival,
  listCategoriesForAdmin,
  listMergeCandidates,
  listVetting,
  publishPreview,
} from "@/lib/stars/admin-queries";
import { vettingFilterSchema } from "@/lib/stars/admin-forms";
import { liveTally } from "@/lib/stars/queries";
import { recordPaperBallot } from "@/lib/stars/paper-ballot";
import { getDeskBallots } from "@/lib/stars/desk-queries";
import { countWishes, getClaimOutcome, listRosterBuildings, listWishesForAdmin } from "@/lib/wishes/admin-queries";
import { wishAdminFilterSchema } from "@/lib/wishes/admin-forms";
import { claimWish } from "@/lib/wishes/service";
import { findPointsPerson, listLedger, listLedgerYears, listRewards, yearTotals } from "@/lib/points/admin-queries";
import { setPointRule } from "@/lib/points/rules";
import {
  addRewardBand,
  markRewardHanded,
  recordRewardRound,
  removeRewardBand,
  reopenRewardRound,
} from "@/lib/points/rounds";
import { getRewardRound } from "@/lib/points/round-queries";
import { getPostLeaderboard } from "@/lib/posts/leaderboard-queries";
import { currentYear } from "@/lib/points/year";
import { getCompetitionDetail, listCompetitionItems } from "@/lib/competitions/admin-queries";
import type { Result } from "@/lib/result";
import { athlete, backstage, openFestival } from "@/tests/support/registration-fixtures";
import { postWish } from "@/tests/support/wish-fixtures";

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
let memberId: string;

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
  memberId = (await makeMember(t.db, h.id, "矩阵成员", 70)).id;
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
  // An unknown request: an allowed call is answered not_found and changes nothing either.
  {
    name: "decideHouseholdRequest",
    allowed: STAFF,
    call: (a) => decideHouseholdRequest(t.db, a, { id: NOBODY, decision: "refuse", reason: "矩阵" }),
  },
  {
    name: "updateHouseholdSettings",
    allowed: STAFF,
    call: (a) => updateHouseholdSettings(t.db, a, { householdCodeCap: 6 }),
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
  // Paper ballots at the desk: organisers only; the matrix's festival is a draft, so nothing is cast.
  {
    name: "stars recordPaperBallot",
    allowed: STAFF,
    call: (a) =>
      recordPaperBallot(t.db, a, {
        festivalSlug: fest.slug,
        categoryId: starCategoryId,
        userId: targetId,
        candidateIds: [NOBODY],
      }),
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
  // Every service-hours entry with its name: organisers only, audited.
  {
    name: "exportHours",
    allowed: STAFF,
    call: (a) =>
      exportHours(
        t.db,
        a,
        hoursFilterSchema.parse({ year: 2027 }),
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
  {
    name: "setPointRule",
    allowed: STAFF,
    call: (a) => setPointRule(t.db, a, { kind: "training", basis: "each", points: 5 }),
  },
  {
    name: "addRewardBand",
    allowed: STAFF,
    call: (a) =>
      addRewardBand(t.db, a, { year: 2001, minPoints: 1 + Math.floor(Math.random() * 99_999), reward: "矩阵" }),
  },
  { name: "removeRewardBand", allowed: STAFF, call: (a) => removeRewardBand(t.db, a, { bandId: NOBODY }) },
  { name: "recordRewardRound", allowed: STAFF, call: (a) => recordRewardRound(t.db, a, { year: 2000 }) },
  { name: "reopenRewardRound", allowed: STAFF, call: (a) => reopenRewardRound(t.db, a, { year: 2000 }) },
  {
    name: "markRewardHanded",
    allowed: STAFF,
    call: (a) => markRewardHanded(t.db, a, { awardId: NOBODY, handed: true }),
  },
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
  // Household members and registering at the desk: organisers for any household; a verified
  // account only for its own household (tested with the service), never for this one.
  {
    name: "addMember",
    allowed: STAFF,
    call: (a) => addMember(t.db, a, { householdId, name: unique(), birthYear: 1950, relation: "parent" }),
  },
  {
    name: "editMember",
    allowed: STAFF,
    call: (a) => editMember(t.db, a, { id: memberId, name: "矩阵成员", birthYear: 1956, relation: "parent" }),
  },
  { name: "removeMember", allowed: STAFF, call: (a) => removeMember(t.db, a, { id: NOBODY }) },
  // A notice to nobody who exists: refused for the allowed as an unknown audience, before any write.
  {
    name: "sendBroadcast",
    allowed: STAFF,
    call: (a) =>
      sendBroadcast(t.db, a, {
        audience: { kind: "shift", shiftId: NOBODY },
        body: "矩阵通知",
        sms: false,
        when: "now",
      }),
  },
  { name: "cancelBroadcast", allowed: STAFF, call: (a) => cancelBroadcast(t.db, a, NOBODY) },
  // The red posts: set up, members, the patrol roster (unknown post or member for the allowed).
  { name: "posts createPost", allowed: STAFF, call: (a) => createPost(t.db, a, { name: unique(), kind: "other" }) },
  {
    name: "posts savePostSettings",
    allowed: STAFF,
    call: (a) =>
      savePostSettings(t.db, a, {
        postId: NOBODY,
        description: "",
        teamSize: 3,
        period: "evening",
        startsAt: "19:00",
        endsAt: "21:00",
        maxMinutes: 120,
      }),
  },
  {
    name: "posts addMember",
    allowed: STAFF,
    call: (a) =>
      addPostMember(t.db, a, { postId: NOBODY, userId: targetId, standing: "activist", since: "2026-01-01" }),
  },
  {
    name: "posts decideMembership",
    allowed: STAFF,
    call: (a) => decideMembership(t.db, a, { memberId: NOBODY, decision: "accept" }),
  },
  {
    name: "posts updateMember",
    allowed: STAFF,
    call: (a) => updatePostMember(t.db, a, { memberId: NOBODY, standing: "activist", active: "on" }),
  },
  { name: "posts drawRoster", allowed: STAFF, call: (a) => drawRoster(t.db, a, { postId: NOBODY, month: "2099-01" }) },
  {
    name: "posts setPlace",
    allowed: STAFF,
    call: (a) => setPlace(t.db, a, { teamId: NOBODY, memberId: NOBODY, place: "add" }),
  },
  {
    name: "posts decideSwap",
    allowed: STAFF,
    call: (a) => decideSwap(t.db, a, { swapId: NOBODY, decision: "approve" }),
  },
  { name: "posts markNoteHandled", allowed: STAFF, call: (a) => markNoteHandled(t.db, a, { noteId: NOBODY }) },
  // A member's own: who may act on a day or a swap is decided by the row (tested with the patrol).
  {
    name: "posts askSwap",
    allowed: SIGNED_IN,
    call: (a) => askSwap(t.db, a, { teamId: NOBODY, toMemberId: NOBODY }),
  },
  {
    name: "posts answerSwap",
    allowed: SIGNED_IN,
    call: (a) => answerSwap(t.db, a, { swapId: NOBODY, answer: "accept" }),
  },
  { name: "posts withdrawSwap", allowed: SIGNED_IN, call: (a) => withdrawSwap(t.db, a, { swapId: NOBODY }) },
  { name: "posts startPatrol", allowed: SIGNED_IN, call: (a) => startPatrol(t.db, a, { teamId: NOBODY }) },
  { name: "posts endPatrol", allowed: SIGNED_IN, call: (a) => endPatrol(t.db, a, { teamId: NOBODY }) },
  {
    name: "posts addNote",
    allowed: SIGNED_IN,
    call: (a) => addNote(t.db, a, { teamId: NOBODY, kind: "other", body: "矩阵" }),
  },
  // The culture groups: the timetable and special events (organisers), attendance (the row decides).
  {
    name: "posts addSlot",
    allowed: STAFF,
    call: (a) => addSlot(t.db, a, { groupId: NOBODY, weekday: 1, startsAt: "06:30", endsAt: "07:30", place: "广场" }),
  },
  { name: "posts removeSlot", allowed: STAFF, call: (a) => removeSlot(t.db, a, { slotId: NOBODY }) },
  {
    name: "posts addSpecialSession",
    allowed: STAFF,
    call: (a) =>
      addSpecialSession(t.db, a, {
        groupId: NOBODY,
        title: "矩阵",
        day: "2099-01-01",
        startsAt: "09:00",
        endsAt: "10:00",
        place: "广场",
      }),
  },
  {
    name: "posts takeAttendance",
    allowed: SIGNED_IN,
    call: (a) => takeAttendance(t.db, a, { groupId: NOBODY, slotId: NOBODY, present: [] }),
  },
  { name: "posts passNote", allowed: SIGNED_IN, call: (a) => passNote(t.db, a, { noteId: NOBODY, to: "property" }) },
  // The posts' trainings: organisers plan, change, cancel and take attendance (unknown ones for the allowed).
  {
    name: "posts planTraining",
    allowed: STAFF,
    call: (a) =>
      planTraining(t.db, a, {
        postId: NOBODY,
        title: "矩阵培训",
        day: "2099-03-01",
        startsAt: "09:00",
        endsAt: "10:00",
        place: "活动室",
      }),
  },
  {
    name: "posts updateTraining",
    allowed: STAFF,
    call: (a) =>
      updateTraining(t.db, a, {
        trainingId: NOBODY,
        title: "矩阵培训",
        day: "2099-03-01",
        startsAt: "09:00",
        endsAt: "10:00",
        place: "活动室",
      }),
  },
  { name: "posts cancelTraining", allowed: STAFF, call: (a) => cancelTraining(t.db, a, { trainingId: NOBODY }) },
  {
    name: "posts takeTrainingAttendance",
    allowed: STAFF,
    call: (a) => takeTrainingAttendance(t.db, a, { trainingId: NOBODY, present: [] }),
  },
  {
    name: "registerAtDesk",
    allowed: STAFF,
    call: (a) =>
      registerAtDesk(t.db, a, {
        ...athlete(fest.slug, NOBODY),
        participant: { kind: "member", memberId: NOBODY },
        deskFor: { kind: "member", memberId: NOBODY },
      }),
  },
  { name: "linkHousehold", allowed: SIGNED_IN, call: (a) => linkHousehold(t.db, a, { householdCode }) },
  { name: "updateProfile", allowed: SIGNED_IN, call: (a) => updateProfile(t.db, a, { name: "矩阵测试" }) },
  {
    name: "saveMessageSettings",
    allowed: SIGNED_IN,
    call: (a) => saveMessageSettings(t.db, a, { sms: ["waitlist"], locale: "zh-CN" }),
  },
  // A wrong current password keeps this one harmless for the allowed; the refused must not get that far.
  {
    name: "changePassword",
    allowed: SIGNED_IN,
    call: (a) => changePassword(t.db, a, { currentPassword: "not it", newPassword: "a new long phrase" }),
  },
  // The service desk: a reset code for a resident.
  { name: "desk issueResetCode", allowed: STAFF, call: (a) => issueResetCode(t.db, a, { userId: targetId }) },
  {
    name: "desk createAccountAtDesk",
    allowed: STAFF,
    call: (a) => createAccountAtDesk(t.db, a, { name: "服务台开户", phone: nextPhone() }),
  },
  {
    name: "desk sendPhoneChangeCode",
    allowed: STAFF,
    call: (a) => sendPhoneChangeCode(t.db, a, { userId: targetId, newPhone: nextPhone() }),
  },
  // A wrong code keeps this one harmless for the allowed.
  {
    name: "desk changePhoneAtDesk",
    allowed: STAFF,
    call: (a) => changePhoneAtDesk(t.db, a, { userId: targetId, newPhone: nextPhone(), code: "000000" }),
  },
];

describe.each(MUTATIONS)("$name", ({ allowed, call, name }) => {
  it.each(EVERYONE)("as %s", async (who) => {
    const before = await snapshot(t.db);
    const result = await call(actors[who]);
    if (allowed.includes(who)) {
      const harmless: Record<string, string> = {
        changePassword: "invalid",
        "desk changePhoneAtDesk": "invalid",
        deleteVenue: "venue_in_use",
        deleteItem: "stale_version",
        reorderActs: "stale_version",
        setNote: "not_found",
        decideHouseholdRequest: "not_found",
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
        "stars recordPaperBallot": "voting_closed",
        vetWish: "not_found",
        confirmFulfilment: "not_found",
        redeemReward: "not_found",
        markShiftServed: "not_found",
        releaseClaim: "not_found",
        setRewardActive: "not_found",
        removeRewardBand: "not_found",
        recordRewardRound: "reward_round_no_bands",
        reopenRewardRound: "not_found",
        markRewardHanded: "not_found",
        setUpCompetition: "not_found",
        syncEntrants: "not_found",
        setReferee: "not_found",
        makeDraw: "not_found",
        clearDraw: "not_found",
        pairNextRound: "not_found",
        scheduleCompetition: "not_found",
        setHalfBye: "not_found",
        withdrawEntrant: "not_found",
        removeMember: "not_found",
        registerAtDesk: "not_found",
        sendBroadcast: "invalid",
        cancelBroadcast: "not_found",
        "posts savePostSettings": "not_found",
        "posts addMember": "not_found",
        "posts decideMembership": "not_found",
        "posts updateMember": "not_found",
        "posts drawRoster": "not_found",
        "posts setPlace": "not_found",
        "posts decideSwap": "not_found",
        "posts markNoteHandled": "not_found",
        "posts askSwap": "not_found",
        "posts answerSwap": "not_found",
        "posts withdrawSwap": "not_found",
        "posts startPatrol": "not_found",
        "posts endPatrol": "not_found",
        "posts addNote": "not_found",
        "posts passNote": "not_found",
        "posts addSlot": "not_found",
        "posts removeSlot": "not_found",
        "posts addSpecialSession": "not_found",
        "posts takeAttendance": "not_found",
        "posts planTraining": "not_found",
        "posts updateTraining": "not_found",
        "posts cancelTraining": "not_found",
        "posts takeTrainingAttendance": "not_found",
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

/**
 * Every read behind the dashboard, called as each kind of person. The organisers' reads hand out
 * phones, rooms, household codes and drafts, so each checks the actor itself: a refused call
 * answers `forbidden` and nothing else (no rows ride along), an allowed one answers with the data
 * an organiser's page shows, checked by `sees`.
 */
describe("organiser reads", () => {
  let open: Awaited<ReturnType<typeof openFestival>>;
  let openId: string;
  let residentPhone: string;
  let targetPhone: string;
  let wishPhone: string;
  let claimId: string;
  const year = currentYear();

  beforeAll(async () => {
    const organiser = actors.organiser!;
    open = await openFestival(t.db, organiser);
    openId = must(await getReviewFestival(t.db, organiser, open.slug))!.id;
    const [resident] = await t.db.select({ phone: users.phone }).from(users).where(eq(users.id, actors.resident!.id));
    residentPhone = resident.phone;
    const [target] = await t.db.select({ phone: users.phone }).from(users).where(eq(users.id, targetId));
    targetPhone = target.phone;
    await t.db.insert(householdLinkRequests).values({ userId: targetId, householdId });
    must(await register(t.db, actors.resident, athlete(open.slug, open.sportId)));
    must(await register(t.db, actors.volunteer, backstage(open.slug)));
    must(
      await createShift(t.db, organiser, {
        festivalSlug: open.slug,
        title: "读取矩阵",
        skill: null,
        startsAt: hefei(16, 9),
        endsAt: hefei(16, 10),
        places: 2,
      }),
    );
    const wish = await postWish(t.db, organiser);
    wishPhone = wish.phone;
    claimId = must(await claimWish(t.db, actors.volunteer, wish.id)).claimId;
    must(await createReward(t.db, organiser, { name: "读取矩阵", cost: 1 }));
    must(await awardPoints(t.db, organiser, { userId: targetId, points: 3, reason: "读取矩阵" }));
  });

  const starFestivalId = async () =>
    (await t.db.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, fest.slug)))[0].id;
  const text = (data: unknown) => JSON.stringify(data);

  const outboxRecipient = "13900001111";
  // A patrol post with one drawn day, a member on it and a note passed to property management.
  const patrol = { postId: "", day: "2099-06-15", trainingId: "" };
  beforeAll(async () => {
    patrol.postId = must(await createPost(t.db, actors.organiser, { name: unique(), kind: "patrol" })).id;
    const memberId = must(
      await addPostMember(t.db, actors.organiser, {
        postId: patrol.postId,
        userId: targetId,
        standing: "activist",
        since: "2026-01-01",
      }),
    ).id;
    const [team] = await t.db
      .insert(patrolTeams)
      .values({ postId: patrol.postId, day: patrol.day, startedAt: new Date() })
      .returning();
    await t.db.insert(patrolTeamMembers).values({ teamId: team.id, memberId, day: patrol.day });
    await t.db
      .insert(patrolNotes)
      .values({ teamId: team.id, kind: "lighting", body: "路灯坏了", passedTo: "property", passedAt: new Date() });
    patrol.trainingId = must(
      await planTraining(t.db, actors.organiser, {
        postId: patrol.postId,
        title: "读取矩阵培训",
        day: communityToday(),
        startsAt: "09:00",
        endsAt: "10:00",
        place: "活动室",
      }),
    ).id;
  });
  beforeAll(async () => {
    await outboxProvider(t.db).send({
      to: outboxRecipient,
      template: "signup_code",
      params: { code: "123456", minutes: "10" },
      locale: "zh-CN",
    });
  });

  const READS: {
    name: string;
    call: (a: Actor | null) => Promise<Result<unknown>> | Result<unknown>;
    sees: (data: never) => boolean;
  }[] = [
    {
      name: "getGroupForAdmin",
      call: (a) => getGroupForAdmin(t.db, a, NOBODY),
      sees: (g: unknown) => g === null,
    },
    // The patrol post's training today, with the target resident on its checklist.
    {
      name: "listPostTrainings",
      call: (a) => listPostTrainings(t.db, a, patrol.postId),
      sees: (rows: { id: string }[]) => rows.some((r) => r.id === patrol.trainingId),
    },
    {
      name: "getTrainingForAdmin",
      call: (a) => getTrainingForAdmin(t.db, a, patrol.trainingId),
      sees: (s: { id: string; members: unknown[] } | null) => s?.id === patrol.trainingId && s.members.length === 1,
    },
    {
      name: "getHoursReport",
      call: (a) => getHoursReport(t.db, a, hoursFilterSchema.parse({ year: 2099 })),
      sees: (r: { posts: { id: string }[] }) => r.posts.some((p) => p.id === patrol.postId),
    },
    {
      name: "getRosterMonth",
      call: (a) => getRosterMonth(t.db, a, patrol.postId, patrol.day.slice(0, 7)),
      sees: (r: { days: { team: unknown }[] } | null) => !!r?.days.some((d) => d.team),
    },
    {
      name: "getRosterDay",
      call: (a) => getRosterDay(t.db, a, patrol.postId, patrol.day),
      sees: (r: { team: { members: unknown[] } } | null) => (r?.team.members.length ?? 0) > 0,
    },
    {
      name: "listPostSwaps",
      call: (a) => listPostSwaps(t.db, a, patrol.postId),
      sees: (r: { waiting: unknown[] }) => Array.isArray(r.waiting),
    },
    {
      name: "listPassedNotes",
      call: (a) => listPassedNotes(t.db, a, patrol.postId),
      sees: (r: { property: unknown[] }) => r.property.length > 0,
    },
    // The red posts' members side (the patrol post above, with the target resident on it): the
    // posts, one post, its members, one member and the people to take on, numbers masked.
    {
      name: "listPostsForAdmin",
      call: async (a) => (await import("@/lib/posts/queries")).listPostsForAdmin(t.db, a),
      sees: (rows: { id: string; active: number }[]) => rows.some((r) => r.id === patrol.postId && r.active === 1),
    },
    {
      name: "getPostForAdmin",
      call: async (a) => (await import("@/lib/posts/queries")).getPostForAdmin(t.db, a, patrol.postId),
      sees: (p: { id: string; counts: { active: number } } | null) => p?.id === patrol.postId && p.counts.active === 1,
    },
    {
      name: "listPostMembers",
      call: async (a) => {
        const q = await import("@/lib/posts/queries");
        return q.listPostMembers(t.db, a, patrol.postId, q.memberFilterSchema.parse({}));
      },
      sees: (p: { rows: { phoneMasked: string | null }[] }) =>
        p.rows.some((r) => r.phoneMasked === `${targetPhone.slice(0, 3)}****${targetPhone.slice(7)}`) &&
        !text(p).includes(targetPhone),
    },
    {
      name: "getPostMember",
      call: async (a) => {
        const q = await import("@/lib/posts/queries");
        const members = must(
          await q.listPostMembers(t.db, actors.organiser, patrol.postId, q.memberFilterSchema.parse({})),
        );
        return q.getPostMember(t.db, a, members.rows[0].id);
      },
      sees: (m: { postId: string; phoneMasked: string | null } | null) =>
        m?.postId === patrol.postId && m.phoneMasked === `${targetPhone.slice(0, 3)}****${targetPhone.slice(7)}`,
    },
    {
      name: "findMemberCandidates",
      call: async (a) =>
        (await import("@/lib/posts/queries")).findMemberCandidates(t.db, a, patrol.postId, targetPhone),
      sees: (c: { id: string; inPost: boolean }[]) => c.some((x) => x.id === targetId && x.inPost),
    },
    {
      name: "getMemberCandidate",
      call: async (a) =>
        (await import("@/lib/posts/queries")).getMemberCandidate(t.db, a, patrol.postId, { userId: targetId }),
      sees: (c: { id: string; inPost: boolean } | null) => c?.id === targetId && c.inPost,
    },
    {
      name: "listHouseholds",
      call: (a) => listHouseholds(t.db, a, { page: 1 }),
      sees: (p: { rows: { code: string }[] }) => p.rows.some((r) => r.code === householdCode),
    },
    { name: "listBuildings", call: (a) => listBuildings(t.db, a), sees: (b: unknown[]) => b.length > 0 },
    {
      name: "listHouseholdsForSlips",
      call: (a) => listHouseholdsForSlips(t.db, a, {}),
      sees: (rows: { code: string }[]) => rows.some((r) => r.code === householdCode),
    },
    {
      name: "listResidents",
      call: (a) => listResidents(t.db, a, { page: 1 }),
      sees: (p: { rows: { phone: string }[] }) => p.rows.some((r) => r.phone === residentPhone),
    },
    {
      name: "getResident",
      call: (a) => getResident(t.db, a, targetId),
      sees: (r: { phone: string } | null) => r?.phone === targetPhone,
    },
    {
      name: "findHouseholds",
      call: (a) => findHouseholds(t.db, a, "测试楼"),
      sees: (rows: { id: string }[]) => rows.length > 0,
    },
    {
      name: "listHouseholdRequests",
      call: (a) => listHouseholdRequests(t.db, a, { page: 1 }),
      sees: (p: { cap: number; rows: { userId: string }[] }) =>
        p.cap === 6 && p.rows.some((r) => r.userId === targetId),
    },
    {
      name: "countHouseholdRequests",
      call: (a) => countHouseholdRequests(t.db, a),
      sees: (n: number) => n >= 1,
    },
    {
      name: "getDashboardCounts",
      call: (a) => getDashboardCounts(t.db, a),
      sees: (c: { residents: number; households: number }) => c.residents >= 6 && c.households >= 2,
    },
    {
      name: "listAudit",
      call: (a) => listAudit(t.db, a, { page: 1 }),
      sees: (p: { total: number }) => p.total > 0,
    },
    {
      name: "previewAudience",
      call: (a) => previewAudience(t.db as never, a, { kind: "volunteers" }),
      sees: (p: { people: number }) => p.people >= 0,
    },
    {
      name: "getAudienceChoices",
      call: (a) => getAudienceChoices(t.db, a),
      sees: (c: { festivals: { id: string }[] }) => c.festivals.length > 0,
    },
    {
      name: "listBroadcasts",
      call: (a) => listBroadcasts(t.db, a, { page: 1 }),
      sees: (p: { total: number }) => p.total >= 0,
    },
    {
      name: "listDeliveries",
      call: (a) => listDeliveries(t.db, a, { page: 1 }),
      sees: (p: { total: number }) => p.total >= 0,
    },
    {
      name: "listOutbox",
      call: (a) => listOutbox(t.db, a, { page: 1 }),
      sees: (p: { rows: { recipient: string }[] }) => p.rows.some((r) => r.recipient === outboxRecipient),
    },
    {
      name: "listAuditActions",
      call: (a) => listAuditActions(t.db, a),
      sees: (actions: string[]) => actions.includes("festivals.create"),
    },
    {
      name: "listFestivals",
      call: (a) => listFestivals(t.db, a),
      sees: (rows: { slug: string }[]) => rows.some((r) => r.slug === open.slug),
    },
    {
      name: "getFestivalForEdit",
      call: (a) => getFestivalForEdit(t.db, a, open.slug),
      sees: (f: { slug: string } | null) => f?.slug === open.slug,
    },
    {
      name: "listVenues",
      call: (a) => listVenues(t.db, a, openId),
      sees: (v: { id: string }[]) => v.some((x) => x.id === open.hallId),
    },
    {
      name: "getBuilderData",
      call: (a) => getBuilderData(t.db, a, open.slug),
      sees: (b: { items: { id: string }[] } | null) => !!b?.items.some((i) => i.id === open.sportId),
    },
    {
      name: "getReviewFestival",
      call: (a) => getReviewFestival(t.db, a, open.slug),
      sees: (f: { id: string } | null) => f?.id === openId,
    },
    {
      name: "listReview",
      call: (a) => listReview(t.db, a, openId, { page: 1 }),
      sees: (p: unknown) => text(p).includes(residentPhone),
    },
    {
      name: "allReviewRows",
      call: async (a) => {
        const all = allReviewRows(t.db, a, openId, {});
        if (!all.ok) return all;
        const rows: unknown[] = [];
        for await (const batch of all.data) rows.push(...batch);
        return { ok: true, data: rows };
      },
      sees: (rows: unknown[]) => text(rows).includes(residentPhone),
    },
    {
      name: "countByStatus",
      call: (a) => countByStatus(t.db, a, openId, {}),
      sees: (c: { all: number }) => c.all === 2,
    },
    {
      name: "getPlacesOverview",
      call: (a) => getPlacesOverview(t.db, a, openId),
      sees: (p: { items: { itemId: string; taken: number }[] }) =>
        p.items.some((i) => i.itemId === open.sportId && i.taken === 1),
    },
    {
      name: "listReviewBuildings",
      call: (a) => listReviewBuildings(t.db, a, openId),
      sees: (b: string[]) => b.length > 0,
    },
    {
      name: "listPerformanceBlocks",
      call: (a) => listPerformanceBlocks(t.db, a, openId),
      sees: (b: { id: string }[]) => b.some((x) => x.id === open.blockId),
    },
    {
      name: "listShifts",
      call: (a) => listShifts(t.db, a, openId),
      sees: (s: { title: string }[]) => s.some((x) => x.title === "读取矩阵"),
    },
    {
      name: "listHelpers",
      call: (a) => listHelpers(t.db, a, openId),
      sees: (h: { phone: string }[]) => h.length === 1,
    },
    {
      name: "getStarsAdminFestival",
      call: (a) => getStarsAdminFestival(t.db, a, fest.slug),
      sees: (f: { slug: string } | null) => f?.slug === fest.slug,
    },
    {
      name: "listCategoriesForAdmin",
      call: async (a) => listCategoriesForAdmin(t.db, a, await starFestivalId()),
      sees: (c: { id: string }[]) => c.some((x) => x.id === starCategoryId),
    },
    {
      name: "listVetting",
      call: async (a) => listVetting(t.db, a, await starFestivalId(), vettingFilterSchema.parse({})),
      sees: (p: { rows: unknown[]; total: number }) => Array.isArray(p.rows) && p.total === p.rows.length,
    },
    {
      name: "countVetting",
      call: async (a) => countVetting(t.db, a, await starFestivalId()),
      sees: (c: { all: number }) => c.all >= 0,
    },
    {
      name: "listMergeCandidates",
      call: async (a) => listMergeCandidates(t.db, a, await starFestivalId()),
      sees: (c: unknown[]) => Array.isArray(c),
    },
    {
      name: "publishPreview",
      call: async (a) => publishPreview(t.db, a, await starFestivalId()),
      sees: (p: { categoryId: string }[]) => p.some((x) => x.categoryId === starCategoryId),
    },
    {
      name: "liveTally",
      call: async (a) => liveTally(t.db, a, await starFestivalId()),
      sees: (tally: { categories: { id: string }[] }) => tally.categories.some((c) => c.id === starCategoryId),
    },
    {
      name: "listWishesForAdmin",
      call: (a) => listWishesForAdmin(t.db, a, wishAdminFilterSchema.parse({})),
      sees: (p: unknown) => text(p).includes(wishPhone),
    },
    {
      name: "countWishes",
      call: (a) => countWishes(t.db, a, {}),
      sees: (c: { all: number }) => c.all > 0,
    },
    {
      name: "listRosterBuildings",
      call: (a) => listRosterBuildings(t.db, a),
      sees: (b: string[]) => b.length > 0,
    },
    {
      name: "getClaimOutcome",
      call: (a) => getClaimOutcome(t.db, a, claimId),
      sees: (c: { status: string } | null) => c?.status === "active",
    },
    {
      name: "listRewards",
      call: (a) => listRewards(t.db, a),
      sees: (r: { name: string }[]) => r.some((x) => x.name === "读取矩阵"),
    },
    {
      name: "findPointsPerson",
      call: (a) => findPointsPerson(t.db, a, targetPhone),
      sees: (p: { balance: number } | null) => (p?.balance ?? 0) >= 3,
    },
    {
      name: "listLedgerYears",
      call: (a) => listLedgerYears(t.db, a, year),
      sees: (y: number[]) => y.includes(year),
    },
    {
      name: "listLedger",
      call: (a) => listLedger(t.db, a, year, 1),
      sees: (p: unknown) => text(p).includes(targetPhone),
    },
    {
      name: "getRewardRound",
      call: (a) => getRewardRound(t.db, a, 2000),
      sees: (v: { year: number }) => v.year === 2000,
    },
    {
      name: "getPostLeaderboard",
      call: (a) => getPostLeaderboard(t.db, a, patrol.postId, 2026),
      sees: (v: { rows: { userId: string | null }[] }) => v.rows.some((r) => r.userId === targetId),
    },
    {
      name: "yearTotals",
      call: (a) => yearTotals(t.db, a, year),
      sees: (rows: { phone: string }[]) => rows.some((r) => r.phone === targetPhone),
    },
    {
      name: "listCompetitionItems",
      call: (a) => listCompetitionItems(t.db, a, openId),
      sees: (items: { itemId: string }[]) => items.some((i) => i.itemId === open.chessId),
    },
    {
      name: "getCompetitionDetail",
      call: (a) => getCompetitionDetail(t.db, a, openId, open.chessId),
      sees: (d: { item: { id: string } } | null) => d?.item.id === open.chessId,
    },
    // Paper ballots at the desk: whether a person has voted (never for whom).
    {
      name: "getDeskBallots",
      call: (a) => getDeskBallots(t.db, a, { userId: targetId }),
      sees: (d: { voter: { id: string } } | null) => d?.voter.id === targetId,
    },
    {
      name: "getScheduleDetail",
      call: (a) => getScheduleDetail(t.db, a, NOBODY),
      sees: (d: unknown) => d === null,
    },
    // Household members and the desk's people.
    {
      name: "listHouseholdMembers",
      call: (a) => listHouseholdMembers(t.db, a, householdId),
      sees: (rows: { id: string }[]) => rows.some((r) => r.id === memberId),
    },
    {
      name: "getDeskMember",
      call: (a) => getDeskMember(t.db, a, memberId),
      sees: (m: { name: string } | null) => m?.name === "矩阵成员",
    },
    {
      name: "festivalMatchSlots",
      call: (a) => festivalMatchSlots(t.db, a, open.slug),
      sees: (slots: unknown) => Array.isArray(slots),
    },
    // The service desk: its search, its cards, and which of its links are open.
    {
      name: "searchDesk",
      call: (a) => searchDesk(t.db, a, targetPhone),
      sees: (r: { people: { id: string }[] }) => r.people.some((p) => p.id === targetId),
    },
    {
      name: "getDeskPerson",
      call: (a) => getDeskPerson(t.db, a, targetId),
      sees: (p: { phone: string } | null) => p?.phone === targetPhone,
    },
    {
      name: "getDeskHousehold",
      call: (a) => getDeskHousehold(t.db, a, householdId),
      sees: (h: { id: string } | null) => h?.id === householdId,
    },
    {
      name: "getDeskWindows",
      call: (a) => getDeskWindows(t.db, a),
      sees: (w: { registrationOpen: boolean }) => w.registrationOpen,
    },
  ];

  it("covers every read of the organisers' query modules", async () => {
    const modules = await Promise.all([
      import("@/lib/accounts/queries"),
      import("@/lib/audit/queries"),
      import("@/lib/messages/queries"),
      import("@/lib/festivals/dashboard-queries"),
      import("@/lib/registrations/review-queries"),
      import("@/lib/registrations/shift-queries"),
      import("@/lib/stars/admin-queries"),
      import("@/lib/stars/desk-queries"),
      import("@/lib/wishes/admin-queries"),
      import("@/lib/points/admin-queries"),
      import("@/lib/competitions/admin-queries"),
      import("@/lib/households/queries"),
      import("@/lib/desk/queries"),
      import("@/lib/posts/roster-queries"),
      import("@/lib/hours/queries"),
      import("@/lib/posts/culture-queries"),
      import("@/lib/posts/queries"),
      import("@/lib/posts/training-queries"),
      import("@/lib/points/round-queries"),
      import("@/lib/posts/leaderboard-queries"),
    ]);
    // A resident's own profile and number check, the referees' pages (their own rule, tested with
    // them) and pure helpers.
    const notOrganisers = [
      "getMyMeetingsToday",
      "getMyTrainings",
      "getMyRewards",
      "getMyPostStandings",
      "outboxPhone",
      "getMyProfile",
      "isPhoneConfirmed",
      "listRefereeCompetitions",
      "getRefereeCompetition",
      "mergeTargetsFor",
    ];
    const reads = modules
      .flatMap((m) => Object.entries(m))
      .filter(([name, value]) => typeof value === "function" && !notOrganisers.includes(name))
      .map(([name]) => name);
    expect(reads.filter((name) => !READS.some((r) => r.name === name))).toEqual([]);
  });

  describe.each(READS)("$name", ({ call, sees }) => {
    it.each(EVERYONE)("as %s", async (who) => {
      const result = await call(actors[who]);
      if (STAFF.includes(who)) {
        expect(result.ok).toBe(true);
        expect(result.ok && sees(result.data as never)).toBe(true);
      } else {
        expect(result).toEqual({ ok: false, code: "forbidden" });
      }
    });
  });
});
