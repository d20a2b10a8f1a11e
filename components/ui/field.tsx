"use client";

import { useId, useState, type InputHTMLAttributes } from "react";
import { useTranslations } from "next-intl";

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  /** Error codes from the schema; translated under "fieldErrors". */
  errors?: string[];
  optional?: boolean;
}

/** Error codes in words (messages: fieldErrors.<code>, else the general one); nothing for none. */
export function useFieldErrorText() {
  const t = useTranslations("fieldErrors");
  return (codes: string[] | undefined) => codes?.map((c) => (t.has(c) ? t(c) : t("invalid"))).join(" ");
}

/** A labelled input with its hint and translated errors, wired for screen readers. */
export function Field({ label, hint, errors, optional, id, className = "", type, ...input }: FieldProps) {
  const t = useTranslations();
  const errorText = useFieldErrorText();
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  const [shown, setShown] = useState(false);
  const isPassword = type === "password";
  return (
    <div className={`flex flex-col gap-1.5 ${className}`}>
      <label htmlFor={inputId} className="text-lg font-semibold">
        {label}
        {optional && <span className="ml-2 text-base font-normal text-muted">{t("common.optional")}</span>}
      </label>
      {hint && (
        <p id={hintId} className="text-base text-muted">
          {hint}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <input
          id={inputId}
          type={isPassword && shown ? "text" : type}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          className={`min-h-12 w-full min-w-0 flex-[1_1_8rem] rounded-xl border-2 bg-white px-4 text-lg text-ink placeholder:text-stone-500 ${errorId ? "border-red-brand" : "border-stone-400"} focus:border-red-brand`}
          {...input}
        />
        {isPassword && (
          <button
            type="button"
            onClick={() => setShown((s) => !s)}
            aria-pressed={shown}
            className="min-h-12 rounded-xl border-2 border-stone-400 bg-white px-[12px] text-base font-semibold text-ink hover:bg-gold-soft"
          >
            {shown ? t("common.hidePassword") : t("common.showPassword")}
          </button>
        )}
      </div>
      {errorId && (
        <p id={errorId} className="text-base font-semibold text-red-deep">
          {errorText(errors)}
        </p>
      )}
    </div>
  );
}
