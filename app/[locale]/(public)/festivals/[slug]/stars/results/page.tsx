import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { applyLocale } from "@/lib/i18n/locale-params";
import { getStarsFestival, listCategories, publishedWinners } from "@/lib/stars/queries";
import { CandidateCard } from "@/components/stars/candidate-card";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";

// Read per request: results appear the moment organisers publish them, whichever page they
// publish from, and nothing stale is cached in between. (The page reads no session.)
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  await applyLocale(params);
  const t = await getTranslations("stars.results");
  const f = await getStarsFestival(await getDb(), (await params).slug);
  return { title: f ? t("metaTitle", { festival: f.title }) : t("title") };
}

/** The winners of each category once organisers publish them; until then, a plain word that they will be. */
export default async function StarResultsPage({ params }: { params: Params }) {
  await applyLocale(params);
  const { slug } = await params;
  const db = await getDb();
  const festival = await getStarsFestival(db, slug);
  if (!festival) notFound();
  const [winners, categories] = await Promise.all([publishedWinners(db, festival.id), listCategories(db, festival.id)]);
  const t = await getTranslations("stars");
  const format = await getFormatter();

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-lg font-semibold text-gold-ink">{festival.title}</p>
        <h1 className="text-3xl font-black text-red-deep sm:text-4xl">{t("results.title")}</h1>
        {winners && festival.publishedAt && (
          <p className="text-lg text-muted">
            {t("results.publishedOn", {
              date: format.dateTime(festival.publishedAt, {
                year: "numeric",
                month: "long",
                day: "numeric",
                timeZone: festival.timeZone,
              }),
            })}
          </p>
        )}
      </header>

      {!winners ? (
        <Alert tone="info">{t("results.notPublished")}</Alert>
      ) : (
        categories.map((c) => {
          const won = winners.filter((w) => w.categoryId === c.id);
          return (
            <section key={c.id} aria-labelledby={`category-${c.id}`} className="flex flex-col gap-4">
              <div className="border-b-4 border-gold pb-2">
                <h2 id={`category-${c.id}`} className="text-2xl font-bold text-red-deep sm:text-3xl">
                  {c.name}
                </h2>
                {c.description && <p className="mt-1 text-lg">{c.description}</p>}
              </div>
              {won.length === 0 ? (
                <p className="text-lg text-muted">{t("results.none")}</p>
              ) : (
                <ul className="grid gap-4 md:grid-cols-2">
                  {won.map((w) => (
                    <li key={w.id}>
                      <CandidateCard
                        candidate={{
                          id: w.id,
                          name: w.name,
                          building: w.building,
                          stories: w.stories,
                          photoId: w.photoId,
                        }}
                      >
                        <p className="text-lg font-semibold text-gold-ink">{t("results.votes", { count: w.votes })}</p>
                        {w.tieReason && (
                          <p className="rounded-xl bg-gold-soft px-4 py-2 text-lg">
                            {t("results.tie", { reason: w.tieReason })}
                          </p>
                        )}
                        <Link
                          href={`/festivals/${slug}/stars/results/${w.id}/certificate`}
                          className={buttonClass("secondary", "md", "self-start")}
                        >
                          {t("results.certificate")}
                          <span className="sr-only">{t("results.certificateOf", { name: w.name })}</span>
                        </Link>
                      </CandidateCard>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })
      )}

      {festival.voting === "after" && (
        <Link href={`/festivals/${slug}/stars/receipts`} className={buttonClass("secondary", "md", "self-start")}>
          {t("results.receiptsLink")}
        </Link>
      )}
      <Link href={`/festivals/${slug}/stars`} className={buttonClass("ghost", "md", "self-start underline")}>
        {winners ? t("results.back") : t("results.candidatesLink")}
      </Link>
    </div>
  );
}
