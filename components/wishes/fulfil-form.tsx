"use client";

import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { z } from "zod";
import { fulfilSchema, WISH_STORY_MAX } from "@/lib/wishes/schemas";
import { WISH_MAX_HOURS } from "@/vocabulary/wishes";
import { Field, useFieldErrorText } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { PhotoPicker, type PhotoPickerHandle } from "@/components/ui/photo-picker";
import { TextArea } from "./text-area";
import { postForm } from "@/components/ui/post";

/**
 * "It came true": a note, the time it took (hours and minutes; 0 when there is none to count) and
 * an optional photo, sent as multipart; then the page shows it waiting.
 */
export function FulfilForm({ claimId, rule }: { claimId: string; rule: string }) {
  const t = useTranslations("myWishes");
  const tp = useTranslations("wishes.form");
  const router = useRouter();
  const [note, setNote] = useState("");
  const [code, setCode] = useState<string>();
  const [noteErrors, setNoteErrors] = useState<string[]>();
  const [hours, setHours] = useState("");
  const [minutes, setMinutes] = useState("");
  const [timeErrors, setTimeErrors] = useState<{ hours?: string[]; minutes?: string[] }>({});
  const timeHint = useId();
  const timeError = useId();
  const errorText = useFieldErrorText();
  // One line under both boxes: a word per box is too narrow a column on a phone.
  const timeErrorCodes = [...new Set([...(timeErrors.hours ?? []), ...(timeErrors.minutes ?? [])])];
  const timeInvalid = (codes?: string[]) =>
    codes?.length ? { "aria-invalid": true as const, "aria-describedby": timeError } : {};
  const [pending, setPending] = useState(false);
  const photo = useRef<PhotoPickerHandle>(null);

  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    setCode(undefined);
    setNoteErrors(undefined);
    setTimeErrors({});
    // The same schema the service parses again.
    const checked = fulfilSchema.safeParse({ claimId, note, hours, minutes });
    if (!checked.success) {
      // Keyed by the form's fields (the schema's output has minutes where the form has two boxes).
      const errors: Partial<Record<string, string[]>> = z.flattenError(checked.error).fieldErrors;
      setNoteErrors(errors.note);
      setTimeErrors({ hours: errors.hours, minutes: errors.minutes });
      return;
    }
    if (photo.current?.error) return photo.current.focus();
    const body = new FormData();
    body.set("claimId", claimId);
    body.set("note", note);
    body.set("hours", hours);
    body.set("minutes", minutes);
    if (photo.current?.file) body.set("photo", photo.current.file);
    setPending(true);
    const result = await postForm("/api/wishes/fulfil", body);
    setPending(false);
    if (!result.ok) {
      if (result.fieldErrors?.note) setNoteErrors(result.fieldErrors.note);
      setTimeErrors({ hours: result.fieldErrors?.hours, minutes: result.fieldErrors?.minutes });
      if (result.fieldErrors?.photo?.length) photo.current?.setError(result.fieldErrors.photo[0]);
      setCode(result.code);
      return;
    }
    router.replace("/me/wishes?fulfilled=1");
    router.refresh();
  };

  return (
    <form
      onSubmit={(e) => void send(e)}
      noValidate
      className="-mx-1 flex flex-col gap-4 rounded-xl border-2 border-green-ink/40 bg-green-soft/40 px-3 py-4 sm:mx-0 sm:p-4"
    >
      <h4 className="text-xl font-bold text-green-ink">{t("fulfilTitle")}</h4>
      <p className="text-lg">{t("fulfilText", { rule })}</p>
      <FormMessage code={code} />
      <TextArea
        label={t("note")}
        hint={t("noteHint", { max: WISH_STORY_MAX })}
        count={`${note.length}/${WISH_STORY_MAX}`}
        over={note.length > WISH_STORY_MAX}
        errors={noteErrors}
        rows={4}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <fieldset className="flex flex-col gap-2" aria-describedby={timeHint}>
        <legend className="text-lg font-semibold">{t("timeTitle")}</legend>
        <p id={timeHint} className="text-base text-muted">
          {t("timeHint", { max: WISH_MAX_HOURS })}
        </p>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          <Field
            label={t("hours")}
            name="hours"
            type="number"
            inputMode="numeric"
            min={0}
            max={WISH_MAX_HOURS}
            step={1}
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            {...timeInvalid(timeErrors.hours)}
            className="w-32"
          />
          <Field
            label={t("minutes")}
            name="minutes"
            type="number"
            inputMode="numeric"
            min={0}
            max={59}
            step={1}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            {...timeInvalid(timeErrors.minutes)}
            className="w-32"
          />
        </div>
        {timeErrorCodes.length > 0 && (
          <p id={timeError} className="text-base font-semibold text-red-deep">
            {errorText(timeErrorCodes)}
          </p>
        )}
      </fieldset>
      <PhotoPicker
        ref={photo}
        label={t("photo")}
        hint={t("photoHint")}
        texts={{
          choose: tp("choosePhoto"),
          change: tp("changePhoto"),
          remove: tp("removePhoto"),
          preview: tp("photoPreview"),
        }}
      />
      <SubmitButton size="lg" pending={pending} className="self-stretch sm:self-start">
        {t("fulfilSubmit")}
      </SubmitButton>
    </form>
  );
}
