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

/** A service's result as the form's state, keeping what was typed when it is refused. */
export function toActionState<T>(result: Result<T>, values?: Record<string, string>): ActionState<T> {
  if (result.ok) return { ok: true, data: result.data, at: Date.now() };
  return { ok: false, code: result.code, fieldErrors: result.fieldErrors, values, at: Date.now() };
}
