"use client";

import { useActionState, useId } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import {
  addNoteAction,
  drawRosterAction,
  endPatrolAction,
  markNoteHandledAction,
  setPlaceAction,
  startPatrolAction,
} from "@/lib/posts/patrol-actions";
import type { RosterGap } from "@/lib/posts/roster";
import { NOTE_KINDS, NOTE_MAX } from "@/vocabulary/posts";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionFailureText, submitKeepingValues } from "@/components/ui/action-outcome";

// The patrol's forms: drawing a month, filling a day, starting and ending a patrol, writing down
// what it saw. Each works without JavaScript; each says what happened.

const selectClass =
  "min-h-12 w-full rounded-xl border-2 border-stone-400 bg-white px-3 text-lg text-ink focus:border-red-brand";

/** Draws (or draws again) a month of the roster and says how it went, gaps first. */
export function DrawRosterForm({ postId, month, drawn }: { postId: string; month: string; drawn: boolean }) {
  const t = useTranslations("patrol.roster");
  const format = useFormatter();
  const [state, action] = useActionState<ActionState<{ days: number; gaps: RosterGap[] }>, FormData>(drawRosterAction, {
    ok: false,
  });
  const failure = useActionFailureText("patrol")(state);
  return (
    <form
      action={action}
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        if (drawn && !window.confirm(t("redrawConfirm"))) e.preventDefault();
      }}
    >
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="month" value={month} />
      <p className="text-base text-muted">{drawn ? t("redrawHint") : t("drawHint")}</p>
      <div>
        <SubmitButton>{drawn ? t("redraw") : t("draw")}</SubmitButton>
      </div>
      {state.ok && state.data && (
        <Alert tone={state.data.gaps.length ? "info" : "success"}>
          {t("drawn", { days: state.data.days, gaps: state.data.gaps.length })}
          {state.data.gaps.length > 0 && (
            <span className="mt-1 block text-base">
              {state.data.gaps
                .map((g) => format.dateTime(new Date(`${g.date}T12:00:00Z`), { month: "numeric", day: "numeric" }))
                .join(t("listSeparator"))}
            </span>
          )}
        </Alert>
      )}
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}

/** Puts a member on a day; a leader-to-be can take the lead when the day has none. */
export function AddPlaceForm({
  teamId,
  free,
  needsLeader,
}: {
  teamId: string;
  free: { memberId: string; name: string; canLead: boolean }[];
  needsLeader: boolean;
}) {
  const t = useTranslations("patrol.day");
  const id = useId();
  const [state, action] = useActionState<ActionState, FormData>(setPlaceAction, { ok: false });
  const failure = useActionFailureText("patrol")(state);
  if (!free.length) return <p className="text-lg">{t("nobodyFree")}</p>;
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-col gap-3">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="place" value="add" />
      <label htmlFor={`${id}-m`} className="text-lg font-semibold">
        {t("who")}
      </label>
      <select id={`${id}-m`} name="memberId" className={selectClass} required defaultValue={state.values?.memberId}>
        {free.map((m) => (
          <option key={m.memberId} value={m.memberId}>
            {m.canLead ? t("canLeadOption", { name: m.name }) : m.name}
          </option>
        ))}
      </select>
      {needsLeader && (
        <label className="flex min-h-12 items-center gap-3 text-lg">
          <input type="checkbox" name="leads" className="size-6" defaultChecked={state.values?.leads === "on"} />
          {t("asLeader")}
        </label>
      )}
      <div>
        <SubmitButton>{t("add")}</SubmitButton>
      </div>
      {state.ok && <Alert tone="success">{t("added")}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}

/** The leader starts the day's patrol, saying when it will end (the post's end when left empty). */
export function StartPatrolForm({ teamId, endsAt }: { teamId: string; endsAt: string }) {
  const t = useTranslations("patrol.today");
  const [state, action] = useActionState<ActionState, FormData>(startPatrolAction, { ok: false });
  const failure = useActionFailureText("patrol")(state);
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-col gap-4">
      <input type="hidden" name="teamId" value={teamId} />
      <Field
        name="plannedEnd"
        type="time"
        label={t("plannedEnd")}
        hint={t("plannedEndHint", { time: endsAt })}
        optional
        defaultValue={state.values?.plannedEnd}
        errors={state.ok ? undefined : state.fieldErrors?.plannedEnd}
      />
      <div>
        <SubmitButton size="lg">{t("start")}</SubmitButton>
      </div>
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}

/** The leader ends the patrol and ticks who walked it; a forgotten end can be given as a time. */
export function EndPatrolForm({
  teamId,
  team,
}: {
  teamId: string;
  team: { memberId: string; name: string; leads: boolean }[];
}) {
  const t = useTranslations("patrol.today");
  const [state, action] = useActionState<ActionState, FormData>(endPatrolAction, { ok: false });
  const failure = useActionFailureText("patrol")(state);
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-col gap-4">
      <input type="hidden" name="teamId" value={teamId} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-lg font-semibold">{t("whoWalked")}</legend>
        {team.map((p) => (
          <label key={p.memberId} className="flex min-h-12 items-center gap-3 text-lg">
            <input type="checkbox" name="walked" value={p.memberId} defaultChecked className="size-6" />
            {p.leads ? t("leaderName", { name: p.name }) : p.name}
          </label>
        ))}
      </fieldset>
      <Field
        name="at"
        type="time"
        label={t("endedAt")}
        hint={t("endedAtHint")}
        optional
        defaultValue={state.values?.at}
        errors={state.ok ? undefined : state.fieldErrors?.at}
      />
      <div>
        <SubmitButton size="lg">{t("end")}</SubmitButton>
      </div>
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}

/** Someone on the team writes down what the patrol saw. */
export function NoteForm({ teamId }: { teamId: string }) {
  const t = useTranslations("patrol.notes");
  const id = useId();
  const [state, action] = useActionState<ActionState, FormData>(addNoteAction, { ok: false });
  const failure = useActionFailureText("patrol")(state);
  const e = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]);
  return (
    <form
      key={state.ok ? state.at : "form"}
      action={action}
      onSubmit={submitKeepingValues(action)}
      className="flex flex-col gap-4"
    >
      <input type="hidden" name="teamId" value={teamId} />
      <label htmlFor={`${id}-k`} className="text-lg font-semibold">
        {t("kind")}
      </label>
      <select
        id={`${id}-k`}
        name="kind"
        className={selectClass}
        defaultValue={state.ok ? "passage" : (state.values?.kind ?? "passage")}
      >
        {NOTE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </select>
      <Field
        name="place"
        label={t("place")}
        hint={t("placeHint")}
        optional
        maxLength={40}
        defaultValue={state.ok ? "" : state.values?.place}
        errors={e("place")}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-b`} className="text-lg font-semibold">
          {t("body")}
        </label>
        <p id={`${id}-bh`} className="text-base text-muted">
          {t("bodyHint")}
        </p>
        <textarea
          id={`${id}-b`}
          name="body"
          rows={4}
          required
          maxLength={NOTE_MAX}
          aria-describedby={`${id}-bh`}
          aria-invalid={e("body") ? true : undefined}
          defaultValue={state.ok ? "" : state.values?.body}
          className="w-full rounded-xl border-2 border-stone-400 bg-white px-4 py-3 text-lg focus:border-red-brand"
        />
      </div>
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
      {state.ok && <Alert tone="success">{t("saved")}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}

/** An organiser records that property management dealt with a note. */
export function NoteHandledForm({ noteId }: { noteId: string }) {
  const t = useTranslations("patrol.notes");
  const [state, action] = useActionState<ActionState, FormData>(markNoteHandledAction, { ok: false });
  const failure = useActionFailureText("patrol")(state);
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="noteId" value={noteId} />
      <Field
        name="note"
        label={t("handledNote")}
        optional
        maxLength={200}
        className="min-w-0 flex-[1_1_14rem]"
        defaultValue={state.values?.note}
      />
      <SubmitButton variant="secondary">{t("markHandled")}</SubmitButton>
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}
