import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { vettingFilterSchema } from "@/lib/stars/admin-forms";
import {
  countVetting,
  getStarsAdminFestival,
  listCategoriesForAdmin,
  listMergeCandidates,
  listVetting,
} from "@/lib/stars/admin-queries";
import { Alert } from "@/components/ui/alert";
import { Pagination } from "@/components/ui/pagination";
import { FestivalTabs } from "@/components/festivals/festival-tabs";
import { StarsHeader } from "@/components/stars/admin/stars-header";
import { VettingBulkBar } from "@/components/stars/admin/vetting-bulk-bar";
import { VettingFilterForm, VettingStatusNav } from "@/components/stars/admin/vetting-filters";
import { VettingTable } from "@/components/stars/admin/vetting-table";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("starsAdmin");
  return { title: t("vetting.title") };
}

// Organisers only: the dashboard layout shows anyone else a refusal, and every action checks again.
export default async function StarNominationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireOrganiser();
  const { slug } = await params;
  const db = await getDb();
  const festival = orForbidden(await getStarsAdminFestival(db, actor, slug));
  if (!festival) notFound();
  const filters = vettingFilterSchema.parse(await searchParams);
  const [list, counts, categories, mergeCandidates] = await Promise.all([
    listVetting(db, actor, festival.id, filters).then(orForbidden),
    countVetting(db, actor, festival.id, filters.category).then(orForbidden),
    listCategoriesForAdmin(db, actor, festival.id).then(orForbidden),
    listMergeCandidates(db, actor, festival.id).then(orForbidden),
  ]);
  const t = await getTranslations("starsAdmin");
  const base = `/dashboard/festivals/${slug}/stars/nominations`;
  return (
    <div className="flex flex-col gap-5">
      <StarsHeader
        festival={festival}
        current="nominations"
        title={t("vetting.title")}
        tabs={<FestivalTabs slug={festival.slug} current="stars" />}
      />
      <p className="max-w-4xl text-base">{t("vetting.intro")}</p>
      {festival.rulesLocked && <Alert>{t("vetting.locked")}</Alert>}
      <VettingFilterForm base={base} filters={filters} categories={categories} />
      <VettingStatusNav base={base} filters={filters} counts={counts} />
      {!festival.rulesLocked && <VettingBulkBar slug={slug} />}
      {list.rows.length === 0 ? (
        <p className="text-lg">{t("vetting.empty")}</p>
      ) : (
        <VettingTable
          slug={slug}
          rows={list.rows}
          mergeCandidates={mergeCandidates}
          locked={festival.rulesLocked}
          timeZone={festival.timeZone}
        />
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
        basePath={base}
        params={{ status: filters.status, category: filters.category }}
      />
    </div>
  );
}
