"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { formValues, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { zonedToUtc } from "@/lib/festivals/time";
import type { Result } from "@/lib/result";
import {
  addActToProgramme,
  assignShift,
  createShift,
  deleteShift,
  moveRegistration,
  setNote,
  unassignShift,
} from "./review-service";
import { getReviewFestival } from "./review-queries";
import { decideRegistrations, setCapacity } from "./service";

// Session → service → revalidate. Every rule (and who may do it) lives in the services.

function toState<T>(result: Result<T>, values?: Record<string, string>): ActionState<T> {
  if (result.ok) return { ok: true, data: result.data, at: Date.now() };
  return { ok: false, code: result.code, fieldErrors: result.fieldErrors, values, at: Date.now() };
}

/** The festival's dashboard pages (settings, programme, registrations, shifts) show fresh data. */
function refresh() {
  revalidatePath("/[locale]/dashboard/festivals/[slug]", "layout");
}

/** A number typed in a form; empty or not a number stays as typed so the schema names the error. */
const numberOf = (v: FormDataEntryValue | null): unknown => {
  const s = String(v ?? "").trim();
  return s !== "" && Number.isFinite(Number(s)) ? Number(s) : s;
};
const idsOf = (formData: FormData) => formData.getAll("ids").map(String);

export async function decideRegistrationsAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ changed: number; promoted: number; selected: number }>> {
  const values = formValues(formData, ["decision", "reason"]);
  const ids = idsOf(formData);
  // Nothing ticked is the commonest slip: say so instead of "invalid".
  if (ids.length === 0) return { ok: false, code: "nothing_selected", values, at: Date.now() };
  const result = await decideRegistrations(await getDb(), await getActor(), {
    ids,
    decision: values.decision,
    reason: values.reason,
  });
  if (!result.ok) return toState(result, values);
  refresh();
  return {
    ok: true,
    data: { changed: result.data.changed, promoted: result.data.promoted.length, selected: ids.length },
    at: Date.now(),
  };
}

export async function setCapacityAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ promoted: number }>> {
  const values = formValues(formData, ["festivalSlug", "scope", "capacity"]);
  // An empty field lifts the limit.
  const capacity = values.capacity.trim() === "" ? null : numberOf(values.capacity);
  const result = await setCapacity(await getDb(), await getActor(), {
    festivalSlug: values.festivalSlug,
    scope: values.scope,
    capacity,
  });
  if (!result.ok) return toState(result, values);
  refresh();
  return { ok: true, data: { promoted: result.data.promoted.length }, at: Date.now() };
}

export async function setNoteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["id", "note"]);
  const result = await setNote(await getDb(), await getActor(), values);
  if (result.ok) refresh();
  return toState(result, values);
}

export async function moveRegistrationAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ promoted: number }>> {
  const values = formValues(formData, ["id", "itemId"]);
  const result = await moveRegistration(await getDb(), await getActor(), values);
  if (!result.ok) return toState(result, values);
  refresh();
  return { ok: true, data: { promoted: result.data.promoted.length }, at: Date.now() };
}

export async function addActToProgrammeAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ itemId: string }>> {
  const values = formValues(formData, ["id", "blockId"]);
  const result = await addActToProgramme(await getDb(), await getActor(), values);
  if (result.ok) refresh();
  return toState(result, values);
}

/** A wall-clock time typed in the festival's zone → an instant; what cannot be read goes on as typed. */
function instantIn(local: string, timeZone: string): string {
  try {
    return zonedToUtc(local, timeZone).toISOString();
  } catch {
    return local;
  }
}

export async function createShiftAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["festivalSlug", "title", "skill", "startsAt", "endsAt", "places"]);
  const db = await getDb();
  const actor = await getActor();
  // Anyone but an organiser is refused by createShift, whatever the zone.
  const festival = await getReviewFestival(db, actor, values.festivalSlug);
  const timeZone = (festival.ok && festival.data?.timeZone) || "Asia/Shanghai";
  const result = await createShift(db, actor, {
    festivalSlug: values.festivalSlug,
    title: values.title,
    skill: values.skill || null,
    startsAt: instantIn(values.startsAt, timeZone),
    endsAt: instantIn(values.endsAt, timeZone),
    places: numberOf(values.places),
  });
  if (result.ok) refresh();
  return toState(result, values);
}

export async function deleteShiftAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await deleteShift(await getDb(), await getActor(), formData.get("shiftId"));
  if (result.ok) refresh();
  return toState(result);
}

export async function assignShiftAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ assigned: number }>> {
  const values = formValues(formData, ["shiftId"]);
  const ids = idsOf(formData);
  if (ids.length === 0) return { ok: false, code: "nothing_selected", values, at: Date.now() };
  const result = await assignShift(await getDb(), await getActor(), { shiftId: values.shiftId, ids });
  if (result.ok) refresh();
  return toState(result, values);
}

export async function unassignShiftAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await unassignShift(
    await getDb(),
    await getActor(),
    formValues(formData, ["shiftId", "registrationId"]),
  );
  if (result.ok) refresh();
  return toState(result);
}
