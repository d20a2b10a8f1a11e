"use server";

import { getDb } from "@/db";
import { refused, succeeded, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { recordPaperBallot } from "./paper-ballot";

// The desk's paper ballot form. Session → service; every rule, and who may do it, lives in the
// service. The receipt comes back in the answer only: never in a URL, never stored with the voter.

export async function recordPaperBallotAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ receipt: string }>> {
  const field = (k: string) => {
    const v = formData.get(k);
    return typeof v === "string" && v ? v : undefined;
  };
  const candidateIds = formData.getAll("candidateIds").filter((v): v is string => typeof v === "string");
  const result = await recordPaperBallot(await getDb(), await getActor(), {
    festivalSlug: field("festivalSlug"),
    categoryId: field("categoryId"),
    userId: field("userId"),
    memberId: field("memberId"),
    candidateIds,
  });
  if (result.ok) return succeeded(result.data);
  return refused(result.code, { fieldErrors: result.fieldErrors, values: { candidateIds: candidateIds.join(",") } });
}
