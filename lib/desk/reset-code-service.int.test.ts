import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, deskResetCodes, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { TEST_PASSWORD, actorOf, makeUser, must } from "@/tests/support/fixtures";
import { authenticate, loadActor } from "@/lib/auth/credentials";
import { PHONE_RULE } from "@/lib/auth/throttle";
import type { Actor } from "@/lib/actor";
import { RESET_CODE_ALPHABET, formatResetCode } from "@/lib/auth/schemas";
import { RESET_CODE_RULES, authenticateWithResetCode } from "@/lib/auth/reset-code";
import { choosePasswordAfterReset, issueResetCode } from "./reset-code-service";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { verified: true, roles: ["organiser"], name: "张丽" })).id);
});
afterAll(async () => t?.close());

let ipSeq = 0;
const ip = () => `203.0.113.${++ipSeq}`;
const HOUR = 3600_000;

describe("issuing a reset code at the desk", () => {
  it("gives 8 characters without look-alikes, keeps only a hash, and audits without the code", async () => {
    const u = await makeUser(t.db);
    const issued = must(await issueResetCode(t.db, organiser, { userId: u.id }));
    expect(issued.code).toMatch(new RegExp(`^[${RESET_CODE_ALPHABET}]{8}$`));
    expect(RESET_CODE_ALPHABET).not.toMatch(/[0O1IL]/);
    expect(issued.expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * HOUR);
    const [row] = await t.db.select().from(deskResetCodes).where(eq(deskResetCodes.userId, u.id));
    expect(row.codeHash).not.toContain(issued.code);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.targetId, u.id));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: organiser.id, action: "desk.reset_code" });
    expect(entries[0].details).toEqual({ atDesk: true, forUserId: u.id });
    expect(JSON.stringify(entries)).not.toContain(issued.code);
  });

  it("a new code replaces the old one", async () => {
    const u = await makeUser(t.db);
    const first = must(await issueResetCode(t.db, organiser, { userId: u.id }));
    const second = must(await issueResetCode(t.db, organiser, { userId: u.id }));
    expect(await authenticateWithResetCode(t.db, { phone: u.phone, code: first.code }, { ip: ip() })).toMatchObject({
      ok: false,
      code: "invalid_credentials",
    });
    expect((await authenticateWithResetCode(t.db, { phone: u.phone, code: second.code }, { ip: ip() })).ok).toBe(true);
  });

  it("refuses residents, and an organiser resetting another staff account", async () => {
    const resident = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const u = await makeUser(t.db);
    expect(await issueResetCode(t.db, resident, { userId: u.id })).toEqual({ ok: false, code: "forbidden" });
    expect(await issueResetCode(t.db, null, { userId: u.id })).toEqual({ ok: false, code: "forbidden" });
    const admin = await makeUser(t.db, { roles: ["admin"] });
    expect(await issueResetCode(t.db, organiser, { userId: admin.id })).toEqual({ ok: false, code: "forbidden" });
    expect(await t.db.select().from(deskResetCodes).where(eq(deskResetCodes.userId, u.id))).toHaveLength(0);
    expect(await issueResetCode(t.db, organiser, { userId: "nope" })).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("signing in with a reset code", () => {
  it("lets its owner in once, typed loosely, and ends every older session", async () => {
    const u = await makeUser(t.db);
    const before = Date.now() - 1000;
    expect(await loadActor(t.db, u.id, before)).not.toBeNull();
    const { code } = must(await issueResetCode(t.db, organiser, { userId: u.id }));
    const typed = formatResetCode(code).toLowerCase().replace("-", " - ");
    const r = must(await authenticateWithResetCode(t.db, { phone: u.phone, code: typed }, { ip: ip() }));
    expect(r.userId).toBe(u.id);
    expect(await loadActor(t.db, u.id, before)).toBeNull();
    expect(await loadActor(t.db, u.id, r.authAt)).not.toBeNull();
    expect(await authenticateWithResetCode(t.db, { phone: u.phone, code }, { ip: ip() })).toMatchObject({
      ok: false,
      code: "invalid_credentials",
    });
    // The old password still works: the code does not take it away until a new one is chosen.
    expect((await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD }, { ip: ip() })).ok).toBe(true);
  });

  it("is refused after 24 hours", async () => {
    const u = await makeUser(t.db);
    const { code } = must(await issueResetCode(t.db, organiser, { userId: u.id }));
    const later = new Date(Date.now() + RESET_CODE_RULES.lifetimeMs + 1000);
    expect(await authenticateWithResetCode(t.db, { phone: u.phone, code }, { ip: ip(), now: later })).toMatchObject({
      ok: false,
    });
  });

  it("is void after 5 wrong tries, even for the right code", async () => {
    const u = await makeUser(t.db);
    const { code } = must(await issueResetCode(t.db, organiser, { userId: u.id }));
    const wrong = code.startsWith("A") ? "CCCCCCCC" : "AAAAAAAA";
    for (let i = 0; i < 5; i++) await authenticateWithResetCode(t.db, { phone: u.phone, code: wrong }, { ip: ip() });
    expect(await authenticateWithResetCode(t.db, { phone: u.phone, code }, { ip: ip() })).toMatchObject({ ok: false });
  });

  it("answers an unknown number like a wrong code, and the sign-in throttle applies", async () => {
    const unknown = await authenticateWithResetCode(t.db, { phone: "13912345670", code: "AAAAAAAA" }, { ip: ip() });
    expect(unknown).toEqual({ ok: false, code: "invalid_credentials" });
    const u = await makeUser(t.db);
    for (let i = 0; i < PHONE_RULE.limit; i++)
      await authenticate(t.db, { phone: u.phone, password: `wrong guess ${i}` }, { ip: ip() });
    const { code } = must(await issueResetCode(t.db, organiser, { userId: u.id }));
    expect(await authenticateWithResetCode(t.db, { phone: u.phone, code }, { ip: ip() })).toEqual({
      ok: false,
      code: "throttled",
    });
    // Refused unchecked: the code was not spent.
    const [row] = await t.db.select().from(deskResetCodes).where(eq(deskResetCodes.userId, u.id));
    expect(row).toMatchObject({ attempts: 0, consumedAt: null });
  });

  it("a disabled account is not let in", async () => {
    const u = await makeUser(t.db);
    const { code } = must(await issueResetCode(t.db, organiser, { userId: u.id }));
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, u.id));
    expect((await authenticateWithResetCode(t.db, { phone: u.phone, code }, { ip: ip() })).ok).toBe(false);
  });
});

describe("choosing the new password", () => {
  it("only the session a code opened, once; the old password and that session end", async () => {
    const u = await makeUser(t.db);
    const { code } = must(await issueResetCode(t.db, organiser, { userId: u.id }));
    const values = { newPassword: "plum blossoms by the lake", confirmPassword: "plum blossoms by the lake" };
    // A normal session may not skip the old password.
    expect(await choosePasswordAfterReset(t.db, { userId: u.id, mustChangePassword: false }, values)).toEqual({
      ok: false,
      code: "forbidden",
    });
    // Nor may a reset session before its code was used.
    expect(await choosePasswordAfterReset(t.db, { userId: u.id, mustChangePassword: true }, values)).toEqual({
      ok: false,
      code: "forbidden",
    });
    const s = must(await authenticateWithResetCode(t.db, { phone: u.phone, code }, { ip: ip() }));
    const session = { userId: u.id, mustChangePassword: true };
    expect(
      await choosePasswordAfterReset(t.db, session, { newPassword: "plum blossoms by the lake", confirmPassword: "x" }),
    ).toMatchObject({ ok: false, code: "invalid", fieldErrors: { confirmPassword: ["password_mismatch"] } });
    expect(await choosePasswordAfterReset(t.db, session, { newPassword: "123", confirmPassword: "123" })).toMatchObject(
      {
        ok: false,
        code: "invalid",
      },
    );
    await new Promise((r) => setTimeout(r, 5));
    expect(await choosePasswordAfterReset(t.db, session, values)).toEqual({ ok: true, data: { phone: u.phone } });
    expect(await loadActor(t.db, u.id, s.authAt)).toBeNull();
    expect((await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD }, { ip: ip() })).ok).toBe(false);
    expect((await authenticate(t.db, { phone: u.phone, password: values.newPassword }, { ip: ip() })).ok).toBe(true);
    expect(await choosePasswordAfterReset(t.db, session, values)).toEqual({ ok: false, code: "forbidden" });
    const chosen = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, u.id), eq(auditLog.action, "auth.choose_password")));
    expect(chosen).toHaveLength(1);
  });
});
