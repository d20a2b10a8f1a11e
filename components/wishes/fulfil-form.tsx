"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { WISH_STORY_MAX } from "@/lib/wishes/schemas";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { PhotoPicker, type PhotoPickerHandle } from "@/components/ui/photo-picker";
import { TextArea } from "./text-area";
import { postForm } from "@/components/ui/post";

/** "It came true": a note and an optional photo, sent as multipart; then the page shows it waiting. */
export function FulfilForm({ claimId, points }: { claimId: string; points: number }) {
  const t = useTranslations("myWishes");
  const tp = useTranslations("wishes.form");
  const router = useRouter();
  const [note, setNote] = useState("");
  const [code, setCode] = useState<string>();
  const [noteErrors, setNoteErrors] = useState<string[]>();
  const [pending, setPending] = useState(false);
  const photo = useRef<PhotoPickerHandle>(null);

  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    setCode(undefined);
    setNoteErrors(undefined);
    if (!note.trim()) return setNoteErrors(["required"]);
    if (note.trim().length > WISH_STORY_MAX) return setNoteErrors(["too_long"]);
    if (photo.current?.error) return photo.current.focus();
    const body = new FormData();
    body.set("claimId", claimId);
    body.set("note", note);
    if (photo.current?.file) body.set("photo", photo.current.file);
    setPending(true);
    const result = await postForm("/api/wishes/fulfil", body);
    setPending(false);
    if (!result.ok) {
      if (result.fieldErrors?.note) setNoteErrors(result.fieldErrors.note);
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
      <p className="text-lg">{t("fulfilText", { points })}</p>
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
