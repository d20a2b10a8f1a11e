"use server";

import { getDb } from "@/db";
import { formValues, toActionState, type ActionState } from "@/lib/action-state";
import { getActor, getPasswordChangeSession } from "@/lib/auth/session";
import { clientIp } from "@/lib/auth/request-ip";
import { headers } from "next/headers";
import { choosePasswordAfterReset, issueResetCode } from "./reset-code-service";
import { createAccountAtDesk } from "./account-service";
import { changePhoneAtDesk, sendPhoneChangeCode } from "./phone-service";
import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";

// Session → service. Every rule lives in the services.

export interface IssuedSlip {
  code: string;
  expiresAt: string;
  name: string;
  phone: string;
}

/** The reset code goes back to the organiser's page only, to be printed; never into a URL. */
export async function issueResetCodeAction(_prev: ActionState, formData: FormData): Promise<ActionState<IssuedSlip>> {
  const actor = await getActor();
  const result = await issueResetCode(await getDb(), actor, formValues(formData, ["userId"]), { ip: actor?.ip });
  return toActionState(
    result.ok ? { ok: true, data: { ...result.data, expiresAt: result.data.expiresAt.toISOString() } } : result,
    undefined,
    { keep: "refused" },
  );
}

/** The password chosen by a session a reset code opened; the form signs in with it afterwards. */
export async function choosePasswordAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ phone: string }>> {
  const session = await getPasswordChangeSession();
  const result = await choosePasswordAfterReset(
    await getDb(),
    session,
    {
      newPassword: String(formData.get("newPassword") ?? ""),
      confirmPassword: String(formData.get("confirmPassword") ?? ""),
    },
    { ip: clientIp(await headers()) },
  );
  return toActionState(result, undefined, { keep: "refused" });
}

export interface DeskAccountMade {
  userId: string;
  household: "verified" | "waiting" | "none";
  slip: IssuedSlip;
}

/** An account made at the desk; its reset-code slip comes back to be printed. */
export async function createAccountAtDeskAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<DeskAccountMade>> {
  const actor = await getActor();
  const values = formValues(formData, ["name", "phone", "code", "householdCode", "householdId"]);
  const result = await createAccountAtDesk(await getDb(), actor, values, { ip: actor?.ip });
  return toActionState(
    result.ok
      ? {
          ok: true,
          data: {
            userId: result.data.userId,
            household: result.data.household,
            slip: { ...result.data.slip, expiresAt: result.data.slip.expiresAt.toISOString() },
          },
        }
      : result,
    values,
    { keep: "refused" },
  );
}

/** Step 1 of correcting a number: the code to the new number. */
export async function sendPhoneChangeCodeAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ phone: string }>> {
  const actor = await getActor();
  const values = formValues(formData, ["userId", "newPhone"]);
  const result = await sendPhoneChangeCode(await getDb(), actor, values, { ip: actor?.ip, locale: await getLocale() });
  return toActionState(result, values);
}

/** Step 2: the code read out by the resident; the number changes. */
export async function changePhoneAtDeskAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState<{ phone: string }>> {
  const actor = await getActor();
  const values = formValues(formData, ["userId", "newPhone", "code"]);
  const result = await changePhoneAtDesk(await getDb(), actor, values, { ip: actor?.ip });
  if (result.ok) revalidatePath(`/dashboard/desk/people/${values.userId}`);
  return toActionState(result, values);
}
