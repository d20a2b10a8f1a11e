"use client";

import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { STORY_MAX, nominationSchema, type NominationInput } from "@/lib/stars/schemas";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Button, buttonClass } from "@/components/ui/button";
import { usePhotoChoice } from "@/components/ui/use-photo-choice";

type Values = NominationInput;

export interface CategoryChoice {
  id: string;
  name: string;
  description: string;
}

const EMPTY_NAMED: Values["nominee"] = { kind: "named", name: "", building: "", unit: "" };

/**
 * Nominating a neighbour: react-hook-form with the schema the service parses again, sent as
 * multipart so the photo travels as a file. The photo's type and size are checked here for a quick
 * answer; its bytes are checked on the server.
 */
export function NominationForm({ festivalSlug, categories }: { festivalSlug: string; categories: CategoryChoice[] }) {
  const t = useTranslations("stars.nominate");
  const tf = useTranslations("fieldErrors");
  const tc = useTranslations("common");
  const router = useRouter();
  const id = useId();
  const [code, setCode] = useState<string>();
  const [done, setDone] = useState(false);
  const {
    inputRef: fileRef,
    file: photo,
    preview,
    error: photoError,
    setError: setPhotoError,
    choose: choosePhoto,
    clear: removePhoto,
  } = usePhotoChoice();
  const topRef = useRef<HTMLDivElement>(null);
  const defaults: Values = {
    festivalSlug,
    categoryId: categories.length === 1 ? categories[0].id : "",
    nominee: EMPTY_NAMED,
    story: "",
  };
  const form = useForm({ resolver: zodResolver(nominationSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: "nominee.kind" });
  const story = useWatch({ control: form.control, name: "story" }) ?? "";
  const err = (m?: string) => (m ? [m] : undefined);
  // The nominee is one of two shapes; a field's error is looked up by its path in either.
  const nomineeErr = (field: "phone" | "name" | "building" | "unit") =>
    err(form.getFieldState(`nominee.${field}`, form.formState).error?.message);

  const send = async () => {
    setCode(undefined);
    if (photoError) {
      fileRef.current?.focus();
      return;
    }
    const v = form.getValues();
    const body = new FormData();
    body.set("festivalSlug", festivalSlug);
    body.set("categoryId", v.categoryId);
    body.set("nomineeKind", v.nominee.kind);
    if (v.nominee.kind === "account") body.set("phone", v.nominee.phone ?? "");
    else for (const k of ["name", "building", "unit"] as const) body.set(k, v.nominee[k] ?? "");
    body.set("story", v.story);
    if (photo) body.set("photo", photo);
    let result: { ok: boolean; code?: string; fieldErrors?: Record<string, string[] | undefined> };
    try {
      const res = await fetch("/api/stars/nominations", { method: "POST", body });
      result = await res.json();
    } catch {
      result = { ok: false, code: "unknown" };
    }
    if (!result.ok) {
      for (const [field, codes] of Object.entries(result.fieldErrors ?? {})) {
        if (!codes?.length) continue;
        if (field === "photo") setPhotoError(codes[0]);
        else if (field === "nominee")
          form.setError(v.nominee.kind === "account" ? "nominee.phone" : "nominee.name", { message: codes[0] });
        else if (field === "categoryId" || field === "story") form.setError(field, { message: codes[0] });
      }
      setCode(result.code);
      topRef.current?.scrollIntoView({ block: "start" });
      return;
    }
    setDone(true);
    form.reset(defaults);
    removePhoto();
    topRef.current?.scrollIntoView({ block: "start" });
    router.refresh();
  };

  if (done) {
    return (
      <div ref={topRef} className="flex scroll-mt-4 flex-col items-start gap-4">
        <FormMessage success={t("done")} />
        <Button type="button" variant="secondary" size="lg" onClick={() => setDone(false)}>
          {t("another")}
        </Button>
      </div>
    );
  }

  const storyHint = `${id}-story-hint`;
  const storyCount = `${id}-story-count`;
  const storyError = errors.story?.message ? `${id}-story-error` : undefined;
  const photoHint = `${id}-photo-hint`;
  const photoErrorId = photoError ? `${id}-photo-error` : undefined;
  const over = story.length > STORY_MAX;

  return (
    <div ref={topRef} className="scroll-mt-4">
      <form onSubmit={(e) => void form.handleSubmit(send)(e)} noValidate className="flex flex-col gap-6">
        <FormMessage code={code} />
        <Controller
          control={form.control}
          name="categoryId"
          render={({ field }) => (
            <ChoiceGroup
              legend={t("category")}
              value={field.value}
              onChange={field.onChange}
              errors={err(errors.categoryId?.message)}
              choices={categories.map((c) => ({ value: c.id, label: c.name, hint: c.description || undefined }))}
            />
          )}
        />
        <Controller
          control={form.control}
          name="nominee.kind"
          render={({ field }) => (
            <ChoiceGroup
              legend={t("kind")}
              value={field.value}
              onChange={(v) => form.setValue("nominee", v === "account" ? { kind: "account", phone: "" } : EMPTY_NAMED)}
              errors={err(errors.nominee?.kind?.message)}
              columns={1}
              choices={[
                { value: "named", label: t("kindNamed"), hint: t("kindNamedHint") },
                { value: "account", label: t("kindAccount"), hint: t("kindAccountHint") },
              ]}
            />
          )}
        />
        {kind === "account" ? (
          <Field
            key="phone"
            label={t("phone")}
            type="tel"
            inputMode="numeric"
            autoComplete="off"
            className="max-w-sm"
            errors={nomineeErr("phone")}
            {...form.register("nominee.phone")}
          />
        ) : (
          <div key="named" className="grid gap-4 sm:grid-cols-[2fr_2fr_1fr]">
            <Field
              label={t("name")}
              autoComplete="off"
              errors={nomineeErr("name")}
              {...form.register("nominee.name")}
            />
            <Field
              label={t("building")}
              hint={t("buildingHint")}
              autoComplete="off"
              errors={nomineeErr("building")}
              {...form.register("nominee.building")}
            />
            <Field
              label={t("unit")}
              optional
              autoComplete="off"
              errors={nomineeErr("unit")}
              {...form.register("nominee.unit")}
            />
          </div>
        )}

        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-story`} className="text-lg font-semibold">
            {t("story")}
          </label>
          <p id={storyHint} className="text-base text-muted">
            {t("storyHint", { max: STORY_MAX })}
          </p>
          <textarea
            id={`${id}-story`}
            rows={6}
            aria-invalid={storyError || over ? true : undefined}
            aria-describedby={[storyHint, storyCount, storyError].filter(Boolean).join(" ")}
            className={`w-full rounded-xl border-2 bg-white px-4 py-3 text-lg ${storyError || over ? "border-red-brand" : "border-stone-400"} focus:border-red-brand`}
            {...form.register("story")}
          />
          <p id={storyCount} className={`self-end text-base ${over ? "font-semibold text-red-deep" : "text-muted"}`}>
            {t("storyCount", { count: story.length, max: STORY_MAX })}
          </p>
          {storyError && (
            <p id={storyError} className="text-base font-semibold text-red-deep">
              {tf.has(errors.story!.message!) ? tf(errors.story!.message!) : tf("invalid")}
            </p>
          )}
        </div>

        <div className="flex flex-col gap-1.5">
          <p id={`${id}-photo-label`} className="text-lg font-semibold">
            {t("photo")}
            <span className="ml-2 text-base font-normal text-muted">{tc("optional")}</span>
          </p>
          <p id={photoHint} className="text-base text-muted">
            {t("photoHint")}
          </p>
          {/* The browser's own file button speaks the browser's language: ours speaks the reader's. */}
          <input
            ref={fileRef}
            id={`${id}-photo`}
            type="file"
            accept="image/*"
            aria-labelledby={`${id}-photo-label`}
            aria-invalid={photoErrorId ? true : undefined}
            aria-describedby={[photoHint, photoErrorId].filter(Boolean).join(" ")}
            onChange={(e) => choosePhoto(e.target.files?.[0] ?? null)}
            className="peer sr-only"
          />
          <span className="flex flex-wrap items-center gap-3 rounded-xl peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-gold">
            <label htmlFor={`${id}-photo`} className={buttonClass("secondary", "md", "cursor-pointer")}>
              {photo ? t("changePhoto") : t("choosePhoto")}
            </label>
            {photo && <span className="min-w-0 text-base break-all text-muted">{photo.name}</span>}
          </span>
          {photoErrorId && (
            <p id={photoErrorId} className="text-base font-semibold text-red-deep">
              {tf.has(photoError!) ? tf(photoError!) : tf("invalid")}
            </p>
          )}
          {preview && (
            <div className="mt-2 flex flex-wrap items-end gap-4">
              {/* A local preview (blob: URL) of the file about to be sent. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                src={preview}
                alt={t("photoPreview")}
                className="size-32 rounded-xl border border-line object-cover"
              />
              <Button type="button" variant="secondary" onClick={removePhoto}>
                {t("removePhoto")}
              </Button>
            </div>
          )}
        </div>

        <SubmitButton size="lg" pending={isSubmitting} className="self-stretch sm:self-start">
          {t("submit")}
        </SubmitButton>
      </form>
    </div>
  );
}
