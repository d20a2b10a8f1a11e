"use server";

import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { formValues, refused, toActionState, type ActionState } from "@/lib/action-state";
import { cancelBroadcast, previewAudience, sendBroadcast, type AudiencePreview } from "./service";

const FIELDS = ["kind", "festivalId", "role", "itemId", "shiftId", "building", "body", "sms", "when", "sendAt"];

/** The audience as the form gives it: only the fields its kind needs. */
function audienceOf(v: Record<string, string>) {
  switch (v.kind) {
    case "role":
      return { kind: "role", festivalId: v.festivalId, role: v.role };
    case "item":
      return { kind: "item", itemId: v.itemId };
    case "shift":
      return { kind: "shift", shiftId: v.shiftId };
    case "building":
      return { kind: "building", building: v.building };
    default:
      return { kind: v.kind };
  }
}

export type BroadcastFormData =
  | { step: "preview"; preview: AudiencePreview }
  | { step: "sent"; preview: AudiencePreview; sendAt: string; later: boolean };

/** Preview (how many, by which channel) or send: the form's two buttons. */
export async function broadcastAction(_prev: ActionState, formData: FormData): Promise<ActionState<BroadcastFormData>> {
  const v = formValues(formData, FIELDS);
  const db = await getDb();
  const actor = await getActor();
  if (formData.get("intent") === "preview") {
    const r = await previewAudience(db, actor, audienceOf(v));
    return r.ok ? toActionState({ ok: true, data: { step: "preview", preview: r.data } }, v) : toActionState(r, v);
  }
  if (formData.get("intent") !== "send") return refused("invalid", { values: v });
  const r = await sendBroadcast(db, actor, {
    audience: audienceOf(v),
    body: v.body,
    sms: v.sms === "true",
    when: v.when,
    sendAt: v.sendAt,
  });
  if (!r.ok) return toActionState(r, v);
  return toActionState({
    ok: true,
    data: { step: "sent", preview: r.data.preview, sendAt: r.data.sendAt.toISOString(), later: v.when === "later" },
  });
}

export async function cancelBroadcastAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return toActionState(await cancelBroadcast(await getDb(), await getActor(), String(formData.get("id") ?? "")));
}
