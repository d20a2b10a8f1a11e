import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { festivalMatchSlots } from "@/lib/competitions/schedule-service";
import { getBuilderData } from "@/lib/festivals/dashboard-queries";
import { ProgrammeBuilder } from "@/components/festivals/builder/programme-builder";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { FestivalTabs } from "@/components/festivals/festival-tabs";

export async function generateMetadata() {
  const t = await getTranslations("festivals");
  return { title: t("programme") };
}

export default async function ProgrammeBuilderPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requireOrganiser();
  const { slug } = await params;
  // The programme and the competitions' timed matches, read side by side: festivals do not depend
  // on competitions, competitions depend on festivals.
  const db = await getDb();
  const [result, slots] = await Promise.all([getBuilderData(db, actor, slug), festivalMatchSlots(db, actor, slug)]);
  const data = orForbidden(result);
  const matches = orForbidden(slots);
  if (!data) notFound();
  const t = await getTranslations();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold text-red-deep">{t("builder.title", { title: data.festival.title })}</h1>
      <FestivalTabs slug={slug} current="programme" />
      <p className="max-w-4xl text-base">{t("builder.intro")}</p>
      <ProgrammeBuilder data={data} matches={matches} key={data.lastPublishedAt ?? "never"} />
    </div>
  );
}
