import { getFormatter, getTranslations } from "next-intl/server";
import type { LedgerEntry } from "@/lib/points/admin-queries";
import { Table, Td, Th } from "@/components/ui/table";
import { getRuleWords } from "@/components/ui/rule-words";

/** Point entries: who, what for, how many, the reason, who wrote it, when. */
export async function LedgerTable({
  caption,
  rows,
  showPerson = true,
}: {
  caption: string;
  rows: LedgerEntry[];
  showPerson?: boolean;
}) {
  const t = await getTranslations("pointsAdmin.ledger");
  const format = await getFormatter();
  const words = await getRuleWords();
  const when = (d: Date) =>
    format.dateTime(d, {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: "Asia/Shanghai",
    });
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          {showPerson && <Th>{t("who")}</Th>}
          <Th>{t("kind")}</Th>
          <Th className="text-right">{t("points")}</Th>
          <Th>{t("reason")}</Th>
          <Th>{t("by")}</Th>
          <Th>{t("when")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.id}>
            {showPerson && (
              <Td>
                <span className="font-semibold">{e.userName}</span>{" "}
                {e.userPhone && <span className="text-sm tabular-nums text-muted">{e.userPhone}</span>}
              </Td>
            )}
            <Td>{t(`kinds.${e.kind}`)}</Td>
            <Td
              className={`text-right font-semibold tabular-nums ${e.points < 0 ? "text-red-deep" : "text-green-ink"}`}
            >
              {e.points > 0 ? `+${e.points}` : e.points}
            </Td>
            <Td className="min-w-40 whitespace-normal!">
              {e.reason ?? "—"}
              {e.rule && <span className="block text-sm text-muted">{t("rule", { rule: words(e.rule) })}</span>}
            </Td>
            <Td>{e.byName ?? "—"}</Td>
            <Td className="tabular-nums">{when(e.createdAt)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
