"use client";

import { useEffect, useRef, useState } from "react";

import { PHOTO_MAX_BYTES } from "@/lib/photos/limits";

/**
 * An optional photo chosen in a form: the file, a preview while it is an image within the limit,
 * and a code under fieldErrors when its type or size will not do (a quick answer before sending;
 * the server checks the bytes again).
 */
export function usePhotoChoice() {
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
