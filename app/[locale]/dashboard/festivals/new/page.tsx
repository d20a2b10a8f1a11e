import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listFestivals } from "@/lib/festivals/dashboard-queries";
import { FestivalForm } from "@/components/festivals/festival-form";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("festivals");
  return { title: t("newTitle") };
}

export default async function NewFestivalPage() {
  const actor = await requireOrganiser();
  const t = await getTranslations("festivals");
  const festivals = orForbidden(await listFestivals(await getDb(), actor));
  const latest = festivals[0];
  return (
    <div className="flex max-w-3xl flex-col gap-5">
      <h1 className="text-3xl font-bold text-red-deep">{t("newTitle")}</h1>
      <p className="text-lg">{t("newIntro")}</p>
      <FestivalForm
        mode="create"
        sources={festivals.map((f) => ({ slug: f.slug, title: f.title }))}
        initial={{
          slug: latest ? `meihu-${latest.edition + 1}` : "",
          title: "",
          edition: latest ? latest.edition + 1 : 1,
          theme: "",
          startsOn: "",
          endsOn: "",
          timeZone: "Asia/Shanghai",
          actMaxMinutes: 10,
          registrationNeedsHousehold: true,
          registrationOpensAt: "",
          registrationClosesAt: "",
          nominationOpensAt: "",
          nominationClosesAt: "",
          votingOpensAt: "",
          votingClosesAt: "",
        }}
      />
    </div>
  );
}
