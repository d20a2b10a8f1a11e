"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import {
  clearDrawAction,
  makeDrawAction,
  pairNextRoundAction,
  setCheckedInAction,
  setHalfByeAction,
  setRefereeAction,
  syncEntrantsAction,
  withdrawEntrantAction,
} from "@/lib/competitions/actions";
import { fieldErrorText, submitKeepingValues, useActionFailureText } from "@/components/ui/action-outcome";
import { SubmitButton } from "@/components/ui/submit-button";

type Action = (prev: ActionState, fd: FormData) => Promise<ActionState>;

/** The translated outcome of a form, announced; refusals in red beside the form. */
function Outcome({ state, success }: { state: ActionState; success?: React.ReactNode }) {
  const failure = useActionFailureText("competitionsAdmin")(state);
  return (
    <p role="status" className="text-base">
      {state.ok && success ? <span className="font-semibold text-green-ink">{success}</span> : null}
      {failure ? <span className="font-semibold text-red-deep">{failure}</span> : null}
    </p>
  );
}

/** One button posting hidden fields, with its outcome beside it. Works without JavaScript. */
function RunButton({
  action,
  fields,
  label,
  ariaLabel,
  variant = "secondary",
  success,
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  ariaLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  success?: (state: ActionState) => React.ReactNode;
}) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, { ok: false });
  return (
    <form action={formAction} className="flex flex-col items-start gap-1">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <SubmitButton variant={variant} size="md" aria-label={ariaLabel}>
        {label}
      </SubmitButton>
      <Outcome state={state} success={success?.(state)} />
    </form>
  );
}

export function SyncEntrantsButton({ competitionId }: { competitionId: string }) {
  const t = useTranslations("competitionsAdmin.entrants");
  return (
    <RunButton
      action={syncEntrantsAction}
      fields={{ competitionId }}
      label={t("sync")}
      variant="primary"
      success={(s) => {
        const d = s.data as { entrants: number; waiting: string[] } | undefined;
        return d ? t("synced", { count: d.entrants, waiting: d.waiting.length }) : null;
      }}
    />
  );
}

/** A big toggle: tap once when someone arrives (and again if that was a slip). */
export function CheckInButton({
  entrantId,
  name,
  checkedIn,
  disabled,
}: {
  entrantId: string;
  name: string;
  checkedIn: boolean;
  disabled?: boolean;
}) {
  const t = useTranslations("competitionsAdmin.entrants");
  const [state, formAction] = useActionState<ActionState, FormData>(setCheckedInAction, { ok: false });
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="entrantId" value={entrantId} />
      <input type="hidden" name="checkedIn" value={checkedIn ? "false" : "true"} />
      <SubmitButton
        variant={checkedIn ? "primary" : "secondary"}
        size="lg"
        aria-pressed={checkedIn}
        disabled={disabled}
        className="w-full justify-start text-left"
      >
        <span aria-hidden="true" className="inline-block w-6 text-center">
          {checkedIn ? "✓" : "○"}
        </span>
        <span className="min-w-0 break-words">{name}</span>
        <span className="ml-auto text-base font-normal">{checkedIn ? t("here") : t("notHere")}</span>
      </SubmitButton>
      <Outcome state={state} />
    </form>
  );
}

export function RefereeForm({ competitionId }: { competitionId: string }) {
  const t = useTranslations("competitionsAdmin.referees");
  const tAll = useTranslations();
  const [state, formAction] = useActionState<ActionState, FormData>(setRefereeAction, { ok: false });
  const id = useId();
  const phoneError = state.ok ? undefined : state.fieldErrors?.phone?.[0];
  const name = (state.data as { name?: string } | undefined)?.name;
  return (
    // Keyed on success so the number box empties for the next one.
    <form
      key={state.ok ? state.at : "form"}
      action={formAction}
      onSubmit={submitKeepingValues(formAction)}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="competitionId" value={competitionId} />
      <input type="hidden" name="grant" value="true" />
      <label htmlFor={`${id}-phone`} className="text-lg font-semibold">
        {t("phone")}
      </label>
      <p id={`${id}-hint`} className="text-base text-muted">
        {t("phoneHint")}
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id={`${id}-phone`}
          name="phone"
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          defaultValue={state.ok ? "" : (state.values?.phone ?? "")}
          aria-invalid={phoneError ? true : undefined}
          aria-describedby={[`${id}-hint`, phoneError ? `${id}-error` : ""].filter(Boolean).join(" ")}
          className="min-h-12 w-48 rounded-xl border-2 border-stone-400 bg-white px-3 text-lg tabular-nums"
        />
        <SubmitButton>{t("grant")}</SubmitButton>
      </div>
      {phoneError ? (
        <p id={`${id}-error`} className="text-base font-semibold text-red-deep">
          {fieldErrorText(tAll, phoneError, "competitionsAdmin")}
        </p>
      ) : (
        <Outcome state={state} success={name ? t("granted", { name }) : null} />
      )}
    </form>
  );
}

export function RemoveRefereeButton({
  competitionId,
  phone,
  name,
}: {
  competitionId: string;
  phone: string;
  name: string;
}) {
  const t = useTranslations("competitionsAdmin.referees");
  return (
    <RunButton
      action={setRefereeAction}
      fields={{ competitionId, phone, grant: "false" }}
      label={t("remove")}
      ariaLabel={t("removeName", { name })}
      variant="danger"
    />
  );
}

/** Makes the draw (or makes it again); an optional seed repeats an earlier random draw. */
export function DrawForm({ competitionId, again }: { competitionId: string; again: boolean }) {
  const t = useTranslations("competitionsAdmin.draw");
  const tAll = useTranslations();
  const [state, formAction] = useActionState<ActionState, FormData>(makeDrawAction, { ok: false });
  const id = useId();
  const seedError = state.ok ? undefined : state.fieldErrors?.seed?.[0];
  const d = state.data as { entrants: number; matches: number; seed: number } | undefined;
  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} className="flex flex-col gap-2">
      <input type="hidden" name="competitionId" value={competitionId} />
      <label htmlFor={`${id}-seed`} className="text-lg font-semibold">
        {t("seed")} <span className="text-base font-normal text-muted">{tAll("common.optional")}</span>
      </label>
      <p id={`${id}-hint`} className="text-base text-muted">
        {t("seedHint")}
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id={`${id}-seed`}
          name="seed"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={state.ok ? "" : (state.values?.seed ?? "")}
          aria-invalid={seedError ? true : undefined}
          aria-describedby={[`${id}-hint`, seedError ? `${id}-error` : ""].filter(Boolean).join(" ")}
          className="min-h-12 w-40 rounded-xl border-2 border-stone-400 bg-white px-3 text-lg tabular-nums"
        />
        <SubmitButton variant={again ? "secondary" : "primary"}>{again ? t("again") : t("make")}</SubmitButton>
      </div>
      {seedError ? (
        <p id={`${id}-error`} className="text-base font-semibold text-red-deep">
          {fieldErrorText(tAll, seedError, "competitionsAdmin")}
        </p>
      ) : (
        <Outcome
          state={state}
          success={d ? t("made", { entrants: d.entrants, matches: d.matches, seed: d.seed }) : null}
        />
      )}
    </form>
  );
}

export function ClearDrawButton({ competitionId }: { competitionId: string }) {
  const t = useTranslations("competitionsAdmin.draw");
  return (
    <RunButton
      action={clearDrawAction}
      fields={{ competitionId }}
      label={t("clear")}
      variant="danger"
      success={() => t("cleared")}
    />
  );
}

export function PairNextRoundButton({ competitionId }: { competitionId: string }) {
  const t = useTranslations("competitionsAdmin.matches");
  return (
    <RunButton
      action={pairNextRoundAction}
      fields={{ competitionId }}
      label={t("pairNext")}
      variant="primary"
      success={(s) => {
        const d = s.data as { round: number } | undefined;
        return d ? t("paired", { round: d.round }) : null;
      }}
    />
  );
}

/** Withdrawing is not undone: the button sits behind a "withdraw…" step that names the entrant. */
export function WithdrawButton({ entrantId, name }: { entrantId: string; name: string }) {
  const t = useTranslations("competitionsAdmin.entrants");
  return (
    <details className="max-w-full">
      {/* Ten "withdraw…" in a list: the name tells a screen reader which one. */}
      <summary
        aria-label={t("withdrawStepFor", { name })}
        className="inline-flex min-h-11 cursor-pointer items-center rounded-lg px-2 text-base font-semibold text-red-deep underline underline-offset-4"
      >
        {t("withdrawStep", { name })}
      </summary>
      <div className="mt-2 flex flex-col gap-2 rounded-xl border-2 border-red-brand/40 bg-red-soft p-3">
        <p className="text-base">{t("withdrawConfirm", { name })}</p>
        <RunButton
          action={withdrawEntrantAction}
          fields={{ entrantId }}
          label={t("withdraw", { name })}
          variant="danger"
          success={(s) => t("withdrawn", { count: (s.data as { walkovers?: number } | undefined)?.walkovers ?? 0 })}
        />
      </div>
    </details>
  );
}

/** Swiss: sit out the next round for half a point (to perform, to rest), or take that back. */
export function HalfByeButton({
  entrantId,
  name,
  round,
  sittingOut,
}: {
  entrantId: string;
  name: string;
  round: number;
  sittingOut: boolean;
}) {
  const t = useTranslations("competitionsAdmin.entrants");
  return (
    <RunButton
      action={setHalfByeAction}
      fields={{ entrantId, sitOut: sittingOut ? "false" : "true" }}
      label={sittingOut ? t("halfByeUndo", { round }) : t("halfBye", { round })}
      ariaLabel={sittingOut ? t("halfByeUndoName", { round, name }) : t("halfByeName", { round, name })}
    />
  );
}
