import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getStarsAdminFestival, listCategoriesForAdmin } from "@/lib/stars/admin-queries";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { CategoryEditor, NewCategoryForm } from "@/components/stars/admin/category-forms";
import { CategoryTable } from "@/components/stars/admin/category-table";
import { FestivalTabs } from "@/components/festivals/festival-tabs";
import { StarsHeader, windowFormatter } from "@/components/stars/admin/stars-header";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("starsAdmin");
  return { title: t("categories.title") };
}

// Organisers only: the dashboard layout shows anyone else a refusal, and every action checks again.
export default async function StarCategoriesPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requireOrganiser();
  const { slug } = await params;
  const db = await getDb();
  const festival = orForbidden(await getStarsAdminFestival(db, actor, slug));
  if (!festival) notFound();
  const categories = orForbidden(await listCategoriesForAdmin(db, actor, festival.id));
  const t = await getTranslations("starsAdmin");
  const tp = await getTranslations("paperBallot");
  const when = windowFormatter(await getFormatter(), festival.timeZone);
  return (
    <div className="flex flex-col gap-5">
      <StarsHeader
        festival={festival}
        current="categories"
        title={t("categories.title")}
        tabs={<FestivalTabs slug={festival.slug} current="stars" />}
      />
      <p className="max-w-4xl text-base">{t("categories.intro")}</p>
      {festival.rulesLocked ? (
        <>
          <Alert>{t("categories.locked", { at: when.at(festival.votingOpensAt!) })}</Alert>
          {categories.length === 0 ? (
            <p className="text-lg">{t("categories.none")}</p>
          ) : (
            <CategoryTable categories={categories} />
          )}
        </>
      ) : (
        <Card aria-labelledby="categories-title" className="flex flex-col gap-4">
          <h2 id="categories-title" className="text-2xl font-bold">
            {t("categories.list", { count: categories.length })}
          </h2>
          {festival.votingOpensAt && (
            <p className="text-base text-muted">{t("categories.locksAt", { at: when.at(festival.votingOpensAt) })}</p>
          )}
          {categories.length === 0 && <p className="text-lg">{t("categories.none")}</p>}
          {categories.map((c) => (
            <CategoryEditor key={c.id} slug={slug} category={c} />
          ))}
          <NewCategoryForm slug={slug} />
        </Card>
      )}
      {categories.length > 0 && (
        <Card aria-labelledby="paper-ballots-title" className="flex max-w-4xl flex-col gap-3">
          <h2 id="paper-ballots-title" className="text-2xl font-bold">
            {tp("printBallots")}
          </h2>
          <p className="text-base">{tp("printBallotsIntro")}</p>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {categories.map((c) => (
              <li key={c.id}>
                <Link
                  href={`/festivals/${slug}/stars/print/ballot/${c.id}`}
                  className="text-lg text-red-deep underline underline-offset-4"
                >
                  {tp("printBallotOf", { category: c.name })}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
