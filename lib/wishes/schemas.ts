import { z } from "zod";
import "@/lib/zod-codes";
import { CIRCUMSTANCES, WISH_CATEGORIES } from "@/vocabulary/wishes";

// Client-safe: the micro-wish forms, parsed by the form and again by the services. Messages are
// error codes under "fieldErrors".

const id = z.uuid({ error: "invalid" });
const phone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: "phone_invalid" });
// A blank box is no number (coercing "" would make it 0: a blank age would read as a child).
const blankIsMissing = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const whole = (min: number, max: number) =>
  z.preprocess(
    blankIsMissing,
    z.coerce
      .number({ error: "number_invalid" })
      .int({ error: "number_invalid" })
      .min(min, { error: "number_invalid" })
      .max(max, { error: "number_invalid" }),
  );

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
  title: z.string().trim().min(1, { error: "required" }).max(40, { error: "too_long" }),
  story: z.string().trim().min(1, { error: "required" }).max(300, { error: "too_long" }),
  category: z.enum(WISH_CATEGORIES, { error: "invalid" }),
  value: amount,
  wantedBy: z.iso.date({ error: "date_invalid" }).nullable().default(null),
  // The wall shows an age band beside the alias; an exact age in the alias would undo it.
  alias: z
    .string()
    .trim()
    .min(1, { error: "required" })
    .max(20, { error: "too_long" })
    .refine((a) => !/[0-9０-９]/.test(a), { error: "alias_has_age" }),
};

/** An organiser or social worker writes a wish down for a beneficiary. */
export const wishForBeneficiarySchema = z.object({
  ...wishFields,
  beneficiary: z.object({
    realName: z.string().trim().min(1, { error: "required" }).max(40, { error: "too_long" }),
    phone: phone.nullable().default(null),
    householdId: id.nullable().default(null),
    address: z.string().trim().max(100, { error: "too_long" }).nullable().default(null),
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
    reason: z.string().trim().max(200, { error: "too_long" }).default(""),
  })
  .refine((v) => v.decision === "approve" || v.reason.length > 0, { error: "reason_required", path: ["reason"] });

export const fulfilSchema = z.object({
  claimId: id,
  note: z.string().trim().min(1, { error: "required" }).max(300, { error: "too_long" }),
});
export const confirmSchema = z.object({
  claimId: id,
  thanks: z.string().trim().max(200, { error: "too_long" }).default(""),
});

export const settingsSchema = z.object({
  wishValueCap: whole(1, 100_000),
  claimCap: whole(1, 50),
  claimDays: whole(1, 90),
});

export const awardSchema = z.object({
  userId: id,
  points: whole(1, 1000),
  reason: z.string().trim().min(1, { error: "reason_required" }).max(200, { error: "too_long" }),
});
export const redeemSchema = z.object({ userId: id, rewardId: id });
export const rewardSchema = z.object({
  name: z.string().trim().min(1, { error: "required" }).max(40, { error: "too_long" }),
  cost: whole(1, 100_000),
});

/** The leaderboard shows my name, or "a volunteer" (a form's radio sends "true" / "false"). */
export const anonymousSchema = z.object({
  anonymous: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: "invalid" }),
});

/** An organiser releases a stuck claim; the reason is told to the volunteer. */
export const releaseSchema = z.object({
  claimId: id,
  reason: z.string().trim().max(200, { error: "too_long" }).default(""),
});
export const rewardActiveSchema = z.object({
  id,
  active: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ error: "invalid" })),
});
/** Finding a volunteer at the points desk by their mobile number. */
export const phoneLookupSchema = z.object({ phone });
