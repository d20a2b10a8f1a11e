import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/actor";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, snapshot } from "@/tests/support/fixtures";
import { postWish } from "@/tests/support/wish-fixtures";

// The claim route, called as the browser (or the bench) would: the session and the database are
// the test's own, the handler is the real one.

let t: TestDb;
let session: Actor | null = null;
vi.mock("@/db", () => ({ getDb: async () => t.db }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session }));
const { POST } = await import("./route");

let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const claim = (body: unknown, type = "application/json") =>
  POST(
    new Request("http://linli.test/api/wishes/claims", {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": type },
    }),
  );

describe("POST /api/wishes/claims", () => {
  it("gives the wish to the first volunteer and answers the second 409 wish_taken, never with the beneficiary's details", async () => {
    const w = await postWish(t.db, organiser);
    session = await actorOf(t.db, (await makeUser(t.db, { roles: ["volunteer"] })).id);
    const first = await claim({ wishId: w.id });
    expect(first.status).toBe(200);
    const text = await first.text();
    expect(JSON.parse(text)).toMatchObject({ ok: true, data: { claimId: expect.any(String) } });
    expect(text).not.toContain(w.marker);
    expect(text).not.toContain(w.phone);
    session = await actorOf(t.db, (await makeUser(t.db, { roles: ["volunteer"] })).id);
    const second = await claim({ wishId: w.id });
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({ ok: false, code: "wish_taken" });
  });

  it("refuses without a session, without the volunteer role, with a body that is not JSON or names no wish — writing no claim", async () => {
    const w = await postWish(t.db, organiser);
    const before = await snapshot(t.db);
    session = null;
    expect((await claim({ wishId: w.id })).status).toBe(401);
    expect(await snapshot(t.db)).toBe(before);
    // A resident who is not a volunteer is refused (and the refusal is in the audit log).
    session = await actorOf(t.db, (await makeUser(t.db, {})).id);
    expect((await claim({ wishId: w.id })).status).toBe(403);
    session = await actorOf(t.db, (await makeUser(t.db, { roles: ["volunteer"] })).id);
    const mid = await snapshot(t.db);
    expect((await claim(`wishId=${w.id}`, "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await claim({ wishId: "nope" })).status).toBe(422);
    expect((await claim(null)).status).toBe(422);
    expect((await claim({ wishId: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    expect(await snapshot(t.db)).toBe(mid);
  });
});
