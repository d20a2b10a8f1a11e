import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { getMyHours } from "@/lib/hours/my-queries";
import { hoursOf } from "@/lib/hours/format";
import { communityToday } from "@/lib/posts/service";
import { parseYear } from "@/lib/points/year";
import { HOUR_KINDS } from "@/vocabulary/hours";
import { festivalDay } from "@/components/ui/format";
import { YearTabs } from "@/components/points/points-parts";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("hours.me");
  return { title: t("title") };
}

/** The hours passbook: each service with its hours, the year's total and all years'. */
export default async function MyHoursPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/me/hours");
  const thisYear = Number(communityToday().slice(0, 4));
  const year = parseYear((await searchParams).year) || thisYear;
  const hours = await getMyHours(await getDb(), actor, year);
  const t = await getTranslations("hours");
  const format = await getFormatter();
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-bold text-red-deep">{t("me.title")}</h1>
      <p className="text-lg">{t("me.intro")}</p>
      <Card aria-labelledby="hours-total">
        <h2 id="hours-total" className="sr-only">
          {t("me.totals")}
        </h2>
        <YearTabs years={hours.years} current={year} href={(y) => `/me/hours?year=${y}`} />
        <dl className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2">
          <div className="rounded-xl bg-gold-soft p-4">
            <dt className="text-lg">{t("me.yearTotal", { year })}</dt>
            <dd className="text-4xl font-black text-red-deep">
              {t("hoursValue", { hours: hoursOf(hours.yearMinutes) })}
            </dd>
          </div>
          <div className="rounded-xl bg-stone-100 p-4">
            <dt className="text-lg">{t("me.allTotal")}</dt>
            <dd className="text-4xl font-black">{t("hoursValue", { hours: hoursOf(hours.allMinutes) })}</dd>
          </div>
        </dl>
        {hours.yearMinutes > 0 && (
          <>
            <ul className="mt-4 flex flex-wrap gap-x-5 gap-y-1 text-lg">
              {HOUR_KINDS.filter((k) => hours.byKind[k] > 0).map((k) => (
                <li key={k}>{t("kindLine", { kind: t(`kinds.${k}`), hours: hoursOf(hours.byKind[k]) })}</li>
              ))}
            </ul>
            <Link href={`/hours/certificate?year=${year}`} className={buttonClass("primary", "lg", "mt-5")}>
              {t("me.certificate", { year })}
            </Link>
          </>
        )}
      </Card>
      <Card aria-labelledby="hours-entries">
        <h2 id="hours-entries" className="mb-3 text-2xl font-bold">
          {t("me.entriesTitle", { year })}
        </h2>
        {hours.entries.length === 0 ? (
          <p className="text-lg">{t("me.none")}</p>
        ) : (
          <ol className="flex flex-col divide-y divide-line">
            {hours.entries.map((e) => (
              <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
                <span className="flex flex-col">
                  <span className="text-lg font-semibold">
                    {t(`kinds.${e.kind}`)}
                    {e.postName ? ` · ${e.postName}` : ""}
                  </span>
                  <span className="text-base text-muted">
                    {format.dateTime(festivalDay(e.servedOn), { month: "long", day: "numeric", weekday: "short" })}
                    {e.note ? ` · ${e.note}` : ""}
                  </span>
                </span>
                <span className="text-xl font-bold">{t("hoursValue", { hours: hoursOf(e.minutes) })}</span>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
