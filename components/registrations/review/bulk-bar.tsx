"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { decideRegistrationsAction } from "@/lib/registrations/review-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { submitKeepingValues, useFailureText } from "./outcome";

export const BULK_FORM_ID = "review-bulk";

type Outcome = { changed: number; promoted: number; selected: number };

function DecisionButtons({ pending }: { pending: boolean }) {
  const t = useTranslations("review.bulk");
  // The clicked button's name and value say which decision: that also works without JavaScript.
  const button = (decision: string, label: string, variant: "primary" | "secondary" | "danger") => (
    <Button type="submit" name="decision" value={decision} variant={variant} size="sm" disabled={pending}>
      {label}
    </Button>
  );
  return (
    <div className="flex flex-wrap gap-2">
      {button("accept", t("accept"), "primary")}
      {button("waitlist", t("waitlist"), "secondary")}
      {button("reject", t("reject"), "danger")}
    </div>
  );
}

/**
 * One form for the whole page: the table's checkboxes (name="ids") join it through their `form`
 * attribute, so the rows can hold their own small forms too.
 */
export function BulkBar() {
  const t = useTranslations("review.bulk");
  const common = useTranslations("common");
  const [state, action, pending] = useActionState<ActionState<Outcome>, FormData>(decideRegistrationsAction, { ok: false });
  const failure = useFailureText()(state);
  const reasonError = state.fieldErrors?.reason?.length ? failure : null;
  const done = state.ok && state.data;
  return (
    <form id={BULK_FORM_ID} action={action} onSubmit={submitKeepingValues(action)} aria-labelledby="bulk-title" className="flex flex-col gap-3 rounded-xl border-2 border-gold bg-gold-soft/50 p-4">
      <div>
        <h2 id="bulk-title" className="text-xl font-bold">
          {t("label")}
        </h2>
        <p className="text-base text-muted">{t("intro")}</p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-0 flex-1 basis-64 flex-col gap-1">
          <label htmlFor="bulk-reason" className="text-base font-semibold">
            {t("reason")}
          </label>
          <p id="bulk-reason-hint" className="text-sm text-muted">
            {t("reasonHint")}
          </p>
          <input
            id="bulk-reason"
            name="reason"
            maxLength={200}
            defaultValue={state.ok ? "" : (state.values?.reason ?? "")}
            key={state.ok ? state.at : "reason"}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={["bulk-reason-hint", reasonError ? "bulk-reason-error" : ""].filter(Boolean).join(" ")}
            className={`min-h-11 w-full rounded-lg border-2 bg-white px-3 text-base ${reasonError ? "border-red-brand" : "border-stone-400"}`}
          />
          {reasonError && (
            <p id="bulk-reason-error" className="text-sm font-semibold text-red-deep">
              {reasonError}
            </p>
          )}
        </div>
        <DecisionButtons pending={pending} />
      </div>
      {pending && <p className="text-base">{common("working")}</p>}
      {done && (
        <Alert tone="success">
          <span className="block">{t("done", { changed: done.changed })}</span>
          {done.selected > done.changed && <span className="block">{t("skipped", { count: done.selected - done.changed })}</span>}
          {done.promoted > 0 && <span className="block">{t("promoted", { count: done.promoted })}</span>}
        </Alert>
      )}
      {failure && !reasonError && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}

/** Ticks or clears every row on this page. It needs scripts; without them each row is ticked by hand. */
export function SelectAll({ label }: { label: string }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      className="h-6 w-6 accent-red-brand"
      onChange={(e) => {
        const boxes = document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=ids][form=${BULK_FORM_ID}]`);
        boxes.forEach((b) => (b.checked = e.currentTarget.checked));
      }}
    />
  );
}
