import "server-only";
import { isOrganiser, type Actor } from "./actor";
import { getActor } from "./session";

/**
 * The organiser reading a dashboard page, or null. A page renders beside its layout, not inside
 * the layout's guard — whatever a page reads reaches the response even when the layout refuses
 * the reader — so every dashboard page asks this before it reads anything, and renders nothing
 * (the layout's refusal or sign-in redirect is what the reader gets) when it answers null.
 */
export async function organiserOnly(): Promise<Actor | null> {
  const actor = await getActor();
  return isOrganiser(actor) ? actor : null;
}
