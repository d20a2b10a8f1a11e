"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { confirmFulfilmentAction, releaseClaimAction } from "@/lib/wishes/admin-actions";
import { InlineOutcome, submitKeepingValues } from "@/components/ui/action-outcome";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldErrorText } from "@/components/ui/field";
import { WISH_MAX_HOURS } from "@/vocabulary/wishes";
import { hoursAndMinutes } from "../time";

const control = "min-h-11 w-full rounded-lg border-2 border-stone-400 bg-white px-3 text-base";

/**
 * Confirming a fulfilled wish, with the beneficiary's thank-you if they gave one, and the time
 * the volunteer declared — theirs to correct — that becomes their service hours. Once done, the
 * action goes back to the list (`back`: its filters) with the outcome in the address, because the
 * row may leave the tab it was on.
 */
export function ConfirmTool({
  claimId,
  alias,
  back,
  declaredMinutes,
}: {
  claimId: string;
  alias: string;
  back: string;
  /** Null for a claim fulfilled before times were asked. */
  declaredMinutes: number | null;
}) {
  const t = useTranslations("wishAdmin.tools");
  const tw = useTranslations("wishes");
  const errorText = useFieldErrorText();
  const [state, action, pending] = useActionState<ActionState<{ points: number }>, FormData>(confirmFulfilmentAction, {
    ok: false,
  });
  const fieldId = `thanks-${claimId}`;
  const declared = declaredMinutes === null ? null : hoursAndMinutes(declaredMinutes);
  const timeErrors = [...(state.fieldErrors?.hours ?? []), ...(state.fieldErrors?.minutes ?? [])];
  const timeErrorId = `time-error-${claimId}`;
  const invalid = (field: "hours" | "minutes") =>
    state.fieldErrors?.[field]?.length ? { "aria-invalid": true as const, "aria-describedby": timeErrorId } : {};
  const timeBox = (field: "hours" | "minutes", max: number) => (
    <label className="flex items-center gap-1 text-sm whitespace-nowrap">
      <input
        name={field}
        type="number"
        inputMode="numeric"
        min={0}
        max={max}
        step={1}
        defaultValue={state.values?.[field] ?? (declared ? String(declared[field]) : "")}
        className={`${control} w-18 shrink-0`}
        {...invalid(field)}
      />
      {t(field)}
    </label>
  );
  return (
    <form
      action={action}
      onSubmit={submitKeepingValues(action)}
      className="mt-2 flex flex-col gap-1 rounded-lg border-2 border-gold bg-gold-soft/40 p-2"
    >
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="back" value={back} />
      <label htmlFor={fieldId} className="text-sm font-semibold">
        {t("thanks")}
      </label>
      <p id={`${fieldId}-hint`} className="text-sm text-muted">
        {t("thanksHint")}
      </p>
      <textarea
        id={fieldId}
        name="thanks"
        rows={2}
        maxLength={200}
        aria-describedby={`${fieldId}-hint`}
        defaultValue={state.values?.thanks ?? ""}
        className={`${control} py-2`}
      />
      <fieldset className="mt-1 flex flex-col gap-1">
        <legend className="text-sm font-semibold">{t("time")}</legend>
        <p className="text-sm">
          {declared === null
            ? t("declaredNone")
            : t("declared", { time: declaredMinutes ? tw("time", declared) : tw("noTime") })}
        </p>
        <p className="text-sm text-muted">{t("timeHint", { max: WISH_MAX_HOURS })}</p>
        <div className="flex flex-wrap gap-3">
          {timeBox("hours", WISH_MAX_HOURS)}
          {timeBox("minutes", 59)}
        </div>
        {timeErrors.length > 0 && (
          <p id={timeErrorId} className="text-sm font-semibold text-red-deep">
            {errorText([...new Set(timeErrors)])}
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton pending={pending} size="sm" aria-label={t("confirmFor", { alias })}>
          {t("confirm")}
        </SubmitButton>
        <InlineOutcome state={state} scope="wishAdmin" />
      </div>
    </form>
  );
}

/** Releasing a claim that is stuck: the wish goes back on the wall and the volunteer is told. */
export function ReleaseTool({ claimId, alias, back }: { claimId: string; alias: string; back: string }) {
  const t = useTranslations("wishAdmin.tools");
  const [state, action, pending] = useActionState<ActionState, FormData>(releaseClaimAction, { ok: false });
  const fieldId = `release-${claimId}`;
  return (
    <details className="mt-2">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-base font-semibold text-red-deep underline underline-offset-4">
        {t("release")}
      </summary>
      <form action={action} onSubmit={submitKeepingValues(action)} className="mt-1 flex flex-col gap-1">
        <input type="hidden" name="claimId" value={claimId} />
        <input type="hidden" name="back" value={back} />
        <label htmlFor={fieldId} className="text-sm font-semibold">
          {t("releaseReason")}
        </label>
        <input
          id={fieldId}
          name="reason"
          maxLength={200}
          defaultValue={state.values?.reason ?? ""}
          className={control}
        />
        <div className="flex flex-wrap items-center gap-2">
          <SubmitButton pending={pending} variant="danger" size="sm" aria-label={t("releaseFor", { alias })}>
            {t("releaseButton")}
          </SubmitButton>
          <InlineOutcome state={state} scope="wishAdmin" />
        </div>
      </form>
    </details>
  );
}
