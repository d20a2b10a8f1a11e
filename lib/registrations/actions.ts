"use server";

import { getDb } from "@/db";
import { succeeded, toActionState, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { renew } from "@/lib/cache/invalidation";
import { cancelRegistration, declineLink, markNotificationsRead } from "./service";

// Session → service → revalidate. Every rule lives in the services.

export async function cancelRegistrationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await cancelRegistration(await getDb(), await getActor(), formData.get("id"));
  if (!result.ok) return toActionState(result);
  await renew("registrationChanged");
  return succeeded();
}

export async function markNotificationsReadAction(): Promise<ActionState> {
  const result = await markNotificationsRead(await getDb(), await getActor());
  if (!result.ok) return toActionState(result);
  await renew("notificationsRead");
  return succeeded();
}

export async function declineLinkAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await declineLink(await getDb(), await getActor(), formData.get("id"));
  if (!result.ok) return toActionState(result);
  await renew("registrationChanged");
  return succeeded();
}
