"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { vetNominationsAction } from "@/lib/stars/admin-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { submitKeepingValues } from "@/components/registrations/review/outcome";
import { useStarsFailureText } from "./outcome";

export const VET_FORM_ID = "stars-vet";

type Outcome = { changed: number; selected: number };

/**
 * One form for the page: the rows' checkboxes (name="ids") join it through their `form`
 * attribute, so each row can hold its own small forms too. Works without JavaScript.
 */
export function VettingBulkBar({ slug }: { slug: string }) {
  const t = useTranslations("starsAdmin.bulk");
  const common = useTranslations("common");
  const [state, action, pending] = useActionState<ActionState<Outcome>, FormData>(vetNominationsAction, { ok: false });
  const failure = useStarsFailureText()(state);
  const reasonError = state.fieldErrors?.reason?.length ? failure : null;
  const done = state.ok && state.data;
  return (
    <form id={VET_FORM_ID} action={action} onSubmit={submitKeepingValues(action)} aria-labelledby="vet-title" className="flex flex-col gap-3 rounded-xl border-2 border-gold bg-gold-soft/50 p-4">
      <input type="hidden" name="festivalSlug" value={slug} />
      <div>
        <h2 id="vet-title" className="text-xl font-bold">
          {t("label")}
        </h2>
        <p className="text-base text-muted">{t("intro")}</p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-0 flex-1 basis-64 flex-col gap-1">
          <label htmlFor="vet-reason" className="text-base font-semibold">
            {t("reason")}
          </label>
          <p id="vet-reason-hint" className="text-sm text-muted">
            {t("reasonHint")}
          </p>
          <input
            id="vet-reason"
            name="reason"
            maxLength={200}
            defaultValue={state.ok ? "" : (state.values?.reason ?? "")}
            key={state.ok ? state.at : "reason"}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={["vet-reason-hint", reasonError ? "vet-reason-error" : ""].filter(Boolean).join(" ")}
            className={`min-h-11 w-full rounded-lg border-2 bg-white px-3 text-base ${reasonError ? "border-red-brand" : "border-stone-400"}`}
          />
          {reasonError && (
            <p id="vet-reason-error" className="text-sm font-semibold text-red-deep">
              {reasonError}
            </p>
          )}
        </div>
        {/* The clicked button's name and value say which decision: that also works without JavaScript. */}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="decision" value="approve" size="sm" disabled={pending}>
            {t("approve")}
          </Button>
          <Button type="submit" name="decision" value="reject" variant="danger" size="sm" disabled={pending}>
            {t("reject")}
          </Button>
        </div>
      </div>
      {pending && <p className="text-base">{common("working")}</p>}
      {done && (
        <Alert tone="success">
          <span className="block">{t("done", { changed: done.changed })}</span>
          {done.selected > done.changed && <span className="block">{t("skipped", { count: done.selected - done.changed })}</span>}
        </Alert>
      )}
      {failure && !reasonError && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}

/** Ticks or clears every row on this page. It needs scripts; without them each row is ticked by hand. */
export function SelectAllNominations({ label }: { label: string }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      className="h-6 w-6 accent-red-brand"
      onChange={(e) => {
        const boxes = document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=ids][form=${VET_FORM_ID}]`);
        boxes.forEach((b) => (b.checked = e.currentTarget.checked));
      }}
    />
  );
}
