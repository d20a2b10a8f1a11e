import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gt, isNull } from "drizzle-orm";
import { deskResetCodes, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, must } from "@/tests/support/fixtures";
import { authenticateWithResetCode, resetCodeHash } from "@/lib/auth/reset-code";
import { issueResetCode } from "./reset-code-service";

// Real Postgres, many connections: two sign-ins with the same reset code at once let exactly one
// person in. The control checks the code first and marks it used after, without the guarded
// update, and both get in — proof that the harness can see the race.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ poolSize: 12 });
});
afterAll(async () => t?.close());

async function codeFor() {
  const organiser = await actorOf(t.db, (await makeUser(t.db, { verified: true, roles: ["organiser"] })).id);
  const u = await makeUser(t.db);
  const { code } = must(await issueResetCode(t.db, organiser, { userId: u.id }));
  return { u, code };
}

describe("one reset code, two sign-ins at once", () => {
  it("exactly one succeeds", async () => {
    for (let round = 0; round < 5; round++) {
      const { u, code } = await codeFor();
      const results = await Promise.all(
        [1, 2].map((i) => authenticateWithResetCode(t.db, { phone: u.phone, code }, { ip: `198.51.100.${i}` })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
    }
  });

  it("control: checking the code, then marking it used, lets both in", async () => {
    let both = 0;
    for (let round = 0; round < 5; round++) {
      const { u, code } = await codeFor();
      const checkThenMark = async () => {
        const [row] = await t.db
          .select({ userId: deskResetCodes.userId })
          .from(deskResetCodes)
          .innerJoin(users, eq(users.id, deskResetCodes.userId))
          .where(
            and(
              eq(users.phone, u.phone),
              eq(deskResetCodes.codeHash, resetCodeHash(u.id, code)),
              isNull(deskResetCodes.consumedAt),
              gt(deskResetCodes.expiresAt, new Date()),
            ),
          );
        if (!row) return false;
        await new Promise((r) => setTimeout(r, 20));
        await t.db.update(deskResetCodes).set({ consumedAt: new Date() }).where(eq(deskResetCodes.userId, u.id));
        return true;
      };
      const results = await Promise.all([checkThenMark(), checkThenMark()]);
      if (results.every(Boolean)) both += 1;
    }
    expect(both).toBeGreaterThan(0);
  });
});
