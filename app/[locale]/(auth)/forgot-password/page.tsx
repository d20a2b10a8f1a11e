import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ResetPasswordForm } from "@/components/accounts/reset-password-form";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("resetTitle") };
}

/** Open to anyone, signed in or not: proving the number is what counts. */
export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-3xl font-bold text-red-deep">{t("resetTitle")}</h1>
      <p className="mt-2 mb-5">{t("resetIntro")}</p>
      <Card>
        <ResetPasswordForm />
      </Card>
      <p className="mt-5 text-muted">{t("deskCanHelp")}</p>
      <p className="mt-2">
        <Link href="/sign-in" className="font-semibold text-red-deep underline underline-offset-4">
          {t("backToSignIn")}
        </Link>
      </p>
    </div>
  );
}
