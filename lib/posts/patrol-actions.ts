"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import type { RosterGap } from "./roster";
import {
  addNote,
  answerSwap,
  askSwap,
  decideSwap,
  endPatrol,
  markNoteHandled,
  passNote,
  setPlace,
  startPatrol,
  withdrawSwap,
} from "./patrol";
import { runFormAction } from "./form-action";
import { drawRoster } from "./service";

// The patrol's forms: the organisers' roster and the members' own day. Session → service →
// refresh; every rule, and who may do it, lives in the services.

const run = <T>(service: Parameters<typeof runFormAction<T>>[0], formData: FormData, keys: string[], extra = {}) =>
  runFormAction(service, "patrolChanged", formData, keys, extra);

export async function drawRosterAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ days: number; gaps: RosterGap[] }>> {
  return run(drawRoster, formData, ["postId", "month"]);
}

export async function setPlaceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(setPlace, formData, ["teamId", "memberId", "place", "leads"]);
}

export async function decideSwapAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(decideSwap, formData, ["swapId", "decision", "version"]);
}

export async function markNoteHandledAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(markNoteHandled, formData, ["noteId", "note"]);
}

/** A member asks a swap and goes back to their page, where it now shows as asked. */
export async function askSwapAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await run(askSwap, formData, ["teamId", "toMemberId", "toTeamId", "note"]);
  if (!state.ok) return state;
  redirect("/me/posts?asked=1#swaps");
}

export async function answerSwapAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(answerSwap, formData, ["swapId", "answer", "version"]);
}

export async function withdrawSwapAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(withdrawSwap, formData, ["swapId"]);
}

export async function startPatrolAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(startPatrol, formData, ["teamId", "plannedEnd"]);
}

export async function endPatrolAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(endPatrol, formData, ["teamId", "at"], { walked: formData.getAll("walked").map(String) });
}

export async function addNoteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(addNote, formData, ["teamId", "kind", "place", "body"]);
}

export async function passNoteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(passNote, formData, ["noteId", "to"]);
}
