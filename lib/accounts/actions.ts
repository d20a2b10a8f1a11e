"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db";
import { formValues, refused, succeeded, toActionState, type ActionState } from "@/lib/action-state";
import { clientIp } from "@/lib/auth/request-ip";
import { getActor } from "@/lib/auth/session";
import type { ErrorCode, Result } from "@/lib/result";
import { renew } from "@/lib/cache/invalidation";
import { changePassword, linkHousehold, signUp, updateProfile } from "./service";
import { requestResetCode, requestSignUpCode, resetPassword } from "./phone-service";
import { importRoster, previewRosterImport, regenerateHouseholdCode, type CheckedRoster } from "./roster-service";
import { rosterReadOf } from "./roster-file";
import { changeRole, setAccountDisabled, setResidentVerified } from "./residents-service";
import { decideHouseholdRequest, updateHouseholdSettings } from "./household-requests";

// Session → service → revalidate. Every rule lives in the services.

// What was typed comes back only with a refusal: a saved form shows what was saved.
const toState = <T>(result: Result<T> | { ok: false; code: ErrorCode }, values?: Record<string, string>) =>
  toActionState(result, values, { keep: "refused" });

export async function signUpAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ verified: boolean }>> {
  const values = formValues(formData, ["name", "phone", "code", "householdCode"]);
  const db = await getDb();
  const result = await signUp(
    db,
    { ...values, password: String(formData.get("password") ?? "") },
    { ip: clientIp(await headers()), locale: await getLocale() },
  );
  return toState(result.ok ? { ok: true, data: { verified: result.data.verified } } : result, values);
}

/** Step 1 of signing up or of a forgotten password: the text message with the code. */
async function requestCodeAction(
  formData: FormData,
  request: typeof requestSignUpCode,
): Promise<ActionState<{ phone: string }>> {
  const values = formValues(formData, ["phone"]);
  const result = await request(await getDb(), values, {
    ip: clientIp(await headers()),
    locale: await getLocale(),
  });
  return toActionState(result, values);
}

export async function requestSignUpCodeAction(_prev: ActionState, formData: FormData) {
  return requestCodeAction(formData, requestSignUpCode);
}

export async function requestResetCodeAction(_prev: ActionState, formData: FormData) {
  return requestCodeAction(formData, requestResetCode);
}

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["phone", "code"]);
  const result = await resetPassword(
    await getDb(),
    { ...values, newPassword: String(formData.get("newPassword") ?? "") },
    { ip: clientIp(await headers()) },
  );
  return toState(result, values);
}

export async function linkHouseholdAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["householdCode"]);
  const actor = await getActor();
  const result = await linkHousehold(await getDb(), actor, values, { ip: actor?.ip });
  // The form disappears once verified (or queued): the page itself says so.
  if (result.ok) redirect(result.data.status === "waiting" ? "/me" : "/me?welcome=linked");
  return toState(result, values);
}

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await getActor();
  const result = await changePassword(
    await getDb(),
    actor,
    {
      currentPassword: String(formData.get("currentPassword") ?? ""),
      newPassword: String(formData.get("newPassword") ?? ""),
    },
    { ip: actor?.ip },
  );
  return toState(result);
}

export async function updateProfileAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["name"]);
  const result = await updateProfile(await getDb(), await getActor(), values);
  if (result.ok) await renew("profileChanged");
  return toState(result, values);
}

export async function previewRosterAction(_prev: ActionState, formData: FormData): Promise<ActionState<CheckedRoster>> {
  // The roster comes as an uploaded file (.csv or .xlsx) or as pasted text.
  const file = formData.get("file");
  const input =
    file instanceof File && file.size > 0
      ? { file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } }
      : { csv: String(formData.get("csv") ?? "") };
  return toState(await previewRosterImport(await getDb(), await getActor(), input));
}

export async function importRosterAction(_prev: ActionState, formData: FormData): Promise<ActionState<unknown>> {
  const csv = String(formData.get("csv") ?? "");
  const result = await importRoster(await getDb(), await getActor(), { csv });
  if (result.ok) {
    await renew("householdsChanged");
    return succeeded(result.data);
  }
  if ("preview" in result) {
    const checked: CheckedRoster = { ...result.preview, csv, read: rosterReadOf(formData.get("read")) };
    return refused(result.code, { data: checked });
  }
  return toState(result);
}

export async function regenerateCodeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await regenerateHouseholdCode(await getDb(), await getActor(), formData.get("householdId"));
  if (result.ok) await renew("householdsChanged");
  return toState(result);
}

export async function setVerifiedAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const verified = formData.get("verified") === "true";
  const householdId = formData.get("householdId");
  const result = await setResidentVerified(
    await getDb(),
    await getActor(),
    { userId: formData.get("userId"), householdId: householdId ? String(householdId) : undefined },
    verified,
  );
  if (result.ok) await renew("residentChanged");
  return toState(result);
}

export async function changeRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await changeRole(await getDb(), await getActor(), {
    userId: formData.get("userId"),
    role: formData.get("role"),
    grant: formData.get("grant") === "true",
  });
  if (result.ok) await renew("residentChanged");
  return toState(result);
}

export async function setDisabledAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const result = await setAccountDisabled(await getDb(), await getActor(), {
    userId: formData.get("userId"),
    disabled: formData.get("disabled") === "true",
  });
  if (result.ok) await renew("residentChanged");
  return toState(result);
}

export async function decideHouseholdRequestAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["id", "decision", "reason"]);
  const result = await decideHouseholdRequest(await getDb(), await getActor(), values);
  if (result.ok) await renew("residentChanged");
  return toState(result, values);
}

export async function updateHouseholdSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData, ["householdCodeCap"]);
  const result = await updateHouseholdSettings(await getDb(), await getActor(), values);
  if (result.ok) await renew("householdsChanged");
  return toState(result, values);
}
