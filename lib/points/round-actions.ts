"use server";

import { getDb } from "@/db";
import { formValues, toActionState, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { renew } from "@/lib/cache/invalidation";
import type { Result } from "@/lib/result";
import { addRewardBand, markRewardHanded, recordRewardRound, removeRewardBand, reopenRewardRound } from "./rounds";

// The year-end reward round's forms. Session → service → renew the posts' pages and the members'
// own pages (where a recorded reward shows); the rules live in the services.

type RoundService<T> = (
  db: Awaited<ReturnType<typeof getDb>>,
  actor: Awaited<ReturnType<typeof getActor>>,
  input: unknown,
) => Promise<Result<T>>;

async function run<T>(service: RoundService<T>, formData: FormData, keys: string[]): Promise<ActionState<T>> {
  const values = formValues(formData, keys);
  const result = await service(await getDb(), await getActor(), values);
  if (result.ok) await renew("postsChanged");
  return toActionState(result, values);
}

export async function addRewardBandAction(_prev: ActionState, formData: FormData) {
  return run(addRewardBand, formData, ["year", "minPoints", "reward"]);
}

export async function removeRewardBandAction(_prev: ActionState, formData: FormData) {
  return run(removeRewardBand, formData, ["bandId"]);
}

export async function recordRewardRoundAction(_prev: ActionState, formData: FormData) {
  return run(recordRewardRound, formData, ["year"]);
}

export async function reopenRewardRoundAction(_prev: ActionState, formData: FormData) {
  return run(reopenRewardRound, formData, ["year"]);
}

export async function markRewardHandedAction(_prev: ActionState, formData: FormData) {
  return run(markRewardHanded, formData, ["awardId", "handed"]);
}
