"use server";

import { getDb } from "@/db";
import { succeeded, toActionState, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { renew } from "@/lib/cache/invalidation";
import { declineNomination } from "./service";

// Session → service → revalidate. Every rule lives in the services.

/** A resident says no to being nominated (from /me), before voting opens. */
export async function declineNominationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await declineNomination(await getDb(), await getActor(), formData.get("id"));
  if (!result.ok) return toActionState(result);
  await renew("nominationDeclined");
  return succeeded();
}
