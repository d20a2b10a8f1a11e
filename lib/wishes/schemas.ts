import { z } from "zod";
import "@/lib/zod-codes";
import { blankIsMissing, mobilePhone as phone, multilineText, text, wholeNumber as whole } from "@/lib/form-fields";
import { CIRCUMSTANCES, WISH_CATEGORIES, WISH_MAX_MINUTES } from "@/vocabulary/wishes";

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

// The time a wish took, in two boxes: hours and minutes. A blank box beside a filled one is 0;
// both blank is no time written (the volunteer must write one, 0 when there is none to count).
// The hours box takes up to a day, so 13 hours is told it is too long, not that it is no number.
const HOURS_BOX_MAX = 24;
const timePart = (max: number) =>
  z.preprocess(
    blankIsMissing,
    z.coerce
      .number({ error: "number_invalid" })
      .int({ error: "number_invalid" })
      .min(0, { error: "number_invalid" })
      .max(max, { error: "number_invalid" })
      .optional(),
  );
const timeFields = { hours: timePart(HOURS_BOX_MAX), minutes: timePart(59) };

/** The two boxes as minutes; null when both are blank. */
export function minutesOfTime(v: { hours?: number; minutes?: number }): number | null {
  if (v.hours === undefined && v.minutes === undefined) return null;
  return (v.hours ?? 0) * 60 + (v.minutes ?? 0);
}

// The checks of the whole run even when a box was refused: they judge only boxes that parsed
// (a refused box says so itself).
type Boxes = { hours?: unknown; minutes?: unknown };
const fits = (x: unknown, max: number): x is number | undefined =>
  x === undefined || (typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= max);
const written = (v: Boxes) => v.hours !== undefined || v.minutes !== undefined;
const withinMax = ({ hours, minutes }: Boxes) =>
  !fits(hours, HOURS_BOX_MAX) || !fits(minutes, 59) || (minutesOfTime({ hours, minutes }) ?? 0) <= WISH_MAX_MINUTES;
const TOO_LONG = { error: "wish_time_too_long", path: ["hours"] };

/** The volunteer says the wish came true: what happened, and how long it took. */
export const fulfilSchema = z
  .object({
    claimId: id,
    note: multilineText().min(1, { error: "required" }).max(300, { error: "too_long" }),
    ...timeFields,
  })
  .refine(written, { error: "wish_time_required", path: ["hours"] })
  .refine(withinMax, TOO_LONG)
  .transform(({ hours, minutes, ...v }) => ({ ...v, minutes: minutesOfTime({ hours, minutes })! }));

/**
 * An organiser confirms it, with the beneficiary's thanks; the time the volunteer declared
 * stands unless they correct it (both boxes blank: as declared).
 */
export const confirmSchema = z
  .object({
    claimId: id,
    thanks: multilineText().max(200, { error: "too_long" }).default(""),
    ...timeFields,
  })
  .refine(withinMax, TOO_LONG)
  .transform(({ hours, minutes, ...v }) => ({ ...v, minutes: minutesOfTime({ hours, minutes }) }));

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
