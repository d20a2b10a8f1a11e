"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { COMPETITION_FORMATS, ENTRANT_KINDS, GAME_TYPES, SEEDINGS, type GameType } from "@/vocabulary/competitions";
import type { ActionState } from "@/lib/action-state";
import { setUpCompetitionAction } from "@/lib/competitions/actions";
import { GAME_ENTRANTS } from "@/lib/competitions/schemas";
import { fieldErrorText, submitKeepingValues, useActionFailureText } from "@/components/ui/action-outcome";
import { SubmitButton } from "@/components/ui/submit-button";

export interface SetupValues {
  format: string;
  game: string;
  entrantKind: string;
  groupSize: number | null;
  thirdPlace: boolean;
  rounds: number | null;
  bestOf: number | null;
  seeding: string;
}

const control =
  "min-h-12 w-full rounded-xl border-2 border-stone-400 bg-white px-3 text-lg text-ink focus:border-red-brand aria-invalid:border-red-brand";

/**
 * A competition's settings: the format, the game, who plays (as the game allows), group size,
 * third place, rounds, best of and seeding. Settings of another format are ignored by the service.
 */
export function SetupForm({
  itemId,
  title,
  current,
  defaultGame,
}: {
  itemId: string;
  title: string;
  current: SetupValues | null;
  defaultGame: string;
}) {
  const t = useTranslations("competitionsAdmin.setup");
  const tAll = useTranslations();
  const [state, action] = useActionState<ActionState, FormData>(setUpCompetitionAction, { ok: false });
  const failure = useActionFailureText("competitionsAdmin")(state);
  const id = useId();
  const v = state.values;
  const value = (k: keyof SetupValues, fallback: string) => v?.[k] ?? (current ? String(current[k] ?? "") : fallback);
  const errors = (k: string) => (state.ok ? undefined : state.fieldErrors?.[k]);
  const err = (k: string) => {
    const e = errors(k);
    return e?.length ? (
      <p id={`${id}-${k}-error`} className="text-base font-semibold text-red-deep">
        {fieldErrorText(tAll, e[0], "competitionsAdmin")}
      </p>
    ) : null;
  };
  const aria = (k: string) =>
    errors(k)?.length ? { "aria-invalid": true, "aria-describedby": `${id}-${k}-error` } : {};
  const select = (
    k: "format" | "game" | "entrantKind" | "seeding",
    options: readonly string[],
    fallback: string,
    label: string,
    hint?: string,
  ) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${id}-${k}`} className="text-lg font-semibold">
        {label}
      </label>
      {hint && <p className="text-base text-muted">{hint}</p>}
      <select id={`${id}-${k}`} name={k} defaultValue={value(k, fallback)} className={control} {...aria(k)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${k}s.${o}`)}
          </option>
        ))}
      </select>
      {err(k)}
    </div>
  );
  const number = (k: "groupSize" | "rounds", label: string, hint: string, min: number, max: number) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${id}-${k}`} className="text-lg font-semibold">
        {label}
      </label>
      <p className="text-base text-muted">{hint}</p>
      <input
        id={`${id}-${k}`}
        name={k}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        defaultValue={value(k, "")}
        className={control}
        {...aria(k)}
      />
      {err(k)}
    </div>
  );
  return (
    <form
      action={action}
      onSubmit={submitKeepingValues(action)}
      className="flex flex-col gap-4"
      aria-label={t("formFor", { title })}
    >
      <input type="hidden" name="itemId" value={itemId} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {select("format", COMPETITION_FORMATS, "round_robin", t("format"))}
        {select("game", GAME_TYPES, defaultGame, t("game"))}
        {select(
          "entrantKind",
          ENTRANT_KINDS,
          GAME_ENTRANTS[defaultGame as GameType]?.[0] ?? "individual",
          t("entrantKind"),
          t("entrantKindHint"),
        )}
        {number("groupSize", t("groupSize"), t("groupSizeHint"), 3, 16)}
        {number("rounds", t("rounds"), t("roundsHint"), 1, 15)}
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-bestOf`} className="text-lg font-semibold">
            {t("bestOf")}
          </label>
          <p className="text-base text-muted">{t("bestOfHint")}</p>
          <select
            id={`${id}-bestOf`}
            name="bestOf"
            defaultValue={value("bestOf", defaultGame === "table_tennis" ? "3" : "")}
            className={control}
            {...aria("bestOf")}
          >
            <option value="">{t("bestOfNone")}</option>
            {[1, 3, 5].map((n) => (
              <option key={n} value={n}>
                {t("bestOfN", { n })}
              </option>
            ))}
          </select>
          {err("bestOf")}
        </div>
        {select("seeding", SEEDINGS, "random", t("seeding"))}
        <label className="flex min-h-12 items-center gap-3 self-end text-lg font-semibold">
          <input
            type="checkbox"
            name="thirdPlace"
            defaultChecked={(v?.thirdPlace ?? (current?.thirdPlace ? "on" : "")) === "on"}
            className="size-6 accent-red-brand"
          />
          {t("thirdPlace")}
        </label>
      </div>
      {err("itemId")}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{current ? t("saveChanges") : t("submit")}</SubmitButton>
        <p role="status" className="text-lg">
          {state.ok ? <span className="font-semibold text-green-ink">{t("saved")}</span> : null}
          {failure && !Object.keys(state.fieldErrors ?? {}).some((k) => k !== "itemId") ? (
            <span className="font-semibold text-red-deep">{failure}</span>
          ) : null}
          {failure && Object.keys(state.fieldErrors ?? {}).some((k) => k !== "itemId") ? (
            <span className="font-semibold text-red-deep">{t("checkFields")}</span>
          ) : null}
        </p>
      </div>
    </form>
  );
}
