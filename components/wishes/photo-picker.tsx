"use client";

import { forwardRef, useId, useImperativeHandle } from "react";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { useFieldErrorText } from "@/components/ui/field";
import { usePhotoChoice } from "@/components/ui/use-photo-choice";

export interface PhotoPickerHandle {
  file: File | null;
  /** A code under fieldErrors when the chosen file will not do, checked before sending. */
  error: string | undefined;
  setError: (code: string | undefined) => void;
  clear: () => void;
  focus: () => void;
}

/**
 * An optional photo: our own button (the browser's file button speaks the browser's language),
 * the file's name, a preview, and its type and size checked here for a quick answer.
 */
export const PhotoPicker = forwardRef<PhotoPickerHandle, { label: string; hint: string; current?: React.ReactNode }>(
  function PhotoPicker({ label, hint, current }, ref) {
    const t = useTranslations("wishes.form");
    const tc = useTranslations("common");
    const errorText = useFieldErrorText();
    const id = useId();
    const { inputRef: input, file, preview, error, setError, choose, clear } = usePhotoChoice();
    useImperativeHandle(ref, () => ({ file, error, setError, clear, focus: () => input.current?.focus() }));

    const hintId = `${id}-hint`;
    const errorId = error ? `${id}-error` : undefined;
    return (
      <div className="flex flex-col gap-1.5">
        <p id={`${id}-label`} className="text-lg font-semibold">
          {label}
          <span className="ml-2 text-base font-normal text-muted">{tc("optional")}</span>
        </p>
        <p id={hintId} className="text-base text-muted">
          {hint}
        </p>
        {current && !preview && <div className="mt-1">{current}</div>}
        <input
          ref={input}
          id={`${id}-photo`}
          type="file"
          accept="image/*"
          aria-labelledby={`${id}-label`}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
          className="peer sr-only"
        />
        <span className="flex flex-wrap items-center gap-3 rounded-xl peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-gold">
          <label htmlFor={`${id}-photo`} className={buttonClass("secondary", "md", "cursor-pointer")}>
            {file ? t("changePhoto") : t("choosePhoto")}
          </label>
          {file && <span className="min-w-0 text-base break-all text-muted">{file.name}</span>}
        </span>
        {errorId && (
          <p id={errorId} className="text-base font-semibold text-red-deep">
            {errorText([error!])}
          </p>
        )}
        {preview && (
          <div className="mt-2 flex flex-wrap items-end gap-4">
            {/* A local preview (blob: URL) of the file about to be sent. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={preview} alt={t("photoPreview")} className="size-32 rounded-xl border border-line object-cover" />
            <Button type="button" variant="secondary" onClick={clear}>
              {t("removePhoto")}
            </Button>
          </div>
        )}
      </div>
    );
  },
);
