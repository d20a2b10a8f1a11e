import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { MyPointEntry } from "@/lib/points/queries";
import type { PointRuleRow } from "@/lib/points/rules";
import type { ServicePointKind } from "@/vocabulary/points";
import { getRuleWords } from "@/components/ui/rule-words";

const EARN_LINES: [ServicePointKind, string][] = [
  ["wish_fulfilled", "ruleWish"],
  ["shift_served", "ruleShift"],
  ["patrol", "rulePatrol"],
  ["culture_session", "ruleCulture"],
  ["training", "ruleTraining"],
];

/** How points are earned and spent, in plain words: the rules as the organisers set them. */
export async function PointsRules({
  rules,
  headingLevel = 2,
}: {
  rules: Record<ServicePointKind, PointRuleRow>;
  headingLevel?: 2 | 3;
}) {
  const t = await getTranslations("points");
  const words = await getRuleWords();
  const H = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="points-rules" className="rounded-xl border border-gold/40 bg-gold-soft/60 p-4">
      <H id="points-rules" className="text-xl font-bold">
        {t("rulesTitle")}
      </H>
      <ul className="mt-2 flex list-disc flex-col gap-1 pl-6">
        {EARN_LINES.map(([kind, line]) => (
          <li key={kind}>{t(line, { rule: words(rules[kind]) })}</li>
        ))}
        <li>{t("ruleManual")}</li>
        <li>{t("ruleRedeem")}</li>
        <li>{t("ruleYear")}</li>
      </ul>
    </section>
  );
}

/** A volunteer's entries: what each was for, the rule behind it, and the points, newest first. */
export async function PointEntryList({ entries }: { entries: MyPointEntry[] }) {
  const t = await getTranslations("points");
  const format = await getFormatter();
  const words = await getRuleWords();
  return (
    <ul className="flex flex-col divide-y divide-line">
      {entries.map((e) => (
        <li key={e.id} className="flex flex-wrap items-start justify-between gap-x-4 py-3">
          <div className="min-w-0 flex-[1_1_10rem]">
            <p className="text-lg font-semibold">
              {e.about ? t("entryTitle", { kind: t(`kind_${e.kind}`), about: e.about }) : t(`kind_${e.kind}`)}
            </p>
            <p className="text-muted">
              {e.kind === "manual" || e.kind === "redemption"
                ? t(`rule_${e.kind}`)
                : t(`rule_${e.kind}`, { rule: e.rule ? words(e.rule) : t("delta", { sign: "+", points: e.points }) })}
            </p>
            <p className="text-muted">
              <time dateTime={e.createdAt.toISOString()}>
                {format.dateTime(e.createdAt, { year: "numeric", month: "long", day: "numeric" })}
              </time>
            </p>
          </div>
          <p className={`shrink-0 text-xl font-bold ${e.points < 0 ? "text-muted" : "text-green-ink"}`}>
            {t("delta", { sign: e.points < 0 ? "−" : "+", points: Math.abs(e.points) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Links to other years, the shown one marked as current; a plain list so it works without script. */
export async function YearTabs({
  years,
  current,
  href,
}: {
  years: number[];
  current: number;
  href: (year: number) => string;
}) {
  const t = await getTranslations("points");
  if (years.length < 2) return null;
  return (
    <nav aria-label={t("years")}>
      <ul className="flex flex-wrap gap-2">
        {years.map((y) => (
          <li key={y}>
            <Link
              href={href(y)}
              aria-current={y === current ? "page" : undefined}
              className={`inline-flex min-h-11 items-center rounded-full border-2 px-4 text-lg font-semibold ${y === current ? "border-red-brand bg-red-brand text-white" : "border-line bg-white text-ink hover:border-red-brand"}`}
            >
              {t("yearTab", { year: y })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
