"use client";

import type { ActionState } from "@/lib/action-state";
import { InlineOutcome as SharedInlineOutcome, useActionFailureText } from "@/components/ui/action-outcome";

export { submitKeepingValues } from "@/components/ui/action-outcome";

/** The translated text of a failed action, with the review pages' own wording first. */
export const useFailureText = () => useActionFailureText("review");

/** A one-line outcome beside a small form, announced to screen readers. */
export function InlineOutcome({ state, success }: { state: ActionState; success?: string | null }) {
  return <SharedInlineOutcome state={state} success={success} scope="review" />;
}
