import { z } from "zod";
import "@/lib/zod-codes";

// Client-safe: fields that more than one domain's forms ask for, with the same error codes.

// C0 and C1 control characters and DEL: invisible in a page, they can break a line in a calendar
// file or a CSV export, or hide what a text says. Boxes of several lines keep their line breaks
// (a browser sends them as CR LF) and tabs.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_CHARS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

type StringParams = Parameters<typeof z.string>[0];

/** Text typed in a one-line box: trimmed, control characters refused (`control_chars`). */
export const text = (params?: StringParams) =>
  z
    .string(params)
    .trim()
    .refine((v) => !CONTROL_CHARS.test(v), { error: "control_chars" });

/** Text typed in a box of several lines: like `text`, but line breaks and tabs are kept. */
export const multilineText = (params?: StringParams) =>
  z
    .string(params)
    .trim()
    .refine((v) => !CONTROL_CHARS_BUT_LINES.test(v), { error: "control_chars" });

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
