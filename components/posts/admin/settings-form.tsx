"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { PATROL_MINUTES, PERIODS, TEAM_SIZE, type Period } from "@/vocabulary/posts";
import type { ActionState } from "@/lib/action-state";
import { savePostSettingsAction } from "@/lib/posts/actions";
import { POST_DESCRIPTION_MAX } from "@/lib/posts/schemas";
import { Alert } from "@/components/ui/alert";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { submitKeepingValues, useActionFailureText } from "@/components/ui/action-outcome";
import { TextBox } from "@/components/posts/text-box";

export interface PostSettings {
  id: string;
  version: number;
  patrol: boolean;
  description: string;
  teamSize: number;
  period: Period;
  startsAt: string;
  endsAt: string;
  maxMinutes: number;
  swapsNeedApproval: boolean;
}

/** A post's description and, for the patrol, how its daily walk runs. Works without JavaScript. */
export function PostSettingsForm({ post }: { post: PostSettings }) {
  const t = useTranslations("postsAdmin.settings");
  const tv = useTranslations("postsPublic.vocab");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<ActionState<{ version: number }>, FormData>(savePostSettingsAction, {
    ok: false,
  });
  const failureText = useActionFailureText("postsAdmin")(state);
  const failure = state.code === "invalid" && Object.keys(state.fieldErrors ?? {}).length ? te("invalid") : failureText;
  const e = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]);
  const v = (k: keyof PostSettings) => (state.ok ? undefined : state.values?.[k]) ?? String(post[k]);
  const [period, setPeriod] = useState(v("period"));
  // After a save the page comes back with the new version too; until then, the one just saved.
  const version = state.ok && state.data ? Math.max(state.data.version, post.version) : post.version;
  const kept = (k: keyof PostSettings) => <input type="hidden" name={k} value={String(post[k])} />;
  return (
    <form
      action={action}
      onSubmit={submitKeepingValues(action)}
      className="flex max-w-2xl flex-col gap-5 rounded-xl border border-line bg-white p-4 sm:p-5"
    >
      <input type="hidden" name="postId" value={post.id} />
      <input type="hidden" name="version" value={version} />
      <TextBox
        name="description"
        label={t("description")}
        hint={t("descriptionHint", { max: POST_DESCRIPTION_MAX })}
        maxLength={POST_DESCRIPTION_MAX}
        rows={4}
        defaultValue={v("description")}
        errors={e("description")}
      />
      {post.patrol ? (
        <fieldset className="flex flex-col gap-4">
          <legend className="mb-2 text-xl font-bold">{t("patrol")}</legend>
          <Field
            name="teamSize"
            label={t("teamSize")}
            hint={t("teamSizeHint", { min: TEAM_SIZE.min, max: TEAM_SIZE.max })}
            type="number"
            inputMode="numeric"
            min={TEAM_SIZE.min}
            max={TEAM_SIZE.max}
            required
            defaultValue={v("teamSize")}
            errors={e("teamSize")}
          />
          <ChoiceGroup
            name="period"
            legend={t("period")}
            columns={2}
            value={period}
            onChange={setPeriod}
            errors={e("period")}
            choices={PERIODS.map((p) => ({ value: p, label: tv(`periodLabels.${p}`) }))}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              name="startsAt"
              label={t("startsAt")}
              hint={t("startsAtHint")}
              type="time"
              required
              defaultValue={v("startsAt")}
              errors={e("startsAt")}
            />
            <Field
              name="endsAt"
              label={t("endsAt")}
              hint={t("endsAtHint")}
              type="time"
              required
              defaultValue={v("endsAt")}
              errors={e("endsAt")}
            />
          </div>
          <Field
            name="maxMinutes"
            label={t("maxMinutes")}
            hint={t("maxMinutesHint", { min: PATROL_MINUTES.min, max: PATROL_MINUTES.max })}
            type="number"
            inputMode="numeric"
            min={PATROL_MINUTES.min}
            max={PATROL_MINUTES.max}
            required
            defaultValue={v("maxMinutes")}
            errors={e("maxMinutes")}
          />
          <label className="flex min-h-14 cursor-pointer items-start gap-3 rounded-xl border-2 border-stone-400 bg-white px-[14px] py-3 text-lg hover:border-red-brand">
            <input
              type="checkbox"
              name="swapsNeedApproval"
              defaultChecked={v("swapsNeedApproval") === "true" || v("swapsNeedApproval") === "on"}
              className="mt-1 size-6 shrink-0 accent-red-brand"
            />
            <span className="flex min-w-0 flex-col gap-0.5">
              <span className="font-semibold">{t("swapsNeedApproval")}</span>
              <span className="text-base text-muted">{t("swapsNeedApprovalHint")}</span>
            </span>
          </label>
        </fieldset>
      ) : (
        <>
          {kept("teamSize")}
          {kept("period")}
          {kept("startsAt")}
          {kept("endsAt")}
          {kept("maxMinutes")}
          {post.swapsNeedApproval && <input type="hidden" name="swapsNeedApproval" value="on" />}
        </>
      )}
      <div>
        <SubmitButton pending={pending}>{t("save")}</SubmitButton>
      </div>
      {state.ok && <Alert tone="success">{t("saved")}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}
