import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { authenticate, loadActor } from "@/lib/auth/credentials";
import { changeRole, setAccountDisabled, setResidentVerified } from "./residents-service";
import { TEST_PASSWORD } from "@/tests/support/fixtures";

let t: TestDb;
let organiser: Actor;
let admin: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  admin = await actorOf(t.db, (await makeUser(t.db, { roles: ["admin"], verified: true })).id);
});
afterAll(async () => t?.close());

const lastAudit = async () => (await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];

describe("verifying residents", () => {
  it("an organiser verifies a resident into a household, and can undo it", async () => {
    const u = await makeUser(t.db);
    const h = await makeHousehold(t.db);
    expect(await setResidentVerified(t.db, organiser, { userId: u.id }, true)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { householdId: ["household_required"] },
    });
    expect(await setResidentVerified(t.db, organiser, { userId: u.id, householdId: h.id }, true)).toEqual({
      ok: true,
      data: undefined,
    });
    expect(await actorOf(t.db, u.id)).toMatchObject({ verified: true, householdId: h.id });
    expect(await lastAudit()).toMatchObject({ action: "residents.verify", actorId: organiser.id, targetId: u.id });
    expect((await setResidentVerified(t.db, organiser, { userId: u.id }, false)).ok).toBe(true);
    expect(await actorOf(t.db, u.id)).toMatchObject({ verified: false, householdId: h.id });
  });

  it("answers not_found for an unknown resident", async () => {
    expect(
      await setResidentVerified(t.db, organiser, { userId: "00000000-0000-4000-8000-000000000000" }, false),
    ).toEqual({ ok: false, code: "not_found" });
  });
});

describe("roles", () => {
  it("organisers grant and revoke volunteer; only an admin grants organiser", async () => {
    const u = await makeUser(t.db);
    expect((await changeRole(t.db, organiser, { userId: u.id, role: "volunteer", grant: true })).ok).toBe(true);
    expect((await actorOf(t.db, u.id)).roles).toEqual(["resident", "volunteer"]);
    expect(await changeRole(t.db, organiser, { userId: u.id, role: "organiser", grant: true })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await lastAudit()).toMatchObject({ action: "roles.grant", outcome: "refused", actorId: organiser.id });
    expect((await changeRole(t.db, admin, { userId: u.id, role: "organiser", grant: true })).ok).toBe(true);
    expect((await actorOf(t.db, u.id)).roles).toEqual(["organiser", "resident", "volunteer"]);
    expect((await changeRole(t.db, organiser, { userId: u.id, role: "volunteer", grant: false })).ok).toBe(true);
    expect((await changeRole(t.db, admin, { userId: u.id, role: "organiser", grant: false })).ok).toBe(true);
    expect((await actorOf(t.db, u.id)).roles).toEqual(["resident"]);
  });

  it("an admin cannot drop their own admin role", async () => {
    expect(await changeRole(t.db, admin, { userId: admin.id, role: "admin", grant: false })).toEqual({
      ok: false,
      code: "cannot_change_self",
    });
  });
});

describe("disabling accounts", () => {
  it("ends the account's sessions and stops it signing in, until enabled again", async () => {
    const u = await makeUser(t.db);
    const s = await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD });
    if (!s.ok) throw new Error("sign-in failed");
    expect((await setAccountDisabled(t.db, organiser, { userId: u.id, disabled: true })).ok).toBe(true);
    expect(await loadActor(t.db, u.id, s.data.authAt)).toBeNull();
    expect(await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD })).toEqual({
      ok: false,
      code: "account_disabled",
    });
    expect((await setAccountDisabled(t.db, organiser, { userId: u.id, disabled: false })).ok).toBe(true);
    expect((await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD })).ok).toBe(true);
  });

  it("only an admin disables staff, and nobody disables themselves", async () => {
    const other = await makeUser(t.db, { roles: ["organiser"] });
    expect(await setAccountDisabled(t.db, organiser, { userId: other.id, disabled: true })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await loadActor(t.db, other.id, Date.now())).not.toBeNull();
    expect((await setAccountDisabled(t.db, admin, { userId: other.id, disabled: true })).ok).toBe(true);
    expect(await setAccountDisabled(t.db, organiser, { userId: organiser.id, disabled: true })).toEqual({
      ok: false,
      code: "cannot_change_self",
    });
  });
});
