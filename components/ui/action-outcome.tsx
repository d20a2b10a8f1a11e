"use client";

import { startTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";

/**
 * The translated text of a failed action: a field's own error when there is one, else the code's.
 * A page's own wording (`<scope>.codes.<code>`, `<scope>.fieldErrors.<code>`) comes first, then the app's.
 */
export function useActionFailureText(scope?: string) {
  const t = useTranslations();
  return (state: ActionState): string | null => {
    if (state.ok || !state.code) return null;
    const field = Object.values(state.fieldErrors ?? {})
      .flat()
      .find(Boolean);
    if (state.code === "invalid" && field) return fieldErrorText(t, field, scope);
    if (scope && t.has(`${scope}.codes.${state.code}`)) return t(`${scope}.codes.${state.code}`);
    return t.has(`errors.${state.code}`) ? t(`errors.${state.code}`) : t("errors.unknown");
  };
}

type T = ReturnType<typeof useTranslations>;

/** One field error code in words: the page's own wording first, then the app's. */
export function fieldErrorText(t: T, code: string, scope?: string): string {
  if (scope && t.has(`${scope}.fieldErrors.${code}`)) return t(`${scope}.fieldErrors.${code}`);
  return t.has(`fieldErrors.${code}`) ? t(`fieldErrors.${code}`) : t("fieldErrors.invalid");
}

/** A one-line outcome beside a small form, announced to screen readers. */
export function InlineOutcome({
  state,
  success,
  scope,
}: {
  state: ActionState;
  success?: React.ReactNode;
  scope?: string;
}) {
  const failure = useActionFailureText(scope)(state);
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
