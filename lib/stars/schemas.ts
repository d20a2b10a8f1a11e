import { z } from "zod";
import { multilineText, text } from "@/lib/form-fields";
import "@/lib/zod-codes";
import { STAR_MODES } from "@/vocabulary/stars";

// Client-safe: the Neighbourhood Star forms, parsed by the form and again by the services.
// Messages are error codes under "fieldErrors".

const slug = text().min(1).max(40);
const id = z.uuid({ error: "invalid" });
const count = (max: number) =>
  z.coerce
    .number({ error: "number_invalid" })
    .int({ error: "number_invalid" })
    .min(1, { error: "number_invalid" })
    .max(max, { error: "number_invalid" });

export const STORY_MAX = 500;

const categoryFields = {
  name: text().min(1, { error: "required" }).max(30, { error: "too_long" }),
  description: multilineText().max(200, { error: "too_long" }).default(""),
  winners: count(50),
  votesPerVoter: count(10),
  mode: z.enum(STAR_MODES, { error: "invalid" }),
  nominationCap: count(10).default(2),
};

export const categorySchema = z
  .object({ festivalSlug: slug, ...categoryFields })
  .refine((c) => c.votesPerVoter <= Math.max(c.winners, 1) * 3, { error: "too_many", path: ["votesPerVoter"] });
export const updateCategorySchema = z.object({ id, version: z.coerce.number().int(), ...categoryFields });
export const deleteCategorySchema = z.object({ id });

const phone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: "phone_invalid" });

const nomineeName = text().min(1, { error: "required" }).max(40, { error: "too_long" });

/**
 * A nominee with an account is found by phone, under the name the nominator gives: the account's
 * own name is never shown back, so the form cannot be used to learn whose number it is.
 */
export const nomineeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("account"), phone, name: nomineeName }),
  z.object({
    kind: z.literal("named"),
    name: nomineeName,
    building: text().min(1, { error: "building_required" }).max(30, { error: "too_long" }),
    unit: text().max(20, { error: "too_long" }).default(""),
  }),
]);

export const nominationSchema = z.object({
  festivalSlug: slug,
  categoryId: id,
  nominee: nomineeSchema,
  story: multilineText().min(1, { error: "required" }).max(STORY_MAX, { error: "too_long" }),
});
export type NominationInput = z.input<typeof nominationSchema>;

export const vetSchema = z
  .object({
    ids: z.array(id).min(1).max(200),
    decision: z.enum(["approve", "reject"]),
    reason: multilineText().max(200, { error: "too_long" }).default(""),
  })
  .refine((v) => v.decision !== "reject" || v.reason.length > 0, { error: "reason_required", path: ["reason"] });

export const mergeSchema = z
  .object({ sourceId: id, targetId: id })
  .refine((m) => m.sourceId !== m.targetId, { error: "invalid", path: ["sourceId"] });

export const editStorySchema = z.object({
  id,
  version: z.coerce.number().int(),
  story: multilineText().min(1, { error: "required" }).max(STORY_MAX, { error: "too_long" }),
  reason: multilineText().min(1, { error: "reason_required" }).max(200, { error: "too_long" }),
});

export const ballotSchema = z.object({
  festivalSlug: slug,
  categoryId: id,
  candidateIds: z.array(id).min(1, { error: "choose_one" }).max(10, { error: "too_many" }),
});

export const publishSchema = z.object({
  festivalSlug: slug,
  /** How the organisers settled each tie at the cut: the winners they chose and why. */
  settlements: z
    .array(
      z.object({
        categoryId: id,
        winnerIds: z.array(id).min(1).max(50),
        reason: multilineText().min(1, { error: "reason_required" }).max(200, { error: "too_long" }),
      }),
    )
    .max(50)
    .default([]),
});

/**
 * A paper ballot typed in at the desk: the choice on the slip, for a resident with an account
 * (userId) or a household member without one (memberId), exactly one of the two. An empty slip
 * is not a ballot: the desk types in only slips with a tick.
 */
export const paperBallotSchema = z
  .object({
    festivalSlug: slug,
    categoryId: id,
    userId: id.optional(),
    memberId: id.optional(),
    candidateIds: z.array(id).min(1, { error: "choose_one" }).max(10, { error: "too_many" }),
  })
  .refine((v) => !v.userId !== !v.memberId, { error: "invalid", path: ["userId"] });
export type PaperBallotInput = z.input<typeof paperBallotSchema>;
