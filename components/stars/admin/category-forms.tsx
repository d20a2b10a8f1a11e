"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import type { AdminCategory } from "@/lib/stars/admin-queries";
import { createCategoryAction, deleteCategoryAction, updateCategoryAction } from "@/lib/stars/admin-actions";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldError, InlineOutcome } from "./outcome";

const control = "min-h-11 w-full rounded-lg border-2 bg-white px-3 text-base";

type Values = Pick<AdminCategory, "name" | "description" | "winners" | "votesPerVoter" | "mode" | "nominationCap">;
/** A refusal whose every complaint is shown beside its field needs no second line under the form. */
const besideFields = (s: ActionState): ActionState =>
  s.fieldErrors && Object.keys(s.fieldErrors).every((k) => k in BLANK) ? { ok: false } : s;

const BLANK: Values = { name: "", description: "", winners: 1, votesPerVoter: 1, mode: "resident", nominationCap: 2 };

/** The rules of one category as labelled fields; what was typed comes back after a refusal. */
function CategoryFields({ idPrefix, initial, state }: { idPrefix: string; initial: Values; state: ActionState }) {
  const t = useTranslations();
  const value = (k: keyof Values) => (state.ok ? undefined : state.values?.[k]) ?? String(initial[k]);
  const errorOf = (k: string) => state.fieldErrors?.[k]?.map((c) => fieldError(t, c)).join(" ");
  const describedBy = (k: string, hint?: boolean) =>
    [hint ? `${idPrefix}-${k}-hint` : "", errorOf(k) ? `${idPrefix}-${k}-error` : ""].filter(Boolean).join(" ") ||
    undefined;
  const label = (k: string, text: string) => (
    <label htmlFor={`${idPrefix}-${k}`} className="text-base font-semibold">
      {text}
    </label>
  );
  const error = (k: string) =>
    errorOf(k) ? (
      <p id={`${idPrefix}-${k}-error`} className="text-sm font-semibold text-red-deep">
        {errorOf(k)}
      </p>
    ) : null;
  const number = (k: "winners" | "votesPerVoter" | "nominationCap", max: number) => (
    <div className="flex flex-col gap-1">
      {label(k, t(`starsAdmin.categories.${k}`))}
      <input
        id={`${idPrefix}-${k}`}
        name={k}
        type="number"
        min={1}
        max={max}
        required
        defaultValue={value(k)}
        aria-invalid={errorOf(k) ? true : undefined}
        aria-describedby={describedBy(k, true)}
        className={`${control} ${errorOf(k) ? "border-red-brand" : "border-stone-400"}`}
      />
      <p id={`${idPrefix}-${k}-hint`} className="text-sm text-muted">
        {t(`starsAdmin.categories.${k}Hint`)}
      </p>
      {error(k)}
    </div>
  );
  return (
    <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
      <div className="flex flex-col gap-1 md:col-span-2">
        {label("name", t("starsAdmin.categories.name"))}
        <input
          id={`${idPrefix}-name`}
          name="name"
          maxLength={30}
          required
          defaultValue={value("name")}
          aria-invalid={errorOf("name") ? true : undefined}
          aria-describedby={describedBy("name")}
          className={`${control} ${errorOf("name") ? "border-red-brand" : "border-stone-400"}`}
        />
        {error("name")}
      </div>
      <div className="flex flex-col gap-1 md:col-span-2">
        {label("mode", t("starsAdmin.categories.mode"))}
        <select
          id={`${idPrefix}-mode`}
          name="mode"
          defaultValue={value("mode")}
          aria-describedby={describedBy("mode")}
          className={`${control} border-stone-400`}
        >
          <option value="resident">{t("starsAdmin.modes.resident")}</option>
          <option value="household">{t("starsAdmin.modes.household")}</option>
        </select>
        {error("mode")}
      </div>
      <div className="flex flex-col gap-1 md:col-span-2 xl:col-span-4">
        {label("description", t("starsAdmin.categories.description"))}
        <textarea
          id={`${idPrefix}-description`}
          name="description"
          rows={2}
          maxLength={200}
          defaultValue={value("description")}
          aria-invalid={errorOf("description") ? true : undefined}
          aria-describedby={describedBy("description")}
          className={`${control} py-2 ${errorOf("description") ? "border-red-brand" : "border-stone-400"}`}
        />
        {error("description")}
      </div>
      <div className="grid gap-3 sm:grid-cols-3 md:col-span-2 xl:col-span-4">
        {number("winners", 50)}
        {number("votesPerVoter", 10)}
        {number("nominationCap", 10)}
      </div>
    </div>
  );
}

/** One category's rules, edited in place, and deleted while it holds no nominations. */
export function CategoryEditor({ slug, category }: { slug: string; category: AdminCategory }) {
  const t = useTranslations("starsAdmin.categories");
  const [state, action] = useActionState<ActionState, FormData>(updateCategoryAction, { ok: false });
  const [deleted, deleteAction] = useActionState<ActionState, FormData>(deleteCategoryAction, { ok: false });
  const headingId = `category-${category.id}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-xl border border-line bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-xl font-bold">
          {category.name}
        </h3>
        <p className="text-base text-muted">
          {t("counts", {
            nominations: category.nominations,
            candidates: category.candidates,
            pending: category.pending,
          })}
        </p>
      </div>
      <form action={action} className="flex flex-col gap-3">
        <input type="hidden" name="festivalSlug" value={slug} />
        <input type="hidden" name="id" value={category.id} />
        <input type="hidden" name="version" value={category.version} />
        <CategoryFields idPrefix={`c-${category.id}`} initial={category} state={state} key={category.version} />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton variant="secondary" size="sm" aria-label={t("saveNamed", { name: category.name })}>
            {t("save")}
          </SubmitButton>
          {/* Deleting posts the same form to its own action (it reads only the id), so it works without scripts too. */}
          {category.nominations === 0 && (
            <Button
              type="submit"
              formAction={deleteAction}
              variant="danger"
              size="sm"
              aria-label={t("deleteNamed", { name: category.name })}
              onClick={(e) => {
                if (!window.confirm(t("confirmDelete", { name: category.name }))) e.preventDefault();
              }}
            >
              {t("delete")}
            </Button>
          )}
          <InlineOutcome state={besideFields(state)} success={t("saved")} />
          <InlineOutcome state={deleted} />
        </div>
        {category.nominations > 0 && <p className="text-sm text-muted">{t("cannotDelete")}</p>}
      </form>
    </section>
  );
}

/** A new category; the form empties after it is added. */
export function NewCategoryForm({ slug }: { slug: string }) {
  const t = useTranslations("starsAdmin.categories");
  const [state, action] = useActionState<ActionState, FormData>(createCategoryAction, { ok: false });
  return (
    <form
      action={action}
      aria-labelledby="new-category-title"
      className="flex flex-col gap-3 rounded-xl border-2 border-dashed border-gold bg-gold-soft/40 p-4"
    >
      <h3 id="new-category-title" className="text-xl font-bold">
        {t("new")}
      </h3>
      <input type="hidden" name="festivalSlug" value={slug} />
      <CategoryFields idPrefix="new-category" initial={BLANK} state={state} key={state.ok ? state.at : "new"} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton size="sm">{t("add")}</SubmitButton>
        <InlineOutcome
          state={besideFields(state)}
          success={state.ok ? t("added", { name: state.values?.name ?? "" }) : null}
        />
      </div>
    </form>
  );
}
