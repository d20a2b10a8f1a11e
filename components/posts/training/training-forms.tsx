"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { planTrainingAction, takeTrainingAttendanceAction, updateTrainingAction } from "@/lib/posts/training-actions";
import { TRAINING_NOTES_MAX, TRAINING_TITLE_MAX } from "@/lib/posts/schemas";
import { TRAINING_MAX_MINUTES } from "@/vocabulary/posts";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { WhenFields } from "@/components/posts/when-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { submitKeepingValues, useActionFailureText } from "@/components/ui/action-outcome";
import { TextBox } from "@/components/posts/text-box";

// A post's training: the organiser's form to plan or change one, and the attendance checklist.
// Both work without JavaScript and say what happened.

export interface TrainingValues {
  id: string;
  version: number;
  title: string;
  day: string;
  startsAt: string;
  endsAt: string;
  place: string;
  trainer: string;
  notes: string;
}

/** Plans a training for a post (no `training`), or changes one not yet held. */
export function TrainingForm({ postId, training }: { postId: string; training?: TrainingValues }) {
  const t = useTranslations("training.form");
  const [state, action] = useActionState<ActionState<{ version: number }>, FormData>(
    training ? updateTrainingAction : planTrainingAction,
    { ok: false },
  );
  const failure = useActionFailureText("training")(state);
  const e = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]);
  const v = (k: keyof Omit<TrainingValues, "id" | "version">) =>
    (state.ok ? undefined : state.values?.[k]) ?? training?.[k] ?? "";
  // After a save the page comes back with the new version too; until then, the one just saved.
  const version =
    training && state.ok && state.data ? Math.max(state.data.version, training.version) : training?.version;
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex max-w-2xl flex-col gap-5">
      <input type="hidden" name="postId" value={postId} />
      {training && (
        <>
          <input type="hidden" name="trainingId" value={training.id} />
          <input type="hidden" name="version" value={version} />
        </>
      )}
      <Field
        name="title"
        label={t("title")}
        hint={t("titleHint")}
        required
        maxLength={TRAINING_TITLE_MAX}
        defaultValue={v("title")}
        errors={e("title")}
      />
      <div className="flex flex-wrap gap-4">
        <WhenFields
          labels={{ day: t("day"), startsAt: t("startsAt"), endsAt: t("endsAt") }}
          endsHint={t("endsAtHint", { hours: TRAINING_MAX_MINUTES / 60 })}
          value={v}
          errors={e}
        />
      </div>
      <Field name="place" label={t("place")} required maxLength={40} defaultValue={v("place")} errors={e("place")} />
      <Field
        name="trainer"
        label={t("trainer")}
        hint={t("trainerHint")}
        optional
        maxLength={40}
        defaultValue={v("trainer")}
        errors={e("trainer")}
      />
      <TextBox
        name="notes"
        label={t("notes")}
        hint={t("notesHint")}
        optional
        maxLength={TRAINING_NOTES_MAX}
        defaultValue={v("notes")}
        errors={e("notes")}
      />
      <div>
        <SubmitButton size="lg">{training ? t("save") : t("submit")}</SubmitButton>
      </div>
      {state.ok && training && <Alert tone="success">{t("saved")}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}

/** Who came: one big box per member of the post; ticked as last saved. */
export function TrainingAttendanceForm({
  trainingId,
  members,
  taken,
  patrol,
}: {
  trainingId: string;
  members: { id: string; name: string; leader: boolean; left: boolean; present: boolean | null }[];
  taken: boolean;
  patrol: boolean;
}) {
  const t = useTranslations("training.attendance");
  const [state, action] = useActionState<
    ActionState<{ present: number; of: number; hoursWritten: number; unticked: number }>,
    FormData
  >(takeTrainingAttendanceAction, { ok: false });
  const failure = useActionFailureText("training")(state);
  const nameOf = (m: (typeof members)[number]) =>
    m.left
      ? t("leftName", { name: m.name })
      : m.leader
        ? t(patrol ? "leaderName" : "groupLeaderName", { name: m.name })
        : m.name;
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-col gap-4">
      <input type="hidden" name="trainingId" value={trainingId} />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-2 text-lg font-semibold">{t("who")}</legend>
        {members.map((m) => (
          <label key={m.id} className="flex min-h-12 items-center gap-3 text-lg">
            <input type="checkbox" name="present" value={m.id} defaultChecked={!!m.present} className="size-6" />
            {nameOf(m)}
          </label>
        ))}
      </fieldset>
      <div>
        <SubmitButton size="lg">{taken ? t("saveAgain") : t("save")}</SubmitButton>
      </div>
      {state.ok && state.data && (
        <Alert tone="success">
          {t("saved", { count: state.data.present, of: state.data.of, hours: state.data.hoursWritten })}
          {state.data.unticked > 0 && ` ${t("untickedKeep", { count: state.data.unticked })}`}
        </Alert>
      )}
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}
