import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { isDeliveryStatus, listDeliveries } from "@/lib/broadcasts/queries";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { Pagination } from "@/components/ui/pagination";
import { Badge } from "@/components/ui/card";
import { StatusTabs } from "@/components/ui/status-tabs";
import { MessagesNav } from "@/components/messages/messages-nav";
import { DELIVERY_STATUSES } from "@/vocabulary/messages";

export async function generateMetadata() {
  const t = await getTranslations("deliveryLog");
  return { title: t("title") };
}

const paramsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  status: z
    .string()
    .optional()
    .transform((s) => (isDeliveryStatus(s) ? s : undefined))
    .catch(undefined),
});
const TONE = {
  queued: "gold",
  held: "gold",
  sending: "gold",
  sent: "green",
  retrying: "red",
  failed: "red",
  skipped: "grey",
} as const;

/** Every text message Linli meant to send: to whom, what, and how it went (the provider's error too). */
export default async function DeliveryLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireOrganiser("/dashboard/messages/log");
  const t = await getTranslations("deliveryLog");
  const to = await getTranslations("outbox");
  const format = await getFormatter();
  const filters = paramsSchema.parse(await searchParams);
  const log = orForbidden(await listDeliveries(await getDb(), actor, filters));
  const when = (d: Date) =>
    format.dateTime(d, { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return (
    <div className="flex max-w-4xl flex-col gap-5">
      <MessagesNav current="log" />
      <h1 className="text-3xl font-bold text-red-deep">{t("title")}</h1>
      <p className="text-lg">{t("intro")}</p>
      <StatusTabs
        label={t("tabs")}
        base="/dashboard/messages/log"
        filters={filters}
        tabs={[
          { status: undefined, text: t("all") },
          ...DELIVERY_STATUSES.map((s) => ({ status: s, text: `${t(`status.${s}`)} ${log.counts[s] ?? 0}` })),
        ]}
      />
      {log.rows.length === 0 ? (
        <p className="text-lg">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-3" aria-label={t("title")}>
          {log.rows.map((d) => (
            <li
              key={d.id}
              className="rounded-[var(--radius-card)] border-2 border-line bg-white p-4"
              data-testid="delivery"
            >
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <Badge tone={TONE[d.status]}>{t(`status.${d.status}`)}</Badge>
                <span className="font-semibold">{d.name}</span>
                <span className="font-mono">{d.recipient}</span>
                <span>{to(`templates.${d.template}` as "templates.reset_code")}</span>
              </p>
              <p className="mt-1 text-base text-muted">
                {t("line", {
                  created: when(d.createdAt),
                  attempts: d.attempts,
                  provider: d.provider ?? "—",
                })}
                {d.status === "held" && ` · ${t("heldUntil", { time: when(d.sendAfter) })}`}
                {d.sentAt && ` · ${t("sentAt", { time: when(d.sentAt) })}`}
                {d.skipReason && ` · ${t(`skip.${d.skipReason}` as "skip.daily_cap")}`}
              </p>
              {d.lastError && (
                <p className="mt-1 text-base break-words text-red-deep">{t("error", { error: d.lastError })}</p>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination
        page={log.page}
        pageCount={log.pageCount}
        total={log.total}
        basePath="/dashboard/messages/log"
        params={filters.status ? { status: filters.status } : {}}
      />
    </div>
  );
}
