"use client";

import { useId } from "react";
import { useFieldErrorText } from "./field";

export interface Choice {
  value: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  disabled?: boolean;
}

interface Common {
  legend: string;
  hint?: string;
  choices: Choice[];
  /** Error codes, translated under "fieldErrors". */
  errors?: string[];
  columns?: 1 | 2 | 3 | 4;
  name?: string;
}

type Props = Common &
  (
    | { multiple?: false; value: string | undefined; onChange: (v: string) => void }
    | { multiple: true; value: string[]; onChange: (v: string[]) => void }
  );

// Short answers sit two to a row even on a phone; long ones get the full width.
const COLUMNS = {
  1: "grid-cols-1",
  2: "grid-cols-1 sm:grid-cols-2",
  3: "grid-cols-[repeat(auto-fit,minmax(min(100%,7.5rem),1fr))] sm:grid-cols-3",
  4: "grid-cols-[repeat(auto-fit,minmax(min(100%,7.5rem),1fr))] sm:grid-cols-4",
};

/**
 * Radio buttons or checkboxes drawn as large tappable cards, in a fieldset whose legend names the
 * question; the selected card is outlined in red with a tick. Keyboard and screen readers get the
 * native inputs.
 */
export function ChoiceGroup(props: Props) {
  const { legend, hint, choices, errors, columns = 2 } = props;
  const errorText = useFieldErrorText();
  const id = useId();
  const name = props.name ?? id;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const isOn = (v: string) => (props.multiple ? props.value.includes(v) : props.value === v);
  const toggle = (v: string) => {
    if (props.multiple)
      props.onChange(props.value.includes(v) ? props.value.filter((x) => x !== v) : [...props.value, v]);
    else props.onChange(v);
  };
  return (
    <fieldset
      className="flex flex-col gap-2"
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      aria-invalid={errorId ? true : undefined}
    >
      <legend className="mb-1 text-lg font-semibold">{legend}</legend>
      {hint && (
        <p id={hintId} className="-mt-1 text-base text-muted">
          {hint}
        </p>
      )}
      <div className={`grid gap-2 ${COLUMNS[columns]}`}>
        {choices.map((c) => {
          const on = isOn(c.value);
          return (
            <label
              key={c.value}
              className={`flex min-h-14 cursor-pointer items-start gap-3 rounded-xl border-2 px-[14px] py-3 text-lg ${
                c.disabled
                  ? "cursor-not-allowed border-line bg-stone-100 text-muted"
                  : on
                    ? "border-red-brand bg-red-soft"
                    : "border-stone-400 bg-white hover:border-red-brand"
              }`}
            >
              <input
                type={props.multiple ? "checkbox" : "radio"}
                name={name}
                value={c.value}
                checked={on}
                disabled={c.disabled}
                onChange={() => toggle(c.value)}
                className="mt-1 size-6 shrink-0 accent-red-brand"
              />
              <span className="flex min-w-0 flex-col gap-0.5 [overflow-wrap:anywhere] hyphens-auto">
                <span className="font-semibold">{c.label}</span>
                {c.hint && <span className="text-base text-muted">{c.hint}</span>}
              </span>
            </label>
          );
        })}
      </div>
      {errorId && (
        <p id={errorId} className="text-base font-semibold text-red-deep">
          {errorText(errors)}
        </p>
      )}
    </fieldset>
  );
}
