"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";

/** The translated text of a failed action: a field's own error when there is one, else the code's. */
export function useStarsFailureText() {
  const t = useTranslations();
  return (state: ActionState): string | null => {
    if (state.ok || !state.code) return null;
    const field = Object.values(state.fieldErrors ?? {})
      .flat()
      .find(Boolean);
    if (state.code === "invalid" && field) return fieldError(t, field);
    if (t.has(`starsAdmin.codes.${state.code}`)) return t(`starsAdmin.codes.${state.code}`);
    return t.has(`errors.${state.code}`) ? t(`errors.${state.code}`) : t("errors.unknown");
  };
}

type T = ReturnType<typeof useTranslations>;

/** One field error code in words: the Neighbourhood Star pages' own wording first, then the app's. */
export function fieldError(t: T, code: string): string {
  if (t.has(`starsAdmin.fieldErrors.${code}`)) return t(`starsAdmin.fieldErrors.${code}`);
  return t.has(`fieldErrors.${code}`) ? t(`fieldErrors.${code}`) : t("fieldErrors.invalid");
}

/** A one-line outcome beside a small form, announced to screen readers. */
export function InlineOutcome({ state, success }: { state: ActionState; success?: React.ReactNode }) {
  const failure = useStarsFailureText()(state);
  return (
    <span role="status" className="text-sm">
      {state.ok && success ? <span className="font-semibold text-green-ink">{success}</span> : null}
      {failure ? <span className="font-semibold text-red-deep">{failure}</span> : null}
    </span>
  );
}
