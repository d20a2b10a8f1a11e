"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { formValues, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { LOCALES } from "@/lib/i18n/config";
import { publishedItemIds } from "./queries";
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

/** A festival's cached public pages, in every language, are rendered again on their next visit. */
async function revalidatePublicProgramme(slug: string) {
  const items = await publishedItemIds(await getDb(), slug);
  for (const locale of LOCALES) {
    for (const page of ["", "/venues", "/print", ...items.map((id) => `/items/${id}`)])
      revalidatePath(`/${locale}/festivals/${slug}${page}`);
  }
}

const FESTIVAL_FIELDS = [
  "slug",
  "title",
  "edition",
  "theme",
  "startsOn",
  "endsOn",
  "timeZone",
  "actMaxMinutes",
  "registrationOpensAt",
  "registrationClosesAt",
  "nominationOpensAt",
  "nominationClosesAt",
  "votingOpensAt",
  "votingClosesAt",
  "sourceSlug",
  "version",
];

function failed(
  result: { code: string; fieldErrors?: Record<string, string[] | undefined> },
  values?: Record<string, string>,
): ActionState {
  return { ok: false, code: result.code, fieldErrors: result.fieldErrors, values, at: Date.now() };
}

export async function createFestivalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, FESTIVAL_FIELDS);
  const actor = await getActor();
  const db = await getDb();
  const result = values.sourceSlug
    ? await startFestivalFrom(db, actor, values)
    : await createFestival(db, actor, values);
  if (!result.ok) return failed(result, values);
  revalidatePath("/dashboard/festivals");
  redirect(`/dashboard/festivals/${result.data.slug}`);
}

export async function updateFestivalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, FESTIVAL_FIELDS);
  const result = await updateFestival(await getDb(), await getActor(), values);
  if (!result.ok) return failed(result, values);
  revalidatePath("/[locale]/dashboard/festivals", "layout");
  await revalidatePublicProgramme(values.slug);
  return { ok: true, data: result.data, at: Date.now() };
}

export async function setFestivalStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const slug = String(formData.get("slug") ?? "");
  const result = await setFestivalStatus(await getDb(), await getActor(), { slug, status: formData.get("status") });
  if (!result.ok) return failed(result);
  revalidatePath("/[locale]/dashboard/festivals", "layout");
  await revalidatePublicProgramme(slug);
  return { ok: true, at: Date.now() };
}

export async function createVenueAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["festivalSlug", "name", "capacity", "description", "position"]);
  const result = await createVenue(await getDb(), await getActor(), values);
  if (!result.ok) return failed(result, values);
  revalidatePath(`/dashboard/festivals/${values.festivalSlug}`, "layout");
  return { ok: true, at: Date.now() };
}

export async function updateVenueAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["id", "festivalSlug", "name", "capacity", "description", "position"]);
  const result = await updateVenue(await getDb(), await getActor(), values);
  if (!result.ok) return failed(result, values);
  revalidatePath(`/dashboard/festivals/${values.festivalSlug}`, "layout");
  return { ok: true, at: Date.now() };
}

export async function deleteVenueAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await deleteVenue(await getDb(), await getActor(), formData.get("id"));
  if (!result.ok) return failed(result);
  revalidatePath(`/dashboard/festivals/${String(formData.get("festivalSlug") ?? "")}`, "layout");
  return { ok: true, at: Date.now() };
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
  if (result.ok) {
    await revalidatePublicProgramme(slug);
    revalidatePath(`/[locale]/dashboard/festivals/${slug}`, "layout");
  }
  return result.ok
    ? { ok: true as const, data: { publishedAt: result.data.publishedAt.toISOString(), items: result.data.items } }
    : result;
}
