import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { outboxProvider } from "./outbox";
import { listOutbox, outboxPhone } from "./queries";

// Staff at the desk find the messages to one resident's number among everyone's.

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  for (const to of ["13911110001", "13911110001", "13911110002", "13722220003"])
    await outboxProvider(t.db).send({ to, template: "broadcast", params: { text: "停水通知" }, locale: "zh-CN" });
});
afterAll(async () => t?.close());

describe("the outbox by number", () => {
  it("a whole number finds its messages only; the first digits find every number that begins so", async () => {
    const whole = await listOutbox(t.db, organiser, { page: 1, phone: "13911110001" });
    expect(whole).toMatchObject({ ok: true, data: { total: 2 } });
    const begun = await listOutbox(t.db, organiser, { page: 1, phone: "139111" });
    expect(begun.ok && begun.data.rows.map((r) => r.recipient).sort()).toEqual([
      "13911110001",
      "13911110001",
      "13911110002",
    ]);
    expect(await listOutbox(t.db, organiser, { page: 1 })).toMatchObject({ ok: true, data: { total: 4 } });
  });

  it("what is not a number's digits is no filter: spaces and dashes are dropped, anything else is refused", () => {
    expect(outboxPhone("139 1111-0001")).toBe("13911110001");
    expect(outboxPhone("13%")).toBeUndefined();
    expect(outboxPhone("12")).toBeUndefined();
    expect(outboxPhone("139111100011")).toBeUndefined();
    expect(outboxPhone(undefined)).toBeUndefined();
  });
});
