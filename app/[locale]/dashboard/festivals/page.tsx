import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listFestivals } from "@/lib/festivals/dashboard-queries";
import { Table, Td, Th } from "@/components/ui/table";
import { Badge } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("festivals");
  return { title: t("title") };
}

export default async function FestivalsPage() {
  const actor = await requireOrganiser();
  const t = await getTranslations("festivals");
  const format = await getFormatter();
  const rows = orForbidden(await listFestivals(await getDb(), actor));
  const tone = { draft: "grey", published: "green", archived: "gold" } as const;
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold text-red-deep">{t("title")}</h1>
        <Link href="/dashboard/festivals/new" className={buttonClass("primary", "md")}>
          {t("new")}
        </Link>
      </div>
      <Table caption={t("list")}>
        <thead>
          <tr>
            <Th>{t("edition")}</Th>
            <Th>{t("name")}</Th>
            <Th>{t("dates")}</Th>
            <Th>{t("status")}</Th>
            <Th>{t("items")}</Th>
            <Th>{t("lastPublished")}</Th>
            <Th>{t("actions")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.slug}>
              <Td>{f.edition}</Td>
              <Td className="font-semibold">{f.title}</Td>
              <Td>{f.startsOn === f.endsOn ? f.startsOn : `${f.startsOn} – ${f.endsOn}`}</Td>
              <Td>
                <Badge tone={tone[f.status]}>{t(`statuses.${f.status}`)}</Badge>
              </Td>
              <Td>{f.items}</Td>
              <Td>
                {f.lastPublishedAt
                  ? format.dateTime(f.lastPublishedAt, {
                      year: "numeric",
                      month: "2-digit",
                      day: "2-digit",
                      hour: "2-digit",
                      minute: "2-digit",
                      hourCycle: "h23",
                    })
                  : t("never")}
              </Td>
              <Td>
                <div className="flex flex-wrap gap-2">
                  <Link href={`/dashboard/festivals/${f.slug}/programme`} className={buttonClass("primary", "sm")}>
                    {t("programme")}
                  </Link>
                  <Link href={`/dashboard/festivals/${f.slug}`} className={buttonClass("secondary", "sm")}>
                    {t("edit")}
                  </Link>
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
