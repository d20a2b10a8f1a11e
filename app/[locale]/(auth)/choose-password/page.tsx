import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getPasswordChangeSession } from "@/lib/auth/session";
import { Card } from "@/components/ui/card";
import { ChoosePasswordForm } from "@/components/desk/choose-password-form";

export async function generateMetadata() {
  const t = await getTranslations("desk.choose");
  return { title: t("title") };
}

export const dynamic = "force-dynamic";

/** Where a session opened by a desk reset code waits until its owner has chosen a new password. */
export default async function ChoosePasswordPage() {
  const session = await getPasswordChangeSession();
  if (!session) redirect("/sign-in");
  if (!session.mustChangePassword) redirect("/me");
  const t = await getTranslations("desk.choose");
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-3xl font-bold text-red-deep">{t("title")}</h1>
      <p className="mt-2 mb-5">{t("intro")}</p>
      <Card>
        <ChoosePasswordForm confirmLabel={t("confirm")} submitLabel={t("submit")} />
      </Card>
    </div>
  );
}
