import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { MyInvitation, MyNotification, MyRegistration } from "@/lib/registrations/queries";
import { cancelRegistrationAction, declineLinkAction, markNotificationsReadAction } from "@/lib/registrations/actions";
import { buttonClass } from "@/components/ui/button";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, Card } from "@/components/ui/card";

const TONE = { confirmed: "green", waitlisted: "gold", rejected: "red", cancelled: "grey" } as const;

/** "My registrations" on /me: status, waiting-list place, and cancelling while registration is open. */
export async function MyRegistrations({ items }: { items: MyRegistration[] }) {
  const t = await getTranslations("myRegistrations");
  const format = await getFormatter();
  const when = (d: Date) =>
    format.dateTime(d, {
      month: "long",
      day: "numeric",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
  return (
    <Card aria-labelledby="registrations-title">
      <h2 id="registrations-title" className="text-2xl font-bold">
        {t("registrations")}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2">{t("noRegistrations")}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-3">
          {items.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 rounded-xl border border-line p-4">
              <p className="text-xl font-bold">{r.itemTitle ?? t(`roleLabel.${r.role}` as "roleLabel.athlete")}</p>
              <p className="text-muted">
                {r.festivalTitle} · {t(`roleLabel.${r.role}` as "roleLabel.athlete")}
              </p>
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
                {r.position && (
                  <span className="text-lg font-semibold text-gold-ink">{t("position", { position: r.position })}</span>
                )}
                {r.accepted && r.status === "confirmed" && <span className="text-green-ink">{t("accepted")}</span>}
              </p>
              <p>{t("forWhom", { name: r.participantName })}</p>
              {r.registeredBy && <p className="text-muted">{t("registeredBy", { name: r.registeredBy })}</p>}
              {r.atDesk && <p className="text-muted">{t("registeredAtDesk")}</p>}
              {r.team && <p>{t("team", { team: r.team })}</p>}
              {r.partnerName && <p>{t("partner", { name: r.partnerName })}</p>}
              {r.partnerWanted && <p>{t("partnerWanted")}</p>}
              {r.scheduled && (
                <p className="font-semibold text-green-ink">
                  {t("scheduled", { title: r.scheduled.title, time: when(r.scheduled.startsAt) })}
                </p>
              )}
              {r.shifts.map((s) => (
                <p key={s.startsAt.toISOString() + s.title} className="font-semibold text-green-ink">
                  {t("shift", { title: s.title, time: when(s.startsAt) })}
                </p>
              ))}
              {r.reason && r.status === "rejected" && <p>{t("reason", { reason: r.reason })}</p>}
              {(r.editable || r.cancellable) && (
                <div className="flex flex-wrap gap-2">
                  {r.editable && (
                    <Link
                      href={`/festivals/${r.festivalSlug}/register/${r.role}?edit=${r.id}`}
                      className={buttonClass("secondary", "md")}
                    >
                      {t("edit")}
                    </Link>
                  )}
                  {r.cancellable && (
                    <ActionButton
                      action={cancelRegistrationAction}
                      fields={{ id: r.id }}
                      label={t("cancel")}
                      variant="danger"
                      confirmText={t("cancelConfirm")}
                      successText={t("cancelled")}
                    />
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** Registrations that name me as a co-performer or partner; I can say no. */
export async function MyInvitations({ items }: { items: MyInvitation[] }) {
  const t = await getTranslations("myRegistrations");
  return (
    <Card aria-labelledby="invitations-title">
      <h2 id="invitations-title" className="text-2xl font-bold">
        {t("invitations")}
      </h2>
      <ul className="mt-3 flex flex-col gap-3">
        {items.map((i) => (
          <li key={i.id} className="flex flex-col gap-2 rounded-xl border border-line p-4">
            <p className="text-lg">
              {i.kind === "co_performer"
                ? t("invitedToAct", { from: i.from, title: i.title ?? "" })
                : t("namedPartner", { from: i.from, item: i.itemTitle ?? "" })}
            </p>
            <p className="text-muted">{i.festivalTitle}</p>
            {i.declined ? (
              <p>
                <Badge tone="grey">{t("declined")}</Badge>
              </p>
            ) : (
              <ActionButton
                action={declineLinkAction}
                fields={{ id: i.id }}
                label={t("decline")}
                variant="danger"
                confirmText={t("declineConfirm")}
                successText={t("declinedDone")}
              />
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Messages about my registrations; unread ones stand out. */
export async function MyNotifications({ items }: { items: MyNotification[] }) {
  const t = await getTranslations("myRegistrations");
  const format = await getFormatter();
  const unread = items.filter((n) => !n.read).length;
  return (
    <Card aria-labelledby="notifications-title">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="notifications-title" className="text-2xl font-bold">
          {t("notifications")}
        </h2>
        {unread > 0 && <ActionButton action={markNotificationsReadAction} fields={{}} label={t("markRead")} />}
      </div>
      {items.length === 0 ? (
        <p className="mt-2">{t("noNotifications")}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-2">
          {items.map((n) => {
            const key = `kinds.${n.kind.replaceAll(".", "_")}` as "kinds.registration_promoted";
            const item = n.itemTitle ?? (n.role ? t(`roleLabel.${n.role}` as "roleLabel.athlete") : "");
            return (
              <li
                key={n.id}
                className={`rounded-xl border-l-4 px-4 py-3 text-lg ${n.read ? "border-line bg-white" : "border-red-brand bg-red-soft"}`}
              >
                {!n.read && <span className="sr-only">{t("unread")}: </span>}
                {t.has(key)
                  ? t(
                      key,
                      notificationValues(
                        n,
                        item,
                        (d) =>
                          format.dateTime(d, {
                            month: "long",
                            day: "numeric",
                            hour: "2-digit",
                            minute: "2-digit",
                            hourCycle: "h23",
                          }),
                        (r) => t("reason", { reason: r }),
                      ),
                    )
                  : n.kind}
                <span className="block text-base text-muted">
                  {format.dateTime(n.createdAt, {
                    month: "long",
                    day: "numeric",
                    hour: "2-digit",
                    minute: "2-digit",
                    hourCycle: "h23",
                  })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

/** The values a message's sentence may use, from what the notification recorded. */
function notificationValues(n: MyNotification, item: string, when: (d: Date) => string, reason: (r: string) => string) {
  const text = (k: string) => (typeof n.data[k] === "string" ? (n.data[k] as string) : "");
  const at = text("startsAt");
  const was = text("wasAt");
  return {
    item,
    reason: text("reason") ? reason(text("reason")) : "",
    from: text("from"),
    title: text("title"),
    partner: text("partner"),
    block: text("block"),
    shift: text("shift"),
    time: at ? when(new Date(at)) : "",
    was: was ? when(new Date(was)) : "",
    venue: text("venue"),
    table: text("table"),
    round: typeof n.data.round === "number" ? n.data.round : Number(text("round")) || 0,
    opponent: text("opponent"),
    hasOpponent: text("opponent") ? "yes" : "no",
    text: text("text"),
    category: text("category"),
    nominee: text("nominee"),
    points: typeof n.data.points === "number" ? n.data.points : Number(text("points")) || 0,
    year: typeof n.data.year === "number" ? n.data.year : Number(text("year")) || 0,
    reward: text("reward"),
  };
}
