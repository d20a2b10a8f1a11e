"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { SubmitButton } from "@/components/ui/submit-button";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/**
 * One button that posts hidden fields to a server action and shows the translated outcome
 * beside it. Works without JavaScript.
 */
export function ActionButton({
  action,
  fields,
  label,
  variant = "secondary",
  successText,
  confirmText,
  ariaLabel,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  successText?: string;
  confirmText?: string;
  /** When several buttons share a label, say which thing each one acts on. */
  ariaLabel?: string;
}) {
  const t = useTranslations("errors");
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form
      action={formAction}
      className="inline-flex flex-col items-start gap-1"
      onSubmit={(e) => {
        if (confirmText && !window.confirm(confirmText)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton variant={variant} size="sm" aria-label={ariaLabel}>
        {label}
      </SubmitButton>
      <span role="status" className="text-sm">
        {state.ok && successText ? successText : null}
        {!state.ok && state.code ? (
          <span className="font-semibold text-red-deep">{t.has(state.code) ? t(state.code) : t("unknown")}</span>
        ) : null}
      </span>
    </form>
  );
}
