import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { wishAdminFilterSchema } from "@/lib/wishes/admin-forms";
import { getClaimOutcome, countWishes, listWishesForAdmin } from "@/lib/wishes/admin-queries";
import { addressQuery } from "@/lib/address-query";
import { Alert } from "@/components/ui/alert";
import { hoursOf } from "@/lib/hours/format";
import { getSettings } from "@/lib/wishes/service";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { WishFilterForm, WishStatusTabs } from "@/components/wishes/admin/wish-filters";
import { WishTable } from "@/components/wishes/admin/wish-table";
import { WishVettingBar } from "@/components/wishes/admin/wish-vetting-bar";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("wishAdmin");
  return { title: t("title") };
}

/** What was just done to a claim (set by the row tools' actions when they come back here). */
const outcomeSchema = z.object({
  confirmed: z.uuid().optional().catch(undefined),
  released: z.uuid().optional().catch(undefined),
});

// Organisers only: the dashboard layout shows anyone else a refusal, and every action checks again.
export default async function WishesDashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireOrganiser();
  const search = await searchParams;
  const filters = wishAdminFilterSchema.parse(search);
  const done = outcomeSchema.parse(search);
  const db = await getDb();
  const outcomeClaim = done.confirmed ?? done.released;
  const [list, counts, settings, outcome] = await Promise.all([
    listWishesForAdmin(db, actor, filters).then(orForbidden),
    countWishes(db, actor, filters).then(orForbidden),
    getSettings(db),
    outcomeClaim ? getClaimOutcome(db, actor, outcomeClaim).then(orForbidden) : Promise.resolve(null),
  ]);
  const t = await getTranslations("wishAdmin");
  const base = "/dashboard/wishes";
  // The bulk vetting bar where waiting wishes can be: all, waiting, sent back.
  const vetting = !filters.status || filters.status === "pending" || filters.status === "changes";
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold text-red-deep">{t("title")}</h1>
        <div className="flex flex-wrap gap-2">
          <Link href={`${base}/new`} className={buttonClass("primary", "sm")}>
            {t("writeOne")}
          </Link>
          <Link href={`${base}/settings`} className={buttonClass("secondary", "sm")}>
            {t("settingsLink")}
          </Link>
        </div>
      </div>
      <p className="max-w-4xl text-base">
        {t("intro", { cap: settings.wishValueCap, claims: settings.claimCap, days: settings.claimDays })}
      </p>
      {outcome && done.confirmed && outcome.status === "confirmed" && (
        <Alert tone="success">
          {t("outcome.confirmed", { alias: outcome.alias, name: outcome.volunteerName, points: outcome.points })}
          {outcome.confirmedMinutes ? ` ${t("outcome.hours", { hours: hoursOf(outcome.confirmedMinutes) })}` : null}
        </Alert>
      )}
      {outcome && done.released && outcome.status === "withdrawn" && (
        <Alert tone="success">{t("outcome.released", { alias: outcome.alias, name: outcome.volunteerName })}</Alert>
      )}
      <WishFilterForm base={base} filters={filters} />
      <WishStatusTabs base={base} filters={filters} counts={counts} />
      {vetting && <WishVettingBar />}
      {list.rows.length === 0 ? (
        <p className="text-lg">{t("table.empty")}</p>
      ) : (
        <WishTable rows={list.rows} vetting={vetting} back={addressQuery(filters).slice(1)} />
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
        basePath={base}
        params={{
          q: filters.q,
          status: filters.status,
          category: filters.category,
          circumstance: filters.circumstance,
        }}
      />
    </div>
  );
}
