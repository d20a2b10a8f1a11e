"use client";

import { useActionState, useId, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { askSwapAction } from "@/lib/posts/patrol-actions";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionFailureText, submitKeepingValues } from "@/components/ui/action-outcome";

const selectClass =
  "min-h-12 w-full rounded-xl border-2 border-stone-400 bg-white px-3 text-lg text-ink focus:border-red-brand";

/**
 * Asks another member to take my day: they choose one of their days to give back, or none (they
 * cover mine). Without JavaScript every person's days are listed under one choice.
 */
export function AskSwapForm({
  teamId,
  people,
}: {
  teamId: string;
  people: { memberId: string; name: string; days: { teamId: string; day: string }[] }[];
}) {
  const t = useTranslations("patrol.swap");
  const format = useFormatter();
  const id = useId();
  const [state, action] = useActionState<ActionState, FormData>(askSwapAction, { ok: false });
  const failure = useActionFailureText("patrol")(state);
  const [who, setWho] = useState(state.values?.toMemberId ?? people[0]?.memberId ?? "");
  const chosen = people.find((p) => p.memberId === who);
  const dayText = (day: string) =>
    format.dateTime(new Date(`${day}T12:00:00Z`), { month: "long", day: "numeric", weekday: "long", timeZone: "UTC" });
  if (!people.length) return <Alert tone="info">{t("nobody")}</Alert>;
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-col gap-5">
      <input type="hidden" name="teamId" value={teamId} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-who`} className="text-lg font-semibold">
          {t("who")}
        </label>
        <select
          id={`${id}-who`}
          name="toMemberId"
          className={selectClass}
          value={who}
          onChange={(e) => setWho(e.target.value)}
        >
          {people.map((p) => (
            <option key={p.memberId} value={p.memberId}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-day`} className="text-lg font-semibold">
          {t("inReturn")}
        </label>
        <p className="text-base text-muted">{t("inReturnHint")}</p>
        <select
          id={`${id}-day`}
          name="toTeamId"
          className={selectClass}
          defaultValue={state.values?.toTeamId ?? ""}
          key={who}
        >
          <option value="">{t("cover")}</option>
          {(chosen?.days ?? []).map((d) => (
            <option key={d.teamId} value={d.teamId}>
              {dayText(d.day)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-note`} className="text-lg font-semibold">
          {t("note")}
        </label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={3}
          maxLength={200}
          defaultValue={state.values?.note}
          className="w-full rounded-xl border-2 border-stone-400 bg-white px-4 py-3 text-lg focus:border-red-brand"
        />
      </div>
      <div>
        <SubmitButton size="lg">{t("send")}</SubmitButton>
      </div>
      {failure && <Alert tone="error">{failure}</Alert>}
    </form>
  );
}
