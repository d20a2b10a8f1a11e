import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { auditLog, communitySettings, householdLinkRequests, starBallots, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser, must, nextPhone, snapshot } from "@/tests/support/fixtures";
import { named, setWindows, starFestival } from "@/tests/support/star-fixtures";
import { athlete, openFestival } from "@/tests/support/registration-fixtures";
import type { Actor } from "@/lib/actor";
import { castBallot, nominate, vetNominations } from "@/lib/stars/service";
import { register } from "@/lib/registrations/service";
import { festivals } from "@/db/schema";
import { issueCode } from "@/lib/messages/codes";
import { linkHousehold, signUp } from "./service";
import { setResidentVerified } from "./residents-service";
import { decideHouseholdRequest, updateHouseholdSettings } from "./household-requests";
import { countHouseholdRequests, getMyProfile, listHouseholdRequests } from "./queries";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const PASSWORD = "a long and fine phrase";
const lastAudit = async (action: string) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];
const userRow = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0];
const waitingOf = async (userId: string) =>
  t.db
    .select()
    .from(householdLinkRequests)
    .where(and(eq(householdLinkRequests.userId, userId), eq(householdLinkRequests.status, "waiting")));
const signUpWith = async (householdCode: string) => {
  const phone = nextPhone();
  const code = await issueCode(t.db, phone, "sign_up", new Date());
  return must(await signUp(t.db, { name: "新邻居", phone, code, password: PASSWORD, householdCode }));
};

describe("a household code verifies at most the community's number of accounts", () => {
  it("the default is 6: the seventh sign-up with the code waits, unverified, with its request queued", async () => {
    const h = await makeHousehold(t.db);
    const made: { userId: string; verified: boolean; waiting: boolean }[] = [];
    for (let i = 0; i < 7; i++) made.push(await signUpWith(h.code));
    expect(made.slice(0, 6).every((m) => m.verified)).toBe(true);
    expect(made[6]).toMatchObject({ verified: false, waiting: true });
    const seventh = await userRow(made[6].userId);
    expect(seventh).toMatchObject({ verifiedAt: null, householdId: null });
    const [request] = await waitingOf(seventh.id);
    expect(request.householdId).toBe(h.id);
    // The same code again keeps the request's place in the queue.
    expect(await linkHousehold(t.db, await actorOf(t.db, seventh.id), { householdCode: h.code })).toMatchObject({
      ok: true,
      data: { status: "waiting" },
    });
    expect(await waitingOf(seventh.id)).toEqual([request]);
    expect(await lastAudit("residents.household_waiting")).toMatchObject({ targetId: seventh.id });
    // The resident is told on their page.
    expect((await getMyProfile(t.db, seventh.id))?.householdRequest).toMatchObject({
      status: "waiting",
      building: h.building,
      room: h.room,
    });
  });

  it("linking the code on /me when the household is full waits too; the organisers see it with the members", async () => {
    const h = await makeHousehold(t.db);
    await t.db
      .insert(communitySettings)
      .values({ id: 1, householdCodeCap: 2 })
      .onConflictDoUpdate({
        target: communitySettings.id,
        set: { householdCodeCap: 2 },
      });
    try {
      await signUpWith(h.code);
      await signUpWith(h.code);
      const late = await actorOf(t.db, (await makeUser(t.db, { name: "晚来的" })).id);
      const r = await linkHousehold(t.db, late, { householdCode: h.code });
      expect(r).toMatchObject({ ok: true, data: { status: "waiting" } });
      expect((await userRow(late.id)).verifiedAt).toBeNull();
      const list = must(await listHouseholdRequests(t.db, organiser, { page: 1 }));
      expect(list.cap).toBe(2);
      const row = list.rows.find((x) => x.userId === late.id)!;
      expect(row.household.id).toBe(h.id);
      expect(row.members).toHaveLength(2);
      expect(row.members[0].phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(must(await countHouseholdRequests(t.db, organiser))).toBeGreaterThanOrEqual(1);
    } finally {
      await t.db.update(communitySettings).set({ householdCodeCap: 6 });
    }
  });

  it("an organiser approves (verified in the household, audited) or refuses with a reason (the resident is told)", async () => {
    const h = await makeHousehold(t.db);
    for (let i = 0; i < 6; i++) await signUpWith(h.code);
    const a = await signUpWith(h.code);
    const b = await signUpWith(h.code);
    const [ra] = await waitingOf(a.userId);
    const [rb] = await waitingOf(b.userId);

    expect(await decideHouseholdRequest(t.db, organiser, { id: rb.id, decision: "refuse", reason: "" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { reason: ["reason_required"] },
    });
    const resident = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const before = await snapshot(t.db);
    expect(await decideHouseholdRequest(t.db, resident, { id: ra.id, decision: "approve" })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await snapshot(t.db)).toBe(before);

    expect(await decideHouseholdRequest(t.db, organiser, { id: ra.id, decision: "approve" })).toMatchObject({
      ok: true,
      data: { status: "approved" },
    });
    expect(await userRow(a.userId)).toMatchObject({ householdId: h.id, verifiedBy: "organiser" });
    expect(await lastAudit("households.approve_link")).toMatchObject({
      actorId: organiser.id,
      targetId: a.userId,
      details: { from: null, to: h.id, self: false, requestId: ra.id },
    });
    // Decided once.
    expect(await decideHouseholdRequest(t.db, organiser, { id: ra.id, decision: "refuse", reason: "晚了" })).toEqual({
      ok: false,
      code: "not_found",
    });

    must(await decideHouseholdRequest(t.db, organiser, { id: rb.id, decision: "refuse", reason: "户主说不认识" }));
    expect((await userRow(b.userId)).verifiedAt).toBeNull();
    expect(await lastAudit("households.refuse_link")).toMatchObject({
      actorId: organiser.id,
      targetId: b.userId,
      details: { reason: "户主说不认识" },
    });
    expect((await getMyProfile(t.db, b.userId))?.householdRequest).toMatchObject({
      status: "refused",
      reason: "户主说不认识",
    });
    expect((await getMyProfile(t.db, a.userId))?.householdRequest).toBeNull();
  });

  it("the cap is an organiser's setting, audited with before and after; a bad number writes nothing", async () => {
    const resident = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    expect(await updateHouseholdSettings(t.db, resident, { householdCodeCap: 3 })).toEqual({
      ok: false,
      code: "forbidden",
    });
    const before = await snapshot(t.db);
    expect(await updateHouseholdSettings(t.db, organiser, { householdCodeCap: 0 })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await updateHouseholdSettings(t.db, organiser, { householdCodeCap: "many" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await snapshot(t.db)).toBe(before);
    must(await updateHouseholdSettings(t.db, organiser, { householdCodeCap: "8" }));
    expect(await lastAudit("households.settings")).toMatchObject({
      actorId: organiser.id,
      details: { householdCodeCap: { before: 6, after: 8 } },
    });
    must(await updateHouseholdSettings(t.db, organiser, { householdCodeCap: 6 }));
  });
});

describe("nobody changes household in a way that lets a household vote twice", () => {
  async function householdVote() {
    const f = await starFestival(t.db, organiser, [{ mode: "household" }, { mode: "resident" }]);
    const nominator = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const ids: string[] = [];
    for (const [i, categoryId] of f.categoryIds.entries())
      ids.push(must(await nominate(t.db, nominator, named(f.slug, categoryId, `候选${i}`))).id);
    must(await vetNominations(t.db, organiser, { ids, decision: "approve" }));
    await setWindows(t.db, f.slug, "voting");
    const vote = (a: Actor, i = 0) =>
      castBallot(t.db, a, { festivalSlug: f.slug, categoryId: f.categoryIds[i], candidateIds: [ids[i]] });
    return { ...f, vote };
  }

  it("a resident who voted for household A cannot link B's code and vote again while voting is open", async () => {
    const f = await householdVote();
    const a = await makeHousehold(t.db);
    const b = await makeHousehold(t.db);
    const me = await actorOf(t.db, (await makeUser(t.db, { verified: true, householdId: a.id })).id);
    must(await f.vote(me));
    const r = await linkHousehold(t.db, me, { householdCode: b.code });
    expect(r).toEqual({ ok: false, code: "household_vote_cast" });
    expect((await userRow(me.id)).householdId).toBe(a.id);
    expect(await lastAudit("residents.verify_by_code")).toMatchObject({
      outcome: "refused",
      details: { from: a.id, to: b.id, reason: "household_vote_cast" },
    });
    // Once voting has closed, the move is allowed.
    await setWindows(t.db, f.slug, "closed");
    expect(await linkHousehold(t.db, me, { householdCode: b.code })).toMatchObject({ ok: true });
    expect((await userRow(me.id)).householdId).toBe(b.id);
  });

  it("a member of a household that has voted cannot move while voting is open; a resident-mode ballot holds nobody", async () => {
    const f = await householdVote();
    const a = await makeHousehold(t.db);
    const b = await makeHousehold(t.db);
    const voter = await actorOf(t.db, (await makeUser(t.db, { verified: true, householdId: a.id })).id);
    const mate = await actorOf(t.db, (await makeUser(t.db, { verified: true, householdId: a.id })).id);
    must(await f.vote(voter));
    expect(await linkHousehold(t.db, mate, { householdCode: b.code })).toEqual({
      ok: false,
      code: "household_vote_cast",
    });
    const other = await actorOf(t.db, (await makeUser(t.db, { verified: true, householdId: b.id })).id);
    must(await f.vote(other, 1));
    const c = await makeHousehold(t.db);
    expect(await linkHousehold(t.db, other, { householdCode: c.code })).toMatchObject({ ok: true });
  });

  it("an organiser cannot move anyone (themselves included) out of a household that has voted; allowed moves are audited alike", async () => {
    const f = await householdVote();
    const a = await makeHousehold(t.db);
    const b = await makeHousehold(t.db);
    const self = await actorOf(
      t.db,
      (await makeUser(t.db, { roles: ["organiser"], verified: true, householdId: a.id })).id,
    );
    must(await f.vote(self));
    expect(await setResidentVerified(t.db, self, { userId: self.id, householdId: b.id }, true)).toEqual({
      ok: false,
      code: "household_vote_cast",
    });
    expect((await userRow(self.id)).householdId).toBe(a.id);

    const other = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
    const from = (await userRow(other.id)).householdId;
    must(await setResidentVerified(t.db, other, { userId: other.id, householdId: b.id }, true));
    expect(await lastAudit("residents.verify")).toMatchObject({
      actorId: other.id,
      targetId: other.id,
      outcome: "ok",
      details: { from, to: b.id, by: "organiser", self: true },
    });
  });

  it("a ballot counts for the household the voter is in when it is cast, not the one the session remembers", async () => {
    const f = await householdVote();
    const a = await makeHousehold(t.db);
    const b = await makeHousehold(t.db);
    const u = await makeUser(t.db, { verified: true, householdId: a.id });
    const stale = await actorOf(t.db, u.id);
    must(await linkHousehold(t.db, stale, { householdCode: b.code }));
    must(await f.vote(stale));
    const [ballot] = await t.db.select().from(starBallots).where(eq(starBallots.voterId, u.id));
    expect(ballot).toMatchObject({ voterKey: `household:${b.id}`, householdId: b.id });
  });
});

describe("registering for the festival needs a verified household where the festival says so", () => {
  it("refuses an unverified account by default, writes nothing, and registers it once the festival allows", async () => {
    const f = await openFestival(t.db, organiser);
    const unverified = await actorOf(t.db, (await makeUser(t.db)).id);
    const before = await snapshot(t.db);
    expect(await register(t.db, unverified, athlete(f.slug, f.sportId))).toEqual({
      ok: false,
      code: "household_unverified",
    });
    expect(await snapshot(t.db)).toBe(before);
    await t.db.update(festivals).set({ registrationNeedsHousehold: false }).where(eq(festivals.slug, f.slug));
    expect(await register(t.db, unverified, athlete(f.slug, f.sportId))).toMatchObject({ ok: true });
  });
});
