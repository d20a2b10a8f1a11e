import { z } from "zod";
import "@/lib/zod-codes";
import { mobilePhone as phone, multilineText, text, wholeNumber as whole } from "@/lib/form-fields";
import { MAX_RULE_POINTS, RULE_BASES, SERVICE_POINT_KINDS } from "@/vocabulary/points";

// Client-safe: the points forms (awarding, rewards, redeeming, the leaderboard's name), parsed by
// the form and again by the service. Messages are error codes under "fieldErrors".

const id = z.uuid({ error: "invalid" });

export const awardSchema = z.object({
  userId: id,
  points: whole(1, 1000),
  reason: multilineText().min(1, { error: "reason_required" }).max(200, { error: "too_long" }),
});
export const redeemSchema = z.object({ userId: id, rewardId: id });
export const rewardSchema = z.object({
  name: text().min(1, { error: "required" }).max(40, { error: "too_long" }),
  cost: whole(1, 100_000),
});

/** The leaderboard shows my name, or "a volunteer" (a form's radio sends "true" / "false"). */
export const anonymousSchema = z.object({
  anonymous: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: "invalid" }),
});
export const rewardActiveSchema = z.object({
  id,
  active: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ error: "invalid" })),
});
/** Finding a volunteer at the points desk by their mobile number. */
export const phoneLookupSchema = z.object({ phone });

/** An organiser's rule for one kind of service: so many points each, or for each hour. */
export const pointRuleSchema = z.object({
  kind: z.enum(SERVICE_POINT_KINDS, { error: "invalid" }),
  basis: z.enum(RULE_BASES, { error: "invalid" }),
  points: whole(0, MAX_RULE_POINTS),
});

/** The year-end reward round of a year (the current or an earlier one). */
export const roundYearSchema = z.object({ year: whole(2000, 2100) });
/** A band of the round: from so many points up, this reward. */
export const rewardBandSchema = z.object({
  year: whole(2000, 2100),
  minPoints: whole(1, 100_000),
  reward: text().min(1, { error: "required" }).max(40, { error: "too_long" }),
});
export const rewardBandIdSchema = z.object({ bandId: id });
export const rewardHandedSchema = z.object({
  awardId: id,
  handed: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ error: "invalid" })),
});
