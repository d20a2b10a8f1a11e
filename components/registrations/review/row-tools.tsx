"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { addActToProgrammeAction, moveRegistrationAction, setNoteAction } from "@/lib/registrations/review-actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { InlineOutcome } from "./outcome";

const control = "min-h-11 w-full rounded-lg border-2 border-stone-400 bg-white px-3 text-base";

export interface RowToolsProps {
  id: string;
  name: string;
  note: string | null;
  /** Other events of the same kind, when the registration can move. */
  moveTargets: { id: string; title: string }[] | null;
  /** Performance blocks, when an accepted act can join one. */
  blocks: { id: string; title: string }[] | null;
  /** A performer not yet accepted: say why the act cannot go into the programme yet. */
  awaitingAcceptance: boolean;
}

function NoteForm({ id, note }: { id: string; note: string | null }) {
  const t = useTranslations("review.tools");
  const [state, action] = useActionState<ActionState, FormData>(setNoteAction, { ok: false });
  const fieldId = `note-${id}`;
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <label htmlFor={fieldId} className="text-sm font-semibold">
        {t("note")}
      </label>
      <textarea
        id={fieldId}
        name="note"
        rows={2}
        maxLength={500}
        defaultValue={state.values?.note ?? note ?? ""}
        className={`${control} py-2`}
      />
      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton variant="secondary" size="sm">
          {t("saveNote")}
        </SubmitButton>
        <InlineOutcome state={state} success={t("noteSaved")} />
      </div>
    </form>
  );
}

function MoveForm({ id, targets }: { id: string; targets: { id: string; title: string }[] }) {
  const t = useTranslations("review.tools");
  const [state, action] = useActionState<ActionState, FormData>(moveRegistrationAction, { ok: false });
  const promoted = state.ok ? ((state.data as { promoted?: number } | undefined)?.promoted ?? 0) : 0;
  const fieldId = `move-${id}`;
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <label htmlFor={fieldId} className="text-sm font-semibold">
        {t("moveTo")}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <select
          id={fieldId}
          name="itemId"
          defaultValue={state.values?.itemId ?? targets[0]?.id}
          className={`${control} w-auto min-w-0 flex-1`}
        >
          {targets.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
        <SubmitButton variant="secondary" size="sm">
          {t("move")}
        </SubmitButton>
      </div>
      <InlineOutcome state={state} success={promoted ? t("movedPromoted", { count: promoted }) : t("moved")} />
    </form>
  );
}

function ProgrammeForm({ id, blocks }: { id: string; blocks: { id: string; title: string }[] }) {
  const t = useTranslations("review.tools");
  const [state, action] = useActionState<ActionState, FormData>(addActToProgrammeAction, { ok: false });
  const fieldId = `block-${id}`;
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="id" value={id} />
      <label htmlFor={fieldId} className="text-sm font-semibold">
        {t("block")}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <select
          id={fieldId}
          name="blockId"
          defaultValue={state.values?.blockId ?? blocks[0]?.id}
          className={`${control} w-auto min-w-0 flex-1`}
        >
          {blocks.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title}
            </option>
          ))}
        </select>
        <SubmitButton size="sm">{t("addToProgramme")}</SubmitButton>
      </div>
      <InlineOutcome state={state} success={t("added")} />
    </form>
  );
}

/** A row's own tools, folded away until needed so the table stays readable. */
export function RowTools({ id, name, note, moveTargets, blocks, awaitingAcceptance }: RowToolsProps) {
  const t = useTranslations("review.tools");
  return (
    <details className="group">
      <summary
        aria-label={t("openFor", { name })}
        className="inline-flex min-h-11 cursor-pointer items-center rounded-xl border-2 border-red-brand bg-white px-3 text-base font-semibold text-red-deep hover:bg-red-soft"
      >
        {t("open")}
      </summary>
      <div className="mt-2 flex w-64 flex-col gap-3">
        <NoteForm id={id} note={note} />
        {moveTargets && moveTargets.length > 0 && <MoveForm id={id} targets={moveTargets} />}
        {blocks && blocks.length > 0 && <ProgrammeForm id={id} blocks={blocks} />}
        {awaitingAcceptance && <p className="text-sm text-muted">{t("notYetAccepted")}</p>}
      </div>
    </details>
  );
}
