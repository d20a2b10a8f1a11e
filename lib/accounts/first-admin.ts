import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { userRoles, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { writeAudit } from "@/lib/audit/log";
import { hashPassword } from "@/lib/auth/password";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { phoneSchema } from "@/lib/auth/schemas";
import { nameSchema, newPasswordSchema } from "./schemas";

// The first admin of a new community, made from the command line (`npm run admin:create`): a new
// database holds no account, and nobody can grant a role before an admin exists. The rules are
// the sign-up form's; without a password one is generated and shown once.

export const adminSchema = z
  .object({ name: nameSchema, phone: phoneSchema, password: newPasswordSchema.optional() })
  .refine((v) => v.password !== v.phone, { error: "password_is_phone", path: ["password"] });

/** A password nobody chose: 16 characters from an alphabet without look-alikes. */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
  return Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join("");
}

export async function createAdmin(
  db: Db,
  input: unknown,
): Promise<Result<{ id: string; password: string; generated: boolean }>> {
  const parsed = parseInput(adminSchema, input);
  if (!parsed.ok) return parsed;
  const { name, phone } = parsed.data;
  const generated = !parsed.data.password;
  const password = parsed.data.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.phone, phone));
    if (taken) return fail("invalid", { phone: ["phone_has_account"] });
    const [u] = await tx
      .insert(users)
      .values({ name, phone, passwordHash, phoneConfirmedAt: new Date() })
      .returning({ id: users.id });
    await tx.insert(userRoles).values([
      { userId: u.id, role: "resident" },
      { userId: u.id, role: "admin" },
    ]);
    await writeAudit(tx, { action: "accounts.admin_create", targetType: "user", targetId: u.id, details: { name } });
    return ok({ id: u.id, password, generated });
  });
}
