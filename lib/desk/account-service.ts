import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { households, userRoles, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { refuse, writeAudit } from "@/lib/audit/log";
import type { RequestContext } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { changeHousehold } from "@/lib/accounts/household-change";
import { consumeCode } from "@/lib/messages/codes";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { deskAccountSchema } from "./schemas";
import { issueResetCode, type IssuedResetCode } from "./reset-code-service";

export interface DeskAccount {
  userId: string;
  /** verified: in the household now; waiting: the code's household is full, an organiser decides. */
  household: "verified" | "waiting" | "none";
  phoneConfirmed: boolean;
  slip: IssuedResetCode;
}

/** Marks a refusal inside the transaction so that nothing of the account is kept. */
class Refused extends Error {
  constructor(readonly result: ReturnType<typeof fail>) {
    super(result.code);
  }
}

/**
 * An organiser makes an account at the desk for someone who cannot sign up alone. Its password is
 * one nobody knows: the first sign-in is with the reset-code slip made here, which asks for a
 * password of their own. The household goes through `changeHousehold` like every other change:
 * a household code within its cap verifies (beyond it, the account waits for an organiser); the
 * household the organiser opened, checked in person, verifies as an organiser's check does.
 */
export async function createAccountAtDesk(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: RequestContext = {},
): Promise<Result<DeskAccount>> {
  if (!actor || !isOrganiser(actor)) return refuse(db, actor?.id, "desk.create_account", { atDesk: true });
  const parsed = parseInput(deskAccountSchema, input);
  if (!parsed.ok) return parsed;
  const { name, phone, code, householdCode, householdId: chosen } = parsed.data;
  const now = ctx.now ?? new Date();
  const ip = ctx.ip ?? actor.ip ?? null;

  let householdId = chosen ?? null;
  if (householdCode) {
    const [h] = await db.select({ id: households.id }).from(households).where(eq(households.code, householdCode));
    if (!h) return fail("invalid", { householdCode: ["household_code_invalid"] });
    householdId = h.id;
  }
  if (code && !(await consumeCode(db, phone, "sign_up", code, now))) return fail("invalid", { code: ["code_invalid"] });
  const passwordHash = await hashPassword(randomBytes(24).toString("base64url"));

  let created: { userId: string; household: DeskAccount["household"] };
  try {
    created = await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ name, phone, passwordHash, phoneConfirmedAt: code ? now : null })
        .onConflictDoNothing({ target: users.phone })
        .returning({ id: users.id });
      if (!user) throw new Refused(fail("invalid", { phone: ["phone_taken"] }));
      await tx.insert(userRoles).values({ userId: user.id, role: "resident" });
      const details = { atDesk: true, forUserId: user.id };
      let household: DeskAccount["household"] = "none";
      if (householdId) {
        const linked = await changeHousehold(tx, {
          userId: user.id,
          householdId,
          by: householdCode ? "code" : "organiser",
          actorId: actor.id,
          action: householdCode ? "residents.verify_by_code" : "residents.verify",
          ip,
          now,
          details,
        });
        if (!linked.ok) throw new Refused(fail("invalid", { householdId: ["household_code_invalid"] }));
        household = linked.data.status;
      }
      await writeAudit(tx, {
        actorId: actor.id,
        action: "desk.create_account",
        targetType: "user",
        targetId: user.id,
        ip,
        details: { ...details, phoneConfirmed: !!code, household },
      });
      return { userId: user.id, household };
    });
  } catch (e) {
    if (e instanceof Refused) return e.result;
    throw e;
  }
  const slip = await issueResetCode(db, actor, { userId: created.userId }, { ip, now });
  if (!slip.ok) return slip;
  return ok({ ...created, phoneConfirmed: !!code, slip: slip.data });
}
