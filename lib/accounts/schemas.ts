import { z } from "zod";
import { text } from "@/lib/form-fields";
import "@/lib/zod-codes";
import { isCommonPassword } from "./common-passwords";
import { normaliseHouseholdCode } from "./household-code-format";
import { GRANTABLE_ROLES } from "@/vocabulary/accounts";
import { phoneSchema } from "@/lib/auth/schemas";

// Client-safe: used by the forms (zodResolver) and parsed again by the services.
// Messages are error codes; the UI translates them under "fieldErrors".

export const nameSchema = text({ error: "required" }).min(1, { error: "required" }).max(40, { error: "name_too_long" });

export const newPasswordSchema = z
  .string({ error: "required" })
  .min(8, { error: "password_too_short" })
  .max(64, { error: "password_too_long" })
  .refine((p) => !isCommonPassword(p), { error: "password_common" });

export const householdCodeSchema = z
  .string()
  .transform(normaliseHouseholdCode)
  .pipe(z.string().regex(/^[2-9A-HJKMNP-Z]{8}$/, { error: "household_code_format" }));

/** The 6-digit one-time code from the text message; spaces are forgiven. */
export const oneTimeCodeSchema = z
  .string({ error: "required" })
  .transform((s) => s.replace(/\s/g, ""))
  .pipe(
    z
      .string()
      .min(1, { error: "required", abort: true })
      .regex(/^\d{6}$/, { error: "code_format" }),
  );

/** Step 1 of signing up or of a forgotten password: the number the code goes to. */
export const requestCodeSchema = z.object({ phone: phoneSchema });
export type RequestCodeInput = z.input<typeof requestCodeSchema>;

export const signUpSchema = z
  .object({
    name: nameSchema,
    phone: phoneSchema,
    code: oneTimeCodeSchema,
    password: newPasswordSchema,
    householdCode: z
      .string()
      .optional()
      .transform((s) => (s && s.trim() ? s : undefined))
      .pipe(householdCodeSchema.optional()),
  })
  .refine((v) => v.password !== v.phone, { error: "password_is_phone", path: ["password"] });
export type SignUpInput = z.input<typeof signUpSchema>;

export const resetPasswordSchema = z
  .object({ phone: phoneSchema, code: oneTimeCodeSchema, newPassword: newPasswordSchema })
  .refine((v) => v.newPassword !== v.phone, { error: "password_is_phone", path: ["newPassword"] });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const linkHouseholdSchema = z.object({ householdCode: householdCodeSchema });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "required" }).max(64, { error: "password_too_long" }),
    newPassword: newPasswordSchema,
  })
  .refine((v) => v.newPassword !== v.currentPassword, { error: "password_unchanged", path: ["newPassword"] });

export const updateProfileSchema = z.object({ name: nameSchema });

export const rosterRowSchema = z.object({
  building: text().min(1, { error: "building_required" }).max(40, { error: "too_long" }),
  unit: text().min(1, { error: "unit_required" }).max(20, { error: "too_long" }),
  room: text().min(1, { error: "room_required" }).max(20, { error: "too_long" }),
  householderName: text()
    .max(40, { error: "too_long" })
    .optional()
    .transform((s) => (s ? s : undefined)),
});
export type RosterRow = z.output<typeof rosterRowSchema>;

export const rosterImportSchema = z.object({
  csv: z.string().min(1, { error: "required" }).max(2_000_000, { error: "file_too_large" }),
});

/** A roster to check: an uploaded file (CSV or Excel workbook) or pasted text. */
export const rosterPreviewSchema = z.object({
  csv: z.string().max(2_000_000, { error: "file_too_large" }).optional(),
  file: z.object({ name: z.string().max(255), bytes: z.instanceof(Uint8Array) }).optional(),
});

export const verifyResidentSchema = z.object({
  userId: z.uuid({ error: "invalid" }),
  householdId: z.uuid({ error: "invalid" }).optional(),
});

export const roleChangeSchema = z.object({
  userId: z.uuid({ error: "invalid" }),
  role: z.enum(GRANTABLE_ROLES, { error: "invalid" }),
  grant: z.boolean(),
});

export const listQuerySchema = z.object({
  q: text().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** An organiser's answer to a household link waiting beyond the code's cap; a refusal says why. */
export const householdRequestDecisionSchema = z
  .object({
    id: z.uuid({ error: "invalid" }),
    decision: z.enum(["approve", "refuse"], { error: "invalid" }),
    reason: z.string().trim().max(200, { error: "too_long" }).default(""),
  })
  .refine((v) => v.decision !== "refuse" || v.reason.length > 0, { error: "reason_required", path: ["reason"] });

export const householdSettingsSchema = z.object({
  householdCodeCap: z.coerce
    .number({ error: "number_invalid" })
    .int({ error: "number_invalid" })
    .min(1, { error: "number_invalid" })
    .max(50, { error: "number_invalid" }),
});
