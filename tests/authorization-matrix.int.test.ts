import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser, snapshot } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/auth/actor";
import { changePassword, linkHousehold, updateProfile } from "@/lib/accounts/service";
import { importRoster, previewRosterImport, regenerateHouseholdCode } from "@/lib/accounts/roster-service";
import { changeRole, setAccountDisabled, setResidentVerified } from "@/lib/accounts/residents-service";

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
let householdId: string;
let householdCode: string;

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
});
afterAll(async () => t?.close());

const CSV = "building,unit,room\n矩阵楼,1,101\n";

const MUTATIONS: { name: string; allowed: Who[]; call: (a: Actor | null) => Promise<{ ok: boolean; code?: string }> }[] = [
  { name: "previewRosterImport", allowed: STAFF, call: (a) => previewRosterImport(t.db, a, { csv: CSV }) },
  { name: "importRoster", allowed: STAFF, call: (a) => importRoster(t.db, a, { csv: CSV.replace("101", String(Math.random()).slice(2, 8)) }) },
  { name: "regenerateHouseholdCode", allowed: STAFF, call: (a) => regenerateHouseholdCode(t.db, a, householdId) },
  { name: "verify resident", allowed: STAFF, call: (a) => setResidentVerified(t.db, a, { userId: targetId, householdId }, true) },
  { name: "unverify resident", allowed: STAFF, call: (a) => setResidentVerified(t.db, a, { userId: targetId }, false) },
  { name: "grant volunteer", allowed: STAFF, call: (a) => changeRole(t.db, a, { userId: targetId, role: "volunteer", grant: true }) },
  { name: "revoke volunteer", allowed: STAFF, call: (a) => changeRole(t.db, a, { userId: targetId, role: "volunteer", grant: false }) },
  { name: "grant organiser", allowed: ["admin"], call: (a) => changeRole(t.db, a, { userId: targetId, role: "organiser", grant: true }) },
  { name: "revoke organiser", allowed: ["admin"], call: (a) => changeRole(t.db, a, { userId: targetId, role: "organiser", grant: false }) },
  { name: "grant admin", allowed: ["admin"], call: (a) => changeRole(t.db, a, { userId: targetId, role: "admin", grant: true }) },
  { name: "revoke admin", allowed: ["admin"], call: (a) => changeRole(t.db, a, { userId: targetId, role: "admin", grant: false }) },
  { name: "disable account", allowed: STAFF, call: (a) => setAccountDisabled(t.db, a, { userId: targetId, disabled: true }) },
  { name: "enable account", allowed: STAFF, call: (a) => setAccountDisabled(t.db, a, { userId: targetId, disabled: false }) },
  { name: "linkHousehold", allowed: SIGNED_IN, call: (a) => linkHousehold(t.db, a, { householdCode }) },
  { name: "updateProfile", allowed: SIGNED_IN, call: (a) => updateProfile(t.db, a, { name: "矩阵测试" }) },
  // A wrong current password keeps this one harmless for the allowed; the refused must not get that far.
  { name: "changePassword", allowed: SIGNED_IN, call: (a) => changePassword(t.db, a, { currentPassword: "not it", newPassword: "a new long phrase" }) },
];

describe.each(MUTATIONS)("$name", ({ allowed, call, name }) => {
  it.each(EVERYONE)("as %s", async (who) => {
    const before = await snapshot(t.db);
    const result = await call(actors[who]);
    if (allowed.includes(who)) {
      if (name === "changePassword") expect(result).toMatchObject({ ok: false, code: "invalid" });
      else expect(result).toMatchObject({ ok: true });
    } else {
      expect(result).toEqual({ ok: false, code: who === "visitor" && SIGNED_IN === allowed ? "unauthenticated" : "forbidden" });
      expect(await snapshot(t.db)).toBe(before);
    }
  });
});
