import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Result } from "@/lib/result";
import { isOrganiser, type Actor } from "@/lib/actor";
import { getActor } from "./session";

/**
 * The organiser reading a dashboard page. A visitor is sent to sign in (and back here after);
 * anyone else is interrupted with the 403 page. A page renders beside its layout, not inside
 * the layout's guard — whatever a page reads reaches the response even when the layout refuses
 * the reader — so every dashboard page (and its `generateMetadata`, when it reads data) asks
 * this before it reads anything. It never returns for a reader who may not see the page.
 */
export async function requireOrganiser(callbackPath: `/${string}` = "/dashboard"): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${callbackPath}`);
  if (!isOrganiser(actor)) forbidden();
  return actor;
}

/**
 * What an organiser read answers on a page. The read checks the actor itself, so a refusal can
 * only mean the page let the wrong reader through: it is interrupted with the 403 page, and no
 * row reaches the response.
 */
export function orForbidden<T>(result: Result<T>): T {
  if (!result.ok) forbidden();
  return result.data;
}
