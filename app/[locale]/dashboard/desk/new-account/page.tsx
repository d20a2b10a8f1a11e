import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getDeskHousehold } from "@/lib/desk/queries";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { siteOrigin } from "@/lib/site-url";
import { Card } from "@/components/ui/card";
import { DeskAccountForm } from "@/components/desk/desk-account-form";
import { addressText } from "@/components/desk/address";

export async function generateMetadata() {
  const t = await getTranslations("desk");
  return { title: t("newAccount") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An account for someone who cannot sign up alone, optionally in the household the organiser opened. */
export default async function DeskNewAccountPage({ searchParams }: { searchParams: Promise<{ household?: string }> }) {
  const actor = await requireOrganiser("/dashboard/desk/new-account");
  const { household: householdId } = await searchParams;
  const t = await getTranslations("desk");
  let household = null;
  if (householdId !== undefined) {
    if (!UUID.test(householdId)) notFound();
    household = orForbidden(await getDeskHousehold(await getDb(), actor, householdId));
    if (!household) notFound();
  }
  const origin = (await siteOrigin()).replace(/^https?:\/\//, "");
  return (
    <div className="flex max-w-2xl flex-col gap-5">
      <Link href="/dashboard/desk" className="no-print text-lg text-red-deep underline underline-offset-4">
        {t("back")}
      </Link>
      <h1 className="no-print text-3xl font-bold text-red-deep">{t("newAccount")}</h1>
      <p className="no-print text-lg">{t("newAccountIntro")}</p>
      {household && (
        <p className="no-print text-xl font-semibold">{t("newAccountFor", { address: addressText(household) })}</p>
      )}
      <Card>
        <DeskAccountForm householdId={household?.id} signInUrl={`${origin}/sign-in`} />
      </Card>
    </div>
  );
}
