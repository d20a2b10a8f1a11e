import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { listOutbox, outboxPhone } from "@/lib/messages/queries";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { Pagination } from "@/components/ui/pagination";
import { Badge } from "@/components/ui/card";
import { MessagesNav } from "@/components/messages/messages-nav";
import { SearchForm } from "@/components/dashboard/search-form";

export async function generateMetadata() {
  const t = await getTranslations("outbox");
  return { title: t("title") };
}

const paramsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  q: z.string().max(40).optional().catch(undefined),
});

/**
 * The text messages the outbox kept, newest first: a list of cards rather than a table, so a
 * staff member at the desk can read a code out from a phone.
 */
export default async function MessagesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireOrganiser("/dashboard/messages/outbox");
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const { page, q } = paramsSchema.parse(await searchParams);
  const phone = outboxPhone(q);
  const result = orForbidden(await listOutbox(await getDb(), actor, { page, phone }));
  return (
    <div className="flex max-w-3xl flex-col gap-5">
      <MessagesNav current="outbox" />
      <h1 className="text-3xl font-bold text-red-deep">{t("title")}</h1>
      <p className="text-lg">{t("intro")}</p>
      <SearchForm label={t("searchLabel")} q={q} action="/dashboard/messages/outbox" />
      {q && !phone && (
        <p className="text-lg font-semibold text-red-deep" role="alert">
          {t("searchInvalid")}
        </p>
      )}
      {phone && (
        <p className="text-lg" role="status">
          {t("searchResult", { phone, count: result.total, whole: phone.length === 11 ? "yes" : "no" })}{" "}
          <Link href="/dashboard/messages/outbox" className="font-semibold text-red-deep underline">
            {t("showAll")}
          </Link>
        </p>
      )}
      {result.rows.length === 0 ? (
        <p className="text-lg">{phone ? t("noneForPhone") : t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-3" aria-label={t("title")}>
          {result.rows.map((m) => (
            <li key={m.id} className="rounded-[var(--radius-card)] border-2 border-line bg-white p-4">
              <article className="flex flex-col gap-2">
                <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="font-mono text-xl font-semibold" aria-label={t("recipient")}>
                    {m.recipient}
                  </span>
                  <Badge tone={m.template.endsWith("_code") ? "gold" : "green"}>{t(`templates.${m.template}`)}</Badge>
                  <time className="text-muted" dateTime={m.createdAt.toISOString()}>
                    {format.dateTime(m.createdAt, {
                      month: "2-digit",
                      day: "2-digit",
                      hour: "2-digit",
                      minute: "2-digit",
                      second: "2-digit",
                    })}
                  </time>
                </p>
                <p className="text-lg break-words" data-testid="outbox-text">
                  {m.text}
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        basePath="/dashboard/messages/outbox"
        params={phone ? { q: phone } : {}}
      />
    </div>
  );
}
