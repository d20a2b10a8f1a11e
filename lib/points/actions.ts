"use server";

import { getDb } from "@/db";
import { toActionState, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { renew } from "@/lib/cache/invalidation";
import { setPointsAnonymous } from "./service";

// Session → service → revalidate. Every rule lives in the services.

export async function setPointsAnonymousAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await setPointsAnonymous(await getDb(), await getActor(), {
    anonymous: String(formData.get("anonymous") ?? ""),
  });
  if (result.ok) {
    await renew("pointsPrivacyChanged");
  }
  return toActionState(result);
}
