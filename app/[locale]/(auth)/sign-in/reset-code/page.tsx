import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ResetCodeSignInForm } from "@/components/accounts/reset-code-sign-in-form";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("resetCodeTitle") };
}

/** For a resident with a slip from the service desk: the number and the code, then a new password. */
export default async function ResetCodeSignInPage() {
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-3xl font-bold text-red-deep">{t("resetCodeTitle")}</h1>
      <p className="mt-2 mb-5">{t("resetCodeIntro")}</p>
      <Card>
        <ResetCodeSignInForm />
      </Card>
      <p className="mt-5">
        <Link href="/sign-in" className="font-semibold text-red-deep underline underline-offset-4">
          {t("usePassword")}
        </Link>
      </p>
    </div>
  );
}
