"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { changePhoneAtDeskAction, sendPhoneChangeCodeAction } from "@/lib/desk/actions";
import type { ActionState } from "@/lib/action-state";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";

/** The new number, a code sent to it, the code the resident reads out: then the number changes. */
export function PhoneChangeForm({ userId }: { userId: string }) {
  const t = useTranslations("desk");
  const [state, action] = useActionState<ActionState<{ phone: string }>, FormData>(changePhoneAtDeskAction, {
    ok: false,
  });
  const [sent, setSent] = useState<ActionState<{ phone: string }>>();
  const [sending, setSending] = useState(false);
  if (state.ok && state.data) return <FormMessage success={t("phoneChanged", { phone: state.data.phone })} />;
  const errs = (k: string) => state.fieldErrors?.[k] ?? (k === "newPhone" ? sent?.fieldErrors?.newPhone : undefined);
  const send = async (form: HTMLFormElement) => {
    setSending(true);
    const fd = new FormData(form);
    setSent(await sendPhoneChangeCodeAction({ ok: false }, fd));
    setSending(false);
  };
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="userId" value={userId} />
      <FormMessage code={state.ok || state.fieldErrors ? undefined : state.code} />
      <Field
        label={t("newPhone")}
        name="newPhone"
        type="tel"
        inputMode="numeric"
        defaultValue={state.values?.newPhone}
        errors={errs("newPhone")}
      />
      <div className="flex flex-col items-start gap-2">
        <Button type="button" variant="secondary" disabled={sending} onClick={(e) => send(e.currentTarget.form!)}>
          {t("sendPhoneCode")}
        </Button>
        {sent && !sent.ok && !sent.fieldErrors && <FormMessage code={sent.code} />}
      </div>
      <Field label={t("phoneCode")} name="code" inputMode="numeric" autoComplete="off" errors={errs("code")} />
      <span role="status" className="text-lg">
        {sent?.ok && sent.data ? t("phoneCodeSent", { phone: sent.data.phone }) : null}
      </span>
      <SubmitButton>{t("changePhone")}</SubmitButton>
    </form>
  );
}
