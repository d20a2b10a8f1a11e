"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { useFieldErrorText } from "@/components/ui/field";

/** A labelled box of several lines with its hint and translated errors, like Field. */
export function TextBox({
  name,
  label,
  hint,
  optional,
  maxLength,
  rows = 3,
  defaultValue,
  errors,
}: {
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  maxLength: number;
  rows?: number;
  defaultValue?: string;
  errors?: string[];
}) {
  const t = useTranslations("common");
  const errorText = useFieldErrorText();
  const id = useId();
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
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        defaultValue={defaultValue}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={errorId ? true : undefined}
        className={`w-full rounded-xl border-2 bg-white px-4 py-3 text-lg text-ink ${errorId ? "border-red-brand" : "border-stone-400"} focus:border-red-brand`}
      />
      {errorId && (
        <p id={errorId} className="text-base font-semibold text-red-deep">
          {errorText(errors)}
        </p>
      )}
    </div>
  );
}
