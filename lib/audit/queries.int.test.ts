import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { makeUser, must } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { writeAudit } from "./log";
import { listAudit } from "./queries";

let t: TestDb;
let organiser: Actor;
const names = ["满分100%先生", "王芳", "a_b 居民", "axb 居民", "反\\斜杠", "反x斜杠"];
beforeAll(async () => {
  t = await createTestDb();
  const o = await makeUser(t.db, { roles: ["organiser"], name: "组织者" });
  organiser = { id: o.id, name: o.name, roles: ["organiser"], verified: false, householdId: null };
  for (const name of names) {
    const u = await makeUser(t.db, { name });
    await writeAudit(t.db, { actorId: u.id, action: "account.update_profile", targetType: "user", targetId: u.id });
  }
});
afterAll(async () => t?.close());

const found = async (actor: string) =>
  must(await listAudit(t.db, organiser, { actor, page: 1 })).rows.map((r) => r.actorName);

describe("the audit log's person search", () => {
  it("takes %, _ and \\ literally: each finds only names that contain it", async () => {
    expect(await found("%")).toEqual(["满分100%先生"]);
    expect(await found("_")).toEqual(["a_b 居民"]);
    expect(await found("\\")).toEqual(["反\\斜杠"]);
    expect((await found("居民")).sort()).toEqual(["a_b 居民", "axb 居民"]);
  });
});
