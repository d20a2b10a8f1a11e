"use client";

import { useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch, type DefaultValues } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { useTranslations } from "next-intl";
import { CIRCUMSTANCES, WISH_CATEGORIES } from "@/vocabulary/wishes";
import { ownWishSchema, WISH_STORY_MAX, WISH_TITLE_MAX } from "@/lib/wishes/schemas";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClass } from "@/components/ui/button";
import { PhotoPicker, type PhotoPickerHandle } from "@/components/ui/photo-picker";
import { TextArea } from "./text-area";
import { wishPhotoUrl } from "./wish-card";
import { postForm } from "@/components/ui/post";

export type WishFormValues = z.input<typeof ownWishSchema>;

const FIELDS = ["title", "story", "category", "value", "wantedBy", "alias", "age", "circumstance"] as const;

/**
 * A resident asks for a wish for themselves, or corrects one sent back to them (`edit`): the
 * schema the service parses again, sent as multipart so the photo travels as a file.
 */
export function WishForm({
  cap,
  suggestion,
  initial,
  edit,
}: {
  cap: number;
  suggestion: string;
  initial?: WishFormValues;
  edit?: { id: string; version: number; photoId: string | null };
}) {
  const t = useTranslations("wishes");
  const router = useRouter();
  const [code, setCode] = useState<string>();
  const [done, setDone] = useState(false);
  const photo = useRef<PhotoPickerHandle>(null);
  const top = useRef<HTMLDivElement>(null);
  // The resident's answers are checked with the schema the service parses. Correcting a wish, the
  // service's schema adds only the wish's id and version, which come from the page, not from the
  // resident: they travel in the address and beside the answers.
  const defaults: DefaultValues<WishFormValues> = initial ?? {
    title: "",
    story: "",
    value: "",
    wantedBy: null,
    alias: "",
    age: "",
  };
  const form = useForm<WishFormValues, unknown, z.output<typeof ownWishSchema>>({
    resolver: zodResolver(ownWishSchema),
    defaultValues: defaults,
  });
  const { errors, isSubmitting } = form.formState;
  const story = useWatch({ control: form.control, name: "story" }) ?? "";
  const err = (m?: string) => (m ? [m] : undefined);

  const send = async (v: z.output<typeof ownWishSchema>) => {
    setCode(undefined);
    if (photo.current?.error) {
      photo.current.focus();
      return;
    }
    const body = new FormData();
    for (const k of FIELDS) body.set(k, String(v[k] ?? ""));
    if (edit) body.set("version", String(edit.version));
    if (photo.current?.file) body.set("photo", photo.current.file);
    const result = await postForm<{ id: string }>(edit ? `/api/wishes/${edit.id}` : "/api/wishes", body);
    if (!result.ok) {
      for (const [field, codes] of Object.entries(result.fieldErrors ?? {})) {
        if (!codes?.length) continue;
        if (field === "photo") photo.current?.setError(codes[0]);
        else if ((FIELDS as readonly string[]).includes(field))
          form.setError(field as (typeof FIELDS)[number], { message: codes[0] });
      }
      setCode(result.code);
      top.current?.scrollIntoView({ block: "start" });
      return;
    }
    setDone(true);
    top.current?.scrollIntoView({ block: "start" });
    router.refresh();
  };

  if (done) {
    return (
      <div ref={top} className="flex scroll-mt-4 flex-col items-start gap-4">
        <FormMessage success={t("form.done")} />
        <Link href="/me/wishes" className={buttonClass("primary", "lg")}>
          {t("form.toMine")}
        </Link>
      </div>
    );
  }

  return (
    <div ref={top} className="scroll-mt-4">
      <form onSubmit={(e) => void form.handleSubmit(send)(e)} noValidate className="flex flex-col gap-6">
        <FormMessage code={code} />
        <Field
          label={t("form.wishTitle")}
          hint={t("form.wishTitleHint", { max: WISH_TITLE_MAX })}
          autoComplete="off"
          errors={err(errors.title?.message)}
          {...form.register("title")}
        />
        <TextArea
          label={t("form.story")}
          hint={t("form.storyHint", { max: WISH_STORY_MAX })}
          count={t("form.storyCount", { count: story.length, max: WISH_STORY_MAX })}
          over={story.length > WISH_STORY_MAX}
          errors={err(errors.story?.message)}
          {...form.register("story")}
        />
        <Controller
          control={form.control}
          name="category"
          render={({ field }) => (
            <ChoiceGroup
              legend={t("form.category")}
              value={field.value}
              onChange={field.onChange}
              errors={err(errors.category?.message)}
              columns={1}
              choices={WISH_CATEGORIES.map((c) => ({
                value: c,
                label: t(`category.${c}`),
                hint: t(`categoryHint.${c}`),
              }))}
            />
          )}
        />
        <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
          <Field
            label={t("form.value")}
            hint={t("form.valueHint", { cap })}
            type="number"
            inputMode="numeric"
            min={0}
            max={cap}
            errors={err(errors.value?.message)}
            {...form.register("value")}
          />
          <Field
            label={t("form.wantedBy")}
            type="date"
            optional
            errors={err(errors.wantedBy?.message)}
            {...form.register("wantedBy", { setValueAs: (v: string | null) => v || null })}
          />
        </div>
        <div className="grid grid-cols-1 gap-6 sm:grid-cols-2">
          <Field
            label={t("form.alias")}
            hint={t("form.aliasHint", { suggestion })}
            autoComplete="off"
            errors={err(errors.alias?.message)}
            {...form.register("alias")}
          />
          <Field
            label={t("form.age")}
            hint={t("form.ageHint")}
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            errors={err(errors.age?.message)}
            {...form.register("age")}
          />
        </div>
        <Controller
          control={form.control}
          name="circumstance"
          render={({ field }) => (
            <ChoiceGroup
              legend={t("form.circumstance")}
              value={field.value}
              onChange={field.onChange}
              errors={err(errors.circumstance?.message)}
              columns={3}
              choices={CIRCUMSTANCES.map((c) => ({ value: c, label: t(`form.circumstances.${c}`) }))}
            />
          )}
        />
        <PhotoPicker
          ref={photo}
          label={t("form.photo")}
          hint={t("form.photoHint")}
          texts={{
            choose: t("form.choosePhoto"),
            change: t("form.changePhoto"),
            remove: t("form.removePhoto"),
            preview: t("form.photoPreview"),
          }}
          current={
            edit?.photoId ? (
              <div className="flex flex-wrap items-center gap-3">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img
                  src={wishPhotoUrl(edit.photoId)}
                  alt={t("photoAlt", { title: defaults.title ?? "" })}
                  className="size-24 rounded-xl border border-line object-cover"
                />
                <span className="text-base text-muted">{t("form.currentPhoto")}</span>
              </div>
            ) : undefined
          }
        />
        <SubmitButton size="lg" pending={isSubmitting} className="self-stretch sm:self-start">
          {edit ? t("form.resubmit") : t("form.submit")}
        </SubmitButton>
      </form>
    </div>
  );
}
