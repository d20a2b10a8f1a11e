"use client";

import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import { Button } from "./button";
import { Spinner } from "./spinner";
import type { ComponentProps } from "react";

/**
 * A submit button that says it is sending while its form is pending, and cannot be pressed
 * again until the answer comes. `pending` is for forms that send by themselves (react-hook-form's
 * isSubmitting, a transition); otherwise the form's own status is used.
 */
export function SubmitButton({
  children,
  pending: pendingProp,
  disabled,
  ...props
}: ComponentProps<typeof Button> & { pending?: boolean }) {
  const status = useFormStatus();
  const t = useTranslations("common");
  const pending = pendingProp || status.pending;
  return (
    <Button type="submit" {...props} disabled={pending || disabled} aria-busy={pending || undefined}>
      {pending ? (
        <>
          <Spinner />
          {t("sending")}
        </>
      ) : (
        children
      )}
    </Button>
  );
}
