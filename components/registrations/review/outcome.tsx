"use client";

import { startTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";

/** The translated text of a failed action: a field's own error when there is one, else the code's. */
export function useFailureText() {
  const t = useTranslations();
  return (state: ActionState): string | null => {
    if (state.ok || !state.code) return null;
    const field = Object.values(state.fieldErrors ?? {})
      .flat()
      .find(Boolean);
    if (state.code === "invalid" && field) return t.has(`fieldErrors.${field}`) ? t(`fieldErrors.${field}`) : t("errors.invalid");
    if (t.has(`review.codes.${state.code}`)) return t(`review.codes.${state.code}`);
    return t.has(`errors.${state.code}`) ? t(`errors.${state.code}`) : t("errors.unknown");
  };
}

/** A one-line outcome beside a small form, announced to screen readers. */
export function InlineOutcome({ state, success }: { state: ActionState; success?: string | null }) {
  const failure = useFailureText()(state);
  return (
    <span role="status" className="text-sm">
      {state.ok && success ? <span className="font-semibold text-green-ink">{success}</span> : null}
      {failure ? <span className="font-semibold text-red-deep">{failure}</span> : null}
    </span>
  );
}

/**
 * Submits a form through its action without React's automatic reset after the action, so
 * ticked rows and a typed reason survive a refusal. Without scripts the form posts as usual.
 */
export function submitKeepingValues(dispatch: (formData: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formData = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(formData));
  };
}
