import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import type { BallotSeries } from "./ballot-series";

const W = 720;
const H = 260;
const M = { top: 16, right: 12, bottom: 44, left: 48 };

/** A round number at or above `n` for the top of the scale: 1, 2, 5, 10, 20, 50… */
function niceMax(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map((k) => k * p).find((v) => v >= n)!;
}

/**
 * Ballots over time as bars drawn in SVG (no script, no library), named and summed up for screen
 * readers, with the same figures as a table below it.
 */
export async function BallotsChart({ series, timeZone }: { series: BallotSeries; timeZone: string }) {
  const t = await getTranslations("starsAdmin.tally");
  const format = await getFormatter();
  const label = (d: Date) =>
    series.unit === "hour"
      ? format.dateTime(d, {
          month: "numeric",
          day: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          hourCycle: "h23",
          timeZone,
        })
      : format.dateTime(d, { month: "numeric", day: "numeric", weekday: "short", timeZone });
  const { points } = series;
  if (!points.length || !series.peak) return <p className="text-base">{t("noBallotsYet")}</p>;
  const top = niceMax(series.peak.ballots);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const step = plotW / points.length;
  // Narrow enough to read as bars even when there are only one or two.
  const barW = Math.max(1, Math.min(step * 0.75, 48));
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const ticks = [0, top / 2, top].filter((v, i, all) => Number.isInteger(v) && all.indexOf(v) === i);
  // About six labels along the bottom, whatever the number of bars.
  const every = Math.max(1, Math.ceil(points.length / 6));
  const unit = t(`unit.${series.unit}`);
  return (
    <div className="flex flex-col gap-3">
      <div
        className="overflow-x-auto rounded-xl border border-line bg-white p-2"
        role="region"
        aria-label={t("chartTitle")}
        tabIndex={0}
      >
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="h-auto w-full min-w-[560px]"
          role="img"
          aria-labelledby="ballots-chart-title ballots-chart-desc"
        >
          <title id="ballots-chart-title">{t("chartTitle")}</title>
          <desc id="ballots-chart-desc">
            {t("chartSummary", {
              total: series.total,
              unit,
              from: label(points[0].start),
              to: label(points[points.length - 1].start),
              peak: label(series.peak.start),
              peakBallots: series.peak.ballots,
            })}
          </desc>
          {ticks.map((v) => (
            <g key={v}>
              <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} strokeWidth={1} className="stroke-line" />
              <text x={M.left - 8} y={y(v) + 5} textAnchor="end" fontSize={14} className="fill-muted">
                {v}
              </text>
            </g>
          ))}
          {points.map((p, i) => {
            const h = (p.ballots / top) * plotH;
            return (
              <rect
                key={p.start.toISOString()}
                x={M.left + i * step + (step - barW) / 2}
                y={M.top + plotH - h}
                width={barW}
                height={h}
                rx={barW > 6 ? 2 : 0}
                className="fill-red-brand"
              />
            );
          })}
          {points.map((p, i) =>
            i % every === 0 ? (
              <text
                key={`l-${p.start.toISOString()}`}
                x={M.left + i * step + step / 2}
                y={H - M.bottom + 20}
                textAnchor="middle"
                fontSize={13}
                className="fill-ink"
              >
                {label(p.start)}
              </text>
            ) : null,
          )}
          <line
            x1={M.left}
            x2={W - M.right}
            y1={M.top + plotH}
            y2={M.top + plotH}
            strokeWidth={1}
            className="stroke-ink"
          />
        </svg>
      </div>
      <details>
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-base font-semibold text-red-deep underline underline-offset-4">
          {t("chartAsTable")}
        </summary>
        <Table caption={t("chartTableCaption")} className="mt-2 max-h-96 max-w-md overflow-y-auto">
          <thead>
            <tr>
              <Th>{t(`unit.${series.unit}`)}</Th>
              <Th className="text-right">{t("ballots")}</Th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.start.toISOString()}>
                <Td className="tabular-nums">{label(p.start)}</Td>
                <Td className="text-right tabular-nums">{p.ballots}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </details>
    </div>
  );
}
