import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { auditLog, outboxMessages, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { TEST_PASSWORD, makeUser, nextPhone, rowCount } from "@/tests/support/fixtures";
import { capturingSms } from "@/tests/support/sms";
import { authenticate, loadActor } from "@/lib/auth/credentials";
import { outboxProvider } from "@/lib/messages/outbox";
import { requestResetCode, requestSignUpCode, resetPassword } from "./phone-service";
import { signUp } from "./service";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

let ipSeq = 0;
const freshIp = () => `192.0.2.${++ipSeq}`;

describe("asking for a sign-up code", () => {
  it("answers a taken number and a free one alike; only the text message differs", async () => {
    const sms = capturingSms();
    const owner = await makeUser(t.db);
    const free = nextPhone();
    const forTaken = await requestSignUpCode(t.db, { phone: owner.phone }, { ip: freshIp(), sms: sms.provider });
    const forFree = await requestSignUpCode(t.db, { phone: free }, { ip: freshIp(), sms: sms.provider });
    expect(forTaken).toEqual({ ok: true, data: { phone: owner.phone } });
    expect(forFree).toEqual({ ok: true, data: { phone: free } });
    expect(sms.last(owner.phone)).toMatchObject({ template: "signup_existing", params: {} });
    expect(sms.last(free)).toMatchObject({ template: "signup_code", params: { minutes: "10" } });
    expect(sms.codeOf(free)).toMatch(/^\d{6}$/);
  });

  it("a sign-up for a taken number fails like a wrong code, and writes nothing", async () => {
    const sms = capturingSms();
    const owner = await makeUser(t.db);
    await requestSignUpCode(t.db, { phone: owner.phone }, { ip: freshIp(), sms: sms.provider });
    const before = await rowCount(t.db, users);
    const taken = await signUp(t.db, {
      name: "冒名",
      phone: owner.phone,
      code: "123456",
      password: "a long walk home",
    });
    const free = nextPhone();
    await requestSignUpCode(t.db, { phone: free }, { ip: freshIp(), sms: sms.provider });
    const wrong = sms.codeOf(free) === "123456" ? "654321" : "123456";
    const freeWrong = await signUp(t.db, { name: "新人", phone: free, code: wrong, password: "a long walk home" });
    expect(taken).toEqual(freeWrong);
    expect(taken).toEqual({ ok: false, code: "invalid", fieldErrors: { code: ["code_invalid"] } });
    expect(await rowCount(t.db, users)).toBe(before);
  });

  it("the code from the message signs the number up, confirmed", async () => {
    const sms = capturingSms();
    const phone = nextPhone();
    await requestSignUpCode(
      t.db,
      { phone: ` ${phone.slice(0, 3)}-${phone.slice(3)} ` },
      { ip: freshIp(), sms: sms.provider },
    );
    const r = await signUp(t.db, { name: "李明", phone, code: sms.codeOf(phone), password: "a long walk home" });
    expect(r.ok).toBe(true);
    const [u] = await t.db.select().from(users).where(eq(users.phone, phone));
    expect(u.phoneConfirmedAt).toBeInstanceOf(Date);
  });

  it("a second request within a minute is refused the same way for any number", async () => {
    const sms = capturingSms();
    const owner = await makeUser(t.db);
    const free = nextPhone();
    for (const phone of [owner.phone, free]) {
      await requestSignUpCode(t.db, { phone }, { ip: freshIp(), sms: sms.provider });
      expect(await requestSignUpCode(t.db, { phone }, { ip: freshIp(), sms: sms.provider })).toEqual({
        ok: false,
        code: "code_too_soon",
      });
    }
    expect(sms.sent).toHaveLength(2);
  });

  it("a bad number is a field error and sends nothing", async () => {
    const sms = capturingSms();
    const r = await requestSignUpCode(t.db, { phone: "12345" }, { ip: freshIp(), sms: sms.provider });
    expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { phone: ["phone_invalid"] } });
    expect(sms.sent).toHaveLength(0);
  });

  it("a provider that fails is a translated refusal, not a crash", async () => {
    const r = await requestSignUpCode(
      t.db,
      { phone: nextPhone() },
      { ip: freshIp(), sms: { name: "aliyun", send: async () => ({ ok: false, error: "isv.DAY_LIMIT_CONTROL" }) } },
    );
    expect(r).toEqual({ ok: false, code: "sms_failed" });
  });

  it("the outbox keeps the message in the recipient's language", async () => {
    const phone = nextPhone();
    await requestSignUpCode(t.db, { phone }, { ip: freshIp(), locale: "en", sms: outboxProvider(t.db) });
    const [m] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, phone));
    expect(m).toMatchObject({ template: "signup_code", locale: "en" });
    expect(m.text).toMatch(/^【Linli】Your Linli sign-up code is \d{6}\. It is valid for 10 minutes\./);
  });
});

describe("a forgotten password", () => {
  it("a reset code sets the new password and ends every older session; audited", async () => {
    const sms = capturingSms();
    const u = await makeUser(t.db);
    const signedIn = Date.now() - 1000;
    expect(await loadActor(t.db, u.id, signedIn)).not.toBeNull();
    await requestResetCode(t.db, { phone: u.phone }, { ip: freshIp(), sms: sms.provider });
    expect(sms.last(u.phone)?.template).toBe("reset_code");
    const r = await resetPassword(
      t.db,
      { phone: u.phone, code: sms.codeOf(u.phone), newPassword: "a brand new phrase" },
      { ip: "198.51.100.77" },
    );
    expect(r).toEqual({ ok: true, data: undefined });
    expect(await loadActor(t.db, u.id, signedIn)).toBeNull();
    expect((await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD })).ok).toBe(false);
    expect((await authenticate(t.db, { phone: u.phone, password: "a brand new phrase" })).ok).toBe(true);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "auth.reset_password"))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(entry).toMatchObject({ actorId: u.id, ip: "198.51.100.77" });
  });

  it("a number without an account is answered alike and told so by text", async () => {
    const sms = capturingSms();
    const phone = nextPhone();
    expect(await requestResetCode(t.db, { phone }, { ip: freshIp(), sms: sms.provider })).toEqual({
      ok: true,
      data: { phone },
    });
    expect(sms.last(phone)).toMatchObject({ template: "reset_no_account", params: {} });
    expect(await resetPassword(t.db, { phone, code: "123456", newPassword: "a brand new phrase" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { code: ["code_invalid"] },
    });
  });

  it("a wrong code, a sign-up code or a weak password changes nothing", async () => {
    const sms = capturingSms();
    const u = await makeUser(t.db);
    await requestResetCode(t.db, { phone: u.phone }, { ip: freshIp(), sms: sms.provider });
    const code = sms.codeOf(u.phone)!;
    const weak = await resetPassword(t.db, { phone: u.phone, code, newPassword: "12345678" });
    expect(weak).toMatchObject({ ok: false, code: "invalid", fieldErrors: { newPassword: ["password_common"] } });
    const wrong = await resetPassword(t.db, {
      phone: u.phone,
      code: code === "000000" ? "111111" : "000000",
      newPassword: "a brand new phrase",
    });
    expect(wrong).toMatchObject({ fieldErrors: { code: ["code_invalid"] } });
    expect((await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD })).ok).toBe(true);
    // The right code still works: the weak password did not use it up.
    expect((await resetPassword(t.db, { phone: u.phone, code, newPassword: "a brand new phrase" })).ok).toBe(true);
  });

  it("proving the number by a reset confirms an unconfirmed account", async () => {
    const sms = capturingSms();
    const u = await makeUser(t.db, { phoneConfirmed: false });
    await requestResetCode(t.db, { phone: u.phone }, { ip: freshIp(), sms: sms.provider });
    await resetPassword(t.db, { phone: u.phone, code: sms.codeOf(u.phone), newPassword: "a brand new phrase" });
    const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
    expect(row.phoneConfirmedAt).toBeInstanceOf(Date);
  });
});
