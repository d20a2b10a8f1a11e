import { getTranslations } from "next-intl/server";
import type { AdminCategory } from "@/lib/stars/admin-queries";
import { Table, Td, Th } from "@/components/ui/table";

/** The categories' rules, read only: what they were when voting opened. */
export async function CategoryTable({ categories }: { categories: AdminCategory[] }) {
  const t = await getTranslations("starsAdmin");
  return (
    <Table caption={t("categories.lockedCaption")}>
      <thead>
        <tr>
          <Th>{t("categories.name")}</Th>
          <Th>{t("categories.description")}</Th>
          <Th className="text-right">{t("categories.winners")}</Th>
          <Th className="text-right">{t("categories.votesPerVoter")}</Th>
          <Th>{t("categories.mode")}</Th>
          <Th className="text-right">{t("categories.nominationCap")}</Th>
          <Th className="text-right">{t("categories.candidates")}</Th>
        </tr>
      </thead>
      <tbody>
        {categories.map((c) => (
          <tr key={c.id}>
            <Td className="font-semibold">{c.name}</Td>
            <Td className="min-w-60 whitespace-normal!">{c.description || "—"}</Td>
            <Td className="text-right tabular-nums">{c.winners}</Td>
            <Td className="text-right tabular-nums">{c.votesPerVoter}</Td>
            <Td>{t(`modes.${c.mode}`)}</Td>
            <Td className="text-right tabular-nums">{c.nominationCap}</Td>
            <Td className="text-right tabular-nums">{c.candidates}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
