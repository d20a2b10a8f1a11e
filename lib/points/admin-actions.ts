"use server";

import { getDb } from "@/db";
import { formValues, toActionState, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { renew } from "@/lib/cache/invalidation";
import { awardPoints, createReward, markShiftServed, redeemReward, setRewardActive } from "./service";
import { setPointRule } from "./rules";

// The organisers' points desk. Session → service → refresh; the rules live in the services.

const refresh = () => renew("pointsChanged");

export async function createRewardAction(_prev: ActionState, formData: FormData): Promise<ActionState<{ id: string }>> {
  const values = formValues(formData, ["name", "cost"]);
  const result = await createReward(await getDb(), await getActor(), values);
  if (result.ok) await refresh();
  return toActionState(result, values);
}

export async function setRewardActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["id", "active"]);
  const result = await setRewardActive(await getDb(), await getActor(), values);
  if (result.ok) await refresh();
  return toActionState(result, values);
}

export async function redeemRewardAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ balance: number }>> {
  const values = formValues(formData, ["userId", "rewardId"]);
  const result = await redeemReward(await getDb(), await getActor(), values);
  if (result.ok) await refresh();
  return toActionState(result, values);
}

export async function awardPointsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["userId", "points", "reason"]);
  const result = await awardPoints(await getDb(), await getActor(), values);
  if (result.ok) await refresh();
  return toActionState(result, values);
}

/** A backstage helper served their shift: +5 points, once. */
export async function markShiftServedAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await markShiftServed(await getDb(), await getActor(), String(formData.get("assignmentId") ?? ""));
  if (result.ok) await renew("shiftServed");
  return toActionState(result);
}

export async function setPointRuleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["kind", "basis", "points"]);
  const result = await setPointRule(await getDb(), await getActor(), values);
  if (result.ok) await refresh();
  return toActionState(result, values);
}
