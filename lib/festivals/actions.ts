"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { formValues, succeeded, toActionState, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { renew } from "@/lib/cache/invalidation";
import { createFestival, setFestivalStatus, startFestivalFrom, updateFestival } from "./service";
import {
  createItem,
  createVenue,
  deleteItem,
  deleteVenue,
  publishProgramme,
  reorderActs,
  updateVenue,
} from "./programme-service";

// Session → service → revalidate. Every rule lives in the services.

const FESTIVAL_FIELDS = [
  "slug",
  "title",
  "edition",
  "theme",
  "startsOn",
  "endsOn",
  "timeZone",
  "actMaxMinutes",
  "registrationNeedsHousehold",
  "registrationOpensAt",
  "registrationClosesAt",
  "nominationOpensAt",
  "nominationClosesAt",
  "votingOpensAt",
  "votingClosesAt",
  "sourceSlug",
  "version",
];

export async function createFestivalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, FESTIVAL_FIELDS);
  const actor = await getActor();
  const db = await getDb();
  const result = values.sourceSlug
    ? await startFestivalFrom(db, actor, values)
    : await createFestival(db, actor, values);
  if (!result.ok) return toActionState(result, values);
  await renew("festivalCreated");
  redirect(`/dashboard/festivals/${result.data.slug}`);
}

export async function updateFestivalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, FESTIVAL_FIELDS);
  const result = await updateFestival(await getDb(), await getActor(), values);
  if (!result.ok) return toActionState(result, values);
  await renew("festivalChanged", values.slug);
  return succeeded(result.data);
}

export async function setFestivalStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const slug = String(formData.get("slug") ?? "");
  const result = await setFestivalStatus(await getDb(), await getActor(), { slug, status: formData.get("status") });
  if (!result.ok) return toActionState(result);
  await renew("festivalChanged", slug);
  return succeeded();
}

export async function createVenueAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["festivalSlug", "name", "capacity", "description", "position"]);
  const result = await createVenue(await getDb(), await getActor(), values);
  if (!result.ok) return toActionState(result, values);
  await renew("venuesChanged", values.festivalSlug);
  return succeeded();
}

export async function updateVenueAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["id", "festivalSlug", "name", "capacity", "description", "position"]);
  const result = await updateVenue(await getDb(), await getActor(), values);
  if (!result.ok) return toActionState(result, values);
  await renew("venuesChanged", values.festivalSlug);
  return succeeded();
}

export async function deleteVenueAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await deleteVenue(await getDb(), await getActor(), formData.get("id"));
  if (!result.ok) return toActionState(result);
  await renew("venuesChanged", String(formData.get("festivalSlug") ?? ""));
  return succeeded();
}

// The programme builder calls these directly with plain objects and keeps its own state. Saving an
// item goes through the registrations' updateProgrammeItemAction: its places are theirs.

export async function createItemAction(input: unknown) {
  return createItem(await getDb(), await getActor(), input);
}

export async function deleteItemAction(input: unknown) {
  return deleteItem(await getDb(), await getActor(), input);
}

export async function reorderActsAction(input: unknown) {
  return reorderActs(await getDb(), await getActor(), input);
}

export async function publishProgrammeAction(slug: string) {
  const result = await publishProgramme(await getDb(), await getActor(), { festivalSlug: slug });
  if (result.ok) await renew("programmePublished", slug);
  return result.ok
    ? { ok: true as const, data: { publishedAt: result.data.publishedAt.toISOString(), items: result.data.items } }
    : result;
}
