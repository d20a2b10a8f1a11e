"use server";

import { getDb } from "@/db";
import { formValues, refused, succeeded, toActionState, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { zonedToUtc } from "@/lib/festivals/time";
import type { Result } from "@/lib/result";
import { renew } from "@/lib/cache/invalidation";
import {
  addActToProgramme,
  assignShift,
  createShift,
  deleteShift,
  moveRegistration,
  setNote,
  unassignShift,
  updateProgrammeItem,
} from "./review-service";
import { getReviewFestival } from "./review-queries";
import { decideRegistrations, setCapacity } from "./service";

// Session → service → revalidate. Every rule (and who may do it) lives in the services.

// The review forms show the saved data once it is saved: what was typed comes back only with a refusal.
const toState = <T>(result: Result<T>, values?: Record<string, string>) =>
  toActionState(result, values, { keep: "refused" });

const refresh = () => renew("registrationsReviewed");

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
  if (ids.length === 0) return refused("nothing_selected", { values });
  const result = await decideRegistrations(await getDb(), await getActor(), {
    ids,
    decision: values.decision,
    reason: values.reason,
  });
  if (!result.ok) return toState(result, values);
  await refresh();
  return succeeded({ changed: result.data.changed, promoted: result.data.promoted.length, selected: ids.length });
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
  await refresh();
  return succeeded({ promoted: result.data.promoted.length });
}

export async function setNoteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["id", "note"]);
  const result = await setNote(await getDb(), await getActor(), values);
  if (result.ok) await refresh();
  return toState(result, values);
}

export async function moveRegistrationAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ promoted: number }>> {
  const values = formValues(formData, ["id", "itemId"]);
  const result = await moveRegistration(await getDb(), await getActor(), values);
  if (!result.ok) return toState(result, values);
  await refresh();
  return succeeded({ promoted: result.data.promoted.length });
}

export async function addActToProgrammeAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ itemId: string }>> {
  const values = formValues(formData, ["id", "blockId"]);
  const result = await addActToProgramme(await getDb(), await getActor(), values);
  if (result.ok) await refresh();
  return toState(result, values);
}

/** The programme builder saves an item with a plain object and keeps its own state. */
export async function updateProgrammeItemAction(input: unknown) {
  return updateProgrammeItem(await getDb(), await getActor(), input);
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
  if (result.ok) await refresh();
  return toState(result, values);
}

export async function deleteShiftAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await deleteShift(await getDb(), await getActor(), formData.get("shiftId"));
  if (result.ok) await refresh();
  return toState(result);
}

export async function assignShiftAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ assigned: number }>> {
  const values = formValues(formData, ["shiftId"]);
  const ids = idsOf(formData);
  if (ids.length === 0) return refused("nothing_selected", { values });
  const result = await assignShift(await getDb(), await getActor(), { shiftId: values.shiftId, ids });
  if (result.ok) await refresh();
  return toState(result, values);
}

export async function unassignShiftAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await unassignShift(
    await getDb(),
    await getActor(),
    formValues(formData, ["shiftId", "registrationId"]),
  );
  if (result.ok) await refresh();
  return toState(result);
}
