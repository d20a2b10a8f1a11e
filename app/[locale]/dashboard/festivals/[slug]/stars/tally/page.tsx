import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getStarsAdminFestival } from "@/lib/stars/admin-queries";
import { liveTally } from "@/lib/stars/queries";
import { AutoRefresh } from "@/components/festivals/auto-refresh";
import { FestivalTabs } from "@/components/festivals/festival-tabs";
import { StarsHeader, windowFormatter } from "@/components/stars/admin/stars-header";
import { TallyView } from "@/components/stars/admin/tally-view";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("starsAdmin");
  return { title: t("tally.title") };
}

const REFRESH_SECONDS = 30;

// Organisers only (the dashboard layout). Counts only: the tally never links a voter to a choice.
export default async function StarTallyPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requireOrganiser();
  const { slug } = await params;
  const db = await getDb();
  const now = new Date();
  const festival = orForbidden(await getStarsAdminFestival(db, actor, slug, now));
  if (!festival) notFound();
  const tally = orForbidden(await liveTally(db, actor, festival.id));
  const t = await getTranslations("starsAdmin");
  const format = await getFormatter();
  const when = windowFormatter(format, festival.timeZone);
  const live = festival.voting === "open";
  const state =
    festival.voting === "open"
      ? t("tally.open", { closes: when.at(festival.votingClosesAt!), seconds: REFRESH_SECONDS })
      : festival.voting === "before"
        ? t("tally.before", { opens: when.at(festival.votingOpensAt!) })
        : festival.voting === "after"
          ? t("tally.after", { closed: when.at(festival.votingClosesAt!) })
          : t("tally.unset");
  return (
    <div className="flex flex-col gap-5">
      <StarsHeader
        festival={festival}
        current="tally"
        title={t("tally.title")}
        tabs={<FestivalTabs slug={festival.slug} current="stars" />}
      />
      {live && <AutoRefresh seconds={REFRESH_SECONDS} />}
      <div className="flex flex-col gap-1">
        <p className="max-w-4xl text-base">{state}</p>
        <p className="text-sm text-muted tabular-nums">
          {t("tally.asOf", {
            at: format.dateTime(now, {
              hour: "2-digit",
              minute: "2-digit",
              second: "2-digit",
              hourCycle: "h23",
              timeZone: festival.timeZone,
            }),
          })}
        </p>
        <p className="max-w-4xl text-sm text-muted">{t("tally.secrecy")}</p>
      </div>
      <TallyView tally={tally} timeZone={festival.timeZone} />
    </div>
  );
}
