import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getDashboardCounts } from "@/lib/accounts/queries";
import { getCurrentFestival } from "@/lib/festivals/queries";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardHome() {
  const actor = await requireOrganiser();
  const t = await getTranslations();
  const db = await getDb();
  const [counts, festival] = await Promise.all([
    getDashboardCounts(db, actor).then(orForbidden),
    getCurrentFestival(db),
  ]);
  const stats = [
    { label: t("dashboard.countHouseholds"), value: counts.households },
    { label: t("dashboard.countResidents"), value: counts.residents },
    { label: t("dashboard.countVerified"), value: counts.verified },
    { label: t("dashboard.countVolunteers"), value: counts.volunteers },
  ];
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold text-red-deep">{t("dashboard.overview")}</h1>
      {festival && (
        <p className="text-lg">
          {t("dashboard.currentFestival")}: <strong>{festival.title}</strong>
        </p>
      )}
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {stats.map((s) => (
          <div key={s.label} className="rounded-xl border border-line border-t-4 border-t-gold bg-white p-4">
            <dt className="text-base text-muted">{s.label}</dt>
            <dd className="text-3xl font-black text-ink">{s.value}</dd>
          </div>
        ))}
      </dl>
      <Card aria-labelledby="quick">
        <h2 id="quick" className="text-xl font-bold">
          {t("dashboard.quickLinks")}
        </h2>
        <div className="mt-3 flex flex-wrap gap-3">
          {festival && (
            <Link className={buttonClass("primary", "md")} href={`/dashboard/festivals/${festival.slug}/registrations`}>
              {t("review.link")}
            </Link>
          )}
          {festival && (
            <Link
              className={buttonClass("secondary", "md")}
              href={`/dashboard/festivals/${festival.slug}/stars/nominations?status=pending`}
            >
              {t("starsAdmin.homeLink")}
            </Link>
          )}
          <Link className={buttonClass("secondary", "md")} href="/dashboard/wishes?status=pending">
            {t("wishAdmin.homeLink")}
          </Link>
          <Link className={buttonClass("secondary", "md")} href="/dashboard/points">
            {t("pointsAdmin.homeLink")}
          </Link>
          <Link className={buttonClass(festival ? "secondary" : "primary", "md")} href="/dashboard/households/import">
            {t("dashboard.import")}
          </Link>
          <Link className={buttonClass("secondary", "md")} href="/dashboard/households/slips">
            {t("dashboard.slips")}
          </Link>
          <Link className={buttonClass("secondary", "md")} href="/dashboard/residents?filter=unverified">
            {t("residents.filters.unverified")}
          </Link>
          <Link className={buttonClass("secondary", "md")} href="/dashboard/audit">
            {t("dashboard.audit")}
          </Link>
        </div>
      </Card>
    </div>
  );
}
