import Link from "next/link";
import { notFound } from "next/navigation";
import { ITEM_KIND_OF_ROLE, REGISTRATION_ROLES } from "@/vocabulary/registrations";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import {
  countByStatus,
  getPlacesOverview,
  getReviewFestival,
  listPerformanceBlocks,
  listReview,
  listReviewBuildings,
} from "@/lib/registrations/review-queries";
import { reviewFilterSchema } from "@/lib/registrations/schemas";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { BulkBar } from "@/components/registrations/review/bulk-bar";
import { FestivalTabs } from "@/components/festivals/festival-tabs";
import { PlacesPanel } from "@/components/registrations/review/places-panel";
import { ReviewFilterForm, StatusCountsNav, filterQuery } from "@/components/registrations/review/review-filters";
import { addressQuery } from "@/lib/address-query";
import { ReviewTable } from "@/components/registrations/review/review-table";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("review");
  return { title: t("title") };
}

// Organisers only: the dashboard layout shows anyone else a refusal instead of this page, and
// every action behind it checks the organiser again.
export default async function RegistrationReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireOrganiser();
  const { slug } = await params;
  const db = await getDb();
  const festival = orForbidden(await getReviewFestival(db, actor, slug));
  if (!festival) notFound();
  const filters = reviewFilterSchema.parse(await searchParams);
  const list = orForbidden(await listReview(db, actor, festival.id, filters));
  const counts = orForbidden(await countByStatus(db, actor, festival.id, filters));
  const places = orForbidden(await getPlacesOverview(db, actor, festival.id));
  const buildings = orForbidden(await listReviewBuildings(db, actor, festival.id));
  const blocks = orForbidden(await listPerformanceBlocks(db, actor, festival.id));
  const t = await getTranslations("review");
  const tr = await getTranslations("myRegistrations");
  const base = `/dashboard/festivals/${slug}/registrations`;
  const events = places.items.map((i) => ({ id: i.itemId, title: i.title, kind: i.kind }));
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold text-red-deep">{t("titleFor", { title: festival.title })}</h1>
        <div className="flex flex-col items-start gap-1 sm:items-end">
          {/* A file download, not a page: a plain link that carries the filters. */}
          <div className="flex flex-wrap gap-2">
            <a
              href={`${base}/export${filterQuery({ ...filters, page: 1 })}`}
              download
              className={buttonClass("secondary", "sm")}
              aria-describedby="export-hint"
            >
              {t("filters.export")}
            </a>
            <a
              href={`${base}/export${addressQuery({ ...filters, page: 1, format: "xlsx" })}`}
              download
              className={buttonClass("secondary", "sm")}
              aria-describedby="export-hint"
            >
              {t("filters.exportXlsx")}
            </a>
          </div>
          <span id="export-hint" className="text-sm text-muted">
            {t("filters.exportHint", { count: list.total })}
          </span>
        </div>
      </div>
      <FestivalTabs slug={slug} current="registrations" />
      <p className="max-w-4xl text-base">{t("intro")}</p>
      <PlacesPanel slug={slug} places={places} />
      <ReviewFilterForm base={base} filters={filters} events={events} buildings={buildings} />
      <StatusCountsNav base={base} filters={filters} counts={counts} />
      <BulkBar />
      {list.rows.length === 0 ? (
        <p className="text-lg">{t("table.empty")}</p>
      ) : (
        <ReviewTable rows={list.rows} ctx={{ slug, timeZone: festival.timeZone, events, blocks }} />
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
        basePath={base}
        params={{
          q: filters.q,
          role: filters.role,
          status: filters.status,
          item: filters.item,
          building: filters.building,
        }}
      />
      <section aria-labelledby="sheets-title" className="flex max-w-4xl flex-col gap-2 border-t-2 border-line pt-4">
        <h2 id="sheets-title" className="text-2xl font-bold">
          {t("sheets.title")}
        </h2>
        <p className="text-base">{t("sheets.intro")}</p>
        <ul className="flex flex-col gap-1">
          {REGISTRATION_ROLES.map((role) => (
            <li key={role}>
              <Link
                href={`/festivals/${slug}/print/sign-up/${role}`}
                className="text-red-deep underline underline-offset-4"
              >
                {t("sheets.role", { role: tr(`roleLabel.${role}`) })}
              </Link>
              {(role === "athlete" || role === "player") && (
                <ul className="ml-6 flex flex-wrap gap-x-4">
                  {events
                    .filter((e) => e.kind === ITEM_KIND_OF_ROLE[role])
                    .map((e) => (
                      <li key={e.id}>
                        <Link
                          href={`/festivals/${slug}/print/sign-up/${role}?item=${e.id}`}
                          className="text-red-deep underline underline-offset-4"
                        >
                          {t("sheets.item", { title: e.title })}
                        </Link>
                      </li>
                    ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
