import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { userRoles, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { snapshot } from "@/tests/support/fixtures";
import { verifyPassword } from "@/lib/auth/password";
import { createAdmin } from "./first-admin";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("the first admin, from the command line", () => {
  it("creates an admin with a generated password shown once, or the one given, under the sign-up rules", async () => {
    const made = await createAdmin(t.db, { phone: "13812340099", name: "张丽" });
    expect(made).toMatchObject({ ok: true, data: { generated: true } });
    if (!made.ok) return;
    const [u] = await t.db.select().from(users).where(eq(users.id, made.data.id));
    expect(await verifyPassword(made.data.password, u.passwordHash)).toBe(true);
    const roles = await t.db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, u.id));
    expect(roles.map((r) => r.role).sort()).toEqual(["admin", "resident"]);

    const before = await snapshot(t.db);
    expect(await createAdmin(t.db, { phone: "13812340099", name: "又一个" })).toMatchObject({
      fieldErrors: { phone: ["phone_has_account"] },
    });
    expect(await createAdmin(t.db, { phone: "13812340098", name: "王", password: "password" })).toMatchObject({
      fieldErrors: { password: ["password_common"] },
    });
    expect(await createAdmin(t.db, { phone: "12345", name: "王" })).toMatchObject({ code: "invalid" });
    expect(await snapshot(t.db)).toBe(before);
    expect(
      await createAdmin(t.db, { phone: "13812340098", name: "王", password: "a long and chosen phrase" }),
    ).toMatchObject({ ok: true, data: { generated: false, password: "a long and chosen phrase" } });
  });
});
