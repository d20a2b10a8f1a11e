import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { dailyCounts } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { takeFromDailyAllowance } from "./daily";

// Real Postgres, many connections, requests fired together; the control shows a count read and
// then written lets a burst through, so a pass means the one-statement upsert holds.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ poolSize: 24 });
});
afterAll(async () => t?.close());

describe("a day's allowance", () => {
  it("50 parallel takes from an allowance of 30 → exactly 30 granted, a count of 30", async () => {
    const key = "race:guarded";
    const granted = await Promise.all(Array.from({ length: 50 }, () => takeFromDailyAllowance(t.db, key, 30)));
    expect(granted.filter(Boolean)).toHaveLength(30);
    const [row] = await t.db.select().from(dailyCounts).where(eq(dailyCounts.key, key));
    expect(row.count).toBe(30);
  });

  it("control: reading the count, then writing it, grants more than the allowance", async () => {
    const key = "race:control";
    const day = "2000-01-01";
    await t.db.insert(dailyCounts).values({ key, day, count: 0 });
    const granted = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const where = and(eq(dailyCounts.key, key), eq(dailyCounts.day, day));
        const [r] = await t.db.select({ count: dailyCounts.count }).from(dailyCounts).where(where);
        if (r.count >= 30) return false;
        await new Promise((res) => setTimeout(res, 5));
        await t.db
          .update(dailyCounts)
          .set({ count: r.count + 1 })
          .where(where);
        return true;
      }),
    );
    expect(granted.filter(Boolean).length).toBeGreaterThan(30);
  });

  it("a take larger than what is left is refused whole, and counts nothing", async () => {
    const key = "race:partial";
    expect(await takeFromDailyAllowance(t.db, key, 30, 25)).toBe(true);
    expect(await takeFromDailyAllowance(t.db, key, 30, 10)).toBe(false);
    expect(await takeFromDailyAllowance(t.db, key, 30, 5)).toBe(true);
    expect(await takeFromDailyAllowance(t.db, key, 30, 1)).toBe(false);
    expect(await takeFromDailyAllowance(t.db, "race:huge", 30, 31)).toBe(false);
  });
});
