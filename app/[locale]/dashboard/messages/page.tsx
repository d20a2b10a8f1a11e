import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { getAudienceChoices, listBroadcasts } from "@/lib/broadcasts/queries";
import { cancelBroadcastAction } from "@/lib/broadcasts/actions";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { Pagination } from "@/components/ui/pagination";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, Card } from "@/components/ui/card";
import { BroadcastForm } from "@/components/messages/broadcast-form";
import { MessagesNav } from "@/components/messages/messages-nav";

export async function generateMetadata() {
  const t = await getTranslations("broadcasts");
  return { title: t("title") };
}

const paramsSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });
const TONE = { scheduled: "gold", sending: "gold", sent: "green", cancelled: "red" } as const;

/** Writing to a group (who, what, by which channel, when), and the messages written so far. */
export default async function BroadcastsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireOrganiser("/dashboard/messages");
  const t = await getTranslations("broadcasts");
  const format = await getFormatter();
  const { page } = paramsSchema.parse(await searchParams);
  const db = await getDb();
  const [choices, list] = await Promise.all([
    getAudienceChoices(db, actor).then(orForbidden),
    listBroadcasts(db, actor, { page }).then(orForbidden),
  ]);
  const shownAt = list.readAt.getTime();
  const when = (d: Date) =>
    format.dateTime(d, { month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <MessagesNav current="send" />
      <h1 className="text-3xl font-bold text-red-deep">{t("title")}</h1>
      <p className="text-lg">{t("intro")}</p>
      <Card aria-labelledby="broadcast-new">
        <h2 id="broadcast-new" className="mb-4 text-2xl font-bold">
          {t("newTitle")}
        </h2>
        <BroadcastForm choices={choices} />
      </Card>
      <section aria-labelledby="broadcast-list" className="flex flex-col gap-3">
        <h2 id="broadcast-list" className="text-2xl font-bold">
          {t("listTitle")}
        </h2>
        {list.rows.length === 0 ? (
          <p className="text-lg">{t("none")}</p>
        ) : (
          <ol className="flex flex-col gap-3">
            {list.rows.map((b) => {
              // Its time has come: the queue is sending it, in seconds.
              const status = b.status === "scheduled" && b.sendAt.getTime() <= shownAt ? "sending" : b.status;
              return (
                <li key={b.id} className="rounded-[var(--radius-card)] border-2 border-line bg-white p-4">
                  <article className="flex flex-col gap-2">
                    <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <Badge tone={TONE[status]}>{t(`status.${status}`)}</Badge>
                      <span className="font-semibold">
                        {t(`kinds.${b.audience.kind}` as "kinds.role")}
                        {b.audience.role ? ` · ${t(`roles.${b.audience.role}` as "roles.athlete")}` : ""}
                        {b.audienceLabel ? ` · ${b.audienceLabel}` : ""}
                      </span>
                    </p>
                    <p className="text-lg break-words whitespace-pre-line">{b.body}</p>
                    <p className="text-base text-muted">
                      {b.status === "sent" && b.sentAt
                        ? t("sentLine", {
                            time: when(b.sentAt),
                            people: b.recipients ?? 0,
                            texts: b.textMessages ?? 0,
                            author: b.author ?? "—",
                          })
                        : t("plannedLine", {
                            time: when(b.sendAt),
                            author: b.author ?? "—",
                            sms: b.sms ? "yes" : "no",
                          })}
                    </p>
                    {status === "scheduled" && (
                      <ActionButton
                        action={cancelBroadcastAction}
                        fields={{ id: b.id }}
                        label={t("cancel")}
                        variant="secondary"
                        confirmText={t("cancelConfirm")}
                      />
                    )}
                  </article>
                </li>
              );
            })}
          </ol>
        )}
        <Pagination
          page={list.page}
          pageCount={list.pageCount}
          total={list.total}
          basePath="/dashboard/messages"
          params={{}}
        />
      </section>
    </div>
  );
}
