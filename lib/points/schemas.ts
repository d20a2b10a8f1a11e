import { z } from "zod";
import "@/lib/zod-codes";

// Client-safe: the points forms (awarding, rewards, redeeming, the leaderboard's name), parsed by
// the form and again by the service. Messages are error codes under "fieldErrors".

const id = z.uuid({ error: "invalid" });
const phone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: "phone_invalid" });
// A blank box is no number (coercing "" would make it 0).
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
export const rewardActiveSchema = z.object({
  id,
  active: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ error: "invalid" })),
});
/** Finding a volunteer at the points desk by their mobile number. */
export const phoneLookupSchema = z.object({ phone });
