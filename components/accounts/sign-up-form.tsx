"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { signUpSchema, type SignUpInput } from "@/lib/accounts/schemas";
import { requestSignUpCodeAction, signUpAction } from "@/lib/accounts/actions";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { Alert } from "@/components/ui/alert";
import { CodeSentNote, PhoneCodeStep, OneTimeCodeField } from "./phone-code-step";

/** Signing up in two steps: the number, then the code from the text message with the rest. */
export function SignUpForm({ code: prefilled }: { code?: string }) {
  const t = useTranslations("auth");
  const [phone, setPhone] = useState<string>();
  if (!phone) return <PhoneCodeStep request={requestSignUpCodeAction} onSent={setPhone} submitLabel={t("sendCode")} />;
  return <SignUpDetails key={phone} phone={phone} prefilled={prefilled} onChangeNumber={() => setPhone(undefined)} />;
}

function SignUpDetails({
  phone,
  prefilled,
  onChangeNumber,
}: {
  phone: string;
  prefilled?: string;
  onChangeNumber: () => void;
}) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [code, setCode] = useState<string>();
  const form = useForm<SignUpInput>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { name: "", phone, code: "", password: "", householdCode: prefilled ?? "" },
  });
  const { errors, isSubmitting } = form.formState;
  // Signed in: the button stays busy until the next page is there, so it is not pressed twice.
  const [leaving, startLeaving] = useTransition();
  const err = (k: keyof SignUpInput) => (errors[k]?.message ? [errors[k]!.message!] : undefined);

  const onSubmit = form.handleSubmit(async (_parsed, event) => {
    setCode(undefined);
    // The raw values go to the server, which parses them with the same schema.
    const raw = form.getValues();
    const fd = new FormData();
    for (const [k, v] of Object.entries(raw)) fd.set(k, v ?? "");
    const result = await signUpAction({ ok: false }, fd);
    if (!result.ok) {
      for (const [field, codes] of Object.entries(result.fieldErrors ?? {})) {
        if (codes?.length) form.setError(field as keyof SignUpInput, { message: codes[0] });
      }
      setCode(result.fieldErrors ? undefined : result.code);
      return;
    }
    const res = await signIn("credentials", { phone: raw.phone, password: raw.password, redirect: false });
    startLeaving(() => {
      router.replace(
        res && !res.error ? `/me?welcome=${result.data?.verified ? "verified" : "unverified"}` : "/sign-in",
      );
      router.refresh();
    });
    void event;
  });

  return (
    <form onSubmit={onSubmit} method="post" noValidate className="flex flex-col gap-5">
      <CodeSentNote phone={phone} request={requestSignUpCodeAction} onChangeNumber={onChangeNumber} />
      <FormMessage code={code} />
      <OneTimeCodeField errors={err("code")} {...form.register("code")} />
      <Field
        label={t("name")}
        hint={t("nameHint")}
        autoComplete="name"
        errors={err("name")}
        {...form.register("name")}
      />
      <input type="hidden" {...form.register("phone")} />
      <Field
        label={t("password")}
        hint={t("passwordHint")}
        type="password"
        autoComplete="new-password"
        errors={err("password")}
        {...form.register("password")}
      />
      {prefilled && <Alert tone="info">{t("codePrefilled")}</Alert>}
      <Field
        label={t("householdCode")}
        hint={t("householdCodeHint")}
        optional
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        errors={err("householdCode")}
        {...form.register("householdCode")}
      />
      <SubmitButton size="lg" pending={isSubmitting || leaving}>
        {t("submitSignUp")}
      </SubmitButton>
    </form>
  );
}
