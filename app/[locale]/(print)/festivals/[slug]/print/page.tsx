import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getPublicProgramme } from "@/lib/festivals/queries";
import { applyLocale } from "@/lib/i18n/locale-params";
import { itemsOfDay } from "@/lib/festivals/programme-view";
import { festivalDays } from "@/lib/festivals/time";
import { festivalDay } from "@/components/ui/format";
import { ProgrammeList } from "@/components/festivals/programme-list";
import { PrintButton } from "@/components/ui/print-button";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { SeniorSwitch } from "@/components/shell/senior-switch";

export const revalidate = false;
export function generateStaticParams() {
  return [];
}

/** The published programme on A4: a page a day. */
export default async function PrintProgramme({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  await applyLocale(params);
  const { slug } = await params;
  const data = await getPublicProgramme(await getDb(), slug);
  if (!data) notFound();
  const t = await getTranslations("programme");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const { festival } = data;
  return (
    <>
      <style>{`@page { size: A4; margin: 14mm; } @media print { .day-page { break-after: page; } .day-page:last-child { break-after: auto; } }`}</style>
      <div className="no-print mb-6 flex flex-wrap items-center gap-3">
        <Link href={`/festivals/${slug}`} className="text-lg font-semibold text-red-deep underline underline-offset-4">
          {t("back")}
        </Link>
        <PrintButton label={tc("print")} />
        <SeniorSwitch tone="dark" />
        <LocaleSwitch tone="dark" />
      </div>
      <h1 className="sr-only">{t("printTitle", { title: festival.title })}</h1>
      {festivalDays(festival).map((day) => (
        <section key={day} className="day-page mb-10" aria-labelledby={`day-${day}`}>
          <header className="mb-4 border-b-4 border-red-brand pb-2">
            <p className="text-lg font-semibold text-gold-ink">{festival.title}</p>
            <h2 id={`day-${day}`} className="text-3xl font-black text-red-deep">
              {format.dateTime(festivalDay(day), {
                year: "numeric",
                month: "long",
                day: "numeric",
                weekday: "long",
                timeZone: festival.timeZone,
              })}
            </h2>
          </header>
          <ProgrammeList
            slug={slug}
            items={itemsOfDay(data.items, day, festival.timeZone)}
            venues={data.venues}
            timeZone={festival.timeZone}
            links={false}
          />
          {data.publishedAt && (
            <p className="mt-4 text-base text-muted">
              {t("lastUpdated", {
                time: format.dateTime(data.publishedAt, {
                  year: "numeric",
                  month: "long",
                  day: "numeric",
                  hour: "2-digit",
                  minute: "2-digit",
                  hourCycle: "h23",
                  timeZone: festival.timeZone,
                }),
              })}
            </p>
          )}
        </section>
      ))}
    </>
  );
}
