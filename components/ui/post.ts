import type { FieldErrors, Result } from "@/lib/result";

/** A route's answer as the form reads it: the service's result, or `unknown` when none came back. */
export type Answer<T> = Result<T> | { ok: false; code: "unknown"; fieldErrors?: FieldErrors };

// The route handlers answer every outcome with the service's Result as JSON (lib/http.ts
// respond). A lost connection, or an answer that is not that JSON (a proxy's error page, a body
// cut off), leaves the form with a code it can translate instead of an exception.
async function send<T>(url: string, init: RequestInit): Promise<Answer<T>> {
  try {
    const res = await fetch(url, init);
    return (await res.json()) as Result<T>;
  } catch {
    return { ok: false, code: "unknown" };
  }
}

/** Sends a form's answers as JSON (POST, or PUT to change them). */
export const postJson = <T>(url: string, body: unknown, { method = "POST" }: { method?: "POST" | "PUT" } = {}) =>
  send<T>(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** Sends a multipart form (one with a photo) to a route on this site. */
export const postForm = <T>(url: string, body: FormData) => send<T>(url, { method: "POST", body });
