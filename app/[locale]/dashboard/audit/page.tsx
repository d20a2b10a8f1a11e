import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { AUDIT_OUTCOMES } from "@/vocabulary/audit";
import { getDb } from "@/db";
import { listAudit, listAuditActions } from "@/lib/audit/queries";
import { Table, Td, Th } from "@/components/ui/table";
import { Pagination } from "@/components/ui/pagination";
import { Badge } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { InputFilter, SelectFilter } from "@/components/ui/filter-field";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

const filtersSchema = z.object({
  action: z
    .string()
    .max(60)
    .regex(/^[a-z_.]*$/)
    .optional()
    .catch(undefined),
  outcome: z.enum(AUDIT_OUTCOMES).optional().catch(undefined),
  actor: z.string().trim().max(40).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireOrganiser();
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const raw = await searchParams;
  const f = filtersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === "" ? undefined : v])));
  const db = await getDb();
  const [result, actions] = await Promise.all([
    listAudit(db, actor, f).then(orForbidden),
    listAuditActions(db, actor).then(orForbidden),
  ]);
  // Message keys cannot hold dots: "auth.sign_in" is found as "auth_sign_in".
  const actionLabel = (a: string) => {
    const key = `actions.${a.replaceAll(".", "_")}` as "actions.auth_sign_in";
    return t.has(key) ? t(key) : a;
  };
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-3xl font-bold text-red-deep">{t("title")}</h1>
      <p>{t("intro")}</p>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filter")}>
        <SelectFilter
          id="action"
          label={t("action")}
          defaultValue={f.action}
          options={[
            { value: "", label: t("allActions") },
            ...actions.map((a) => ({ value: a, label: actionLabel(a) })),
          ]}
        />
        <SelectFilter
          id="outcome"
          label={t("outcome")}
          defaultValue={f.outcome}
          options={[
            { value: "", label: t("allOutcomes") },
            { value: "ok", label: t("ok") },
            { value: "refused", label: t("refused") },
          ]}
        />
        <InputFilter id="actor" label={t("actor")} defaultValue={f.actor} placeholder={t("actorHint")} />
        <InputFilter id="from" label={t("from")} type="date" defaultValue={f.from} />
        <InputFilter id="to" label={t("to")} type="date" defaultValue={f.to} />
        <button type="submit" className={buttonClass("primary", "sm")}>
          {t("filter")}
        </button>
      </form>
      {result.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("at")}</Th>
              <Th>{t("actor")}</Th>
              <Th>{t("action")}</Th>
              <Th>{t("outcome")}</Th>
              <Th>{t("target")}</Th>
              <Th>{t("ip")}</Th>
              <Th>{t("details")}</Th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.id}>
                <Td className="whitespace-nowrap">
                  {format.dateTime(r.at, {
                    year: "numeric",
                    month: "2-digit",
                    day: "2-digit",
                    hour: "2-digit",
                    minute: "2-digit",
                    second: "2-digit",
                  })}
                </Td>
                <Td>
                  {r.actorName ? `${r.actorName} (${r.actorPhone})` : t("visitor")}
                  {r.details.atDesk === true && r.actorName && (
                    <span className="block text-sm font-semibold text-red-deep">
                      {t("atDesk", { name: r.actorName })}
                    </span>
                  )}
                </Td>
                <Td>{actionLabel(r.action)}</Td>
                <Td>
                  {r.outcome === "ok" ? (
                    <Badge tone="green">{t("ok")}</Badge>
                  ) : (
                    <Badge tone="red">{t("refused")}</Badge>
                  )}
                </Td>
                <Td className="font-mono text-sm">
                  {r.targetType ? `${r.targetType}${r.targetId ? ` ${r.targetId.slice(0, 8)}` : ""}` : "—"}
                </Td>
                <Td className="font-mono text-sm">{r.ip ?? "—"}</Td>
                <Td className="min-w-64 font-mono text-sm break-all whitespace-normal!">
                  {Object.keys(r.details).length ? JSON.stringify(r.details) : "—"}
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
        basePath="/dashboard/audit"
        params={{ action: f.action, outcome: f.outcome, actor: f.actor, from: f.from, to: f.to }}
      />
    </div>
  );
}
