import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CompetitionWinners } from "@/lib/competitions/queries";
import type { PodiumPlace } from "@/lib/competitions/podium";

// Gold, silver and bronze discs; the place is also written out beside them in words.
const MEDAL = { 1: "bg-gold text-ink", 2: "bg-stone-300 text-ink", 3: "bg-[#d9a37a] text-ink" } as const;

/** Each finished competition of the festival with its podium, linking to its page. */
export async function FestivalWinners({ slug, winners }: { slug: string; winners: CompetitionWinners[] }) {
  const t = await getTranslations("festivalResults");
  const tc = await getTranslations("competitions");
  const placeLabel = (p: PodiumPlace) => t(p.shared ? `sharedPlace.${p.place}` : `place.${p.place}`);
  return (
    <section aria-labelledby="competition-winners" className="flex flex-col gap-4">
      <h2 id="competition-winners" className="border-b-4 border-gold pb-2 text-2xl font-bold text-red-deep sm:text-3xl">
        {t("competitionsTitle")}
      </h2>
      <ul className="flex flex-col gap-4">
        {winners.map((w) => (
          <li key={w.item.id}>
            <article
              aria-labelledby={`winners-${w.item.id}`}
              className="flex flex-col gap-3 rounded-[var(--radius-card)] border border-line bg-white p-4 shadow-sm sm:p-5"
            >
              <div className="flex flex-col gap-1">
                <h3 id={`winners-${w.item.id}`} className="text-2xl font-bold">
                  {w.item.title}
                </h3>
                <p className="text-lg text-muted">
                  {tc(`game.${w.game}`)} · {tc(`format.${w.format}`)}
                </p>
              </div>
              {w.podium.kind === "places" ? (
                <ol className="flex flex-col gap-3">
                  {w.podium.places.map((p) => (
                    <li key={p.place} className="flex items-start gap-3">
                      <span
                        aria-hidden="true"
                        className={`grid size-11 shrink-0 place-items-center rounded-full text-xl font-black ${MEDAL[p.place]}`}
                      >
                        {p.place}
                      </span>
                      <span className="flex min-w-0 flex-col">
                        <span className="text-lg font-semibold text-gold-ink">{placeLabel(p)}</span>
                        {p.names.map((name) => (
                          <span key={name} className="text-xl font-bold break-words">
                            {name}
                          </span>
                        ))}
                      </span>
                    </li>
                  ))}
                </ol>
              ) : (
                <ul className="flex flex-col gap-3">
                  {w.podium.groups.map((g) => (
                    <li key={g.groupNo ?? 0} className="flex flex-col">
                      <span className="text-lg font-semibold text-gold-ink">
                        {t(g.names.length > 1 ? "groupWinnersShared" : "groupWinner", { group: g.groupNo ?? 1 })}
                      </span>
                      <span className="text-xl font-bold break-words">{g.names.join(tc("listSeparator"))}</span>
                    </li>
                  ))}
                </ul>
              )}
              <Link
                href={`/festivals/${slug}/competitions/${w.item.id}`}
                className="self-start text-lg font-semibold text-red-deep underline underline-offset-4 min-h-11 inline-flex items-center"
              >
                {tc("open", { title: w.item.title })}
              </Link>
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
