import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditLog, throttles, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { TEST_PASSWORD, nextPhone } from "@/tests/support/fixtures";
import { authenticate } from "./credentials";
import { hashPassword, verifyPassword } from "./password";
import { PHONE_RULE, isLocked, recordFailure } from "./throttle";

// Real Postgres, many connections. 49 wrong guesses for one phone number go out at once; once ten
// of them are past the throttle, the right password follows while the wrong ones are still being
// hashed. The hash here costs N=2^14 (tens of milliseconds), so the burst is still in flight.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ poolSize: 24 });
});
afterAll(async () => t?.close());

async function slowHashUser() {
  vi.stubEnv("LINLI_TEST_SCRYPT_N", String(2 ** 14));
  try {
    const phone = nextPhone();
    const [u] = await t.db
      .insert(users)
      .values({ name: "被猜的人", phone, passwordHash: await hashPassword(TEST_PASSWORD) })
      .returning({ id: users.id });
    return { id: u.id, phone };
  } finally {
    vi.unstubAllEnvs();
  }
}

async function until(check: () => Promise<boolean> | boolean) {
  for (let i = 0; i < 500 && !(await check()); i++) await new Promise((r) => setTimeout(r, 2));
}

describe("a burst of sign-in guesses cannot outrun the lock", () => {
  it("49 wrong guesses and then the right password, all in flight together → the right one is refused", async () => {
    const u = await slowHashUser();
    const key = `phone:${u.phone}`;
    const wrong = Array.from({ length: 49 }, (_, i) =>
      authenticate(t.db, { phone: u.phone, password: `guess number ${i}` }, { ip: `198.51.100.${i}` }),
    );
    await until(async () => {
      const [row] = await t.db.select({ n: throttles.failures }).from(throttles).where(eq(throttles.key, key));
      return (row?.n ?? 0) >= PHONE_RULE.limit;
    });
    const right = await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD }, { ip: "198.51.100.200" });
    const results = await Promise.all(wrong);

    expect(right).toEqual({ ok: false, code: "throttled" });
    expect(results.every((r) => !r.ok)).toBe(true);
    // Only ten guesses were ever checked against the hash; the rest were refused unchecked.
    const checked = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.sign_in"), sql`${auditLog.details}->>'reason' = 'bad_credentials'`));
    expect(checked[0].n).toBe(PHONE_RULE.limit);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.actorId, u.id))).toHaveLength(PHONE_RULE.limit);
  });

  it("control: checking the lock first and counting the failure after the hash lets the right password in", async () => {
    const u = await slowHashUser();
    const key = `phone:${u.phone}`;
    const [{ passwordHash }] = await t.db
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, u.id));
    let pastCheck = 0;
    const checkThenVerify = async (password: string) => {
      if (await isLocked(t.db, key)) return "throttled";
      pastCheck += 1;
      if (await verifyPassword(password, passwordHash)) return "signed_in";
      await recordFailure(t.db, key, PHONE_RULE);
      return "wrong";
    };
    const wrong = Array.from({ length: 49 }, (_, i) => checkThenVerify(`guess number ${i}`));
    await until(() => pastCheck >= PHONE_RULE.limit);
    const right = await checkThenVerify(TEST_PASSWORD);
    await Promise.all(wrong);

    expect(right).toBe("signed_in");
    expect(await isLocked(t.db, key)).toBe(true);
  });
});
