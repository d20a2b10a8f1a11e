import { z } from "zod";
import "@/lib/zod-codes";
import { blankIsMissing, mobilePhone as phone, multilineText, text, wholeNumber as whole } from "@/lib/form-fields";
import { CIRCUMSTANCES, WISH_CATEGORIES } from "@/vocabulary/wishes";

// Client-safe: the micro-wish forms, parsed by the form and again by the services. Messages are
// error codes under "fieldErrors".

const id = z.uuid({ error: "invalid" });

// What a wish costs, in yuan: goods need it (the cap applies); help and company may cost
// nothing, and a blank box then means 0 — not "about ¥1".
const amount = z.preprocess(
  (v) => blankIsMissing(v) ?? 0,
  z.coerce
    .number({ error: "number_invalid" })
    .int({ error: "number_invalid" })
    .min(0, { error: "number_invalid" })
    .max(100_000, { error: "number_invalid" }),
);

export const WISH_TITLE_MAX = 40;
export const WISH_STORY_MAX = 300;

const wishFields = {
  title: text().min(1, { error: "required" }).max(40, { error: "too_long" }),
  story: multilineText().min(1, { error: "required" }).max(300, { error: "too_long" }),
  category: z.enum(WISH_CATEGORIES, { error: "invalid" }),
  value: amount,
  wantedBy: z.iso.date({ error: "date_invalid" }).nullable().default(null),
  // The wall shows an age band beside the alias; an exact age in the alias would undo it.
  alias: text()
    .min(1, { error: "required" })
    .max(20, { error: "too_long" })
    .refine((a) => !/[0-9０-９]/.test(a), { error: "alias_has_age" }),
};

/** An organiser or social worker writes a wish down for a beneficiary. */
export const wishForBeneficiarySchema = z.object({
  ...wishFields,
  beneficiary: z.object({
    realName: text().min(1, { error: "required" }).max(40, { error: "too_long" }),
    phone: phone.nullable().default(null),
    householdId: id.nullable().default(null),
    address: text().max(100, { error: "too_long" }).nullable().default(null),
    age: whole(0, 120),
    circumstance: z.enum(CIRCUMSTANCES, { error: "invalid" }),
  }),
});

/** A resident asks for themselves; it waits for vetting. */
export const ownWishSchema = z.object({
  ...wishFields,
  age: whole(0, 120),
  circumstance: z.enum(CIRCUMSTANCES, { error: "invalid" }),
});

/** The same, corrected by the resident: which wish, and the version they read. */
export const updateOwnWishSchema = ownWishSchema.extend({ id, version: whole(1, 1_000_000_000) });

export const vetWishSchema = z
  .object({
    id,
    decision: z.enum(["approve", "reject", "changes"]),
    reason: multilineText().max(200, { error: "too_long" }).default(""),
  })
  .refine((v) => v.decision === "approve" || v.reason.length > 0, { error: "reason_required", path: ["reason"] });

export const fulfilSchema = z.object({
  claimId: id,
  note: multilineText().min(1, { error: "required" }).max(300, { error: "too_long" }),
});
export const confirmSchema = z.object({
  claimId: id,
  thanks: multilineText().max(200, { error: "too_long" }).default(""),
});

export const settingsSchema = z.object({
  wishValueCap: whole(1, 100_000),
  claimCap: whole(1, 50),
  claimDays: whole(1, 90),
});

/** An organiser releases a stuck claim; the reason is told to the volunteer. */
export const releaseSchema = z.object({
  claimId: id,
  reason: multilineText().max(200, { error: "too_long" }).default(""),
});
