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
import { Button } from "@/components/ui/button";
import { PhotoPicker, type PhotoPickerHandle } from "@/components/ui/photo-picker";
import { postForm } from "@/components/ui/post";

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
  const router = useRouter();
  const id = useId();
  const [code, setCode] = useState<string>();
  const [done, setDone] = useState(false);
  const photo = useRef<PhotoPickerHandle>(null);
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
    if (photo.current?.error) {
      photo.current.focus();
      return;
    }
    const v = form.getValues();
    const body = new FormData();
    body.set("festivalSlug", festivalSlug);
    body.set("categoryId", v.categoryId);
    body.set("nomineeKind", v.nominee.kind);
    body.set("name", v.nominee.name ?? "");
    if (v.nominee.kind === "account") body.set("phone", v.nominee.phone ?? "");
    else for (const k of ["building", "unit"] as const) body.set(k, v.nominee[k] ?? "");
    body.set("story", v.story);
    if (photo.current?.file) body.set("photo", photo.current.file);
    const result = await postForm<{ id: string }>("/api/stars/nominations", body);
    if (!result.ok) {
      for (const [field, codes] of Object.entries(result.fieldErrors ?? {})) {
        if (!codes?.length) continue;
        if (field === "photo") photo.current?.setError(codes[0]);
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
    photo.current?.clear();
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
              onChange={(v) =>
                form.setValue("nominee", v === "account" ? { kind: "account", phone: "", name: "" } : EMPTY_NAMED)
              }
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
          <div key="account" className="grid gap-4 sm:grid-cols-2">
            <Field
              label={t("name")}
              autoComplete="off"
              errors={nomineeErr("name")}
              {...form.register("nominee.name")}
            />
            <Field
              label={t("phone")}
              type="tel"
              inputMode="numeric"
              autoComplete="off"
              errors={nomineeErr("phone")}
              {...form.register("nominee.phone")}
            />
          </div>
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

        <PhotoPicker
          ref={photo}
          label={t("photo")}
          hint={t("photoHint")}
          texts={{
            choose: t("choosePhoto"),
            change: t("changePhoto"),
            remove: t("removePhoto"),
            preview: t("photoPreview"),
          }}
        />

        <SubmitButton size="lg" pending={isSubmitting} className="self-stretch sm:self-start">
          {t("submit")}
        </SubmitButton>
      </form>
    </div>
  );
}
