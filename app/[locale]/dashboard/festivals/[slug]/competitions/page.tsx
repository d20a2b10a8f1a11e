import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listCompetitionItems } from "@/lib/competitions/admin-queries";
import { getReviewFestival } from "@/lib/registrations/review-queries";
import { Badge, Card } from "@/components/ui/card";
import { FestivalTabs } from "@/components/festivals/festival-tabs";
import { SetupForm } from "@/components/competitions/admin/setup-form";
import { defaultGameFor } from "@/lib/competitions/default-game";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("competitionsAdmin");
  return { title: t("title") };
}

const STATUS_TONE = { setup: "gold", drawn: "gold", locked: "red", finished: "green" } as const;

// Organisers only (the dashboard layout); every action checks the organiser again.
export default async function CompetitionsPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requireOrganiser();
  const { slug } = await params;
  const db = await getDb();
  const festival = orForbidden(await getReviewFestival(db, actor, slug));
  if (!festival) notFound();
  const items = orForbidden(await listCompetitionItems(db, actor, festival.id));
  const t = await getTranslations("competitionsAdmin");
  const format = await getFormatter();
  const when = (d: Date) =>
    format.dateTime(d, {
      timeZone: festival.timeZone,
      month: "numeric",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-3xl font-bold text-red-deep">{t("titleFor", { title: festival.title })}</h1>
      <FestivalTabs slug={slug} current="competitions" />
      <p className="max-w-4xl text-base">{t("intro")}</p>
      {items.length === 0 ? (
        <p>{t("noItems")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {items.map((i) => (
            <li key={i.itemId}>
              <Card aria-labelledby={`item-${i.itemId}`}>
                <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id={`item-${i.itemId}`} className="text-2xl font-bold">
                    {i.competition ? (
                      <Link
                        href={`/dashboard/festivals/${slug}/competitions/${i.itemId}`}
                        className="text-red-deep underline underline-offset-4"
                      >
                        {i.title}
                      </Link>
                    ) : (
                      i.title
                    )}
                  </h2>
                  <p className="text-base text-muted">
                    {t(`kinds.${i.kind}`)} · {when(i.startsAt)} · {t("confirmed", { count: i.confirmed })}
                  </p>
                </div>
                {i.competition ? (
                  <div className="flex flex-wrap items-center gap-3 text-lg">
                    <Badge tone={STATUS_TONE[i.competition.status]}>{t(`statuses.${i.competition.status}`)}</Badge>
                    <span>
                      {t(`setup.formats.${i.competition.format}`)} · {t(`setup.games.${i.competition.game}`)} ·{" "}
                      {t(`setup.entrantKinds.${i.competition.entrantKind}`)}
                    </span>
                    <span>{t("entrantCount", { count: i.competition.entrants, here: i.competition.checkedIn })}</span>
                    <Link
                      href={`/dashboard/festivals/${slug}/competitions/${i.itemId}`}
                      aria-label={t("runName", { title: i.title })}
                      className="inline-flex min-h-11 items-center rounded-xl border-2 border-red-brand px-4 font-semibold text-red-deep hover:bg-red-soft"
                    >
                      {t("run")}
                    </Link>
                  </div>
                ) : (
                  <details>
                    <summary className="inline-flex min-h-11 cursor-pointer items-center text-lg font-semibold text-red-deep underline underline-offset-4">
                      {t("setUpName", { title: i.title })}
                    </summary>
                    <div className="mt-3">
                      <SetupForm
                        itemId={i.itemId}
                        title={i.title}
                        current={null}
                        defaultGame={defaultGameFor(i.title, i.kind)}
                      />
                    </div>
                  </details>
                )}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
