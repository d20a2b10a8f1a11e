"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import {
  fieldErrorText,
  InlineOutcome as SharedInlineOutcome,
  useActionFailureText,
} from "@/components/ui/action-outcome";

/** The translated text of a failed action, with the Neighbourhood Star pages' own wording first. */
export const useStarsFailureText = () => useActionFailureText("starsAdmin");

/** One field error code in words: the Neighbourhood Star pages' own wording first, then the app's. */
export const fieldError = (t: ReturnType<typeof useTranslations>, code: string) =>
  fieldErrorText(t, code, "starsAdmin");

/** A one-line outcome beside a small form, announced to screen readers. */
export function InlineOutcome({ state, success }: { state: ActionState; success?: React.ReactNode }) {
  return <SharedInlineOutcome state={state} success={success} scope="starsAdmin" />;
}
