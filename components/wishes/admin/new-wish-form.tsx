"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CIRCUMSTANCES, WISH_CATEGORIES } from "@/vocabulary/wishes";
import type { ActionState } from "@/lib/action-state";
import { createWishAction } from "@/lib/wishes/admin-actions";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Field, useFieldErrorText } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionFailureText, submitKeepingValues } from "@/components/ui/action-outcome";

const control = "min-h-12 w-full rounded-xl border-2 bg-white px-4 text-lg text-ink";

/** A labelled textarea or select with its hint and translated errors, like Field. */
function Labelled({
  id,
  label,
  hint,
  errors,
  optional,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  optional?: boolean;
  children: (a11y: { "aria-describedby"?: string; "aria-invalid"?: true; className: string }) => React.ReactNode;
}) {
  const t = useTranslations("common");
  const errorText = useFieldErrorText();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-lg font-semibold">
        {label}
        {optional && <span className="ml-2 text-base font-normal text-muted">{t("optional")}</span>}
      </label>
      {hint && (
        <p id={hintId} className="text-base text-muted">
          {hint}
        </p>
      )}
      {children({
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
        "aria-invalid": errorId ? true : undefined,
        className: `${control} ${errorId ? "border-red-brand" : "border-stone-400"}`,
      })}
      {errorId && (
        <p id={errorId} className="text-base font-semibold text-red-deep">
          {errorText(errors)}
        </p>
      )}
    </div>
  );
}

/**
 * Writing a wish down for a beneficiary: a server action takes the whole form with its photo, so
 * it works without JavaScript; refused answers come back beside their fields with what was typed.
 */
export function NewWishForm({ cap, buildings }: { cap: number; buildings: string[] }) {
  const t = useTranslations("wishAdmin.new");
  const tw = useTranslations("wishAdmin");
  const tc = useTranslations("common");
  const [state, action, pending] = useActionState<ActionState<{ id: string; title: string }>, FormData>(
    createWishAction,
    { ok: false },
  );
  const te = useTranslations("errors");
  const failureText = useActionFailureText("wishAdmin")(state);
  // Field complaints sit beside their fields; the top only says there are some.
  const failure =
    state.code === "invalid" && state.fieldErrors && Object.keys(state.fieldErrors).length
      ? te("invalid")
      : failureText;
  const v = (k: string) => (state.ok ? "" : (state.values?.[k] ?? ""));
  const e = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]);
  return (
    // Keyed by the submission: a saved wish leaves an empty form for the next one.
    <form
      key={state.ok ? state.at : "form"}
      action={action}
      onSubmit={submitKeepingValues(action)}
      className="flex flex-col gap-6"
    >
      {state.ok && state.data && (
        <Alert tone="success">
          <span className="block">{t("saved", { title: state.data.title })}</span>
          <Link href="/dashboard/wishes?status=open" className="font-semibold underline underline-offset-4">
            {t("seeWall")}
          </Link>
        </Alert>
      )}
      {failure && !state.ok && <Alert tone="error">{failure}</Alert>}

      <fieldset className="flex flex-col gap-4 rounded-xl border border-line bg-white p-4 sm:p-5">
        <legend className="px-1 text-2xl font-bold">{t("beneficiary")}</legend>
        <p className="text-base text-muted">{t("beneficiaryPrivacy")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            name="realName"
            label={t("realName")}
            required
            maxLength={40}
            defaultValue={v("realName")}
            errors={e("realName")}
            autoComplete="off"
          />
          <Field
            name="phone"
            label={t("phone")}
            optional
            inputMode="numeric"
            maxLength={11}
            defaultValue={v("phone")}
            errors={e("phone")}
            autoComplete="off"
          />
          <Field
            name="age"
            label={t("age")}
            required
            type="number"
            min={0}
            max={120}
            inputMode="numeric"
            defaultValue={v("age")}
            errors={e("age")}
          />
          <Labelled id="circumstance" label={t("circumstance")} errors={e("circumstance")}>
            {(a) => (
              <select id="circumstance" name="circumstance" required defaultValue={v("circumstance")} {...a}>
                <option value="">{t("choose")}</option>
                {CIRCUMSTANCES.map((c) => (
                  <option key={c} value={c}>
                    {tw(`circumstances.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Labelled>
        </div>
        <fieldset className="flex flex-col gap-2" aria-describedby="household-hint">
          <legend className="text-lg font-semibold">
            {t("household")}
            <span className="ml-2 text-base font-normal text-muted">{tc("optional")}</span>
          </legend>
          <p id="household-hint" className="text-base text-muted">
            {t("householdHint")}
          </p>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field
              name="building"
              label={t("building")}
              list="roster-buildings"
              maxLength={60}
              defaultValue={v("building")}
              errors={e("household")}
            />
            <Field name="unit" label={t("unit")} maxLength={20} defaultValue={v("unit")} />
            <Field name="room" label={t("room")} maxLength={20} defaultValue={v("room")} />
          </div>
          <datalist id="roster-buildings">
            {buildings.map((b) => (
              <option key={b} value={b} />
            ))}
          </datalist>
        </fieldset>
        <Field
          name="address"
          label={t("address")}
          optional
          hint={t("addressHint")}
          maxLength={100}
          defaultValue={v("address")}
          errors={e("address")}
        />
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-xl border border-line bg-white p-4 sm:p-5">
        <legend className="px-1 text-2xl font-bold">{t("wish")}</legend>
        <Field
          name="title"
          label={t("title")}
          hint={t("titleHint")}
          required
          maxLength={40}
          defaultValue={v("title")}
          errors={e("title")}
        />
        <Labelled id="story" label={t("story")} hint={t("storyHint")} errors={e("story")}>
          {(a) => (
            <textarea
              id="story"
              name="story"
              required
              rows={4}
              maxLength={300}
              defaultValue={v("story")}
              {...a}
              className={`${a.className} py-2`}
            />
          )}
        </Labelled>
        <div className="grid gap-4 sm:grid-cols-3">
          <Labelled id="category" label={t("category")} errors={e("category")}>
            {(a) => (
              <select id="category" name="category" required defaultValue={v("category")} {...a}>
                <option value="">{t("choose")}</option>
                {WISH_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {tw(`categories.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Labelled>
          <Field
            name="value"
            label={t("value")}
            hint={t("valueHint", { cap })}
            type="number"
            min={0}
            max={cap}
            inputMode="numeric"
            defaultValue={v("value")}
            errors={e("value")}
          />
          <Field
            name="wantedBy"
            label={t("wantedBy")}
            optional
            type="date"
            defaultValue={v("wantedBy")}
            errors={e("wantedBy")}
          />
        </div>
        <Field
          name="alias"
          label={t("alias")}
          hint={t("aliasHint")}
          required
          maxLength={20}
          defaultValue={v("alias")}
          errors={e("alias")}
        />
        <Labelled id="photo" label={t("photo")} hint={t("photoHint")} optional errors={e("photo")}>
          {(a) => (
            <input
              id="photo"
              name="photo"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              {...a}
              className={`${a.className} py-2 text-base`}
            />
          )}
        </Labelled>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} size="lg">
          {t("submit")}
        </SubmitButton>
        <Link href="/dashboard/wishes" className={buttonClass("ghost", "md", "underline")}>
          {t("back")}
        </Link>
      </div>
    </form>
  );
}
