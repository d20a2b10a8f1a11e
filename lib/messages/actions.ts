"use server";

import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { toActionState, type ActionState } from "@/lib/action-state";
import { saveMessageSettings } from "./preferences";

export async function saveMessageSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await saveMessageSettings(await getDb(), await getActor(), {
    sms: formData.getAll("sms").map(String),
    locale: String(formData.get("locale") ?? ""),
  });
  return toActionState(result);
}
