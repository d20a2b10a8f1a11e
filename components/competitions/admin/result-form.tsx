"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import type { GameType } from "@/vocabulary/competitions";
import type { ActionState } from "@/lib/action-state";
import { enterResultAction } from "@/lib/competitions/actions";
import { SCORE_KIND } from "@/lib/competitions/schemas";
import { GUANDAN_LEVELS, GUANDAN_PASSED } from "@/lib/competitions/scores";
import { submitKeepingValues, useActionFailureText } from "@/components/ui/action-outcome";
import { SubmitButton } from "@/components/ui/submit-button";
import { buttonClass } from "@/components/ui/button";

export interface ResultMatch {
  id: string;
  version: number;
  a: string;
  b: string;
  outcome: "a" | "b" | "draw" | null;
  score: Record<string, unknown> | null;
}

const CHESS = [
  { value: "1-0", key: "whiteWins" },
  { value: "1/2-1/2", key: "drawn" },
  { value: "0-1", key: "blackWins" },
] as const;
/** "A+" is the service's spelling of a side that passed A. */
const PASSED = "A+";
const LEVELS = [...GUANDAN_LEVELS, PASSED];

const inputClass =
  "min-h-12 w-full min-w-0 rounded-xl border-2 border-stone-400 bg-white px-3 text-xl tabular-nums text-ink focus:border-red-brand";
const cardClass =
  "flex min-h-14 cursor-pointer items-center gap-3 rounded-xl border-2 border-stone-400 bg-white px-4 py-2 text-lg font-semibold has-[:checked]:border-red-brand has-[:checked]:bg-red-soft";

/**
 * One match's result, in the shape its game is scored: chess and Go by the result, table tennis
 * game by game, Guandan by the levels reached, tug-of-war by pulls, the rest by the winner; and a
 * walkover for a side that did not come. The match's version goes with it, so a result changed
 * meanwhile by someone else is refused rather than overwritten. Works without JavaScript.
 */
export function ResultForm({ match, game, bestOf }: { match: ResultMatch; game: GameType; bestOf: number | null }) {
  const t = useTranslations("competitionsAdmin.result");
  const [state, action] = useActionState<ActionState, FormData>(enterResultAction, { ok: false });
  const failure = useActionFailureText("competitionsAdmin")(state);
  const id = useId();
  const kind = SCORE_KIND[game];
  const v = state.ok ? undefined : state.values;
  const s = (match.score ?? {}) as {
    kind?: string;
    points?: [number, number];
    games?: [number, number][];
    levels?: [number, number];
    pulls?: [number, number];
  };
  const errorId = `${id}-error`;
  const described = failure ? errorId : undefined;

  const chessNow = s.points ? (s.points[0] === 1 ? "1-0" : s.points[0] === 0 ? "0-1" : "1/2-1/2") : undefined;
  const levelName = (n?: number) =>
    n === undefined ? undefined : n === GUANDAN_PASSED ? PASSED : GUANDAN_LEVELS[n - 2];
  const winnerNow = match.outcome === "a" ? "A" : match.outcome === "b" ? "B" : undefined;

  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className="flex flex-col gap-3">
      <input type="hidden" name="matchId" value={match.id} />
      <input type="hidden" name="version" value={match.version} />
      <input type="hidden" name="kind" value={kind} />

      {(kind === "chess" || kind === "go") && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-lg font-semibold">{t("result")}</legend>
          <div className="grid gap-2">
            {CHESS.map((c) => (
              <label key={c.value} className={cardClass}>
                <input
                  type="radio"
                  name="result"
                  value={c.value}
                  defaultChecked={(v?.result ?? chessNow) === c.value}
                  className="size-6 shrink-0 accent-red-brand"
                />
                <span>
                  <span className="mr-2 text-xl tabular-nums">
                    {c.key === "drawn" ? "½–½" : c.value.replace("-", "–")}
                  </span>
                  <span className="font-normal">{t(c.key, { a: match.a, b: match.b })}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}

      {kind === "table_tennis" && (
        <div className="flex flex-col gap-2">
          <p className="text-lg font-semibold">{t("games", { count: bestOf === 5 ? 5 : 3 })}</p>
          {Array.from({ length: bestOf === 5 ? 5 : 3 }, (_, i) => {
            const n = i + 1;
            const game = s.games?.[i];
            return (
              <fieldset key={n} className="grid grid-cols-[4.5rem_1fr_1fr] items-end gap-2">
                <legend className="sr-only">{t("game", { n })}</legend>
                <span aria-hidden="true" className="pb-3 text-lg font-semibold">
                  {t("game", { n })}
                </span>
                <label className="flex min-w-0 flex-col gap-1 text-base">
                  <span className="truncate">{match.a}</span>
                  <input
                    name={`a${n}`}
                    inputMode="numeric"
                    pattern="[0-9]*"
                    maxLength={2}
                    autoComplete="off"
                    defaultValue={v?.[`a${n}`] ?? (game ? String(game[0]) : "")}
                    className={inputClass}
                    aria-describedby={described}
                  />
                </label>
                <label className="flex min-w-0 flex-col gap-1 text-base">
                  <span className="truncate">{match.b}</span>
                  <input
                    name={`b${n}`}
                    inputMode="numeric"
                    pattern="[0-9]*"
                    maxLength={2}
                    autoComplete="off"
                    defaultValue={v?.[`b${n}`] ?? (game ? String(game[1]) : "")}
                    className={inputClass}
                    aria-describedby={described}
                  />
                </label>
              </fieldset>
            );
          })}
          <p className="text-base text-muted">{t("gamesHint")}</p>
        </div>
      )}

      {kind === "guandan" && (
        <div className="grid grid-cols-2 gap-3">
          {(["a", "b"] as const).map((side, i) => (
            <label key={side} className="flex min-w-0 flex-col gap-1 text-lg font-semibold">
              <span>{t("levelOf", { name: side === "a" ? match.a : match.b })}</span>
              <select
                name={side}
                defaultValue={v?.[side] ?? levelName(s.levels?.[i]) ?? "2"}
                className={inputClass}
                aria-describedby={described}
              >
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {l === PASSED ? t("passedA") : l}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}

      {kind === "tug_of_war" && (
        <div className="grid grid-cols-2 gap-3">
          {(["a", "b"] as const).map((side, i) => (
            <label key={side} className="flex min-w-0 flex-col gap-1 text-lg font-semibold">
              <span>{t("pullsOf", { name: side === "a" ? match.a : match.b })}</span>
              <input
                name={side}
                inputMode="numeric"
                pattern="[0-9]*"
                maxLength={2}
                autoComplete="off"
                defaultValue={v?.[side] ?? (s.pulls ? String(s.pulls[i]) : "")}
                className={inputClass}
                aria-describedby={described}
              />
            </label>
          ))}
        </div>
      )}

      {kind === "relay" && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-lg font-semibold">{t("winner")}</legend>
          <div className="grid gap-2">
            {(["A", "B"] as const).map((side) => (
              <label key={side} className={cardClass}>
                <input
                  type="radio"
                  name="winner"
                  value={side}
                  defaultChecked={(v?.winner ?? winnerNow) === side}
                  className="size-6 shrink-0 accent-red-brand"
                />
                <span>{side === "A" ? match.a : match.b}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <SubmitButton
        size="lg"
        className="w-full sm:w-auto"
        aria-label={t(match.outcome ? "correctButtonFor" : "saveFor", { a: match.a, b: match.b })}
      >
        {match.outcome ? t("correct") : t("save")}
      </SubmitButton>

      <details className="rounded-xl border border-line px-3 py-2">
        <summary className="flex min-h-11 cursor-pointer items-center text-lg font-semibold">{t("walkover")}</summary>
        <p className="mb-2 text-base text-muted">{t("walkoverHint")}</p>
        <div className="flex flex-col gap-2 sm:flex-row">
          {(["A", "B"] as const).map((side) => (
            <button
              key={side}
              type="submit"
              name="absent"
              value={side}
              className={buttonClass("secondary", "md", "w-full sm:w-auto")}
            >
              {t("absent", { name: side === "A" ? match.a : match.b })}
            </button>
          ))}
        </div>
      </details>

      <p role="status" id={errorId} className="text-lg">
        {state.ok ? <span className="font-semibold text-green-ink">{t("saved")}</span> : null}
        {failure ? <span className="font-semibold text-red-deep">{failure}</span> : null}
      </p>
    </form>
  );
}
