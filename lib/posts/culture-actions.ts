"use server";

import { getDb } from "@/db";
import { formValues, toActionState, type ActionState } from "@/lib/action-state";
import { getActor } from "@/lib/auth/session";
import { renew } from "@/lib/cache/invalidation";
import { addSlot, addSpecialSession, removeSlot, takeAttendance } from "./culture";

// The culture groups' forms: the organisers' timetable and special events, the leader's
// attendance. Session → service → refresh; every rule, and who may do it, lives in the service.

async function run<T>(
  service: (
    db: Awaited<ReturnType<typeof getDb>>,
    actor: Awaited<ReturnType<typeof getActor>>,
    input: unknown,
  ) => Promise<import("@/lib/result").Result<T>>,
  formData: FormData,
  keys: string[],
  extra: Record<string, unknown> = {},
): Promise<ActionState<T>> {
  const values = formValues(formData, keys);
  const result = await service(await getDb(), await getActor(), { ...values, ...extra });
  if (result.ok) await renew("postsChanged");
  return toActionState(result, values);
}

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
