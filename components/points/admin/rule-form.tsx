"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { setPointRuleAction } from "@/lib/points/admin-actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { useActionFailureText, submitKeepingValues } from "@/components/ui/action-outcome";
import { SubmitButton } from "@/components/ui/submit-button";
import { MAX_RULE_POINTS, RULE_BASES, type RuleBasis, type ServicePointKind } from "@/vocabulary/points";

const control = "min-h-12 w-full rounded-xl border-2 border-stone-400 bg-white px-4 text-lg text-ink";

/** One service's point rule: so many points each time, or for each hour of it. */
export function PointRuleForm({
  kind,
  label,
  basis,
  points,
}: {
  kind: ServicePointKind;
  label: string;
  basis: RuleBasis;
  points: number;
}) {
  const t = useTranslations("pointsAdmin.rules");
  const id = useId();
  const [state, action, pending] = useActionState<ActionState, FormData>(setPointRuleAction, { ok: false });
  const failure = useActionFailureText("pointsAdmin")(state);
  const e = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]);
  return (
    <form
      action={action}
      onSubmit={submitKeepingValues(action)}
      aria-label={label}
      className="flex flex-wrap items-end gap-3 border-b border-line py-3 last:border-b-0"
    >
      <input type="hidden" name="kind" value={kind} />
      <p className="min-w-40 flex-[2_1_12rem] text-lg font-semibold">{label}</p>
      <Field
        name="points"
        label={t("points")}
        type="number"
        min={0}
        max={MAX_RULE_POINTS}
        inputMode="numeric"
        required
        defaultValue={state.ok ? String(points) : (state.values?.points ?? String(points))}
        errors={e("points")}
        className="w-32"
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-basis`} className="text-lg font-semibold">
          {t("basis")}
        </label>
        <select
          id={`${id}-basis`}
          name="basis"
          defaultValue={state.ok ? basis : (state.values?.basis ?? basis)}
          className={control}
        >
          {RULE_BASES.map((b) => (
            <option key={b} value={b}>
              {t(`bases.${b}`)}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton pending={pending}>{t("save")}</SubmitButton>
      {state.ok && <Alert tone="success">{t("saved", { label })}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}
