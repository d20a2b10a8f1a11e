import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { phoneCodes, smsQuotas } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { nextPhone } from "@/tests/support/fixtures";
import { CODE_RULES, consumeCode, issueCode, reserveSend } from "./codes";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

// The clock is an argument: minutes pass without waiting for them.
const T0 = new Date("2026-03-01T02:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

describe("a one-time code", () => {
  it("is 6 digits, stored only as a hash", async () => {
    const phone = nextPhone();
    const code = await issueCode(t.db, phone, "sign_up", T0);
    expect(code).toMatch(/^\d{6}$/);
    const [row] = await t.db.select().from(phoneCodes).where(eq(phoneCodes.phone, phone));
    expect(row.codeHash).not.toContain(code);
    expect(row.codeHash.length).toBeGreaterThan(20);
  });

  it("is good once, within 10 minutes", async () => {
    const phone = nextPhone();
    const code = await issueCode(t.db, phone, "sign_up", T0);
    expect(await consumeCode(t.db, phone, "sign_up", code, at(9 * MIN))).toBe(true);
    expect(await consumeCode(t.db, phone, "sign_up", code, at(9 * MIN))).toBe(false);
    const late = nextPhone();
    const lateCode = await issueCode(t.db, late, "sign_up", T0);
    expect(await consumeCode(t.db, late, "sign_up", lateCode, at(10 * MIN + 1))).toBe(false);
  });

  it("dies after 5 wrong tries, even for the right code on the sixth", async () => {
    const phone = nextPhone();
    const code = await issueCode(t.db, phone, "sign_up", T0);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < CODE_RULES.maxAttempts; i++)
      expect(await consumeCode(t.db, phone, "sign_up", wrong, at(MIN))).toBe(false);
    expect(await consumeCode(t.db, phone, "sign_up", code, at(MIN))).toBe(false);
  });

  it("the fourth wrong try still leaves the right code its chance", async () => {
    const phone = nextPhone();
    const code = await issueCode(t.db, phone, "sign_up", T0);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < CODE_RULES.maxAttempts - 1; i++) await consumeCode(t.db, phone, "sign_up", wrong, at(MIN));
    expect(await consumeCode(t.db, phone, "sign_up", code, at(MIN))).toBe(true);
  });

  it("belongs to its number and purpose; a new one replaces the old", async () => {
    const phone = nextPhone();
    const first = await issueCode(t.db, phone, "sign_up", T0);
    expect(await consumeCode(t.db, phone, "reset_password", first, at(MIN))).toBe(false);
    expect(await consumeCode(t.db, nextPhone(), "sign_up", first, at(MIN))).toBe(false);
    const second = await issueCode(t.db, phone, "sign_up", at(2 * MIN));
    if (second !== first) expect(await consumeCode(t.db, phone, "sign_up", first, at(3 * MIN))).toBe(false);
    expect(await consumeCode(t.db, phone, "sign_up", second, at(3 * MIN))).toBe(true);
  });
});

describe("how often a code may be sent", () => {
  it("once a minute per number", async () => {
    const phone = nextPhone();
    expect(await reserveSend(t.db, phone, "sign_up", "198.51.100.1", T0)).toBe("ok");
    expect(await reserveSend(t.db, phone, "sign_up", "198.51.100.2", at(59_000))).toBe("too_soon");
    expect(await reserveSend(t.db, phone, "sign_up", "198.51.100.2", at(60_000))).toBe("ok");
  });

  it("the minute's pause is per purpose: a reset code right after signing up goes out", async () => {
    const phone = nextPhone();
    expect(await reserveSend(t.db, phone, "sign_up", "198.51.100.4", T0)).toBe("ok");
    expect(await reserveSend(t.db, phone, "reset_password", "198.51.100.4", at(5_000))).toBe("ok");
    expect(await reserveSend(t.db, phone, "reset_password", "198.51.100.4", at(10_000))).toBe("too_soon");
  });

  it("5 an hour per number, whatever the purpose", async () => {
    const phone = nextPhone();
    for (let i = 0; i < 5; i++)
      expect(
        await reserveSend(t.db, phone, i % 2 ? "reset_password" : "sign_up", "198.51.100.5", at(i * 2 * MIN)),
      ).toBe("ok");
    expect(await reserveSend(t.db, phone, "reset_password", "198.51.100.5", at(12 * MIN))).toBe("too_many");
  });

  it("5 an hour per number, then again after the hour", async () => {
    const phone = nextPhone();
    for (let i = 0; i < 5; i++)
      expect(await reserveSend(t.db, phone, "sign_up", "198.51.100.3", at(i * 2 * MIN))).toBe("ok");
    expect(await reserveSend(t.db, phone, "sign_up", "198.51.100.3", at(12 * MIN))).toBe("too_many");
    expect(await reserveSend(t.db, phone, "sign_up", "198.51.100.3", at(61 * MIN))).toBe("ok");
  });

  it("20 a day per address, whichever numbers; a refusal counts nothing", async () => {
    const ip = "203.0.113.200";
    for (let i = 0; i < 20; i++) expect(await reserveSend(t.db, nextPhone(), "sign_up", ip, at(i * 1000))).toBe("ok");
    const phone = nextPhone();
    expect(await reserveSend(t.db, phone, "sign_up", ip, at(30_000))).toBe("too_many");
    // The number was not counted by the refused request: from elsewhere it is sent at once.
    expect(
      await t.db
        .select()
        .from(smsQuotas)
        .where(eq(smsQuotas.key, `phone:${phone}`)),
    ).toEqual([]);
    expect(await reserveSend(t.db, phone, "sign_up", "203.0.113.201", at(31_000))).toBe("ok");
    expect(await reserveSend(t.db, nextPhone(), "sign_up", ip, at(24 * 60 * MIN + 1))).toBe("ok");
  });
});
