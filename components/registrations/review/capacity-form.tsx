"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { setCapacityAction } from "@/lib/registrations/review-actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { InlineOutcome } from "./outcome";

/** The places of one role or event, edited where they are shown; empty means no limit. */
export function CapacityForm({
  slug,
  scope,
  capacity,
  name,
}: {
  slug: string;
  scope: string;
  capacity: number | null;
  name: string;
}) {
  const t = useTranslations("review.places");
  const [state, action] = useActionState<ActionState, FormData>(setCapacityAction, { ok: false });
  const id = `capacity-${scope.replace(/[^a-z0-9]/gi, "-")}`;
  const promoted = state.ok ? ((state.data as { promoted?: number } | undefined)?.promoted ?? 0) : 0;
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="festivalSlug" value={slug} />
      <input type="hidden" name="scope" value={scope} />
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="sr-only">
          {t("capacityFor", { name })}
        </label>
        <input
          id={id}
          name="capacity"
          type="number"
          min={0}
          max={100000}
          inputMode="numeric"
          placeholder={t("unlimited")}
          defaultValue={state.values?.capacity ?? (capacity === null ? "" : String(capacity))}
          aria-invalid={!state.ok && state.code ? true : undefined}
          className="min-h-11 w-24 rounded-lg border-2 border-stone-400 bg-white px-2 text-base"
        />
        <SubmitButton variant="secondary" size="sm" aria-label={`${t("save")} ${t("capacityFor", { name })}`}>
          {t("save")}
        </SubmitButton>
      </div>
      <InlineOutcome state={state} success={promoted ? t("savedPromoted", { count: promoted }) : t("saved")} />
    </form>
  );
}
