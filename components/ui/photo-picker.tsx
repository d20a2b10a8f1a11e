"use client";

import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { PHOTO_MAX_BYTES } from "@/lib/photos/limits";
import { Button, buttonClass } from "./button";
import { useFieldErrorText } from "./field";

export interface PhotoPickerHandle {
  file: File | null;
  /** A code under fieldErrors when the chosen file will not do, checked before sending. */
  error: string | undefined;
  setError: (code: string | undefined) => void;
  clear: () => void;
  focus: () => void;
}

/** The words on the picker's buttons and preview, in the form's own voice. */
export interface PhotoPickerTexts {
  choose: string;
  change: string;
  remove: string;
  preview: string;
}

/**
 * The file, a preview while it is an image within the limit, and a code under fieldErrors when its
 * type or size will not do (a quick answer before sending; the server checks the bytes again).
 */
function usePhotoChoice() {
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!preview) return;
    return () => URL.revokeObjectURL(preview);
  }, [preview]);

  const choose = (f: File | null) => {
    setError(undefined);
    setPreview(f && f.type.startsWith("image/") && f.size <= PHOTO_MAX_BYTES ? URL.createObjectURL(f) : undefined);
    setFile(f);
    if (f && f.size > PHOTO_MAX_BYTES) setError("photo_too_large");
    else if (f && !f.type.startsWith("image/")) setError("photo_not_image");
  };
  const clear = () => {
    choose(null);
    if (inputRef.current) inputRef.current.value = "";
  };
  return { inputRef, file, preview, error, setError, choose, clear };
}

/**
 * An optional photo in a form: our own button (the browser's file button speaks the browser's
 * language), the file's name, a preview, and its type and size checked here for a quick answer.
 */
export const PhotoPicker = forwardRef<
  PhotoPickerHandle,
  { label: string; hint: string; texts: PhotoPickerTexts; current?: React.ReactNode }
>(function PhotoPicker({ label, hint, texts, current }, ref) {
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
          {file ? texts.change : texts.choose}
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
          <img src={preview} alt={texts.preview} className="size-32 rounded-xl border border-line object-cover" />
          <Button type="button" variant="secondary" onClick={clear}>
            {texts.remove}
          </Button>
        </div>
      )}
    </div>
  );
});
