"use server";

import type { ActionState } from "@/lib/action-state";
import { runFormAction } from "./form-action";
import { addSlot, addSpecialSession, removeSlot, takeAttendance } from "./culture";

// The culture groups' forms: the organisers' timetable and special events, the leader's
// attendance. Session → service → refresh; every rule, and who may do it, lives in the service.

const run = <T>(service: Parameters<typeof runFormAction<T>>[0], formData: FormData, keys: string[], extra = {}) =>
  runFormAction(service, "postsChanged", formData, keys, extra);

export async function addSlotAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(addSlot, formData, ["groupId", "weekday", "startsAt", "endsAt", "place"]);
}

export async function removeSlotAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(removeSlot, formData, ["slotId"]);
}

export async function addSpecialSessionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(addSpecialSession, formData, ["groupId", "title", "day", "startsAt", "endsAt", "place"]);
}

export async function takeAttendanceAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ sessionId: string; present: number }>> {
  return run(takeAttendance, formData, ["groupId", "slotId", "sessionId", "day"], {
    present: formData.getAll("present").map(String),
  });
}
