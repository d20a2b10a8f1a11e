import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { applyLocale } from "@/lib/i18n/locale-params";
import { hoursOf } from "@/lib/hours/format";
import { getMyHours } from "@/lib/hours/my-queries";
import { parseYear } from "@/lib/points/year";
import { HOUR_KINDS } from "@/vocabulary/hours";
import { PrintButton } from "@/components/ui/print-button";
import { LocaleSwitch } from "@/components/shell/locale-switch";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("hours.certificate");
  return { title: t("title") };
}

/** A resident's hours certificate for a year, on one A4 sheet: what they served and for how long. */
export default async function HoursCertificatePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ year?: string }>;
}) {
  await applyLocale(params);
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/me/hours");
  const year = parseYear((await searchParams).year);
  const hours = await getMyHours(await getDb(), actor, year);
  const t = await getTranslations("hours");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const services = hours.entries.length;
  return (
    <>
      <style>{`@page { size: A4 landscape; margin: 16mm; }`}</style>
      <div className="no-print mb-6 flex flex-wrap items-center gap-3">
        <Link
          href={`/me/hours?year=${year}`}
          className="text-lg font-semibold text-red-deep underline underline-offset-4"
        >
          {t("certificate.back")}
        </Link>
        <PrintButton label={tc("print")} />
        <LocaleSwitch tone="dark" />
      </div>
      <article className="flex flex-col items-center gap-5 rounded-3xl border-[10px] border-double border-red-brand px-8 py-10 text-center">
        <p className="text-xl font-semibold tracking-widest text-gold-ink">{t("certificate.club")}</p>
        <h1 className="text-5xl font-black text-red-deep">{t("certificate.heading")}</h1>
        {hours.yearMinutes === 0 ? (
          <p className="text-2xl">{t("certificate.none", { year })}</p>
        ) : (
          <>
            <p className="max-w-3xl text-2xl leading-relaxed">
              {t("certificate.body", {
                name: actor.name,
                year,
                services,
                hours: hoursOf(hours.yearMinutes),
              })}
            </p>
            <ul className="flex flex-wrap justify-center gap-x-6 gap-y-1 text-xl">
              {HOUR_KINDS.filter((k) => hours.byKind[k] > 0).map((k) => (
                <li key={k}>{t("kindLine", { kind: t(`kinds.${k}`), hours: hoursOf(hours.byKind[k]) })}</li>
              ))}
            </ul>
            <p className="text-xl">{t("certificate.thanks")}</p>
          </>
        )}
        <p className="mt-4 self-end text-lg">
          {t("certificate.issuer")}
          <br />
          {format.dateTime(new Date(), { year: "numeric", month: "long", day: "numeric" })}
        </p>
      </article>
    </>
  );
}
