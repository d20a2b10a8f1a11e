"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { POST_KINDS } from "@/vocabulary/posts";
import type { ActionState } from "@/lib/action-state";
import { createPostAction } from "@/lib/posts/actions";
import { POST_DESCRIPTION_MAX, POST_NAME_MAX } from "@/lib/posts/schemas";
import { Alert } from "@/components/ui/alert";
import { Field, useFieldErrorText } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextBox } from "@/components/posts/text-box";
import { submitKeepingValues, useActionFailureText } from "@/components/ui/action-outcome";

const control = "min-h-12 w-full rounded-xl border-2 bg-white px-4 text-lg text-ink";

/** A new post: its name, what kind it is, what it does. Works without JavaScript. */
export function CreatePostForm() {
  const t = useTranslations("postsAdmin.create");
  const tv = useTranslations("postsPublic.vocab");
  const te = useTranslations("errors");
  const errorText = useFieldErrorText();
  const [state, action, pending] = useActionState<ActionState, FormData>(createPostAction, { ok: false });
  const failureText = useActionFailureText("postsAdmin")(state);
  const e = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]);
  const failure = state.code === "invalid" && Object.keys(state.fieldErrors ?? {}).length ? te("invalid") : failureText;
  const v = (k: string) => state.values?.[k] ?? "";
  return (
    <form
      action={action}
      onSubmit={submitKeepingValues(action)}
      aria-labelledby="create-post-title"
      className="flex max-w-2xl flex-col gap-4 rounded-xl border border-line bg-white p-4 sm:p-5"
    >
      <h2 id="create-post-title" className="text-2xl font-bold">
        {t("title")}
      </h2>
      {failure && <Alert tone="error">{failure}</Alert>}
      <Field
        name="name"
        label={t("name")}
        hint={t("nameHint", { max: POST_NAME_MAX })}
        required
        maxLength={POST_NAME_MAX}
        defaultValue={v("name")}
        errors={e("name")}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="post-kind" className="text-lg font-semibold">
          {t("kind")}
        </label>
        <select
          id="post-kind"
          name="kind"
          required
          defaultValue={v("kind") || "other"}
          aria-invalid={e("kind")?.length ? true : undefined}
          aria-describedby={e("kind")?.length ? "post-kind-error" : undefined}
          className={`${control} ${e("kind")?.length ? "border-red-brand" : "border-stone-400"}`}
        >
          {POST_KINDS.map((k) => (
            <option key={k} value={k}>
              {tv(`kinds.${k}`)}
            </option>
          ))}
        </select>
        {e("kind")?.length ? (
          <p id="post-kind-error" className="text-base font-semibold text-red-deep">
            {errorText(e("kind"))}
          </p>
        ) : null}
      </div>
      <TextBox
        name="description"
        label={t("description")}
        hint={t("descriptionHint", { max: POST_DESCRIPTION_MAX })}
        optional
        maxLength={POST_DESCRIPTION_MAX}
        defaultValue={v("description")}
        errors={e("description")}
      />
      <div>
        <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
