import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getStarsAdminFestival, publishPreview } from "@/lib/stars/admin-queries";
import { publishedWinners } from "@/lib/stars/queries";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PublishForm } from "@/components/stars/admin/publish-form";
import { PublishedWinners } from "@/components/stars/admin/published-winners";
import { FestivalTabs } from "@/components/festivals/festival-tabs";
import { StarsHeader, windowFormatter } from "@/components/stars/admin/stars-header";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("starsAdmin");
  return { title: t("publish.title") };
}

// Organisers only (the dashboard layout); the service refuses anyone else, and before voting closes.
export default async function StarPublishPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requireOrganiser();
  const { slug } = await params;
  const db = await getDb();
  const festival = orForbidden(await getStarsAdminFestival(db, actor, slug));
  if (!festival) notFound();
  const t = await getTranslations("starsAdmin");
  const when = windowFormatter(await getFormatter(), festival.timeZone);
  const results = `/festivals/${slug}/stars/results`;
  let body: React.ReactNode;
  if (festival.publishedAt) {
    const winners = (await publishedWinners(db, festival.id)) ?? [];
    body = (
      <>
        <Alert tone="success">{t("publish.published", { at: when.at(festival.publishedAt) })}</Alert>
        {festival.status !== "draft" && (
          <div>
            <Link href={results} className={buttonClass("secondary", "sm")}>
              {t("publish.publicPage")}
            </Link>
          </div>
        )}
        <PublishedWinners winners={winners} />
      </>
    );
  } else if (festival.voting !== "after") {
    body = (
      <Alert>
        {festival.voting === "unset" ? (
          <>
            {t("publish.noWindow")}{" "}
            <Link href={`/dashboard/festivals/${slug}`} className="font-semibold underline underline-offset-4">
              {t("phase.toSettings")}
            </Link>
          </>
        ) : (
          <>
            {t("publish.notYet", { closes: when.at(festival.votingClosesAt!) })}{" "}
            <Link
              href={`/dashboard/festivals/${slug}/stars/tally`}
              className="font-semibold underline underline-offset-4"
            >
              {t("publish.toTally")}
            </Link>
          </>
        )}
      </Alert>
    );
  } else {
    body = (
      <Card>
        <PublishForm slug={slug} preview={orForbidden(await publishPreview(db, actor, festival.id))} />
      </Card>
    );
  }
  return (
    <div className="flex flex-col gap-5">
      <StarsHeader
        festival={festival}
        current="publish"
        title={t("publish.title")}
        tabs={<FestivalTabs slug={festival.slug} current="stars" />}
      />
      <p className="max-w-4xl text-base">{t("publish.intro")}</p>
      {body}
    </div>
  );
}
