import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, communitySettings, householdLinkRequests, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser, must, nextPhone, snapshot } from "@/tests/support/fixtures";
import { capturingSms } from "@/tests/support/sms";
import { requestSignUpCode } from "@/lib/accounts/phone-service";
import { formatHouseholdCode } from "@/lib/accounts/household-code-format";
import type { Actor } from "@/lib/actor";
import { createAccountAtDesk } from "./account-service";
import { authenticateWithResetCode } from "@/lib/auth/reset-code";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { verified: true, roles: ["organiser"] })).id);
});
afterAll(async () => t?.close());

describe("an account made at the desk", () => {
  it("with the phone at hand: the SMS code confirms the number, the household code verifies, a slip signs them in", async () => {
    const sms = capturingSms();
    const phone = nextPhone();
    const home = await makeHousehold(t.db);
    await requestSignUpCode(t.db, { phone }, { ip: "192.0.2.50", sms: sms.provider });
    const made = must(
      await createAccountAtDesk(t.db, organiser, {
        name: "孙老伯",
        phone,
        code: sms.codeOf(phone),
        householdCode: formatHouseholdCode(home.code),
      }),
    );
    expect(made).toMatchObject({ household: "verified", phoneConfirmed: true });
    const [u] = await t.db.select().from(users).where(eq(users.id, made.userId));
    expect(u).toMatchObject({ name: "孙老伯", householdId: home.id, verifiedBy: "code" });
    expect(u.phoneConfirmedAt).not.toBeNull();
    expect((await authenticateWithResetCode(t.db, { phone, code: made.slip.code }, { ip: "192.0.2.51" })).ok).toBe(
      true,
    );
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.targetId, made.userId));
    expect(entries.map((e) => e.action).sort()).toEqual(
      ["desk.create_account", "desk.reset_code", "residents.verify_by_code", "auth.sign_in"].sort(),
    );
    expect(entries.find((e) => e.action === "desk.create_account")).toMatchObject({
      actorId: organiser.id,
      details: { atDesk: true, forUserId: made.userId },
    });
  });

  it("without the phone: the number stays unconfirmed; the household the organiser opened verifies", async () => {
    const home = await makeHousehold(t.db);
    const made = must(
      await createAccountAtDesk(t.db, organiser, { name: "钱奶奶", phone: nextPhone(), householdId: home.id }),
    );
    expect(made).toMatchObject({ household: "verified", phoneConfirmed: false });
    const [u] = await t.db.select().from(users).where(eq(users.id, made.userId));
    expect(u).toMatchObject({ verifiedBy: "organiser", phoneConfirmedAt: null });
  });

  it("a household code past its cap leaves the account waiting for an organiser", async () => {
    const home = await makeHousehold(t.db);
    await t.db
      .insert(communitySettings)
      .values({ id: 1, householdCodeCap: 1 })
      .onConflictDoUpdate({
        target: communitySettings.id,
        set: { householdCodeCap: 1 },
      });
    await makeUser(t.db, { householdId: home.id, verified: true });
    const made = must(
      await createAccountAtDesk(t.db, organiser, { name: "周阿姨", phone: nextPhone(), householdCode: home.code }),
    );
    expect(made.household).toBe("waiting");
    expect(
      await t.db.select().from(householdLinkRequests).where(eq(householdLinkRequests.userId, made.userId)),
    ).toHaveLength(1);
    await t.db.update(communitySettings).set({ householdCodeCap: 6 }).where(eq(communitySettings.id, 1));
  });

  it("refuses a taken number, a wrong code, an unknown household code and anyone but staff, writing nothing", async () => {
    const taken = await makeUser(t.db);
    const before = await snapshot(t.db);
    expect(await createAccountAtDesk(t.db, organiser, { name: "重复", phone: taken.phone })).toMatchObject({
      ok: false,
      fieldErrors: { phone: ["phone_taken"] },
    });
    expect(
      await createAccountAtDesk(t.db, organiser, { name: "错码", phone: nextPhone(), code: "000000" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { code: ["code_invalid"] },
    });
    expect(
      await createAccountAtDesk(t.db, organiser, { name: "错户", phone: nextPhone(), householdCode: "AAAA-AAAA" }),
    ).toMatchObject({ ok: false, fieldErrors: { householdCode: ["household_code_invalid"] } });
    expect(await createAccountAtDesk(t.db, organiser, { name: "", phone: "123" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    expect(await snapshot(t.db)).toBe(before);
    const resident = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const afterResident = await snapshot(t.db);
    expect(await createAccountAtDesk(t.db, resident, { name: "越权", phone: nextPhone() })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await snapshot(t.db)).toBe(afterResident);
  });
});
