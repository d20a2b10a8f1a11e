import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { JWT } from "next-auth/jwt";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { TEST_PASSWORD, makeUser } from "@/tests/support/fixtures";
import { authenticate, loadActor } from "./credentials";
import { getAuthOptions } from "./options";

const DAY = 24 * 3600_000;
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("a session's absolute lifetime", () => {
  it("a session used every day still ends 30 days after its sign-in", async () => {
    const u = await makeUser(t.db);
    const signedIn = await authenticate(t.db, { phone: u.phone, password: TEST_PASSWORD });
    if (!signedIn.ok) throw new Error("sign-in failed");
    const { authAt } = signedIn.data;
    expect(await loadActor(t.db, u.id, authAt, authAt + 29 * DAY)).not.toBeNull();
    expect(await loadActor(t.db, u.id, authAt, authAt + 30 * DAY)).toBeNull();
  });

  it("follows SESSION_MAX_DAYS", async () => {
    const u = await makeUser(t.db);
    vi.stubEnv("SESSION_MAX_DAYS", "2");
    try {
      const authAt = Date.now();
      expect(await loadActor(t.db, u.id, authAt, authAt + 1 * DAY)).not.toBeNull();
      expect(await loadActor(t.db, u.id, authAt, authAt + 2 * DAY)).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("re-signing a token keeps the sign-in time, and an outlived token is re-issued without a person", async () => {
    const jwt = getAuthOptions().callbacks!.jwt!;
    const call = (token: JWT) => jwt({ token, account: null, user: undefined as never });
    const fresh = { uid: "someone", authAt: Date.now() - 3 * DAY };
    expect(await call({ ...fresh })).toEqual(fresh);
    const outlived = await call({ uid: "someone", authAt: Date.now() - 31 * DAY });
    expect(outlived.uid).toBeUndefined();
    // A token that never carried its sign-in time is not trusted either.
    expect((await call({ uid: "someone" })).uid).toBeUndefined();
  });
});
