import { z } from "zod";
import "@/lib/zod-codes";
import { text } from "@/lib/form-fields";
import { phoneSchema } from "@/lib/auth/schemas";
import { householdCodeSchema, nameSchema, newPasswordSchema, oneTimeCodeSchema } from "@/lib/accounts/schemas";

// Client-safe: the desk's forms and the sign-in form with a reset code parse these, and the
// services parse them again. Messages are error codes translated under "fieldErrors".

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
