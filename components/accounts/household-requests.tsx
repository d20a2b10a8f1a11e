"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { decideHouseholdRequestAction, updateHouseholdSettingsAction } from "@/lib/accounts/actions";
import type { ActionState } from "@/lib/action-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { InlineOutcome, submitKeepingValues, useActionFailureText } from "@/components/ui/action-outcome";

/** Approve or refuse one waiting household link; a refusal needs a reason. Works without JavaScript. */
export function HouseholdRequestDecision({ id, name }: { id: string; name: string }) {
  const t = useTranslations("households.approvals");
  const [state, action, pending] = useActionState<ActionState, FormData>(decideHouseholdRequestAction, {
    ok: false,
  });
  const reasonId = useId();
  if (state.ok) return <p className="text-lg font-semibold text-green-ink">{t("decided")}</p>;
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={id} />
      <Field
        id={reasonId}
        name="reason"
        label={t("reason")}
        hint={t("reasonHint")}
        maxLength={200}
        defaultValue={state.values?.reason ?? ""}
        errors={state.fieldErrors?.reason}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="decision" value="approve" disabled={pending} aria-label={t("approveFor", { name })}>
          {t("approve")}
        </Button>
        <Button
          type="submit"
          name="decision"
          value="refuse"
          variant="danger"
          disabled={pending}
          aria-label={t("refuseFor", { name })}
        >
          {t("refuse")}
        </Button>
      </div>
      <InlineOutcome state={state} />
    </form>
  );
}

/** How many accounts one household code verifies before the next waits here. */
export function HouseholdCapForm({ cap }: { cap: number }) {
  const t = useTranslations("households.approvals");
  const [state, action, pending] = useActionState<ActionState, FormData>(updateHouseholdSettingsAction, {
    ok: false,
  });
  const failure = useActionFailureText()(state);
  return (
    <form
      action={action}
      onSubmit={submitKeepingValues(action)}
      className="flex max-w-xl flex-col gap-4 rounded-xl border border-line bg-white p-4 sm:p-5"
    >
      <Field
        name="householdCodeCap"
        label={t("cap")}
        hint={t("capHint")}
        type="number"
        min={1}
        max={50}
        inputMode="numeric"
        required
        defaultValue={state.values?.householdCodeCap ?? String(cap)}
        errors={state.ok ? undefined : state.fieldErrors?.householdCodeCap}
      />
      <div>
        <SubmitButton pending={pending} variant="secondary">
          {t("saveCap")}
        </SubmitButton>
      </div>
      {state.ok && <Alert tone="success">{t("capSaved")}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}
