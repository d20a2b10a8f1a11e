"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { submitKeepingValues, useActionFailureText } from "@/components/ui/action-outcome";

/**
 * What a bulk action answers: how many rows changed of how many ticked, and any other counts
 * worth saying (each shown as `<namespace>.<key>` with {count} when above zero, e.g. "promoted").
 */
export type BulkOutcome = { changed: number; selected: number } & Record<string, number>;
export type BulkAction = (prev: ActionState, formData: FormData) => Promise<ActionState<BulkOutcome>>;

export interface BulkDecision {
  /** Sent as `decision`; the button's label is `<namespace>.<value>`. */
  value: string;
  variant: "primary" | "secondary" | "danger";
}

/**
 * One form for a whole review page: the table's checkboxes (name="ids", form={formId}) join it
 * through their `form` attribute, so each row can hold its own small forms too. The clicked
 * button's name and value say which decision, so it works without JavaScript. Its words come from
 * `namespace`: label, intro, reason, reasonHint, done ({changed}), skipped ({count}), one per decision.
 */
export function BulkBar({
  formId,
  action,
  namespace,
  decisions,
  hidden = {},
  scope,
}: {
  formId: string;
  action: BulkAction;
  namespace: string;
  decisions: BulkDecision[];
  hidden?: Record<string, string>;
  /** Where the page's own error wording lives (`<scope>.codes.*`). */
  scope?: string;
}) {
  const all = useTranslations();
  const t = (key: string, values?: Record<string, string | number>) => all(`${namespace}.${key}`, values);
  const [state, dispatch, pending] = useActionState<ActionState<BulkOutcome>, FormData>(action, { ok: false });
  const failure = useActionFailureText(scope)(state);
  const reasonError = state.fieldErrors?.reason?.length ? failure : null;
  const done = state.ok && state.data;
  const extras = done
    ? Object.entries(done).filter(
        ([k, v]) => k !== "changed" && k !== "selected" && v > 0 && all.has(`${namespace}.${k}`),
      )
    : [];
  const ids = {
    title: `${formId}-title`,
    reason: `${formId}-reason`,
    hint: `${formId}-reason-hint`,
    error: `${formId}-reason-error`,
  };
  return (
    <form
      id={formId}
      action={dispatch}
      onSubmit={submitKeepingValues(dispatch)}
      aria-labelledby={ids.title}
      className="flex flex-col gap-3 rounded-xl border-2 border-gold bg-gold-soft/50 p-4"
    >
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div>
        <h2 id={ids.title} className="text-xl font-bold">
          {t("label")}
        </h2>
        <p className="text-base text-muted">{t("intro")}</p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-0 flex-1 basis-64 flex-col gap-1">
          <label htmlFor={ids.reason} className="text-base font-semibold">
            {t("reason")}
          </label>
          <p id={ids.hint} className="text-sm text-muted">
            {t("reasonHint")}
          </p>
          <input
            id={ids.reason}
            name="reason"
            maxLength={200}
            defaultValue={state.ok ? "" : (state.values?.reason ?? "")}
            key={state.ok ? state.at : "reason"}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={[ids.hint, reasonError ? ids.error : ""].filter(Boolean).join(" ")}
            className={`min-h-11 w-full rounded-lg border-2 bg-white px-3 text-base ${reasonError ? "border-red-brand" : "border-stone-400"}`}
          />
          {reasonError && (
            <p id={ids.error} className="text-sm font-semibold text-red-deep">
              {reasonError}
            </p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          {decisions.map((d) => (
            <Button
              key={d.value}
              type="submit"
              name="decision"
              value={d.value}
              variant={d.variant}
              size="sm"
              disabled={pending}
            >
              {t(d.value)}
            </Button>
          ))}
        </div>
      </div>
      {pending && <p className="text-base">{all("common.working")}</p>}
      {done && (
        <Alert tone="success">
          <span className="block">{t("done", { changed: done.changed })}</span>
          {done.selected > done.changed && (
            <span className="block">{t("skipped", { count: done.selected - done.changed })}</span>
          )}
          {extras.map(([k, v]) => (
            <span key={k} className="block">
              {t(k, { count: v })}
            </span>
          ))}
        </Alert>
      )}
      {failure && !reasonError && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}

/** Ticks or clears every row on this page. It needs scripts; without them each row is ticked by hand. */
export function SelectAllRows({ formId, label }: { formId: string; label: string }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      className="h-6 w-6 accent-red-brand"
      onChange={(e) => {
        const boxes = document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=ids][form=${formId}]`);
        boxes.forEach((b) => (b.checked = e.currentTarget.checked));
      }}
    />
  );
}
