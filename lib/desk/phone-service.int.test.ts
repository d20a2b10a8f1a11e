import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, nextPhone, snapshot } from "@/tests/support/fixtures";
import { capturingSms } from "@/tests/support/sms";
import type { Actor } from "@/lib/actor";
import { changePhoneAtDesk, sendPhoneChangeCode } from "./phone-service";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { verified: true, roles: ["organiser"] })).id);
});
afterAll(async () => t?.close());

let ipSeq = 0;
const ctx = (sms: ReturnType<typeof capturingSms>) => ({ sms: sms.provider, ip: `192.0.2.${++ipSeq}` });

describe("correcting a mistyped number at the desk", () => {
  it("the code goes to the new number; read out and typed, it moves the account there, audited at the desk", async () => {
    const sms = capturingSms();
    const u = await makeUser(t.db);
    const newPhone = nextPhone();
    expect(await sendPhoneChangeCode(t.db, organiser, { userId: u.id, newPhone }, ctx(sms))).toEqual({
      ok: true,
      data: { phone: newPhone },
    });
    expect(sms.last(newPhone)).toMatchObject({ template: "phone_change_code" });
    const code = sms.codeOf(newPhone)!;
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await changePhoneAtDesk(t.db, organiser, { userId: u.id, newPhone, code: wrong })).toMatchObject({
      ok: false,
      fieldErrors: { code: ["code_invalid"] },
    });
    expect(await changePhoneAtDesk(t.db, organiser, { userId: u.id, newPhone, code })).toEqual({
      ok: true,
      data: { phone: newPhone },
    });
    const [after] = await t.db.select().from(users).where(eq(users.id, u.id));
    expect(after.phone).toBe(newPhone);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "desk.change_phone"));
    expect(entry).toMatchObject({ actorId: organiser.id, details: { atDesk: true, forUserId: u.id } });
    expect(JSON.stringify(entry.details)).not.toContain(newPhone);
    // Used once.
    expect((await changePhoneAtDesk(t.db, organiser, { userId: u.id, newPhone: nextPhone(), code })).ok).toBe(false);
  });

  it("a number another account holds is refused as taken, no code sent and nothing said of that account", async () => {
    const sms = capturingSms();
    const u = await makeUser(t.db);
    const other = await makeUser(t.db, { name: "别人" });
    const before = await snapshot(t.db);
    const r = await sendPhoneChangeCode(t.db, organiser, { userId: u.id, newPhone: other.phone }, ctx(sms));
    expect(r).toEqual({ ok: false, code: "invalid", fieldErrors: { newPhone: ["phone_taken"] } });
    expect(sms.last(other.phone)).toBeUndefined();
    expect(await changePhoneAtDesk(t.db, organiser, { userId: u.id, newPhone: other.phone, code: "123456" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { newPhone: ["phone_taken"] },
    });
    expect(await snapshot(t.db)).toBe(before);
  });

  it("only staff; an organiser cannot move another staff account's number", async () => {
    const sms = capturingSms();
    const u = await makeUser(t.db);
    const resident = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    for (const a of [null, resident])
      expect(await sendPhoneChangeCode(t.db, a, { userId: u.id, newPhone: nextPhone() }, ctx(sms))).toEqual({
        ok: false,
        code: "forbidden",
      });
    const admin = await makeUser(t.db, { roles: ["admin"] });
    expect(await sendPhoneChangeCode(t.db, organiser, { userId: admin.id, newPhone: nextPhone() }, ctx(sms))).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await sendPhoneChangeCode(t.db, organiser, { userId: u.id, newPhone: "12" }, ctx(sms))).toMatchObject({
      ok: false,
      code: "invalid",
    });
  });
});
