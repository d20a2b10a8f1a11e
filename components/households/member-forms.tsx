"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { MEMBER_RELATIONS } from "@/vocabulary/accounts";
import { addMemberAction, editMemberAction, removeMemberAction } from "@/lib/households/actions";
import { initialActionState } from "@/lib/action-state";
import { Field, useFieldErrorText } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { ActionButton } from "@/components/ui/action-button";

const control =
  "min-h-12 rounded-lg border-2 bg-white px-3 py-2 text-lg focus:outline-none focus-visible:ring-4 focus-visible:ring-gold";

export interface MemberValues {
  id: string;
  name: string;
  birthYear: number;
  relation: string;
}

/**
 * Adds a member to a household, or corrects one: name, year of birth, relation. Works without
 * JavaScript; after adding, the form starts empty again.
 */
export function MemberForm({ householdId, member }: { householdId: string; member?: MemberValues }) {
  const t = useTranslations("householdMembers");
  const errorText = useFieldErrorText();
  const [state, action] = useActionState(member ? editMemberAction : addMemberAction, initialActionState);
  const selectId = useId();
  // After adding, empty again; after a refusal or a correction, what was typed.
  const v = (k: keyof MemberValues, fallback: string) =>
    state.ok && !member ? fallback : (state.values?.[k] ?? fallback);
  const relationError = errorText(state.fieldErrors?.relation);
  return (
    // A new form after each answer: React resets a form after its action, and a select would
    // fall back to its first option instead of what was chosen.
    <form action={action} key={state.at ?? "form"} className="flex flex-col gap-4" noValidate>
      <FormMessage
        code={state.ok || state.fieldErrors ? undefined : state.code}
        success={state.ok ? (member ? t("saved") : t("added")) : undefined}
      />
      <input type="hidden" name="householdId" value={householdId} />
      {member && <input type="hidden" name="id" value={member.id} />}
      <Field
        label={t("name")}
        hint={t("nameHint")}
        name="name"
        autoComplete="off"
        maxLength={40}
        defaultValue={v("name", member?.name ?? "")}
        errors={state.fieldErrors?.name}
      />
      <Field
        label={t("birthYear")}
        hint={t("birthYearHint")}
        name="birthYear"
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        className="max-w-56"
        defaultValue={v("birthYear", member ? String(member.birthYear) : "")}
        errors={state.fieldErrors?.birthYear}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={selectId} className="text-lg font-semibold">
          {t("relation")}
        </label>
        <select
          id={selectId}
          name="relation"
          defaultValue={v("relation", member?.relation ?? "")}
          aria-invalid={relationError ? true : undefined}
          aria-describedby={relationError ? `${selectId}-error` : undefined}
          className={`${control} max-w-sm ${relationError ? "border-red-brand" : "border-stone-400"}`}
        >
          <option value="">{t("chooseRelation")}</option>
          {MEMBER_RELATIONS.map((r) => (
            <option key={r} value={r}>
              {t(`relations.${r}`)}
            </option>
          ))}
        </select>
        {relationError && (
          <p id={`${selectId}-error`} className="text-base font-semibold text-red-deep">
            {relationError}
          </p>
        )}
      </div>
      <SubmitButton variant={member ? "secondary" : "primary"} className="self-start">
        {member ? t("save") : t("add")}
      </SubmitButton>
    </form>
  );
}

/** Takes a member off the household's list (kept for the records that name them). */
export function RemoveMemberButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("householdMembers");
  return (
    <ActionButton
      action={removeMemberAction}
      fields={{ id }}
      label={t("remove")}
      ariaLabel={t("removeWho", { name })}
      confirmText={t("removeConfirm", { name })}
      variant="danger"
    />
  );
}
