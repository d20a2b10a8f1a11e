import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { countHouseholdRequests, listHouseholds } from "@/lib/accounts/queries";
import { listQuerySchema } from "@/lib/accounts/schemas";
import { formatHouseholdCode } from "@/lib/accounts/household-code-format";
import { regenerateCodeAction } from "@/lib/accounts/actions";
import { Table, Td, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { SearchForm } from "@/components/dashboard/search-form";
import { ActionButton } from "@/components/ui/action-button";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("households");
  return { title: t("title") };
}

export default async function HouseholdsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireOrganiser();
  const t = await getTranslations();
  const { q, page } = listQuerySchema.parse(await searchParams);
  const db = await getDb();
  const result = orForbidden(await listHouseholds(db, actor, { q, page }));
  const waiting = orForbidden(await countHouseholdRequests(db, actor));
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold text-red-deep">{t("households.title")}</h1>
        <div className="flex flex-wrap gap-2">
          <Link className={buttonClass("primary", "sm")} href="/dashboard/households/import">
            {t("households.importLink")}
          </Link>
          <Link className={buttonClass("secondary", "sm")} href="/dashboard/households/slips">
            {t("dashboard.slips")}
          </Link>
          <Link className={buttonClass("secondary", "sm")} href="/dashboard/households/approvals">
            {t("households.approvals.link", { count: waiting })}
          </Link>
        </div>
      </div>
      <SearchForm label={t("households.searchLabel")} q={q} action="/dashboard/households" />
      {result.rows.length === 0 ? (
        <p>{t("households.empty")}</p>
      ) : (
        <Table caption={t("households.title")}>
          <thead>
            <tr>
              <Th>{t("households.building")}</Th>
              <Th>{t("households.unit")}</Th>
              <Th>{t("households.room")}</Th>
              <Th>{t("households.householder")}</Th>
              <Th>{t("households.code")}</Th>
              <Th>{t("households.residents")}</Th>
              <Th>{t("households.actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((h) => (
              <tr key={h.id}>
                <Td>
                  <Link
                    className="text-red-deep underline underline-offset-4"
                    href={`/dashboard/households/slips?building=${encodeURIComponent(h.building)}`}
                  >
                    {h.building}
                  </Link>
                </Td>
                <Td>{h.unit}</Td>
                <Td>{h.room}</Td>
                <Td>{h.householderName ?? "—"}</Td>
                <Td className="font-mono whitespace-nowrap">{formatHouseholdCode(h.code)}</Td>
                <Td>{h.residents}</Td>
                <Td>
                  <ActionButton
                    action={regenerateCodeAction}
                    fields={{ householdId: h.id }}
                    label={t("households.regenerate")}
                    confirmText={t("households.regenerateConfirm")}
                    successText={t("residents.done")}
                  />
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
        basePath="/dashboard/households"
        params={{ q }}
      />
    </div>
  );
}
