"use client";

import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import { Button } from "./button";
import type { ComponentProps } from "react";

/** A submit button that says it is working while its form is pending. */
export function SubmitButton({ children, pending: pendingProp, ...props }: ComponentProps<typeof Button> & { pending?: boolean }) {
  const status = useFormStatus();
  const t = useTranslations("common");
  const pending = pendingProp ?? status.pending;
  return (
    <Button type="submit" disabled={pending || props.disabled} aria-disabled={pending || undefined} {...props}>
      {pending ? t("working") : children}
    </Button>
  );
}
