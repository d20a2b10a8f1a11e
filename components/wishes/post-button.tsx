"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/**
 * One large button that posts a hidden id to a server action (also without JavaScript); the action
 * redirects on success, and a refusal is said in words above the button. Claiming a wish and the
 * "yes" of letting one go.
 */
export function PostButton({
  action,
  name,
  value,
  label,
  variant = "primary",
}: {
  action: Action;
  name: string;
  value: string;
  label: string;
  variant?: "primary" | "danger";
}) {
  const [state, formAction] = useActionState(action, { ok: false });
  return (
    <form action={formAction} className="flex flex-col gap-3">
      {!state.ok && state.code && <FormMessage key={state.at} code={state.code} />}
      <input type="hidden" name={name} value={value} />
      <SubmitButton variant={variant} size="lg" className="self-stretch sm:self-start">
        {label}
      </SubmitButton>
    </form>
  );
}
