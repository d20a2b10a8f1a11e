import type { InputHTMLAttributes } from "react";

const control = "min-h-11 rounded-lg border-2 border-stone-400 bg-white px-3 text-base";

/** A labelled select for the GET filter forms of the dashboard. */
export function SelectFilter({
  id,
  label,
  defaultValue,
  options,
}: {
  id: string;
  label: string;
  defaultValue?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-base font-semibold">
        {label}
      </label>
      <select id={id} name={id} defaultValue={defaultValue ?? ""} className={control}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled input for the same forms. */
export function InputFilter({
  id,
  label,
  ...input
}: { id: string; label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-base font-semibold">
        {label}
      </label>
      <input id={id} name={id} className={control} {...input} />
    </div>
  );
}
