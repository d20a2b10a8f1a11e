import type { GameType } from "@/vocabulary/competitions";
import type { StandingView } from "@/lib/competitions/queries";
import type { PointsTable, TieBreakKey } from "@/lib/competitions/standings";
import { Table, Td, Th } from "@/components/ui/table";
import type { CompetitionsT } from "./score";

/** 2.5 as "2½", the way points are written at a chess table. */
export function points(n: number | null): string {
  if (n === null) return "\u2013";
  const whole = Math.trunc(n);
  const part = { 0.25: "\u00bc", 0.5: "\u00bd", 0.75: "\u00be" }[Math.abs(n - whole)];
  if (Math.abs(n - whole) < 1e-9) return String(whole);
  if (!part) return String(Number(n.toFixed(2)));
  return `${n < 0 ? "-" : ""}${whole === 0 ? "" : Math.abs(whole)}${part}`;
}

/**
 * Points, each tie-break's value, and who is level: one row per entrant, best first. On a narrow
 * phone the table would hide the tie-breaks past the right edge, where they decide places, so
 * there each entrant is a card with every figure on it; from 640 px up, the table.
 */
/** A tie-break's name; the margin is levels in Guandan and pulls in tug-of-war, named as such. */
function tieBreakName(k: TieBreakKey, game: GameType | undefined, t: CompetitionsT): string {
  return k === "score_difference" && (game === "guandan" || game === "tug_of_war")
    ? t(`scoreDifferenceName.${game}`)
    : t(`tieBreak.${k}`);
}

export function StandingsTable({
  rows,
  order,
  caption,
  draws,
  byes,
  withdrawn = new Set(),
  game,
  t,
}: {
  rows: StandingView[];
  order: TieBreakKey[];
  caption: string;
  draws: boolean;
  byes: boolean;
  withdrawn?: ReadonlySet<string>;
  game?: GameType;
  t: CompetitionsT;
}) {
  const left = (r: StandingView) =>
    withdrawn.has(r.entrant.id) ? (
      <span className="ml-2 text-base font-normal text-muted">({t("withdrawn")})</span>
    ) : null;
  const figures = (r: StandingView) => [
    { label: t("playedCol"), value: String(r.played) },
    { label: t("wonCol"), value: String(r.won) },
    ...(draws ? [{ label: t("drawnCol"), value: String(r.drawn) }] : []),
    { label: t("lostCol"), value: String(r.lost) },
    ...(byes ? [{ label: t("byesCol"), value: String(r.byes) }] : []),
  ];
  return (
    <>
      <ol aria-label={caption} className="flex flex-col gap-2 sm:hidden">
        {rows.map((r) => (
          <li
            key={r.entrant.id}
            className={`rounded-xl border border-line px-[12px] py-2 ${r.rank === 1 ? "bg-gold-soft/60" : "bg-white"}`}
          >
            <p className="flex flex-wrap items-baseline gap-x-3 text-lg">
              <span className="min-w-8 font-bold tabular-nums">
                <span className="sr-only">{t("rankCol")} </span>
                {r.rank}
                {r.shared && <span className="ml-1 text-base font-normal text-muted">({t("shared")})</span>}
              </span>
              <span className="min-w-0 flex-[1_1_7rem] font-semibold break-words">
                {r.entrant.name}
                {left(r)}
              </span>
              <span className="shrink-0 font-bold tabular-nums">
                <span className="text-base font-normal text-muted">{t("pointsCol")} </span>
                {points(r.points)}
              </span>
            </p>
            <dl className="mt-1 flex flex-wrap gap-x-3 text-base text-muted">
              {[
                ...figures(r),
                ...r.tieBreaks.map((tb) => ({ label: tieBreakName(tb.key, game, t), value: points(tb.value) })),
              ].map((f) => (
                <div key={f.label} className="flex gap-1">
                  <dt>{f.label}</dt>
                  <dd className="font-semibold text-ink tabular-nums">{f.value}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
      <Table caption={caption} className="hidden sm:block">
        <thead>
          <tr>
            <Th>{t("rankCol")}</Th>
            <Th>{t("nameCol")}</Th>
            <Th className="text-right">{t("pointsCol")}</Th>
            <Th className="text-right">{t("playedCol")}</Th>
            <Th className="text-right">{t("wonCol")}</Th>
            {draws && <Th className="text-right">{t("drawnCol")}</Th>}
            <Th className="text-right">{t("lostCol")}</Th>
            {byes && <Th className="text-right">{t("byesCol")}</Th>}
            {order.map((k) => (
              <Th key={k} className="text-right">
                {tieBreakName(k, game, t)}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody className="text-lg">
          {rows.map((r) => (
            <tr key={r.entrant.id} className={r.rank === 1 ? "bg-gold-soft/60" : undefined}>
              <Td className="font-bold">
                {r.rank}
                {r.shared && <span className="ml-1 text-base font-normal text-muted">({t("shared")})</span>}
              </Td>
              <th scope="row" className="border-b border-line px-3 py-2 text-left font-semibold whitespace-nowrap">
                {r.entrant.name}
                {left(r)}
              </th>
              <Td className="text-right font-bold">{points(r.points)}</Td>
              {figures(r).map((f) => (
                <Td key={f.label} className="text-right">
                  {f.value}
                </Td>
              ))}
              {r.tieBreaks.map((tb) => (
                <Td key={tb.key} className="text-right">
                  {points(tb.value)}
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

/** The tie-break order and the points, in plain words: "积分相同时依次比较：…". */
export function TieBreakRule({
  order,
  table,
  draws,
  game,
  t,
}: {
  order: TieBreakKey[];
  table: PointsTable;
  draws: boolean;
  game: GameType;
  t: CompetitionsT;
}) {
  // The margin is levels in Guandan and pulls in tug-of-war: said in that game's words.
  const explain = (k: TieBreakKey) =>
    k === "score_difference" && (game === "guandan" || game === "tug_of_war")
      ? t(`scoreDifferenceExplain.${game}`)
      : t(`tieBreakExplain.${k}`);
  const list = order
    .map((k) => t("tieBreakItem", { name: tieBreakName(k, game, t), explain: explain(k) }))
    .join(t("tieBreakSeparator"));
  const values = {
    win: points(table.win),
    draw: points(table.draw),
    loss: points(table.loss),
    forfeit: points(table.forfeitLoss),
  };
  return (
    <div className="flex flex-col gap-1 rounded-xl bg-gold-soft p-4 text-lg">
      <p>{draws ? t("pointsRule", values) : t("pointsRuleNoDraw", values)}</p>
      <p>{t("tieBreakRule", { list })}</p>
    </div>
  );
}
