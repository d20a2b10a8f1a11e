"use client";

import { useEffect, useState, type ComponentProps } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { requestCodeSchema, type RequestCodeInput } from "@/lib/accounts/schemas";
import type { ActionState } from "@/lib/action-state";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";

type RequestCode = (prev: ActionState, formData: FormData) => Promise<ActionState<{ phone: string }>>;

const RESEND_SECONDS = 60;

/** Step 1: the number the code goes to. The answer is "code sent" whoever owns the number. */
export function PhoneCodeStep({
  request,
  onSent,
  submitLabel,
  phoneHint,
}: {
  request: RequestCode;
  onSent: (phone: string) => void;
  submitLabel: string;
  phoneHint?: string;
}) {
  const t = useTranslations("auth");
  const [code, setCode] = useState<string>();
  const form = useForm<RequestCodeInput>({ resolver: zodResolver(requestCodeSchema), defaultValues: { phone: "" } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    setCode(undefined);
    const fd = new FormData();
    fd.set("phone", form.getValues("phone"));
    const result = await request({ ok: false }, fd);
    if (!result.ok) {
      const phoneErrors = result.fieldErrors?.phone;
      if (phoneErrors?.length) form.setError("phone", { message: phoneErrors[0] });
      else setCode(result.code);
      return;
    }
    onSent(result.data!.phone);
  });
  return (
    <form onSubmit={onSubmit} method="post" noValidate className="flex flex-col gap-5">
      <FormMessage code={code} />
      <Field
        label={t("phone")}
        hint={phoneHint ?? t("phoneHint")}
        type="tel"
        inputMode="numeric"
        autoComplete="tel"
        errors={errors.phone?.message ? [errors.phone.message] : undefined}
        {...form.register("phone")}
      />
      <SubmitButton size="lg" pending={isSubmitting}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

/** "Code sent to …", and a new code after the minute's pause. */
export function CodeSentNote({
  phone,
  request,
  onChangeNumber,
}: {
  phone: string;
  request: RequestCode;
  onChangeNumber: () => void;
}) {
  const t = useTranslations("auth");
  const [left, setLeft] = useState(RESEND_SECONDS);
  const [code, setCode] = useState<string>();
  const [resent, setResent] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  const resend = async () => {
    setBusy(true);
    setCode(undefined);
    const fd = new FormData();
    fd.set("phone", phone);
    const result = await request({ ok: false }, fd);
    setBusy(false);
    if (!result.ok) return setCode(result.code);
    setResent(true);
    setLeft(RESEND_SECONDS);
  };
  return (
    <div className="flex flex-col gap-3" role="status">
      <FormMessage code={code} success={resent ? t("codeResent", { phone }) : undefined} />
      {!resent && <p className="text-lg font-semibold">{t("codeSent", { phone })}</p>}
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="secondary" size="md" disabled={left > 0 || busy} onClick={resend}>
          {left > 0 ? t("resendIn", { seconds: left }) : t("resend")}
        </Button>
        <Button type="button" variant="ghost" size="md" className="underline" onClick={onChangeNumber}>
          {t("changeNumber")}
        </Button>
      </div>
    </div>
  );
}

/** Step 2's box for the code from the text message: the phone offers it from the SMS itself. */
export function OneTimeCodeField(props: Omit<ComponentProps<typeof Field>, "label">) {
  const t = useTranslations("auth");
  return (
    <Field
      label={t("code")}
      hint={t("codeHint")}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={8}
      {...props}
    />
  );
}
