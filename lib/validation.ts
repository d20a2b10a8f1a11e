import { z } from "zod";
import "@/lib/zod-codes";
import { fail, type FieldErrors } from "@/lib/result";

/** Parses input with a form's schema; bad input becomes `invalid` with field errors (codes). */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | ReturnType<typeof fail> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors = z.flattenError(parsed.error).fieldErrors as FieldErrors;
  return fail("invalid", fieldErrors);
}

/** Masks a phone number for logs and lists that do not need it whole: 138****0000. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : "***";
}
