import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { MyPoints } from "@/lib/points/queries";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PointEntryList } from "./points-parts";

/** "My points" on /me: the balance, this year's earnings and place, the latest entries. */
export async function MyPointsCard({ points, latest = 3 }: { points: MyPoints; latest?: number }) {
  const t = await getTranslations("points");
  return (
    <Card aria-labelledby="points-title">
      <h2 id="points-title" className="text-2xl font-bold">
        {t("myTitle")}
      </h2>
      <PointsSummary points={points} />
      {points.entries.length > 0 ? (
        <>
          <h3 className="mt-4 text-xl font-bold">{t("latest")}</h3>
          <PointEntryList entries={points.entries.slice(0, latest)} />
        </>
      ) : (
        <p className="mt-3">{t("noEntries")}</p>
      )}
      <div className="mt-4 flex flex-wrap gap-3">
        <Link href="/me/points" className={buttonClass("secondary")}>
          {t("all")}
        </Link>
        <Link href="/points" className={buttonClass("ghost")}>
          {t("toLeaderboard")}
        </Link>
      </div>
    </Card>
  );
}

/** The three numbers a volunteer looks for first. */
export async function PointsSummary({ points }: { points: MyPoints }) {
  const t = await getTranslations("points");
  return (
    <dl className="mt-3 grid grid-cols-[repeat(auto-fit,minmax(min(100%,8rem),1fr))] gap-3">
      <div className="rounded-xl bg-red-soft p-[12px]">
        <dt className="text-base">{t("balance")}</dt>
        <dd className="text-3xl font-bold text-red-deep">{t("balanceValue", { points: points.balance })}</dd>
      </div>
      <div className="rounded-xl bg-green-soft p-[12px]">
        <dt className="text-base">{t("earnedInYear", { year: points.year })}</dt>
        <dd className="text-3xl font-bold text-green-ink">{t("balanceValue", { points: points.earnedInYear })}</dd>
      </div>
      {points.spentInYear > 0 && (
        <div className="col-span-full sm:col-span-1">
          <dt className="text-base text-muted">{t("spentInYear", { year: points.year })}</dt>
          <dd className="text-xl font-semibold">{t("balanceValue", { points: points.spentInYear })}</dd>
        </div>
      )}
      {points.rank && (
        <div className="col-span-full">
          <dt className="sr-only">{t("leaderboard")}</dt>
          <dd className="text-lg font-semibold">{t("rank", { year: points.year, rank: points.rank })}</dd>
        </div>
      )}
    </dl>
  );
}
