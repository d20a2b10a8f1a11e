import Link from "next/link";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { SignInForm } from "@/components/accounts/sign-in-form";
import { landingPath, safeCallbackPath } from "@/lib/safe-redirect";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const t = await getTranslations("auth");
  const { callbackUrl } = await searchParams;
  const actor = await getActor();
  if (actor) redirect(safeCallbackPath(callbackUrl, landingPath(actor.roles)));
  // Without a page to return to, the form asks the new session where its owner works.
  const asked = callbackUrl ? safeCallbackPath(callbackUrl, "") : "";
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-3xl font-bold text-red-deep">{t("signInTitle")}</h1>
      <p className="mt-2 mb-5">{t("signInIntro")}</p>
      <Card>
        <SignInForm callbackUrl={asked || null} />
      </Card>
      <p className="mt-5">
        {t("noAccount")}{" "}
        <Link href="/sign-up" className="font-semibold text-red-deep underline underline-offset-4">
          {t("signUpLink")}
        </Link>
      </p>
      <p className="mt-2">
        <Link href="/forgot-password" className="font-semibold text-red-deep underline underline-offset-4">
          {t("forgotPassword")}
        </Link>
      </p>
      <p className="mt-2">
        <Link href="/sign-in/reset-code" className="font-semibold text-red-deep underline underline-offset-4">
          {t("resetCodeLink")}
        </Link>
      </p>
      <p className="mt-2 text-muted">{t("deskCanHelp")}</p>
    </div>
  );
}
