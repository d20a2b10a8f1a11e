import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { throttles, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { nextPhone } from "@/tests/support/fixtures";
import { PHONE_RULE, recordFailure } from "@/lib/auth/throttle";
import { issueCode } from "@/lib/messages/codes";
import { signUp } from "./service";

// Real Postgres, many connections, requests fired together. Each guard has a control that
// turns it off and shows the race happening, so a pass means the guard holds.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ poolSize: 24 });
});
afterAll(async () => t?.close());

describe("sign-in throttle counts every parallel failure", () => {
  it("30 failures at once → a count of 30 and a lock (one atomic upsert each)", async () => {
    const key = "phone:race-guarded";
    await Promise.all(Array.from({ length: 30 }, () => recordFailure(t.db, key, { ...PHONE_RULE, limit: 1000 })));
    const [row] = await t.db.select().from(throttles).where(eq(throttles.key, key));
    expect(row.failures).toBe(30);
  });

  it("control: read-then-write in parallel loses failures", async () => {
    const key = "phone:race-control";
    await t.db.insert(throttles).values({ key, failures: 0 });
    await Promise.all(
      Array.from({ length: 30 }, async () => {
        const [r] = await t.db.select({ failures: throttles.failures }).from(throttles).where(eq(throttles.key, key));
        await new Promise((res) => setTimeout(res, 5));
        await t.db
          .update(throttles)
          .set({ failures: r.failures + 1 })
          .where(eq(throttles.key, key));
      }),
    );
    const [row] = await t.db.select().from(throttles).where(eq(throttles.key, key));
    expect(row.failures).toBeLessThan(30);
  });
});

describe("one account per phone number", () => {
  it("12 sign-ups with one number and its code at once → exactly one account, the rest code_invalid", async () => {
    const phone = nextPhone();
    const code = await issueCode(t.db, phone, "sign_up", new Date());
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signUp(t.db, { name: `并发${i}`, phone, code, password: "a long and fine phrase" }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.fieldErrors?.code?.[0] === "code_invalid")).toHaveLength(11);
    expect((await t.db.select().from(users).where(eq(users.phone, phone))).length).toBe(1);
  });

  it("control: without the unique index the same burst makes duplicates", async () => {
    const phone = nextPhone();
    await t.db.execute(sql`drop index users_phone_uq`);
    try {
      await Promise.all(
        Array.from({ length: 12 }, async (_, i) => {
          const exists = await t.db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
          await new Promise((res) => setTimeout(res, 5));
          if (exists.length === 0) await t.db.insert(users).values({ name: `并发${i}`, phone, passwordHash: "x" });
        }),
      );
      expect((await t.db.select().from(users).where(eq(users.phone, phone))).length).toBeGreaterThan(1);
    } finally {
      await t.db.delete(users).where(eq(users.phone, phone));
      await t.db.execute(sql`create unique index users_phone_uq on users (phone)`);
    }
  });
});
