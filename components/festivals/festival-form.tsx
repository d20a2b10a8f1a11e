"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createFestivalAction, updateFestivalAction } from "@/lib/festivals/actions";
import type { ActionState } from "@/lib/action-state";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";

export interface FestivalFormValues {
  slug: string;
  title: string;
  edition: number | string;
  theme: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  actMaxMinutes: number | string;
  registrationNeedsHousehold: boolean | string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  nominationOpensAt: string;
  nominationClosesAt: string;
  votingOpensAt: string;
  votingClosesAt: string;
  version?: number;
}

const WINDOWS = [
  "registrationOpensAt",
  "registrationClosesAt",
  "nominationOpensAt",
  "nominationClosesAt",
  "votingOpensAt",
  "votingClosesAt",
] as const;

/** Creates a festival (optionally from an earlier one) or edits one; works without JavaScript. */
export function FestivalForm({
  mode,
  initial,
  sources = [],
}: {
  mode: "create" | "edit";
  initial: FestivalFormValues;
  sources?: { slug: string; title: string }[];
}) {
  const t = useTranslations();
  const [state, action] = useActionState<ActionState, FormData>(
    mode === "create" ? createFestivalAction : updateFestivalAction,
    { ok: false },
  );
  const v = (k: keyof FestivalFormValues) => state.values?.[k] ?? String(initial[k] ?? "");
  const err = (k: string) => state.fieldErrors?.[k];
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormMessage
        code={state.ok || state.fieldErrors ? undefined : state.code}
        success={state.ok ? t("festivals.saved") : undefined}
      />
      {state.fieldErrors && <FormMessage code="invalid" />}
      {mode === "create" && sources.length > 0 && (
        <div className="flex flex-col gap-1.5">
          <label htmlFor="sourceSlug" className="text-lg font-semibold">
            {t("festivals.sourceSlug")}
          </label>
          <select
            id="sourceSlug"
            name="sourceSlug"
            defaultValue={state.values?.sourceSlug ?? ""}
            className="min-h-12 rounded-xl border-2 border-stone-400 bg-white px-4 text-lg"
          >
            <option value="">{t("festivals.sourceNone")}</option>
            {sources.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
      )}
      {mode === "create" ? (
        <Field
          label={t("festivals.slug")}
          hint={t("festivals.slugHint")}
          name="slug"
          defaultValue={v("slug")}
          errors={err("slug")}
          autoComplete="off"
          spellCheck={false}
        />
      ) : (
        <>
          <input type="hidden" name="slug" value={initial.slug} />
          <input type="hidden" name="version" value={String(initial.version ?? "")} />
        </>
      )}
      <div className="grid gap-5 md:grid-cols-[1fr_10rem]">
        <Field label={t("festivals.title2")} name="title" defaultValue={v("title")} errors={err("title")} />
        <Field
          label={t("festivals.edition")}
          name="edition"
          type="number"
          min={1}
          max={999}
          defaultValue={v("edition")}
          errors={err("edition")}
        />
      </div>
      <Field label={t("festivals.theme")} name="theme" defaultValue={v("theme")} errors={err("theme")} optional />
      <div className="grid gap-5 md:grid-cols-3">
        <Field
          label={t("festivals.startsOn")}
          name="startsOn"
          type="date"
          defaultValue={v("startsOn")}
          errors={err("startsOn")}
        />
        <Field
          label={t("festivals.endsOn")}
          name="endsOn"
          type="date"
          defaultValue={v("endsOn")}
          errors={err("endsOn")}
        />
        <Field
          label={t("festivals.timeZone")}
          name="timeZone"
          defaultValue={v("timeZone")}
          errors={err("timeZone")}
          spellCheck={false}
        />
      </div>
      <Field
        label={t("festivals.actMaxMinutes")}
        hint={t("festivals.actMaxMinutesHint")}
        name="actMaxMinutes"
        type="number"
        min={1}
        max={60}
        defaultValue={v("actMaxMinutes")}
        errors={err("actMaxMinutes")}
        className="max-w-md"
      />
      <div className="flex flex-col gap-1">
        <label className="flex min-h-12 items-center gap-3 text-lg font-semibold">
          <input
            type="checkbox"
            name="registrationNeedsHousehold"
            value="true"
            defaultChecked={v("registrationNeedsHousehold") !== "false"}
            className="size-6"
            aria-describedby="registrationNeedsHousehold-hint"
          />
          {t("festivals.registrationNeedsHousehold")}
        </label>
        {/* Read only when the box is unticked: the first value of a name is the one taken. */}
        <input type="hidden" name="registrationNeedsHousehold" value="false" />
        <p id="registrationNeedsHousehold-hint" className="text-base text-muted">
          {t("festivals.registrationNeedsHouseholdHint")}
        </p>
      </div>
      <fieldset className="flex flex-col gap-4 rounded-xl border border-line p-4">
        <legend className="px-1 text-lg font-semibold">{t("festivals.windows")}</legend>
        <div className="grid gap-4 md:grid-cols-2">
          {WINDOWS.map((k) => (
            <Field
              key={k}
              label={t(`festivals.${k}`)}
              name={k}
              type="datetime-local"
              step={300}
              defaultValue={v(k)}
              errors={err(k)}
              optional
            />
          ))}
        </div>
      </fieldset>
      <SubmitButton className="self-start">
        {mode === "create" ? t("festivals.create") : t("festivals.save")}
      </SubmitButton>
    </form>
  );
}
