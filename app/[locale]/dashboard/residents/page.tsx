import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listResidents, type ResidentFilter } from "@/lib/accounts/queries";
import { listQuerySchema } from "@/lib/accounts/schemas";
import { Table, Td, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { Badge } from "@/components/ui/card";
import { SearchForm } from "@/components/dashboard/search-form";
import { SelectFilter } from "@/components/ui/filter-field";
import { ResidentActions } from "@/components/dashboard/resident-actions";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

const FILTERS: ResidentFilter[] = ["all", "verified", "unverified", "volunteers", "staff", "disabled"];

export async function generateMetadata() {
  const t = await getTranslations("residents");
  return { title: t("title") };
}

export default async function ResidentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireOrganiser();
  const t = await getTranslations();
  const format = await getFormatter();
  const params = await searchParams;
  const { q, page } = listQuerySchema.parse(params);
  const filter = FILTERS.includes(params.filter as ResidentFilter) ? (params.filter as ResidentFilter) : "all";
  const result = orForbidden(await listResidents(await getDb(), actor, { q, page, filter }));
  const isAdmin = actor.roles.includes("admin");
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-3xl font-bold text-red-deep">{t("residents.title")}</h1>
      <SearchForm label={t("residents.searchLabel")} q={q} action="/dashboard/residents">
        <SelectFilter
          id="filter"
          label={t("residents.filter")}
          defaultValue={filter}
          options={FILTERS.map((f) => ({ value: f, label: t(`residents.filters.${f}`) }))}
        />
      </SearchForm>
      {result.rows.length === 0 ? (
        <p>{t("residents.empty")}</p>
      ) : (
        <Table caption={t("residents.title")}>
          <thead>
            <tr>
              <Th>{t("residents.name")}</Th>
              <Th>{t("residents.phone")}</Th>
              <Th>{t("residents.household")}</Th>
              <Th>{t("residents.status")}</Th>
              <Th>{t("residents.roles")}</Th>
              <Th>{t("residents.actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.id}>
                <Td className="whitespace-nowrap">
                  <Link
                    className="font-semibold text-red-deep underline underline-offset-4"
                    href={`/dashboard/residents/${r.id}`}
                  >
                    {r.name}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">{r.phone}</Td>
                <Td className="whitespace-normal! min-w-40">{r.household ?? "—"}</Td>
                <Td>
                  <div className="flex flex-wrap gap-1">
                    {r.verified ? (
                      <Badge tone="green">{t("residents.verified")}</Badge>
                    ) : (
                      <Badge tone="red">{t("residents.unverified")}</Badge>
                    )}
                    {r.disabled && <Badge tone="grey">{t("residents.disabledBadge")}</Badge>}
                  </div>
                </Td>
                <Td>
                  {format.list(
                    r.roles.filter((x) => x !== "resident").map((x) => t(`roles.${x}` as "roles.volunteer")),
                  ) || "—"}
                </Td>
                <Td className="min-w-72 whitespace-normal!">
                  <ResidentActions resident={r} isAdmin={isAdmin} selfId={actor.id} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        basePath="/dashboard/residents"
        params={{ q, filter: filter === "all" ? undefined : filter }}
      />
    </div>
  );
}
