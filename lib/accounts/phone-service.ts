import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Db } from "@/db/types";
import { writeAudit } from "@/lib/audit/log";
import type { RequestContext } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { CODE_RULES, consumeCode, issueCode, reserveSend } from "@/lib/messages/codes";
import { smsProviderFrom } from "@/lib/messages/providers";
import type { SmsProvider } from "@/lib/messages/sms";
import { asLocale } from "@/lib/messages/texts";
import { fail, ok, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import type { CodePurpose, SmsTemplate } from "@/vocabulary/messages";
import { requestCodeSchema, resetPasswordSchema } from "./schemas";

export interface CodeContext extends RequestContext {
  /** The language of the page that asked: the message is written in it. */
  locale?: string;
  /** The configured provider unless a test gives its own. */
  sms?: SmsProvider;
}

const MINUTES = String(CODE_RULES.lifetimeMs / 60_000);

/**
 * Whether a number has an account decides what the text message says, never what the page
 * answers: the owner of the number reads it; whoever typed it sees "code sent" either way.
 */
/** What a person asks for themselves; a corrected number is confirmed at the desk (lib/desk). */
type OwnPurpose = Exclude<CodePurpose, "change_phone">;

const MESSAGE_FOR: Record<OwnPurpose, { hasAccount: SmsTemplate | "code"; noAccount: SmsTemplate | "code" }> = {
  sign_up: { hasAccount: "signup_existing", noAccount: "code" },
  reset_password: { hasAccount: "code", noAccount: "reset_no_account" },
};
const CODE_TEMPLATE: Record<OwnPurpose, SmsTemplate> = { sign_up: "signup_code", reset_password: "reset_code" };

async function requestCode(
  db: Db,
  purpose: OwnPurpose,
  input: unknown,
  ctx: CodeContext,
): Promise<Result<{ phone: string }>> {
  const parsed = parseInput(requestCodeSchema, input);
  if (!parsed.ok) return parsed;
  const { phone } = parsed.data;
  const now = ctx.now ?? new Date();
  const ip = ctx.ip ?? "unknown";
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
  const kind = account ? MESSAGE_FOR[purpose].hasAccount : MESSAGE_FOR[purpose].noAccount;
  let code: string | null = null;
  const decision = await reserveSend(db, phone, purpose, ip, now, async (tx) => {
    if (kind === "code") code = await issueCode(tx, phone, purpose, now);
  });
  if (decision !== "ok") {
    await writeAudit(db, {
      action: "auth.code_request",
      outcome: "refused",
      ip,
      details: { purpose, reason: decision },
    });
    return fail(decision === "too_soon" ? "code_too_soon" : "throttled");
  }
  const template = kind === "code" ? CODE_TEMPLATE[purpose] : kind;
  const sent = await (ctx.sms ?? smsProviderFrom(db)).send({
    to: phone,
    template,
    params: code ? { code, minutes: MINUTES } : {},
    locale: asLocale(ctx.locale),
  });
  if (!sent.ok) {
    console.error(`[linli] SMS to ${phone} failed: ${sent.error}`);
    return fail("sms_failed");
  }
  return ok({ phone });
}

/** Step 1 of signing up: a code to the number, or, when it has an account, a note to its owner. */
export const requestSignUpCode = (db: Db, input: unknown, ctx: CodeContext = {}) =>
  requestCode(db, "sign_up", input, ctx);

/** Step 1 of a forgotten password: a code to the number, or a note that it has no account. */
export const requestResetCode = (db: Db, input: unknown, ctx: CodeContext = {}) =>
  requestCode(db, "reset_password", input, ctx);

/**
 * Step 2 of a forgotten password: the code proves the number, so the password is replaced, every
 * older session ends, and the number counts as confirmed.
 */
export async function resetPassword(db: Db, input: unknown, ctx: RequestContext = {}): Promise<Result<undefined>> {
  const parsed = parseInput(resetPasswordSchema, input);
  if (!parsed.ok) return parsed;
  const { phone, code, newPassword } = parsed.data;
  const now = ctx.now ?? new Date();
  if (!(await consumeCode(db, phone, "reset_password", code, now))) return fail("invalid", { code: ["code_invalid"] });
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, confirmed: users.phoneConfirmedAt })
      .from(users)
      .where(eq(users.phone, phone));
    if (!user) return fail("invalid", { code: ["code_invalid"] });
    await tx
      .update(users)
      .set({ passwordHash, tokensValidAfter: now, phoneConfirmedAt: user.confirmed ?? now })
      .where(eq(users.id, user.id));
    await writeAudit(tx, {
      actorId: user.id,
      action: "auth.reset_password",
      targetType: "user",
      targetId: user.id,
      ip: ctx.ip,
    });
    return ok(undefined);
  });
}
