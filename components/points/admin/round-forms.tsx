"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { addRewardBandAction } from "@/lib/points/round-actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { submitKeepingValues, useActionFailureText } from "@/components/ui/action-outcome";
import { SubmitButton } from "@/components/ui/submit-button";

/** A band of the year's round: from so many points up, this modest reward. */
export function AddRewardBandForm({ year }: { year: number }) {
  const t = useTranslations("postPoints.rewards");
  const [state, action, pending] = useActionState<ActionState<{ id: string }>, FormData>(addRewardBandAction, {
    ok: false,
  });
  const failure = useActionFailureText("postPoints.rewards")(state);
  const e = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]);
  const kept = (k: string) => (state.ok ? "" : (state.values?.[k] ?? ""));
  return (
    <form
      // A fresh form once a band is added, so the next one starts empty.
      key={state.ok ? state.at : "editing"}
      action={action}
      onSubmit={submitKeepingValues(action)}
      aria-label={t("addTitle")}
      className="flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="year" value={year} />
      <Field
        name="minPoints"
        label={t("minPoints")}
        type="number"
        min={1}
        inputMode="numeric"
        required
        defaultValue={kept("minPoints")}
        errors={e("minPoints")}
        className="w-40"
      />
      <Field
        name="reward"
        label={t("reward")}
        maxLength={40}
        required
        defaultValue={kept("reward")}
        errors={e("reward")}
        hint={t("rewardHint")}
        className="min-w-56 flex-1"
      />
      <SubmitButton pending={pending}>{t("add")}</SubmitButton>
      {state.ok && <Alert tone="success">{t("added")}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}
