"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { toActionState, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { claimWish, withdrawClaim } from "./service";

// Session → service → where to go next. Every rule lives in the service. The pages they lead to
// are rendered per request, so nothing needs revalidating (and a crowd claiming at once gets a
// light answer: a redirect).

/** A volunteer claims a wish and goes to their claims, where the contact is. */
export async function claimWishAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const wishId = formData.get("wishId");
  const result = await claimWish(await getDb(), await getActor(), wishId);
  if (!result.ok) return toActionState(result);
  redirect(`/me/wishes?claimed=${encodeURIComponent(String(wishId))}#claim-${result.data.claimId}`);
}

/** The volunteer lets a claimed wish go (after the confirm step on /me/wishes). */
export async function withdrawClaimAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await withdrawClaim(await getDb(), await getActor(), formData.get("claimId"));
  if (!result.ok) return toActionState(result);
  redirect("/me/wishes?withdrawn=1");
}
