"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { getSession, signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { signInSchema } from "@/lib/auth/schemas";
import { landingPath } from "@/lib/safe-redirect";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";

type Values = z.input<typeof signInSchema>;
const KNOWN = new Set(["invalid_credentials", "throttled", "account_disabled"]);

export function SignInForm({ callbackUrl }: { callbackUrl: string | null }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [code, setCode] = useState<string>();
  const form = useForm<Values>({ resolver: zodResolver(signInSchema), defaultValues: { phone: "", password: "" } });
  const { errors, isSubmitting } = form.formState;
  // Signed in: the button stays busy until the next page is there, so it is not pressed twice.
  const [leaving, startLeaving] = useTransition();

  const onSubmit = form.handleSubmit(async (values) => {
    setCode(undefined);
    const res = await signIn("credentials", { phone: values.phone, password: values.password, redirect: false });
    if (!res || res.error) {
      setCode(res?.error && KNOWN.has(res.error) ? res.error : "invalid_credentials");
      return;
    }
    const target = callbackUrl ?? landingPath((await getSession())?.user?.roles);
    startLeaving(() => {
      router.replace(target);
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
        errors={errors.phone?.message ? [errors.phone.message] : undefined}
        {...form.register("phone")}
      />
      <Field
        label={t("password")}
        type="password"
        autoComplete="current-password"
        errors={errors.password?.message ? [errors.password.message] : undefined}
        {...form.register("password")}
      />
      <SubmitButton size="lg" pending={isSubmitting || leaving}>
        {t("submitSignIn")}
      </SubmitButton>
    </form>
  );
}
