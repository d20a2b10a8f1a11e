"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { formValues, refused, toActionState, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { renew } from "@/lib/cache/invalidation";
import { isUuid } from "@/lib/ids";
import { addMember, createPost, decideMembership, requestMembership, savePostSettings, updateMember } from "./service";

// The red posts' forms, members side: session → service → refresh. Every rule, and who may do
// it, lives in the service. The pages are rendered per request; renewing them (the invalidation
// map's `postsChanged`) makes the page an action came from answer with what changed, and drops
// what the browser kept of the others.

const refresh = () => renew("postsChanged");

/** A box ticked once or many times (days of the week, morning and evening). */
const many = (formData: FormData, key: string) => formData.getAll(key).map(String);
/** An empty choice is no group. */
const orNull = (v: string) => (v === "" ? null : v);

const MEMBERSHIP_FIELDS = ["groupId", "standing", "showName", "note"];

/** What a membership form sent, as the service reads it and as the form shows it again. */
function membership(formData: FormData, keys: string[]) {
  const values: Record<string, string> = {
    ...formValues(formData, [...MEMBERSHIP_FIELDS, ...keys]),
    availableDays: many(formData, "availableDays").join(","),
    availablePeriods: many(formData, "availablePeriods").join(","),
  };
  const input = {
    ...values,
    groupId: orNull(values.groupId),
    availableDays: many(formData, "availableDays"),
    availablePeriods: many(formData, "availablePeriods"),
  };
  return { values, input };
}

/** A new post; the organiser goes on to its page. */
export async function createPostAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["name", "kind", "description"]);
  const result = await createPost(await getDb(), await getActor(), values);
  if (!result.ok) return toActionState(result, values);
  await refresh();
  redirect(`/dashboard/posts/${result.data.id}`);
}

/** A post's description and, for the patrol, how it walks. */
export async function savePostSettingsAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ version: number }>> {
  const values = formValues(formData, [
    "postId",
    "version",
    "description",
    "teamSize",
    "period",
    "startsAt",
    "endsAt",
    "maxMinutes",
    "swapsNeedApproval",
  ]);
  const result = await savePostSettings(await getDb(), await getActor(), values);
  if (result.ok) await refresh();
  return toActionState(result, values, { keep: "refused" });
}

/** An organiser takes someone on; back to the post, saying who joined. */
export async function addMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { values, input } = membership(formData, ["postId", "userId", "householdMemberId", "leader", "since"]);
  const result = await addMember(await getDb(), await getActor(), {
    ...input,
    userId: values.userId || undefined,
    householdMemberId: values.householdMemberId || undefined,
  });
  if (!result.ok) return toActionState(result, values);
  await refresh();
  redirect(`/dashboard/posts/${values.postId}?added=${result.data.id}`);
}

/** A member's standing, group, free times, consent; or their leaving. Back to the post, saying so. */
export async function updateMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { values, input } = membership(formData, ["postId", "memberId", "version", "leader", "active"]);
  const result = await updateMember(await getDb(), await getActor(), input);
  if (!result.ok) return toActionState(result, values);
  await refresh();
  redirect(isUuid(values.postId) ? `/dashboard/posts/${values.postId}?saved=${values.memberId}` : "/dashboard/posts");
}

/**
 * Take a resident's request on, or not. Its button shows the app's error texts, whose
 * `not_pending` speaks of registrations: a request someone already decided is said in its own words.
 */
export async function decideMembershipAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["memberId", "decision", "version"]);
  const result = await decideMembership(await getDb(), await getActor(), values);
  if (result.ok) await refresh();
  else if (result.code === "not_pending") return refused("post_request_decided", { values });
  return toActionState(result, values, { keep: "refused" });
}

/** A resident asks to join; back to the join page, which then says the request is waiting. */
export async function requestMembershipAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { values, input } = membership(formData, ["postId", "slug"]);
  const result = await requestMembership(await getDb(), await getActor(), input);
  if (!result.ok) return toActionState(result, values);
  await refresh();
  redirect(/^[a-z0-9-]{1,60}$/.test(values.slug) ? `/posts/${values.slug}/join?sent=1` : "/posts");
}
