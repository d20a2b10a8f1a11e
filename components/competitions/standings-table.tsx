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

/** Points, each tie-break's value, and who is level: one row per entrant, best first. */
export function StandingsTable({ rows, order, caption, draws, byes, t }: { rows: StandingView[]; order: TieBreakKey[]; caption: string; draws: boolean; byes: boolean; t: CompetitionsT }) {
  return (
    <Table caption={caption}>
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
              {t(`tieBreak.${k}`)}
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
            </th>
            <Td className="text-right font-bold">{points(r.points)}</Td>
            <Td className="text-right">{r.played}</Td>
            <Td className="text-right">{r.won}</Td>
            {draws && <Td className="text-right">{r.drawn}</Td>}
            <Td className="text-right">{r.lost}</Td>
            {byes && <Td className="text-right">{r.byes}</Td>}
            {r.tieBreaks.map((tb) => (
              <Td key={tb.key} className="text-right">
                {points(tb.value)}
              </Td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The tie-break order and the points, in plain words: "积分相同时依次比较：…". */
export function TieBreakRule({ order, table, draws, t }: { order: TieBreakKey[]; table: PointsTable; draws: boolean; t: CompetitionsT }) {
  const list = order.map((k) => t("tieBreakItem", { name: t(`tieBreak.${k}`), explain: t(`tieBreakExplain.${k}`) })).join(t("tieBreakSeparator"));
  const values = { win: points(table.win), draw: points(table.draw), loss: points(table.loss), forfeit: points(table.forfeitLoss) };
  return (
    <div className="flex flex-col gap-1 rounded-xl bg-gold-soft p-4 text-lg">
      <p>{draws ? t("pointsRule", values) : t("pointsRuleNoDraw", values)}</p>
      <p>{t("tieBreakRule", { list })}</p>
    </div>
  );
}
