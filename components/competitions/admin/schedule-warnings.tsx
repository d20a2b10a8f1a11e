import { getFormatter, getTranslations } from "next-intl/server";
import type { ScheduleWarning } from "@/lib/competitions/schedule-service";

const DASH = "\u2013";

/** Who would be in two places at once, and rounds outside the item's time: warnings, not refusals. */
export async function ScheduleWarnings({ warnings, timeZone }: { warnings: ScheduleWarning[]; timeZone: string }) {
  const t = await getTranslations("competitionsAdmin.schedule");
  const format = await getFormatter();
  const hours = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone } as const;
  const span = (a: Date, b: Date) =>
    `${format.dateTime(a, { month: "long", day: "numeric", timeZone })} ${format.dateTime(a, hours)}${DASH}${format.dateTime(b, hours)}`;
  if (!warnings.length) return <p className="text-lg font-semibold text-green-ink">{t("noClashes")}</p>;
  return (
    <section aria-labelledby="clashes-title" className="rounded-xl border-l-4 border-gold bg-gold-soft px-4 py-3">
      <h3 id="clashes-title" className="text-lg font-bold">
        {t("clashes", { count: warnings.length })}
      </h3>
      <ul className="mt-2 flex list-disc flex-col gap-1 pl-5 text-base">
        {warnings.map((w, i) => {
          const match = t("matchAt", { round: w.round, table: w.table ?? "", when: span(w.startsAt, w.endsAt) });
          if (w.kind === "outside_item") return <li key={i}>{t("outsideItem", { match })}</li>;
          const other = w.other
            ? w.other.round !== null
              ? t("otherRound", { title: w.other.title, round: w.other.round })
              : w.other.title
            : "";
          return (
            <li key={i}>
              {t("personClash", {
                person: w.person ?? "",
                match,
                other,
                when: w.other ? span(w.other.startsAt, w.other.endsAt) : "",
              })}
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-base">{t("clashesHint")}</p>
    </section>
  );
}
