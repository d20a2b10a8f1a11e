import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { StarsAdminFestival } from "@/lib/stars/admin-queries";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/card";
import { StarsNav, type StarsPage } from "./stars-nav";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** "1月8日 09:00 – 1月20日 09:00" in the festival's zone. */
export function windowFormatter(format: Formatter, timeZone: string) {
  const opts = {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  } as const;
  return {
    at: (d: Date) => format.dateTime(d, { year: "numeric", ...opts }),
    span: (a: Date, b: Date) => format.dateTimeRange(a, b, { year: "numeric", ...opts }),
  };
}

const TONE = { before: "grey", open: "green", after: "gold", unset: "grey" } as const;

/**
 * The top of every Neighbourhood Star page: its title, the festival's tabs (the page passes them,
 * as every festival page renders its own), the four steps, and where the nomination and voting
 * windows stand.
 */
export async function StarsHeader({
  festival,
  current,
  title,
  tabs,
}: {
  festival: StarsAdminFestival;
  current: StarsPage;
  title: string;
  tabs: ReactNode;
}) {
  const t = await getTranslations("starsAdmin");
  const when = windowFormatter(await getFormatter(), festival.timeZone);
  const windows = [
    {
      key: "nomination",
      phase: festival.nomination,
      opens: festival.nominationOpensAt,
      closes: festival.nominationClosesAt,
    },
    { key: "voting", phase: festival.voting, opens: festival.votingOpensAt, closes: festival.votingClosesAt },
  ] as const;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold text-red-deep">{t("titleFor", { page: title, title: festival.title })}</h1>
      {tabs}
      <StarsNav slug={festival.slug} current={current} />
      <dl className="grid gap-3 rounded-xl border border-line bg-white p-4 md:grid-cols-3">
        {windows.map((w) => (
          <div key={w.key} className="flex flex-col gap-1">
            <dt className="text-base font-semibold">{t(`phase.${w.key}`)}</dt>
            <dd className="flex flex-col items-start gap-1">
              <Badge tone={TONE[w.phase]}>{t(`phase.${w.phase}`)}</Badge>
              <span className="text-base tabular-nums">
                {w.opens && w.closes ? when.span(w.opens, w.closes) : t("phase.notSet")}
              </span>
            </dd>
          </div>
        ))}
        <div className="flex flex-col gap-1">
          <dt className="text-base font-semibold">{t("phase.results")}</dt>
          <dd className="flex flex-col items-start gap-1">
            <Badge tone={festival.publishedAt ? "green" : "grey"}>
              {festival.publishedAt ? t("phase.published") : t("phase.notPublished")}
            </Badge>
            {festival.publishedAt && <span className="text-base tabular-nums">{when.at(festival.publishedAt)}</span>}
          </dd>
        </div>
      </dl>
      {(festival.voting === "unset" || festival.nomination === "unset") && (
        <p className="text-base">
          {t("phase.setWindows")}{" "}
          <Link
            href={`/dashboard/festivals/${festival.slug}`}
            className="font-semibold text-red-deep underline underline-offset-4"
          >
            {t("phase.toSettings")}
          </Link>
        </p>
      )}
    </div>
  );
}
