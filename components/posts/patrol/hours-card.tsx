import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { hoursOf } from "@/lib/hours/format";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** On /me, for anyone with service hours: the total, and the way to the passbook. */
export async function MyHoursCard({ minutes }: { minutes: number }) {
  const t = await getTranslations("hours");
  return (
    <Card aria-labelledby="my-hours-title">
      <h2 id="my-hours-title" className="text-2xl font-bold">
        {t("me.title")}
      </h2>
      <p className="mt-2 text-lg">{t("me.cardText", { hours: hoursOf(minutes) })}</p>
      <Link href="/me/hours" className={buttonClass("secondary", "md", "mt-4")}>
        {t("me.link")}
      </Link>
    </Card>
  );
}
