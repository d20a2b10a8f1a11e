import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { PublishedVenue } from "@/db/schema";
import type { ViewItem } from "@/lib/festivals/programme-view";
import { Badge } from "@/components/ui/card";

/** One day's programme in time order; blocks list their acts. Large type for elderly readers. */
export async function ProgrammeList({
  slug,
  items,
  venues,
  timeZone,
  links = true,
}: {
  slug: string;
  items: ViewItem[];
  venues: PublishedVenue[];
  timeZone: string;
  links?: boolean;
}) {
  const t = await getTranslations("programme");
  const format = await getFormatter();
  const time = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  const venueName = new Map(venues.map((v) => [v.id, v.name]));
  return (
    <ol className="flex flex-col gap-3">
      {items.map((i) => (
        <li
          key={i.id}
          data-kind={i.kind}
          className="rounded-xl border border-line border-l-4 border-l-red-brand bg-white p-[16px] break-inside-avoid"
        >
          <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
            <p className="text-xl font-bold text-red-deep tabular-nums">
              {t("timeRange", { start: time(i.startsAt), end: time(i.endsAt) })}
            </p>
            <h3 className="text-xl font-bold">
              {links ? (
                <Link
                  href={`/festivals/${slug}/items/${i.id}`}
                  className="underline decoration-gold decoration-2 underline-offset-4 hover:text-red-deep"
                >
                  {i.title}
                </Link>
              ) : (
                i.title
              )}
            </h3>
          </div>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-lg text-muted">
            <Badge>{t(`kinds.${i.kind}`)}</Badge>
            {i.venueId && <span>{venueName.get(i.venueId)}</span>}
          </p>
          {i.acts.length > 0 && (
            <ActList
              acts={i.acts}
              time={time}
              label={t("runningOrder")}
              className="mt-3 gap-1 border-t border-line pt-2"
            />
          )}
        </li>
      ))}
    </ol>
  );
}

/** The same day arranged by venue: a column per venue on a wide screen, one after another on a phone. */
export async function ProgrammeByVenue({
  slug,
  items,
  venues,
  timeZone,
}: {
  slug: string;
  items: ViewItem[];
  venues: PublishedVenue[];
  timeZone: string;
}) {
  const t = await getTranslations("programme");
  const format = await getFormatter();
  const time = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4">
      {venues.map((v) => {
        const here = items.filter((i) => i.venueId === v.id);
        return (
          <div key={v.id} className="rounded-xl border border-line bg-white">
            <h4 className="rounded-t-xl bg-gold-soft px-4 py-2 text-xl font-bold">{v.name}</h4>
            <ol className="flex flex-col divide-y divide-line">
              {here.length === 0 && <li className="px-4 py-3 text-muted">—</li>}
              {here.map((i) => (
                <li key={i.id} data-kind={i.kind} className="px-4 py-3">
                  <p className="font-bold text-red-deep tabular-nums">
                    {t("timeRange", { start: time(i.startsAt), end: time(i.endsAt) })}
                  </p>
                  <Link
                    href={`/festivals/${slug}/items/${i.id}`}
                    className="text-lg font-semibold underline decoration-gold decoration-2 underline-offset-4"
                  >
                    {i.title}
                  </Link>
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </div>
  );
}

/** A performance block's running order: number, start time, act and performers. */
export function ActList({
  acts,
  time,
  label,
  className = "",
}: {
  acts: { id: string; title: string; people: string[]; startsAt: Date }[];
  time: (d: Date) => string;
  label?: string;
  className?: string;
}) {
  return (
    <ol className={`flex flex-col text-lg ${className}`} aria-label={label}>
      {acts.map((a, n) => (
        <li key={a.id} className="flex flex-wrap gap-x-3">
          <span className="shrink-0 text-muted tabular-nums">
            {n + 1}. {time(a.startsAt)}
          </span>
          {/* Beside the time while a line holds eight characters; under it when the text is large. */}
          <span className="min-w-0 flex-[1_1_8rem]">
            {a.title}
            {a.people.length > 0 && <span className="text-muted"> · {a.people.join(" / ")}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
