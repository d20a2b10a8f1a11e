import Link from "next/link";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { SignUpForm } from "@/components/accounts/sign-up-form";
import { formatHouseholdCode, normaliseHouseholdCode } from "@/lib/accounts/household-code-format";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signUpTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const t = await getTranslations("auth");
  const { code } = await searchParams;
  const prefilled =
    typeof code === "string" && code.length <= 20 ? formatHouseholdCode(normaliseHouseholdCode(code)) : undefined;
  // Someone already signed in who scans a slip goes to their page, with the code ready to use.
  if (await getActor()) redirect(prefilled ? `/me?code=${encodeURIComponent(prefilled)}` : "/me");
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-3xl font-bold text-red-deep">{t("signUpTitle")}</h1>
      <p className="mt-2 mb-5">{t("signUpIntro")}</p>
      <Card>
        <SignUpForm code={prefilled || undefined} />
      </Card>
      <p className="mt-5">
        {t("haveAccount")}{" "}
        <Link href="/sign-in" className="font-semibold text-red-deep underline underline-offset-4">
          {t("signInLink")}
        </Link>
      </p>
    </div>
  );
}
