import { getTranslations } from "next-intl/server";
import { currentYear } from "@/lib/points/year";

const step =
  "inline-flex min-h-11 items-center rounded-full border-2 border-line bg-white px-4 text-base font-semibold hover:bg-gold-soft";

/**
 * The year shown, with the years before it and after it (never past this year). Plain links: a
 * full load reads the year's figures afresh.
 */
export async function YearNav({ base, year }: { base: string; year: number }) {
  const t = await getTranslations("postPoints.years");
  const latest = currentYear();
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center gap-3">
      {year > 2000 && (
        <a href={`${base}?year=${year - 1}`} className={step}>
          {t("previous", { year: year - 1 })}
        </a>
      )}
      <span className="text-2xl font-bold tabular-nums" aria-current="page">
        {t("year", { year })}
      </span>
      {year < latest && (
        <a href={`${base}?year=${year + 1}`} className={step}>
          {t("next", { year: year + 1 })}
        </a>
      )}
    </nav>
  );
}
