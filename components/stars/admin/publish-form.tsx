"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { publishResultsAction } from "@/lib/stars/admin-actions";
import { reasonField, tieField, TIE_CATEGORY_FIELD } from "@/lib/stars/admin-forms";
import type { PublishPreview } from "@/lib/stars/admin-queries";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { submitKeepingValues } from "@/components/ui/action-outcome";
import { fieldError, useStarsFailureText } from "./outcome";

type Person = PublishPreview["sure"][number];

/** One category's winners-to-be, and where a tie straddles the cut, the choice among the tied. */
function CategoryResult({ c, state }: { c: PublishPreview; state: ActionState }) {
  const t = useTranslations();
  const who = (p: Person) =>
    p.building ? t("starsAdmin.publish.person", { name: p.name, building: p.building }) : p.name;
  const errors = (key: string) => (state.ok ? [] : (state.fieldErrors?.[key] ?? []));
  const tieErrors = errors(tieField(c.categoryId)).map((code) =>
    code === "tie_unsettled" || code === "choose_one"
      ? t("starsAdmin.publish.chooseExactly", { places: c.tie?.places ?? 0 })
      : fieldError(t, code),
  );
  const reasonErrors = errors(reasonField(c.categoryId)).map((code) => fieldError(t, code));
  const ticked = new Set((state.values?.[tieField(c.categoryId)] ?? "").split(",").filter(Boolean));
  const headingId = `publish-${c.categoryId}`;
  const tieId = `tie-${c.categoryId}`;
  const reasonId = `reason-${c.categoryId}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-xl border border-line bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-xl font-bold">
          {c.name}
        </h3>
        <p className="text-base">{t("starsAdmin.publish.places", { winners: c.winners, candidates: c.candidates })}</p>
      </div>
      {c.candidates === 0 ? (
        <p className="text-base">{t("starsAdmin.publish.noCandidates")}</p>
      ) : (
        <>
          {c.sure.length > 0 && (
            <div>
              <p className="text-base font-semibold">{t("starsAdmin.publish.sure")}</p>
              <ol className="mt-1 flex flex-col gap-1">
                {c.sure.map((p) => (
                  <li key={p.id} className="text-base">
                    {who(p)}{" "}
                    <span className="tabular-nums text-muted">{t("starsAdmin.publish.votes", { votes: p.votes })}</span>
                  </li>
                ))}
              </ol>
            </div>
          )}
          {c.tie && (
            <div className="flex flex-col gap-3 rounded-lg border-l-4 border-gold bg-gold-soft/60 p-3">
              <input type="hidden" name={TIE_CATEGORY_FIELD} value={c.categoryId} />
              <fieldset
                aria-describedby={tieErrors.length ? `${tieId}-error` : undefined}
                aria-invalid={tieErrors.length ? true : undefined}
                className="flex flex-col gap-2"
              >
                <legend className="text-base font-semibold">
                  {t("starsAdmin.publish.tieLegend", {
                    count: c.tie.tied.length,
                    votes: c.tie.votes,
                    places: c.tie.places,
                  })}
                </legend>
                {c.tie.tied.map((p) => (
                  <label
                    key={p.id}
                    className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border-2 border-stone-400 bg-white px-3 text-base"
                  >
                    <input
                      type="checkbox"
                      name={tieField(c.categoryId)}
                      value={p.id}
                      defaultChecked={ticked.has(p.id)}
                      className="size-6 shrink-0 accent-red-brand"
                    />
                    <span>
                      {who(p)}{" "}
                      <span className="tabular-nums text-muted">
                        {t("starsAdmin.publish.votes", { votes: p.votes })}
                      </span>
                    </span>
                  </label>
                ))}
                {tieErrors.length > 0 && (
                  <p id={`${tieId}-error`} className="text-base font-semibold text-red-deep">
                    {tieErrors.join(" ")}
                  </p>
                )}
              </fieldset>
              <div className="flex flex-col gap-1">
                <label htmlFor={reasonId} className="text-base font-semibold">
                  {t("starsAdmin.publish.reason")}
                </label>
                <p id={`${reasonId}-hint`} className="text-sm text-muted">
                  {t("starsAdmin.publish.reasonHint")}
                </p>
                <textarea
                  id={reasonId}
                  name={reasonField(c.categoryId)}
                  rows={2}
                  maxLength={200}
                  defaultValue={state.values?.[reasonField(c.categoryId)] ?? ""}
                  aria-invalid={reasonErrors.length ? true : undefined}
                  aria-describedby={[`${reasonId}-hint`, reasonErrors.length ? `${reasonId}-error` : ""]
                    .filter(Boolean)
                    .join(" ")}
                  className={`w-full rounded-lg border-2 bg-white px-3 py-2 text-base ${reasonErrors.length ? "border-red-brand" : "border-stone-400"}`}
                />
                {reasonErrors.length > 0 && (
                  <p id={`${reasonId}-error`} className="text-base font-semibold text-red-deep">
                    {reasonErrors.join(" ")}
                  </p>
                )}
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** The results of every category, ready to publish once each tie at the cut is settled. */
export function PublishForm({ slug, preview }: { slug: string; preview: PublishPreview[] }) {
  const t = useTranslations("starsAdmin.publish");
  const [state, action, pending] = useActionState<ActionState<{ winners: number }>, FormData>(publishResultsAction, {
    ok: false,
  });
  const failure = useStarsFailureText()(state);
  const ties = preview.filter((c) => c.tie).length;
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("confirm"))) {
          e.preventDefault();
          return;
        }
        submitKeepingValues(action)(e);
      }}
      aria-labelledby="publish-title"
      className="flex flex-col gap-4"
    >
      <input type="hidden" name="festivalSlug" value={slug} />
      <div>
        <h2 id="publish-title" className="text-2xl font-bold">
          {t("formTitle")}
        </h2>
        <p className="text-base">{ties ? t("tiesToSettle", { count: ties }) : t("noTies")}</p>
      </div>
      {failure && <Alert tone="error">{state.code === "invalid" ? t("fixBelow") : failure}</Alert>}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        {preview.map((c) => (
          <CategoryResult key={c.categoryId} c={c} state={state} />
        ))}
      </div>
      <p className="text-base">{t("final")}</p>
      <div>
        <SubmitButton size="md" pending={pending}>
          {t("submit")}
        </SubmitButton>
      </div>
      {state.ok && state.data && <Alert tone="success">{t("done", { winners: state.data.winners })}</Alert>}
    </form>
  );
}
