"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { formValues, refused, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { renew } from "@/lib/cache/invalidation";
import { isUuid } from "@/lib/ids";
import { runFormAction } from "./form-action";
import { cancelTraining, planTraining, takeTrainingAttendance, updateTraining } from "./training";

// The posts' trainings: an organiser plans, changes or cancels one and takes its attendance.
// Session → service → refresh (the posts' pages and the members' own, hours included); every
// rule, and who may do it, lives in the service.

const FIELDS = ["title", "day", "startsAt", "endsAt", "place", "trainer", "notes"];

/** A new training; the organiser goes on to its page. */
export async function planTrainingAction(_prev: ActionState, formData: FormData): Promise<ActionState<never>> {
  const values = formValues(formData, ["postId", ...FIELDS]);
  const result = await planTraining(await getDb(), await getActor(), values);
  if (!result.ok) return refused(result.code, { fieldErrors: result.fieldErrors, values });
  await renew("postsChanged");
  redirect(
    isUuid(values.postId)
      ? `/dashboard/posts/${values.postId}/training/${result.data.id}?planned=1`
      : "/dashboard/posts",
  );
}

export async function updateTrainingAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ version: number }>> {
  return runFormAction(updateTraining, "postsChanged", formData, ["trainingId", "version", ...FIELDS]);
}

export async function cancelTrainingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runFormAction(cancelTraining, "postsChanged", formData, ["trainingId", "version"]);
}

export async function takeTrainingAttendanceAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ present: number; of: number; hoursWritten: number; unticked: number }>> {
  return runFormAction(takeTrainingAttendance, "postsChanged", formData, ["trainingId"], {
    present: formData.getAll("present").map(String),
  });
}
