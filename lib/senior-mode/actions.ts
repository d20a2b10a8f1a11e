"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { SENIOR_COOKIE, SENIOR_COOKIE_OPTIONS } from "./config";

/**
 * Turns senior mode on or off for a year, then goes back to the page the reader was on. This is
 * the path without JavaScript; with it, the switch sets the cookie and the class itself.
 */
export async function setSeniorModeAction(formData: FormData): Promise<void> {
  const jar = await cookies();
  if (formData.get("senior") === "on") jar.set(SENIOR_COOKIE, "1", SENIOR_COOKIE_OPTIONS);
  else jar.delete(SENIOR_COOKIE);
  redirect(safeCallbackPath(String(formData.get("returnTo") ?? ""), "/"));
}
