"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { changePasswordAction, linkHouseholdAction, updateProfileAction } from "@/lib/accounts/actions";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";

export function UpdateNameForm({ name }: { name: string }) {
  const t = useTranslations();
  const [state, action] = useActionState(updateProfileAction, initialActionState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage
        code={state.ok || state.fieldErrors ? undefined : state.code}
        success={state.ok ? t("common.saved") : undefined}
      />
      <Field
        label={t("auth.name")}
        name="name"
        defaultValue={state.values?.name ?? name}
        autoComplete="name"
        errors={state.fieldErrors?.name}
      />
      <SubmitButton variant="secondary" className="self-start">
        {t("me.editName")}
      </SubmitButton>
    </form>
  );
}

export function LinkHouseholdForm({ code }: { code?: string }) {
  const t = useTranslations();
  const [state, action] = useActionState(linkHouseholdAction, initialActionState);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage code={state.fieldErrors ? undefined : state.code} />
      <Field
        label={t("me.linkTitle")}
        hint={t("me.codeHint")}
        name="householdCode"
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        defaultValue={state.values?.householdCode ?? code}
        errors={state.fieldErrors?.householdCode}
      />
      <SubmitButton className="self-start">{t("me.linkSubmit")}</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm({ phone }: { phone: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [state, action] = useActionState(async (prev: ActionState, fd: FormData) => {
    const next = await changePasswordAction(prev, fd);
    // Changing the password signs out every session, this one too: sign in again with the new one.
    if (next.ok) await signIn("credentials", { phone, password: String(fd.get("newPassword") ?? ""), redirect: false });
    return next;
  }, initialActionState);
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate key={state.ok ? state.at : "form"}>
      <FormMessage
        code={state.ok || state.fieldErrors ? undefined : state.code}
        success={state.ok ? t("me.passwordChanged") : undefined}
      />
      <Field
        label={t("me.currentPassword")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={state.fieldErrors?.currentPassword}
      />
      <Field
        label={t("me.newPassword")}
        hint={t("auth.passwordHint")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        errors={state.fieldErrors?.newPassword}
      />
      <SubmitButton variant="secondary" className="self-start">
        {t("me.changePassword")}
      </SubmitButton>
    </form>
  );
}
