import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listRosterBuildings } from "@/lib/wishes/admin-queries";
import { getSettings } from "@/lib/wishes/service";
import { NewWishForm } from "@/components/wishes/admin/new-wish-form";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("wishAdmin.new");
  return { title: t("heading") };
}

// Organisers only (the dashboard layout); the action's service checks the organiser again.
export default async function NewWishPage() {
  const actor = await requireOrganiser();
  const db = await getDb();
  const [settings, buildings] = await Promise.all([getSettings(db), listRosterBuildings(db, actor).then(orForbidden)]);
  const t = await getTranslations("wishAdmin.new");
  return (
    <div className="flex max-w-4xl flex-col gap-5">
      <h1 className="text-3xl font-bold text-red-deep">{t("heading")}</h1>
      <p className="text-base">{t("intro")}</p>
      <NewWishForm cap={settings.wishValueCap} buildings={buildings} />
    </div>
  );
}
