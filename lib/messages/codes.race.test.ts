import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, gt } from "drizzle-orm";
import { outboxMessages, phoneCodes } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { nextPhone } from "@/tests/support/fixtures";
import { CODE_RULES, consumeCode, issueCode, perAddressPerDay, reserveSend } from "./codes";

// Real Postgres, many connections, requests fired together; each guard has its control.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ poolSize: 24 });
});
afterAll(async () => t?.close());

describe("send limits hold under a burst", () => {
  it("30 requests for one number at once → one sent (the minute's pause)", async () => {
    const phone = nextPhone();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => reserveSend(t.db, phone, "sign_up", `198.51.100.${i}`, now)),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
  });

  it("40 numbers from one address at once → exactly 20 sent", async () => {
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 40 }, () => reserveSend(t.db, nextPhone(), "sign_up", "203.0.113.99", now)),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(perAddressPerDay());
  });

  it("control: counting the sent messages, then sending, lets a burst pass the limit", async () => {
    const ip = "203.0.113.98";
    const since = new Date(Date.now() - 86_400_000);
    const sent = await Promise.all(
      Array.from({ length: 40 }, async () => {
        // The check-then-write a guard replaces: the count, a pause, the write.
        const [{ n }] = await t.db
          .select({ n: count() })
          .from(outboxMessages)
          .where(and(eq(outboxMessages.locale, ip), gt(outboxMessages.createdAt, since)));
        await new Promise((r) => setTimeout(r, 5));
        if (n >= perAddressPerDay()) return false;
        await t.db
          .insert(outboxMessages)
          .values({ recipient: nextPhone(), template: "signup_code", locale: ip, text: "x" });
        return true;
      }),
    );
    expect(sent.filter(Boolean).length).toBeGreaterThan(perAddressPerDay());
  });
});

describe("tries hold under a burst", () => {
  it("20 wrong tries at once → 5 counted, and the right code is dead after them", async () => {
    const phone = nextPhone();
    const now = new Date();
    const code = await issueCode(t.db, phone, "sign_up", now);
    const wrong = Array.from({ length: 20 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    const results = await Promise.all(wrong.map((w) => consumeCode(t.db, phone, "sign_up", w, now)));
    expect(results.every((r) => !r)).toBe(true);
    const [row] = await t.db.select().from(phoneCodes).where(eq(phoneCodes.phone, phone));
    expect(row.attempts).toBe(CODE_RULES.maxAttempts);
    expect(await consumeCode(t.db, phone, "sign_up", code, now)).toBe(false);
  });

  it("control: reading the tries, then counting one, lets a burst try more than 5", async () => {
    const phone = nextPhone();
    const now = new Date();
    await issueCode(t.db, phone, "sign_up", now);
    const tried = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const [r] = await t.db
          .select({ attempts: phoneCodes.attempts })
          .from(phoneCodes)
          .where(eq(phoneCodes.phone, phone));
        await new Promise((res) => setTimeout(res, 5));
        if (r.attempts >= CODE_RULES.maxAttempts) return false;
        await t.db
          .update(phoneCodes)
          .set({ attempts: r.attempts + 1 })
          .where(eq(phoneCodes.phone, phone));
        return true;
      }),
    );
    expect(tried.filter(Boolean).length).toBeGreaterThan(CODE_RULES.maxAttempts);
  });
});
