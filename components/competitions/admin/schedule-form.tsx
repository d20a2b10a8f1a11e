"use client";

import { useActionState, useId, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";
import { scheduleCompetitionAction } from "@/lib/competitions/actions";
import { roundMinutes, SCHEDULE_LIMITS, turnsFor } from "@/lib/competitions/schedule";
import { fieldErrorText, submitKeepingValues, useActionFailureText } from "@/components/ui/action-outcome";
import { SubmitButton } from "@/components/ui/submit-button";

interface Round {
  round: number;
  matches: number;
  startsLocal: string;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;
/** Wall-clock arithmetic on a datetime-local value: minutes later, as the same kind of value. */
function later(local: string, minutes: number): string | null {
  if (!LOCAL.test(local)) return null;
  const d = new Date(`${local}:00Z`);
  return new Date(d.getTime() + minutes * 60_000).toISOString().slice(0, 16);
}

const inputClass = "min-h-12 rounded-xl border-2 bg-white px-3 text-lg tabular-nums";

/**
 * When each round starts and on how many tables. Each round says how many matches it has, how many
 * turns that takes and when it ends, as you type; a round that would start too early says so.
 */
export function ScheduleForm({
  competitionId,
  version,
  tables,
  matchMinutes,
  rounds,
}: {
  competitionId: string;
  version: number;
  tables: number;
  matchMinutes: number;
  rounds: Round[];
}) {
  const t = useTranslations("competitionsAdmin.schedule");
  const tAll = useTranslations();
  const [state, formAction] = useActionState<ActionState, FormData>(scheduleCompetitionAction, { ok: false });
  const failure = useActionFailureText("competitionsAdmin")(state);
  const id = useId();
  const format = useFormatter();
  // A wall-clock value shown as the time of day, with the date when it is another day than `sameDayAs`.
  const clock = (local: string, sameDayAs: string) =>
    format.dateTime(new Date(`${local}:00Z`), {
      ...(local.slice(0, 10) === sameDayAs.slice(0, 10) ? {} : { month: "long", day: "numeric" }),
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: "UTC",
    });
  const kept = state.ok ? undefined : state.values;
  const [form, setForm] = useState(() => ({
    tables: kept?.tables ?? String(tables),
    matchMinutes: kept?.matchMinutes ?? String(matchMinutes),
    starts: rounds.map((r) => kept?.[`round${r.round}`] ?? r.startsLocal),
  }));
  const n = Number(form.tables);
  const minutes = Number(form.matchMinutes);
  const sensible =
    Number.isInteger(n) &&
    n >= SCHEDULE_LIMITS.tables.min &&
    n <= SCHEDULE_LIMITS.tables.max &&
    Number.isInteger(minutes) &&
    minutes >= SCHEDULE_LIMITS.matchMinutes.min &&
    minutes <= SCHEDULE_LIMITS.matchMinutes.max;
  const ends = rounds.map((r, i) =>
    sensible ? later(form.starts[i], roundMinutes(r.matches, { tables: n, matchMinutes: minutes })) : null,
  );
  const error = (field: string) => (state.ok ? undefined : state.fieldErrors?.[field]?.[0]);
  const d = state.data as { warnings: number } | undefined;

  const numberField = (name: "tables" | "matchMinutes", min: number, max: number) => {
    const err = error(name);
    return (
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-${name}`} className="text-lg font-semibold">
          {t(name)}
        </label>
        <p id={`${id}-${name}-hint`} className="text-base text-muted">
          {t(`${name}Hint`)}
        </p>
        <input
          id={`${id}-${name}`}
          name={name}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          required
          value={form[name]}
          onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
          aria-invalid={err ? true : undefined}
          aria-describedby={[`${id}-${name}-hint`, err ? `${id}-${name}-error` : ""].filter(Boolean).join(" ")}
          className={`${inputClass} w-32 ${err ? "border-red-brand" : "border-stone-400"}`}
        />
        {err && (
          <p id={`${id}-${name}-error`} className="text-base font-semibold text-red-deep">
            {fieldErrorText(tAll, err, "competitionsAdmin")}
          </p>
        )}
      </div>
    );
  };

  return (
    <form
      action={formAction}
      onSubmit={submitKeepingValues(formAction)}
      className="flex flex-col gap-4"
      aria-label={t("formName")}
    >
      <input type="hidden" name="competitionId" value={competitionId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap gap-x-8 gap-y-4">
        {numberField("tables", SCHEDULE_LIMITS.tables.min, SCHEDULE_LIMITS.tables.max)}
        {numberField("matchMinutes", SCHEDULE_LIMITS.matchMinutes.min, SCHEDULE_LIMITS.matchMinutes.max)}
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-lg font-semibold">{t("rounds")}</legend>
        {rounds.map((r, i) => {
          const previousEnd = i > 0 ? ends[i - 1] : null;
          const early = !!previousEnd && LOCAL.test(form.starts[i]) && form.starts[i] < previousEnd;
          const err = error(`round${r.round}`) ?? (early ? "round_overlap" : undefined);
          const turns = sensible ? turnsFor(r.matches, n) : null;
          return (
            <div key={r.round} className="flex flex-col gap-1 rounded-xl border border-line bg-white p-3">
              <label htmlFor={`${id}-round-${r.round}`} className="text-lg font-semibold">
                {t("roundStarts", { round: r.round })}
              </label>
              <input
                id={`${id}-round-${r.round}`}
                name="roundStarts"
                type="datetime-local"
                step={300}
                required
                value={form.starts[i]}
                onChange={(e) =>
                  setForm((f) => ({ ...f, starts: f.starts.map((s, k) => (k === i ? e.target.value : s)) }))
                }
                aria-invalid={err ? true : undefined}
                aria-describedby={[`${id}-round-${r.round}-plan`, err ? `${id}-round-${r.round}-error` : ""]
                  .filter(Boolean)
                  .join(" ")}
                className={`${inputClass} w-full max-w-xs ${err ? "border-red-brand" : "border-stone-400"}`}
              />
              <p id={`${id}-round-${r.round}-plan`} className="text-base text-muted">
                {turns === null
                  ? t("matchesIn", { count: r.matches })
                  : ends[i]
                    ? t(turns > 1 ? "plan" : "planOneTurn", {
                        count: r.matches,
                        turns,
                        end: clock(ends[i]!, form.starts[i]),
                      })
                    : t("matchesIn", { count: r.matches })}
              </p>
              {err && (
                <p id={`${id}-round-${r.round}-error`} className="text-base font-semibold text-red-deep">
                  {early && previousEnd
                    ? t("tooEarly", { round: r.round - 1, end: clock(previousEnd, form.starts[i]) })
                    : fieldErrorText(tAll, err, "competitionsAdmin")}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant="primary">{t("save")}</SubmitButton>
        <p role="status" className="text-base">
          {state.ok && d ? (
            <span className="font-semibold text-green-ink">
              {d.warnings ? t("savedWithWarnings", { count: d.warnings }) : t("saved")}
            </span>
          ) : null}
          {failure ? <span className="font-semibold text-red-deep">{failure}</span> : null}
        </p>
      </div>
    </form>
  );
}
