"use client";

import { useState } from "react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/accounts/schemas";
import { requestResetCodeAction, resetPasswordAction } from "@/lib/accounts/actions";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { CodeSentNote, PhoneCodeStep, OneTimeCodeField } from "./phone-code-step";

/** A forgotten password: the number, then the code from the text message and a new password. */
export function ResetPasswordForm() {
  const t = useTranslations("auth");
  const [phone, setPhone] = useState<string>();
  const [done, setDone] = useState(false);
  if (done)
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">{t("resetDone")}</Alert>
        <Link href="/sign-in" className={buttonClass("primary", "lg", "self-start")}>
          {t("signInLink")}
        </Link>
      </div>
    );
  if (!phone) return <PhoneCodeStep request={requestResetCodeAction} onSent={setPhone} submitLabel={t("sendCode")} />;
  return (
    <NewPasswordStep
      key={phone}
      phone={phone}
      onChangeNumber={() => setPhone(undefined)}
      onDone={() => setDone(true)}
    />
  );
}

function NewPasswordStep({
  phone,
  onChangeNumber,
  onDone,
}: {
  phone: string;
  onChangeNumber: () => void;
  onDone: () => void;
}) {
  const t = useTranslations("auth");
  const [code, setCode] = useState<string>();
  const form = useForm<ResetPasswordInput>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { phone, code: "", newPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const err = (k: keyof ResetPasswordInput) => (errors[k]?.message ? [errors[k]!.message!] : undefined);
  const onSubmit = form.handleSubmit(async () => {
    setCode(undefined);
    const fd = new FormData();
    for (const [k, v] of Object.entries(form.getValues())) fd.set(k, v ?? "");
    const result = await resetPasswordAction({ ok: false }, fd);
    if (!result.ok) {
      for (const [field, codes] of Object.entries(result.fieldErrors ?? {}))
        if (codes?.length) form.setError(field as keyof ResetPasswordInput, { message: codes[0] });
      setCode(result.fieldErrors ? undefined : result.code);
      return;
    }
    onDone();
  });
  return (
    <form onSubmit={onSubmit} method="post" noValidate className="flex flex-col gap-5">
      <CodeSentNote phone={phone} request={requestResetCodeAction} onChangeNumber={onChangeNumber} />
      <FormMessage code={code} />
      <input type="hidden" autoComplete="username" {...form.register("phone")} />
      <OneTimeCodeField errors={err("code")} {...form.register("code")} />
      <Field
        label={t("newPassword")}
        hint={t("passwordHint")}
        type="password"
        autoComplete="new-password"
        errors={err("newPassword")}
        {...form.register("newPassword")}
      />
      <SubmitButton size="lg" pending={isSubmitting}>
        {t("submitReset")}
      </SubmitButton>
    </form>
  );
}
