"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { choosePasswordAction } from "@/lib/desk/actions";
import { choosePasswordSchema, type ChoosePasswordInput } from "@/lib/desk/schemas";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";

/**
 * The new password after signing in with a reset code. Saving it ends the code's session, so the
 * form signs in again with the new password and goes on to the person's page.
 */
export function ChoosePasswordForm({ confirmLabel, submitLabel }: { confirmLabel: string; submitLabel: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [code, setCode] = useState<string>();
  const [leaving, startLeaving] = useTransition();
  const form = useForm<ChoosePasswordInput>({
    resolver: zodResolver(choosePasswordSchema),
    defaultValues: { newPassword: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const err = (k: keyof ChoosePasswordInput) => (errors[k]?.message ? [errors[k]!.message!] : undefined);
  const onSubmit = form.handleSubmit(async (values) => {
    setCode(undefined);
    const fd = new FormData();
    fd.set("newPassword", values.newPassword);
    fd.set("confirmPassword", values.confirmPassword);
    const result = await choosePasswordAction({ ok: false }, fd);
    if (!result.ok || !result.data) {
      for (const [field, codes] of Object.entries(result.fieldErrors ?? {}))
        if (codes?.length) form.setError(field as keyof ChoosePasswordInput, { message: codes[0] });
      setCode(result.fieldErrors ? undefined : (result.code ?? "unknown"));
      return;
    }
    const again = await signIn("credentials", {
      phone: result.data.phone,
      password: values.newPassword,
      redirect: false,
    });
    startLeaving(() => {
      router.replace(again?.ok ? "/me" : "/sign-in");
      router.refresh();
    });
  });
  return (
    <form onSubmit={onSubmit} method="post" noValidate className="flex flex-col gap-5">
      <FormMessage code={code} />
      <Field
        label={t("newPassword")}
        hint={t("passwordHint")}
        type="password"
        autoComplete="new-password"
        errors={err("newPassword")}
        {...form.register("newPassword")}
      />
      <Field
        label={confirmLabel}
        type="password"
        autoComplete="new-password"
        errors={err("confirmPassword")}
        {...form.register("confirmPassword")}
      />
      <SubmitButton size="lg" pending={isSubmitting || leaving}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
