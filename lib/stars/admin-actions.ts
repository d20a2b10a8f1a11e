"use server";

import { getDb } from "@/db";
import { formValues, refused, succeeded, toActionState, type ActionState } from "@/lib/action-state";
import { isOrganiser } from "@/lib/actor";
import { getActor } from "@/lib/auth/session";
import { renew } from "@/lib/cache/invalidation";
import { publishFieldErrors, publishInputFromForm } from "./admin-forms";
import {
  createCategory,
  deleteCategory,
  editStory,
  mergeNominations,
  publishResults,
  updateCategory,
  vetNominations,
} from "./service";

// The organisers' Neighbourhood Star forms. Session → service → revalidate; every rule, and who
// may do it, lives in the services. The festival's slug in a form only says which pages to refresh.

const refresh = (slug: string) => renew("starsChanged", slug);

const CATEGORY_FIELDS = [
  "festivalSlug",
  "id",
  "version",
  "name",
  "description",
  "winners",
  "votesPerVoter",
  "mode",
  "nominationCap",
];

export async function createCategoryAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ id: string }>> {
  const values = formValues(formData, CATEGORY_FIELDS);
  const result = await createCategory(await getDb(), await getActor(), values);
  if (result.ok) await refresh(values.festivalSlug);
  return toActionState(result, values);
}

export async function updateCategoryAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ version: number }>> {
  const values = formValues(formData, CATEGORY_FIELDS);
  const result = await updateCategory(await getDb(), await getActor(), values);
  if (result.ok) await refresh(values.festivalSlug);
  return toActionState(result, values);
}

export async function deleteCategoryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["festivalSlug", "id"]);
  const result = await deleteCategory(await getDb(), await getActor(), { id: values.id });
  if (result.ok) await refresh(values.festivalSlug);
  return toActionState(result, values);
}

export async function vetNominationsAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ changed: number; selected: number }>> {
  const values = formValues(formData, ["festivalSlug", "decision", "reason"]);
  const ids = formData.getAll("ids").map(String);
  // Nothing ticked is the commonest slip: say so instead of "invalid".
  if (ids.length === 0) return refused("nothing_selected", { values });
  const result = await vetNominations(await getDb(), await getActor(), {
    ids,
    decision: values.decision,
    reason: values.reason,
  });
  if (!result.ok) return toActionState(result, values);
  await refresh(values.festivalSlug);
  return succeeded({ changed: result.data.changed, selected: ids.length });
}

export async function mergeNominationsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["festivalSlug", "sourceId", "targetId"]);
  const result = await mergeNominations(await getDb(), await getActor(), {
    sourceId: values.sourceId,
    targetId: values.targetId,
  });
  if (result.ok) await refresh(values.festivalSlug);
  return toActionState(result, values);
}

export async function editStoryAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ version: number }>> {
  const values = formValues(formData, ["festivalSlug", "id", "version", "story", "reason"]);
  const result = await editStory(await getDb(), await getActor(), {
    id: values.id,
    version: values.version,
    story: values.story,
    reason: values.reason,
  });
  if (result.ok) await refresh(values.festivalSlug);
  return toActionState(result, values);
}

export async function publishResultsAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ winners: number }>> {
  const input = publishInputFromForm(formData);
  // What was ticked and typed, so a refused form (also without scripts) comes back as it was.
  const values: Record<string, string> = { festivalSlug: input.festivalSlug };
  for (const s of input.settlements) {
    values[`tie:${s.categoryId}`] = s.winnerIds.join(",");
    values[`reason:${s.categoryId}`] = s.reason;
  }
  const actor = await getActor();
  const db = await getDb();
  // For an organiser, checked first with the schema the service parses, so each complaint lands
  // beside its own category; anyone else goes straight to the service, which refuses and logs it.
  const fieldErrors = isOrganiser(actor) ? publishFieldErrors(input) : null;
  if (fieldErrors) return refused("invalid", { fieldErrors, values });
  const result = await publishResults(db, actor, input);
  if (result.ok) await refresh(input.festivalSlug);
  return toActionState(result, values);
}
