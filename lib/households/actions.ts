"use server";

import { getDb } from "@/db";
import { formValues, toActionState, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { renew } from "@/lib/cache/invalidation";
import { addMember, editMember, removeMember } from "./service";

// Session → service → revalidate. Every rule lives in the services.

const FIELDS = ["householdId", "id", "name", "birthYear", "relation"];

export async function addMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, FIELDS);
  const result = await addMember(await getDb(), await getActor(), values);
  if (result.ok) await renew("householdMembersChanged");
  return toActionState(result, values);
}

export async function editMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, FIELDS);
  const result = await editMember(await getDb(), await getActor(), values);
  if (result.ok) await renew("householdMembersChanged");
  return toActionState(result, values);
}

export async function removeMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await removeMember(await getDb(), await getActor(), { id: formData.get("id") });
  if (result.ok) await renew("householdMembersChanged");
  return toActionState(result);
}
