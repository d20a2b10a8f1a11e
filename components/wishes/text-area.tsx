"use client";

import { forwardRef, useId, type TextareaHTMLAttributes } from "react";
import { useFieldErrorText } from "@/components/ui/field";

/** A labelled textarea with its hint, a live count against the limit, and translated errors. */
export const TextArea = forwardRef<
  HTMLTextAreaElement,
  TextareaHTMLAttributes<HTMLTextAreaElement> & {
    label: string;
    hint: string;
    count: string;
    over: boolean;
    errors?: string[];
  }
>(function TextArea({ label, hint, count, over, errors, ...area }, ref) {
  const id = useId();
  const errorText = useFieldErrorText();
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-lg font-semibold">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-base text-muted">
        {hint}
      </p>
      <textarea
        ref={ref}
        id={id}
        rows={5}
        aria-invalid={errorId || over ? true : undefined}
        aria-describedby={[`${id}-hint`, `${id}-count`, errorId].filter(Boolean).join(" ")}
        className={`w-full rounded-xl border-2 bg-white px-4 py-3 text-lg ${errorId || over ? "border-red-brand" : "border-stone-400"} focus:border-red-brand`}
        {...area}
      />
      <p id={`${id}-count`} className={`self-end text-base ${over ? "font-semibold text-red-deep" : "text-muted"}`}>
        {count}
      </p>
      {errorId && (
        <p id={errorId} className="text-base font-semibold text-red-deep">
          {errorText(errors)}
        </p>
      )}
    </div>
  );
});
