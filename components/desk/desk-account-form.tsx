"use client";

import { useActionState, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { createAccountAtDeskAction, type DeskAccountMade } from "@/lib/desk/actions";
import { requestSignUpCodeAction } from "@/lib/accounts/actions";
import type { ActionState } from "@/lib/action-state";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Alert } from "@/components/ui/alert";
import { PrintedSlip } from "./reset-code-slip";

/**
 * The desk's form for a new account. The text-message code is asked for only when the resident
 * has the phone with them; the organiser reads it from them and types it.
 */
export function DeskAccountForm({ householdId, signInUrl }: { householdId?: string; signInUrl: string }) {
  const t = useTranslations("desk");
  const ta = useTranslations("auth");
  const [state, action] = useActionState<ActionState<DeskAccountMade>, FormData>(createAccountAtDeskAction, {
    ok: false,
  });
  const [sent, setSent] = useState<ActionState>();
  const [sending, setSending] = useState(false);
  const v = state.values ?? {};
  const errs = (k: string) => state.fieldErrors?.[k];
  if (state.ok && state.data)
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">{state.data.household === "waiting" ? t("createdWaiting") : t("created")}</Alert>
        <PrintedSlip slip={state.data.slip} signInUrl={signInUrl} />
        <Link
          href={`/dashboard/desk/people/${state.data.userId}`}
          className="no-print font-semibold text-red-deep underline underline-offset-4"
        >
          {t("openCard")}
        </Link>
      </div>
    );
  const sendCode = async (form: HTMLFormElement) => {
    setSending(true);
    const fd = new FormData();
    fd.set("phone", String(new FormData(form).get("phone") ?? ""));
    setSent(await requestSignUpCodeAction({ ok: false }, fd));
    setSending(false);
  };
  return (
    <form action={action} className="flex flex-col gap-5">
      <FormMessage code={state.ok || state.fieldErrors ? undefined : state.code} />
      {householdId && <input type="hidden" name="householdId" value={householdId} />}
      <Field label={ta("name")} name="name" defaultValue={v.name} errors={errs("name")} />
      <Field
        label={ta("phone")}
        name="phone"
        type="tel"
        inputMode="numeric"
        defaultValue={v.phone}
        errors={errs("phone")}
      />
      <div className="flex flex-col items-start gap-2">
        <Button type="button" variant="secondary" disabled={sending} onClick={(e) => sendCode(e.currentTarget.form!)}>
          {t("sendCode")}
        </Button>
        <span role="status">
          {sent?.ok && sent.data ? ta("codeSent", { phone: (sent.data as { phone: string }).phone }) : null}
        </span>
        {sent && !sent.ok && <FormMessage code={sent.fieldErrors ? "invalid" : sent.code} />}
      </div>
      <Field
        label={t("codeOptional")}
        name="code"
        inputMode="numeric"
        autoComplete="off"
        optional
        defaultValue={v.code}
        errors={errs("code")}
      />
      {!householdId && (
        <Field
          label={t("householdCodeOptional")}
          name="householdCode"
          optional
          defaultValue={v.householdCode}
          errors={errs("householdCode")}
        />
      )}
      {errs("householdId") && <FormMessage code="household_code_invalid" />}
      <SubmitButton size="lg">{t("create")}</SubmitButton>
    </form>
  );
}
