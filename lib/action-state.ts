import type { FieldErrors, Result } from "./result";

/** What a server action hands back to its form (useActionState). */
export interface ActionState<T = unknown> {
  ok: boolean;
  code?: string;
  fieldErrors?: FieldErrors;
  /** The submitted values, so a form posted without JavaScript keeps what was typed. */
  values?: Record<string, string>;
  data?: T;
  /** Changes on every submission, so the same message can be announced again. */
  at?: number;
}

export const initialActionState: ActionState = { ok: false };

export function formValues(formData: FormData, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, String(formData.get(k) ?? "")]));
}

/** A refusal whose code the form translates: a service's, or one the action gives itself ("nothing_selected"). */
type Refusal = { ok: false; code: string; fieldErrors?: FieldErrors };

/**
 * A service's result as a form's state, with what was sent. By default the values come back
 * either way (a form that clears itself on success keys on `at`); with `keep: "refused"` only
 * with a refusal, for a form that shows the saved data once it is saved.
 */
export function toActionState<T>(
  result: Result<T> | Refusal,
  values?: Record<string, string>,
  { keep = "always" }: { keep?: "always" | "refused" } = {},
): ActionState<T> {
  if (result.ok)
    return keep === "always" ? { ok: true, data: result.data, values, at: Date.now() } : succeeded(result.data);
  return refused(result.code, { fieldErrors: result.fieldErrors, values });
}

/** A refusal the action gives before any service is asked, or one that carries data for the form. */
export function refused<T = never>(
  code: string,
  extra: { fieldErrors?: FieldErrors; values?: Record<string, string>; data?: T } = {},
): ActionState<T> {
  return { ok: false, code, ...extra, at: Date.now() };
}

/** A success as a form's state, with what the form shows of it. */
export function succeeded<T = undefined>(data?: T): ActionState<T> {
  return { ok: true, data, at: Date.now() };
}
