import { getTranslations } from "next-intl/server";
import type { Winner } from "@/lib/stars/queries";
import { Table, Td, Th } from "@/components/ui/table";

/** The winners as published, category by category, with the reason of any settled tie. */
export async function PublishedWinners({ winners }: { winners: Winner[] }) {
  const t = await getTranslations("starsAdmin.publish");
  if (!winners.length) return <p className="text-base">{t("noWinners")}</p>;
  return (
    <Table caption={t("winnersCaption")}>
      <thead>
        <tr>
          <Th>{t("category")}</Th>
          <Th className="text-right">{t("rank")}</Th>
          <Th>{t("winner")}</Th>
          <Th className="text-right">{t("votesHeading")}</Th>
          <Th>{t("tieReason")}</Th>
        </tr>
      </thead>
      <tbody>
        {winners.map((w) => (
          <tr key={w.id}>
            <Td className="font-semibold">{w.categoryName}</Td>
            <Td className="text-right tabular-nums">{w.rank}</Td>
            <Td>{w.building ? t("person", { name: w.name, building: w.building }) : w.name}</Td>
            <Td className="text-right tabular-nums">{w.votes}</Td>
            <Td className="min-w-48 whitespace-normal!">{w.tieReason ?? "—"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
