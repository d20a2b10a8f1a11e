import { useTranslations } from "next-intl";
import type { WishProgress } from "@/lib/wishes/queries";

/**
 * How the wishes are doing: one bar, and the same numbers in words beside it (the bar is only a
 * picture of them, hidden from screen readers).
 */
export function WishProgressBar({ progress }: { progress: WishProgress }) {
  const t = useTranslations("wishes");
  const total = progress.open + progress.claimed + progress.fulfilled;
  const pct = (n: number) => (total ? `${(n / total) * 100}%` : "0%");
  const parts = [
    { key: "progressFulfilled", n: progress.fulfilled, bar: "bg-green-ink", dot: "bg-green-ink" },
    { key: "progressClaimed", n: progress.claimed, bar: "bg-gold", dot: "bg-gold" },
    { key: "progressOpen", n: progress.open, bar: "bg-red-soft", dot: "bg-red-soft border border-red-brand" },
  ] as const;
  return (
    <section
      aria-labelledby="progress-title"
      className="rounded-[var(--radius-card)] border border-line bg-white p-4 shadow-sm sm:p-5"
    >
      <h2 id="progress-title" className="text-2xl font-bold text-red-deep">
        {t("progressTitle")}
      </h2>
      <p className="mt-1 text-xl font-semibold">{t("progressSummary", { total, fulfilled: progress.fulfilled })}</p>
      <div
        aria-hidden="true"
        className="mt-3 flex h-6 w-full overflow-hidden rounded-full border border-line bg-red-soft"
      >
        {parts.map((p) => (
          <span key={p.key} className={p.bar} style={{ width: pct(p.n) }} />
        ))}
      </div>
      <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-lg">
        {parts.map((p) => (
          <li key={p.key} className="flex items-center gap-2">
            <span aria-hidden="true" className={`inline-block size-4 rounded-full ${p.dot}`} />
            {t(p.key, { count: p.n })}
          </li>
        ))}
      </ul>
    </section>
  );
}
