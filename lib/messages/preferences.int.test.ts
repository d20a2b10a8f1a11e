import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { smsPreferences, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, must, snapshot } from "@/tests/support/fixtures";
import { takesSms } from "./notify";
import { getMessageSettings, saveMessageSettings } from "./preferences";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("what comes by text message", () => {
  it("starts with the defaults (waiting list and claims on), in the language of the account", async () => {
    const u = await makeUser(t.db);
    const me = await actorOf(t.db, u.id);
    expect(must(await getMessageSettings(t.db, me))).toEqual({
      phone: u.phone,
      locale: "zh-CN",
      sms: { waitlist: true, claims: true, reminders: true, changes: true, voting: false, broadcasts: true },
    });
  });

  it("keeps the topics ticked and the language; an unticked topic is off", async () => {
    const me = await actorOf(t.db, (await makeUser(t.db)).id);
    must(await saveMessageSettings(t.db, me, { sms: "claims", locale: "en" }));
    expect(must(await getMessageSettings(t.db, me))).toMatchObject({
      locale: "en",
      sms: { waitlist: false, claims: true, reminders: false, changes: false, voting: false, broadcasts: false },
    });
    expect(await takesSms(t.db, me.id, "waitlist")).toBe(false);
    must(await saveMessageSettings(t.db, me, { locale: "zh-CN" }));
    expect(Object.values(must(await getMessageSettings(t.db, me)).sms)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    const rows = await t.db.select().from(smsPreferences).where(eq(smsPreferences.userId, me.id));
    expect(rows).toHaveLength(6);
  });

  it("an unknown topic or language is refused and changes nothing", async () => {
    const me = await actorOf(t.db, (await makeUser(t.db)).id);
    const before = await snapshot(t.db);
    expect(await saveMessageSettings(t.db, me, { sms: ["marketing"], locale: "zh-CN" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await saveMessageSettings(t.db, me, { sms: [], locale: "fr" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await snapshot(t.db)).toBe(before);
    const [u] = await t.db.select({ locale: users.locale }).from(users).where(eq(users.id, me.id));
    expect(u.locale).toBe("zh-CN");
  });
});
