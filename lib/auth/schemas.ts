import { z } from "zod";
import "@/lib/zod-codes";

// Client-safe: the sign-in form (zodResolver) and the credentials check parse the same schema.
// Messages are error codes; the UI translates them under "fieldErrors".

/** A mainland mobile number; spaces, dashes and a +86 prefix are forgiven. */
export const phoneSchema = z
  .string({ error: "required" })
  .transform((s) => s.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, ""))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, { error: "phone_invalid" }));

export const signInSchema = z.object({
  phone: phoneSchema,
  password: z.string().min(1, { error: "required" }).max(64, { error: "password_too_long" }),
});

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
