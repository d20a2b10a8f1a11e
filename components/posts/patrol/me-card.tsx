import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** On /me, for a member of a red post: today's patrol first, then the way to their posts. */
export async function MyPostsCard({
  glance,
}: {
  glance: { places: number; today: { leads: boolean; startsAt: string; started: boolean; ended: boolean } | null };
}) {
  const t = await getTranslations("patrol.meCard");
  const today = glance.today;
  return (
    <Card aria-labelledby="my-posts-title" className={today && !today.ended ? "border-2 border-red-brand" : ""}>
      <h2 id="my-posts-title" className="text-2xl font-bold">
        {t("title")}
      </h2>
      <p className="mt-2 text-lg">
        {!today
          ? t("text")
          : today.ended
            ? t("todayEnded")
            : today.started
              ? t("todayWalking")
              : today.leads
                ? t("todayLead", { time: today.startsAt })
                : t("todayWalk", { time: today.startsAt })}
      </p>
      <Link href="/me/posts" className={buttonClass("primary", today && !today.ended ? "lg" : "md", "mt-4")}>
        {today && today.leads && !today.ended ? t("toToday") : t("link")}
      </Link>
    </Card>
  );
}
