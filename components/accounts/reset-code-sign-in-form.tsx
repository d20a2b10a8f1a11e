"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { resetCodeSignInSchema, type ResetCodeSignInInput } from "@/lib/auth/schemas";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";

/** Signing in with the number and the code from the service desk's slip, through next-auth. */
export function ResetCodeSignInForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const [code, setCode] = useState<string>();
  const [leaving, startLeaving] = useTransition();
  const form = useForm<ResetCodeSignInInput>({
    resolver: zodResolver(resetCodeSignInSchema),
    defaultValues: { phone: "", code: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const err = (k: keyof ResetCodeSignInInput) => (errors[k]?.message ? [errors[k]!.message!] : undefined);
  const onSubmit = form.handleSubmit(async (values) => {
    setCode(undefined);
    const res = await signIn("reset-code", { phone: values.phone, code: values.code, redirect: false });
    if (!res || res.error) {
      setCode(res?.error === "throttled" ? "throttled" : "reset_code_refused");
      return;
    }
    startLeaving(() => {
      router.replace("/choose-password");
      router.refresh();
    });
  });
  return (
    <form onSubmit={onSubmit} method="post" noValidate className="flex flex-col gap-5">
      <FormMessage code={code} />
      <Field
        label={t("phone")}
        type="tel"
        inputMode="numeric"
        autoComplete="username"
        errors={err("phone")}
        {...form.register("phone")}
      />
      <Field
        label={t("resetCode")}
        hint={t("resetCodeHint")}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        errors={err("code")}
        {...form.register("code")}
      />
      <SubmitButton size="lg" pending={isSubmitting || leaving}>
        {t("submitResetCode")}
      </SubmitButton>
    </form>
  );
}
