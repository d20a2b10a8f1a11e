import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { currentPointRules } from "@/lib/points/rules";
import { getActor } from "@/lib/auth/session";
import { getMyPoints } from "@/lib/points/queries";
import { PointEntryList, PointsRules, YearTabs } from "@/components/points/points-parts";
import { PointsSummary } from "@/components/points/my-points-card";
import { AnonymousForm } from "@/components/points/anonymous-form";
import { ClientMessages } from "@/components/ui/client-messages";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { parseYear } from "@/lib/points/year";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("points");
  return { title: t("myTitle") };
}

export default async function MyPointsPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/me/points");
  const year = parseYear((await searchParams).year);
  const db = await getDb();
  const [points, rules] = await Promise.all([getMyPoints(db, actor.id, year), currentPointRules(db)]);
  const t = await getTranslations("points");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-bold text-red-deep">{t("myTitle")}</h1>
      <Card aria-labelledby="summary-title">
        <h2 id="summary-title" className="sr-only">
          {t("balance")}
        </h2>
        <YearTabs years={points.years} current={year} href={(y) => `/me/points?year=${y}`} />
        <PointsSummary points={points} />
      </Card>
      <Card aria-labelledby="entries-title">
        <h2 id="entries-title" className="text-2xl font-bold">
          {t("entriesTitle", { year })}
        </h2>
        {points.entries.length > 0 ? (
          <PointEntryList entries={points.entries} />
        ) : (
          <p className="mt-3">{t("noEntries")}</p>
        )}
      </Card>
      <PointsRules rules={rules} />
      <Card aria-labelledby="anonymous-title">
        <h2 id="anonymous-title" className="sr-only">
          {t("anonymousTitle")}
        </h2>
        <ClientMessages namespaces={["points", "errors", "fieldErrors", "common"]}>
          <AnonymousForm anonymous={points.anonymous} />
        </ClientMessages>
        <Link href={`/points?year=${year}`} className={buttonClass("ghost", "md", "mt-3")}>
          {t("toLeaderboard")}
        </Link>
      </Card>
    </div>
  );
}
