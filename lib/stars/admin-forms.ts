import { z } from "zod";
import "@/lib/zod-codes";
import { NOMINATION_STATUSES } from "@/vocabulary/stars";
import type { FieldErrors } from "@/lib/result";
import { publishSchema } from "./schemas";

// Client-safe helpers of the organisers' Neighbourhood Star forms: the vetting filters (read from
// the address) and the publish form, whose tie choices are named per category.

export const vettingFilterSchema = z.object({
  status: z.enum(NOMINATION_STATUSES).optional().catch(undefined),
  category: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type VettingFilters = z.output<typeof vettingFilterSchema>;

/** The publish form's fields for a category with a tie at the cut. */
export const tieField = (categoryId: string) => `tie:${categoryId}`;
export const reasonField = (categoryId: string) => `reason:${categoryId}`;
export const TIE_CATEGORY_FIELD = "tieCategory";

type Form = Pick<FormData, "get" | "getAll">;

/**
 * The publish form → the service's input. A tie nobody touched is left out, so the service names
 * it unsettled; a tie with choices or a reason goes in as it was filled.
 */
export function publishInputFromForm(form: Form) {
  const categories = [...new Set(form.getAll(TIE_CATEGORY_FIELD).map(String))];
  const settlements = categories
    .map((categoryId) => ({
      categoryId,
      winnerIds: form.getAll(tieField(categoryId)).map(String),
      reason: String(form.get(reasonField(categoryId)) ?? ""),
    }))
    .filter((s) => s.winnerIds.length > 0 || s.reason.trim() !== "");
  return { festivalSlug: String(form.get("festivalSlug") ?? ""), settlements };
}

/**
 * The schema's complaints about one settlement, named by its form field (`tie:<id>`,
 * `reason:<id>`) so the form shows each beside its category; null when the input is well formed.
 */
export function publishFieldErrors(input: ReturnType<typeof publishInputFromForm>): FieldErrors | null {
  const parsed = publishSchema.safeParse(input);
  if (parsed.success) return null;
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const [top, index, field] = issue.path;
    const s = top === "settlements" && typeof index === "number" ? input.settlements[index] : undefined;
    const key = !s ? String(top ?? "form") : field === "reason" ? reasonField(s.categoryId) : tieField(s.categoryId);
    // Messages are codes ("reason_required", "choose_one"): see lib/zod-codes.ts.
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
