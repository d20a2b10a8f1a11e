"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { LOCALE_COOKIE, isLocale } from "./config";

/**
 * Keeps the reader's language in a cookie for a year, then reloads the page they were on (the
 * address picks the language from the cookie). This is the path without JavaScript; with it,
 * the switch sets the cookie itself and reloads.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (isLocale(locale))
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86400, sameSite: "lax" });
  redirect(safeCallbackPath(String(formData.get("returnTo") ?? ""), "/"));
}
