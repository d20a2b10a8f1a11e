import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { auditLog, throttles, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { TEST_PASSWORD, actorOf, makeHousehold, makeUser, nextPhone, rowCount } from "@/tests/support/fixtures";
import { authenticate, loadActor, signOutEverywhere } from "@/lib/auth/credentials";
import { issueCode } from "@/lib/messages/codes";
import { changePassword, linkHousehold, signUp, updateProfile } from "./service";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

/** The code the text message would carry (the sending itself is tested in phone-service). */
const codeFor = (phone: string) => issueCode(t.db, phone, "sign_up", new Date());

const lastAudit = async (action: string) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];

describe("sign-up", () => {
  it("with a valid household code makes a verified resident of that household", async () => {
    const h = await makeHousehold(t.db, { code: "HKJM2345" });
    const phone = nextPhone();
    const r = await signUp(
      t.db,
      { name: " 王秀英 ", phone, code: await codeFor(phone), password: "湖边的柳树发芽了", householdCode: "hkjm-2345" },
      { ip: "198.51.100.7" },
    );
    expect(r).toMatchObject({ ok: true, data: { verified: true } });
    const [u] = await t.db.select().from(users).where(eq(users.phone, phone));
    expect(u).toMatchObject({ name: "王秀英", householdId: h.id, verifiedBy: "code" });
    expect(u.verifiedAt).toBeInstanceOf(Date);
    expect(u.phoneConfirmedAt).toBeInstanceOf(Date);
    expect(u.passwordHash).not.toContain("湖边");
    expect((await actorOf(t.db, u.id)).roles).toEqual(["resident"]);
    expect(await lastAudit("auth.sign_up")).toMatchObject({ actorId: u.id, ip: "198.51.100.7" });
  });

  it("without a code makes an unverified resident", async () => {
    const phone = nextPhone();
    const r = await signUp(t.db, { name: "陈志强", phone, code: await codeFor(phone), password: "a long walk home" });
    expect(r).toMatchObject({ ok: true, data: { verified: false } });
  });

  it("with a wrong code refuses with a field error and writes nothing", async () => {
    const before = await rowCount(t.db, users);
    const phone = nextPhone();
    const r = await signUp(t.db, {
      name: "陈志强",
      phone,
      code: await codeFor(phone),
      password: "a long walk home",
      householdCode: "ZZZZ-ZZZZ",
    });
    expect(r).toEqual({ ok: false, code: "invalid", fieldErrors: { householdCode: ["household_code_invalid"] } });
    expect(await rowCount(t.db, users)).toBe(before);
  });

  it("refuses a phone number that already has an account with the answer a wrong code gets", async () => {
    const phone = nextPhone();
    const code = await codeFor(phone);
    expect((await signUp(t.db, { name: "甲", phone, code, password: "a long walk home" })).ok).toBe(true);
    const before = await rowCount(t.db, users);
    const r = await signUp(t.db, { name: "乙", phone, code, password: "another long one" });
    expect(r).toEqual({ ok: false, code: "invalid", fieldErrors: { code: ["code_invalid"] } });
    expect(await rowCount(t.db, users)).toBe(before);
  });

  it("refuses a sign-up without a code, or with a code never sent to the number", async () => {
    const phone = nextPhone();
    const before = await rowCount(t.db, users);
    const none = await signUp(t.db, { name: "丙", phone, password: "a long walk home" });
    expect(none).toMatchObject({ ok: false, code: "invalid", fieldErrors: { code: ["required"] } });
    const guessed = await signUp(t.db, { name: "丙", phone, code: "123456", password: "a long walk home" });
    expect(guessed).toEqual({ ok: false, code: "invalid", fieldErrors: { code: ["code_invalid"] } });
    const other = nextPhone();
    const codeOfOther = await codeFor(other);
    const borrowed = await signUp(t.db, { name: "丙", phone, code: codeOfOther, password: "a long walk home" });
    expect(borrowed).toEqual({ ok: false, code: "invalid", fieldErrors: { code: ["code_invalid"] } });
    expect(await rowCount(t.db, users)).toBe(before);
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const before = await rowCount(t.db, users);
    const r = await signUp(t.db, { name: "", phone: "12345", password: "12345678" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors ?? {}).sort()).toEqual(["code", "name", "password", "phone"]);
    expect(await signUp(t.db, null)).toMatchObject({ ok: false, code: "invalid" });
    expect(await rowCount(t.db, users)).toBe(before);
  });
});

describe("sign-in", () => {
  it("accepts the right password and logs it", async () => {
    const u = await makeUser(t.db);
    const r = await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD }, { ip: "203.0.113.1" });
    expect(r).toMatchObject({ ok: true, data: { userId: u.id } });
    expect(await lastAudit("auth.sign_in")).toMatchObject({ actorId: u.id, outcome: "ok", ip: "203.0.113.1" });
  });

  it("answers a wrong password and an unknown number alike, and logs both", async () => {
    const u = await makeUser(t.db);
    const wrong = await authenticate(t.db, { phone: u.phone, password: "not the password" }, { ip: "203.0.113.2" });
    const unknown = await authenticate(
      t.db,
      { phone: nextPhone(), password: "not the password" },
      { ip: "203.0.113.2" },
    );
    expect(wrong).toEqual({ ok: false, code: "invalid_credentials" });
    expect(unknown).toEqual(wrong);
    const refused = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.sign_in"), eq(auditLog.outcome, "refused"), eq(auditLog.ip, "203.0.113.2")));
    expect(refused).toHaveLength(2);
    expect(JSON.stringify(refused)).not.toContain(u.phone);
  });

  it("locks a phone number after 10 consecutive failures, even for the right password", async () => {
    const u = await makeUser(t.db);
    const now = new Date();
    const results = [];
    for (let i = 0; i < 10; i++)
      results.push(
        (await authenticate(t.db, { phone: u.phone, password: `wrong ${i}` }, { ip: `192.0.2.${i}`, now })).ok ===
          false && "x",
      );
    const last = await authenticate(t.db, { phone: u.phone, password: "wrong again" }, { ip: "192.0.2.50", now });
    expect(last).toEqual({ ok: false, code: "throttled" });
    expect(await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD }, { ip: "192.0.2.51", now })).toEqual({
      ok: false,
      code: "throttled",
    });
    // The lock lasts a while, then the right password works again.
    const later = new Date(now.getTime() + 16 * 60_000);
    expect(
      (await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD }, { ip: "192.0.2.52", now: later })).ok,
    ).toBe(true);
  });

  it("a success resets the consecutive-failure count", async () => {
    const u = await makeUser(t.db);
    for (let i = 0; i < 9; i++) await authenticate(t.db, { phone: u.phone, password: "wrong" }, { ip: "192.0.2.100" });
    expect((await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD }, { ip: "192.0.2.100" })).ok).toBe(
      true,
    );
    for (let i = 0; i < 9; i++) await authenticate(t.db, { phone: u.phone, password: "wrong" }, { ip: "192.0.2.100" });
    expect((await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD }, { ip: "192.0.2.100" })).ok).toBe(
      true,
    );
  });

  it("locks an address after 100 failures in a day across many numbers", async () => {
    const now = new Date();
    // 98 failures already counted today (each real attempt costs a full scrypt check), then two more.
    await t.db
      .insert(throttles)
      .values({ key: "ip:192.0.2.200", failures: 98, windowStart: new Date(now.getTime() - 3600_000) });
    expect(await authenticate(t.db, { phone: nextPhone(), password: "guess" }, { ip: "192.0.2.200", now })).toEqual({
      ok: false,
      code: "invalid_credentials",
    });
    expect(await authenticate(t.db, { phone: nextPhone(), password: "guess" }, { ip: "192.0.2.200", now })).toEqual({
      ok: false,
      code: "throttled",
    });
    const u = await makeUser(t.db);
    expect(await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD }, { ip: "192.0.2.200", now })).toEqual({
      ok: false,
      code: "throttled",
    });
    expect((await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD }, { ip: "192.0.2.201", now })).ok).toBe(
      true,
    );
  });

  it("refuses a disabled account", async () => {
    const u = await makeUser(t.db);
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, u.id));
    expect(await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD })).toEqual({
      ok: false,
      code: "account_disabled",
    });
  });
});

describe("sessions", () => {
  it("signing out ends sessions issued before it", async () => {
    const u = await makeUser(t.db);
    const signedIn = await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD });
    if (!signedIn.ok) throw new Error("sign-in failed");
    expect(await loadActor(t.db, u.id, signedIn.data.authAt)).not.toBeNull();
    await signOutEverywhere(t.db, u.id, { now: new Date(signedIn.data.authAt + 1000) });
    expect(await loadActor(t.db, u.id, signedIn.data.authAt)).toBeNull();
    const again = await authenticate(
      t.db,
      { phone: u.phone, password: TEST_PASSWORD },
      { now: new Date(signedIn.data.authAt + 2000) },
    );
    if (!again.ok) throw new Error("sign-in failed");
    expect(await loadActor(t.db, u.id, again.data.authAt)).not.toBeNull();
    expect(await lastAudit("auth.sign_out")).toMatchObject({ actorId: u.id });
  });
});

describe("my account", () => {
  it("links a household by code, which verifies me", async () => {
    const u = await makeUser(t.db);
    const h = await makeHousehold(t.db, { code: "PQRS2345" });
    const actor = await actorOf(t.db, u.id);
    expect(await linkHousehold(t.db, actor, { householdCode: "WXYZ-2345" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { householdCode: ["household_code_invalid"] },
    });
    expect((await actorOf(t.db, u.id)).verified).toBe(false);
    expect(await linkHousehold(t.db, actor, { householdCode: "pqrs 2345" })).toEqual({
      ok: true,
      data: { householdId: h.id, status: "verified" },
    });
    expect(await actorOf(t.db, u.id)).toMatchObject({ verified: true, householdId: h.id });
    expect(await linkHousehold(t.db, null, { householdCode: "PQRS2345" })).toEqual({
      ok: false,
      code: "unauthenticated",
    });
  });

  it("stops guessing household codes after 10 wrong ones", async () => {
    const u = await makeUser(t.db);
    const actor = await actorOf(t.db, u.id);
    await makeHousehold(t.db, { code: "GUES2345" });
    for (let i = 0; i < 10; i++)
      await linkHousehold(t.db, actor, { householdCode: `ZZZZ${2345 + i}`.slice(0, 8).replace(/[01]/g, "9") });
    expect(await linkHousehold(t.db, actor, { householdCode: "GUES2345" })).toEqual({ ok: false, code: "throttled" });
  });

  it("changes the password only with the current one, and signs out other sessions", async () => {
    const u = await makeUser(t.db);
    const actor = await actorOf(t.db, u.id);
    const before = Date.now() - 10;
    expect(await changePassword(t.db, actor, { currentPassword: "wrong", newPassword: "a brand new phrase" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { currentPassword: ["wrong_password"] },
    });
    expect(
      (await changePassword(t.db, actor, { currentPassword: TEST_PASSWORD, newPassword: "a brand new phrase" })).ok,
    ).toBe(true);
    expect(await loadActor(t.db, u.id, before)).toBeNull();
    expect((await authenticate(t.db, { phone: u.phone, password: "a brand new phrase" })).ok).toBe(true);
    expect((await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD })).ok).toBe(false);
  });

  it("updates my name and refuses an empty one", async () => {
    const u = await makeUser(t.db);
    const actor = await actorOf(t.db, u.id);
    expect(await updateProfile(t.db, actor, { name: "" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await updateProfile(t.db, actor, { name: "刘洋" })).toEqual({ ok: true, data: undefined });
    expect((await actorOf(t.db, u.id)).name).toBe("刘洋");
  });
});
