import { z } from "zod";
import "@/lib/zod-codes";
import { text } from "@/lib/form-fields";
import { phoneSchema } from "@/lib/auth/schemas";
import { householdCodeSchema, nameSchema, newPasswordSchema, oneTimeCodeSchema } from "@/lib/accounts/schemas";

// Client-safe: the desk's forms and the sign-in form with a reset code parse these, and the
// services parse them again. Messages are error codes translated under "fieldErrors".

/**
 * The letters and digits of a desk reset code: none that an elderly eye or a hurried hand mixes
 * up (no 0/O/Q/D, 1/I/L/J, 2/Z, 5/S, 8/B, U/V).
 */
export const RESET_CODE_ALPHABET = "ACEFGHKMNPRTWXY34679";
export const RESET_CODE_LENGTH = 8;

/** As typed: spaces and dashes are forgiven, lower case too. */
export const normaliseResetCode = (s: string) => s.replace(/[\s-]/g, "").toUpperCase();

/** Printed in two groups of four, as on the slip. */
export const formatResetCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

export const resetCodeSchema = z
  .string({ error: "required" })
  .transform(normaliseResetCode)
  .pipe(
    z
      .string()
      .min(1, { error: "required", abort: true })
      .regex(new RegExp(`^[${RESET_CODE_ALPHABET}]{${RESET_CODE_LENGTH}}$`), { error: "reset_code_format" }),
  );

/** Signing in with the number and the code from the desk's slip. */
export const resetCodeSignInSchema = z.object({ phone: phoneSchema, code: resetCodeSchema });
export type ResetCodeSignInInput = z.input<typeof resetCodeSignInSchema>;

export const issueResetCodeSchema = z.object({ userId: z.uuid({ error: "invalid" }) });

/** The new password chosen after signing in with a reset code. */
export const choosePasswordSchema = z
  .object({ newPassword: newPasswordSchema, confirmPassword: z.string().max(64) })
  .refine((v) => v.newPassword === v.confirmPassword, { error: "password_mismatch", path: ["confirmPassword"] });
export type ChoosePasswordInput = z.input<typeof choosePasswordSchema>;

export const deskSearchSchema = z.object({ q: text().max(60).optional().catch(undefined) });

/**
 * An account made at the desk for someone who cannot sign up alone. The SMS code is there when
 * they have the phone with them (the number is then confirmed); the household comes by its code
 * or from the household the organiser opened (checked in person).
 */
export const deskAccountSchema = z
  .object({
    name: nameSchema,
    phone: phoneSchema,
    code: z
      .string()
      .optional()
      .transform((s) => (s && s.trim() ? s : undefined))
      .pipe(oneTimeCodeSchema.optional()),
    householdCode: z
      .string()
      .optional()
      .transform((s) => (s && s.trim() ? s : undefined))
      .pipe(householdCodeSchema.optional()),
    householdId: z
      .string()
      .optional()
      .transform((s) => (s ? s : undefined))
      .pipe(z.uuid({ error: "invalid" }).optional()),
  })
  .refine((v) => !(v.householdCode && v.householdId), { error: "choose_one", path: ["householdCode"] });
export type DeskAccountInput = z.input<typeof deskAccountSchema>;

/** Step 1 of correcting a number at the desk: the new number, to which a code goes. */
export const deskPhoneCodeSchema = z.object({ userId: z.uuid({ error: "invalid" }), newPhone: phoneSchema });

/** Step 2: the code the resident reads out from the new number's text message. */
export const deskPhoneChangeSchema = deskPhoneCodeSchema.extend({ code: oneTimeCodeSchema });
