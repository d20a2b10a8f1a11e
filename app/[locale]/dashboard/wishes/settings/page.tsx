import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getSettings } from "@/lib/wishes/service";
import { WishSettingsForm } from "@/components/wishes/admin/settings-form";
import { requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("wishAdmin.settings");
  return { title: t("heading") };
}

// Organisers only (the dashboard layout); the action's service checks the organiser again.
export default async function WishSettingsPage() {
  await requireOrganiser();
  const settings = await getSettings(await getDb());
  const t = await getTranslations("wishAdmin.settings");
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-3xl font-bold text-red-deep">{t("heading")}</h1>
      <p className="max-w-3xl text-base">{t("intro")}</p>
      <WishSettingsForm
        settings={{ wishValueCap: settings.wishValueCap, claimCap: settings.claimCap, claimDays: settings.claimDays }}
      />
      <p>
        <Link href="/dashboard/wishes" className="text-lg font-semibold underline underline-offset-4">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
