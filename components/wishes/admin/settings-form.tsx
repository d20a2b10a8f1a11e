"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { updateWishSettingsAction } from "@/lib/wishes/admin-actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionFailureText, submitKeepingValues } from "@/components/ui/action-outcome";

/** The community's micro-wish rules; works without JavaScript. */
export function WishSettingsForm({
  settings,
}: {
  settings: { wishValueCap: number; claimCap: number; claimDays: number };
}) {
  const t = useTranslations("wishAdmin.settings");
  const [state, action, pending] = useActionState<ActionState, FormData>(updateWishSettingsAction, { ok: false });
  const failure = useActionFailureText("wishAdmin")(state);
  const v = (k: keyof typeof settings) => state.values?.[k] ?? String(settings[k]);
  const e = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]);
  return (
    <form
      action={action}
      onSubmit={submitKeepingValues(action)}
      className="flex max-w-xl flex-col gap-4 rounded-xl border border-line bg-white p-4 sm:p-5"
    >
      <Field
        name="wishValueCap"
        label={t("cap")}
        hint={t("capHint")}
        type="number"
        min={1}
        max={100000}
        inputMode="numeric"
        required
        defaultValue={v("wishValueCap")}
        errors={e("wishValueCap")}
      />
      <Field
        name="claimCap"
        label={t("claimCap")}
        hint={t("claimCapHint")}
        type="number"
        min={1}
        max={50}
        inputMode="numeric"
        required
        defaultValue={v("claimCap")}
        errors={e("claimCap")}
      />
      <Field
        name="claimDays"
        label={t("claimDays")}
        hint={t("claimDaysHint")}
        type="number"
        min={1}
        max={90}
        inputMode="numeric"
        required
        defaultValue={v("claimDays")}
        errors={e("claimDays")}
      />
      <div>
        <SubmitButton pending={pending}>{t("save")}</SubmitButton>
      </div>
      {state.ok && <Alert tone="success">{t("saved")}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}
