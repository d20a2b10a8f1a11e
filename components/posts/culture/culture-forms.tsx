"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { addSlotAction, addSpecialSessionAction, takeAttendanceAction } from "@/lib/posts/culture-actions";
import { WEEKDAYS } from "@/vocabulary/posts";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { WhenFields } from "@/components/posts/when-fields";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionFailureText, submitKeepingValues } from "@/components/ui/action-outcome";

// The culture groups' forms: a leader's attendance on a phone, an organiser's timetable slot and
// special event. Each works without JavaScript and says what happened.

const selectClass =
  "min-h-12 w-full rounded-xl border-2 border-stone-400 bg-white px-3 text-lg text-ink focus:border-red-brand";

/** Who came: one big box per member; the leader's own is ticked the first time. */
export function AttendanceForm({
  groupId,
  slotId,
  sessionId,
  day,
  members,
  present,
  me,
}: {
  groupId: string;
  slotId: string | null;
  sessionId: string | null;
  day?: string;
  members: { id: string; name: string; leader: boolean }[];
  present: string[] | null;
  me?: string | null;
}) {
  const t = useTranslations("culture.attendance");
  const [state, action] = useActionState<ActionState<{ present: number }>, FormData>(takeAttendanceAction, {
    ok: false,
  });
  const failure = useActionFailureText("culture")(state);
  const ticked = (id: string) => (present ? present.includes(id) : id === me);
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-col gap-4">
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="slotId" value={slotId ?? ""} />
      <input type="hidden" name="sessionId" value={sessionId ?? ""} />
      <input type="hidden" name="day" value={day ?? ""} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-lg font-semibold">{t("who")}</legend>
        {members.map((m) => (
          <label key={m.id} className="flex min-h-12 items-center gap-3 text-lg">
            <input type="checkbox" name="present" value={m.id} defaultChecked={ticked(m.id)} className="size-6" />
            {m.leader ? t("leaderName", { name: m.name }) : m.name}
          </label>
        ))}
      </fieldset>
      <div>
        <SubmitButton size="lg">{present ? t("saveAgain") : t("save")}</SubmitButton>
      </div>
      {state.ok && state.data && <Alert tone="success">{t("saved", { count: state.data.present })}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}

/** An organiser adds a weekly slot to the group's timetable. */
export function SlotForm({ groupId }: { groupId: string }) {
  const t = useTranslations("culture.admin");
  const tw = useTranslations("culture.weekdays");
  const id = useId();
  const [state, action] = useActionState<ActionState, FormData>(addSlotAction, { ok: false });
  const failure = useActionFailureText("culture")(state);
  const e = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]);
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-wrap items-end gap-4">
      <input type="hidden" name="groupId" value={groupId} />
      <div className="flex min-w-40 flex-col gap-1.5">
        <label htmlFor={`${id}-w`} className="text-lg font-semibold">
          {t("weekday")}
        </label>
        <select id={`${id}-w`} name="weekday" className={selectClass} defaultValue={state.values?.weekday ?? "1"}>
          {WEEKDAYS.map((w) => (
            <option key={w} value={w}>
              {tw(String(w))}
            </option>
          ))}
        </select>
      </div>
      <Field
        name="startsAt"
        type="time"
        label={t("startsAt")}
        required
        defaultValue={state.values?.startsAt}
        errors={e("startsAt")}
        className="w-40"
      />
      <Field
        name="endsAt"
        type="time"
        label={t("endsAt")}
        required
        defaultValue={state.values?.endsAt}
        errors={e("endsAt")}
        className="w-40"
      />
      <Field
        name="place"
        label={t("place")}
        required
        maxLength={40}
        defaultValue={state.values?.place}
        errors={e("place")}
        className="min-w-48 flex-1"
      />
      <SubmitButton>{t("addSlot")}</SubmitButton>
      {state.ok && <Alert tone="success">{t("slotAdded")}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}

/** An organiser puts on a special event for the group. */
export function SpecialSessionForm({ groupId }: { groupId: string }) {
  const t = useTranslations("culture.admin");
  const [state, action] = useActionState<ActionState, FormData>(addSpecialSessionAction, { ok: false });
  const failure = useActionFailureText("culture")(state);
  const e = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]);
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-wrap items-end gap-4">
      <input type="hidden" name="groupId" value={groupId} />
      <Field
        name="title"
        label={t("eventTitle")}
        required
        maxLength={40}
        defaultValue={state.values?.title}
        errors={e("title")}
        className="min-w-48 flex-1"
      />
      <WhenFields
        labels={{ day: t("day"), startsAt: t("startsAt"), endsAt: t("endsAt") }}
        value={(k) => state.values?.[k]}
        errors={e}
      />
      <Field
        name="place"
        label={t("place")}
        required
        maxLength={40}
        defaultValue={state.values?.place}
        errors={e("place")}
        className="min-w-48 flex-1"
      />
      <SubmitButton>{t("addEvent")}</SubmitButton>
      {state.ok && <Alert tone="success">{t("eventAdded")}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}
