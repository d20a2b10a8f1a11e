"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFieldErrorText } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";
import { assignShiftAction, createShiftAction } from "@/lib/registrations/review-actions";
import { SKILLS } from "@/vocabulary/registrations";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { submitKeepingValues, useFailureText } from "./outcome";

export const ASSIGN_FORM_ID = "shift-assign";

const control = "min-h-11 w-full rounded-lg border-2 bg-white px-3 text-base";

/** A new shift; times are typed as wall-clock times in the festival's zone. */
export function NewShiftForm({ slug, timeZone, defaultDay }: { slug: string; timeZone: string; defaultDay: string }) {
  const t = useTranslations("review");
  const errorText = useFieldErrorText();
  const te = useTranslations("errors");
  const [state, action] = useActionState<ActionState, FormData>(createShiftAction, { ok: false });
  const failure = useFailureText()(state);
  // After a success the form starts empty again; after a failure it keeps what was typed.
  const v = (k: string, fallback = "") => (state.ok ? fallback : (state.values?.[k] ?? fallback));
  const error = (k: string) => errorText(state.fieldErrors?.[k]);
  const field = (k: string, label: string, input: React.ReactNode) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`shift-${k}`} className="text-base font-semibold">
        {label}
      </label>
      {input}
      {error(k) && (
        <p id={`shift-${k}-error`} className="text-sm font-semibold text-red-deep">
          {error(k)}
        </p>
      )}
    </div>
  );
  const attrs = (k: string) => ({
    id: `shift-${k}`,
    name: k,
    "aria-invalid": error(k) ? true : undefined,
    "aria-describedby":
      [error(k) ? `shift-${k}-error` : "", k === "startsAt" || k === "endsAt" ? "shift-time-hint" : ""]
        .filter(Boolean)
        .join(" ") || undefined,
    className: `${control} ${error(k) ? "border-red-brand" : "border-stone-400"}`,
  });
  return (
    <form action={action} key={state.ok ? state.at : "new"} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="festivalSlug" value={slug} />
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-[2fr_1.2fr_1.5fr_1.5fr_1fr]">
        {field("title", t("shifts.name"), <input {...attrs("title")} maxLength={60} defaultValue={v("title")} />)}
        {field(
          "skill",
          t("shifts.skill"),
          <select {...attrs("skill")} defaultValue={v("skill")}>
            <option value="">{t("shifts.anySkill")}</option>
            {SKILLS.map((s) => (
              <option key={s} value={s}>
                {t(`skills.${s}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "startsAt",
          t("shifts.startsAt"),
          <input
            {...attrs("startsAt")}
            type="datetime-local"
            step={300}
            defaultValue={v("startsAt", `${defaultDay}T09:00`)}
          />,
        )}
        {field(
          "endsAt",
          t("shifts.endsAt"),
          <input
            {...attrs("endsAt")}
            type="datetime-local"
            step={300}
            defaultValue={v("endsAt", `${defaultDay}T12:00`)}
          />,
        )}
        {field(
          "places",
          t("shifts.places"),
          <input
            {...attrs("places")}
            type="number"
            min={1}
            max={500}
            inputMode="numeric"
            defaultValue={v("places", "2")}
          />,
        )}
      </div>
      <p id="shift-time-hint" className="text-sm text-muted">
        {t("shifts.timeZoneHint", { timeZone })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton size="sm">{t("shifts.add")}</SubmitButton>
      </div>
      {state.ok && <Alert tone="success">{t("shifts.created")}</Alert>}
      {failure && <Alert tone="error">{state.code === "invalid" ? te("invalid") : failure}</Alert>}
    </form>
  );
}

/** Puts the ticked backstage pioneers (checkboxes with form="shift-assign") on one shift. */
export function AssignBar({ shifts }: { shifts: { id: string; label: string }[] }) {
  const t = useTranslations("review.shifts");
  const [state, action, pending] = useActionState<ActionState<{ assigned: number }>, FormData>(assignShiftAction, {
    ok: false,
  });
  const failure = useFailureText()(state);
  return (
    <form
      id={ASSIGN_FORM_ID}
      action={action}
      onSubmit={submitKeepingValues(action)}
      className="flex flex-col gap-3 rounded-xl border-2 border-gold bg-gold-soft/50 p-4"
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-0 flex-1 basis-64 flex-col gap-1">
          <label htmlFor="assign-shift" className="text-base font-semibold">
            {t("assignTo")}
          </label>
          <select
            id="assign-shift"
            name="shiftId"
            defaultValue={state.values?.shiftId ?? shifts[0]?.id}
            className={`${control} border-stone-400`}
          >
            {shifts.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton size="sm" pending={pending}>
          {t("assign")}
        </SubmitButton>
      </div>
      {state.ok && <Alert tone="success">{t("assigned", { count: state.data?.assigned ?? 0 })}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}
