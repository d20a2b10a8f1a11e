import { z } from "zod";
import "@/lib/zod-codes";

// Client-safe: fields that more than one domain's forms ask for, with the same error codes.

/** A mainland mobile number. */
export const mobilePhone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: "phone_invalid" });

/** A blank box is no number (coercing "" would make it 0: a blank age would read as a child). */
export const blankIsMissing = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A whole number from `min` to `max`, typed in a box or given as a number. */
export const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    blankIsMissing,
    z.coerce
      .number({ error: "number_invalid" })
      .int({ error: "number_invalid" })
      .min(min, { error: "number_invalid" })
      .max(max, { error: "number_invalid" }),
  );
