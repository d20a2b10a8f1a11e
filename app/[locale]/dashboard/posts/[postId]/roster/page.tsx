import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { decideSwapAction } from "@/lib/posts/patrol-actions";
import { getRosterMonth, listPassedNotes, listPostSwaps } from "@/lib/posts/roster-queries";
import { communityToday } from "@/lib/posts/service";
import { festivalDay } from "@/components/ui/format";
import { ActionButton } from "@/components/ui/action-button";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { DrawRosterForm, NoteHandledForm } from "@/components/posts/patrol/patrol-forms";

export async function generateMetadata() {
  const t = await getTranslations("patrol.roster");
  return { title: t("title") };
}

const shift = (month: string, by: number) => {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};

/** The patrol roster of a month, by day or by person, with its gaps, swaps to approve and notes passed on. */
export default async function RosterPage({
  params,
  searchParams,
}: {
  params: Promise<{ postId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { postId } = await params;
  const actor = await requireOrganiser(`/dashboard/posts/${postId}/roster`);
  const today = communityToday();
  const query = z
    .object({
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
        .catch(today.slice(0, 7)),
      view: z.enum(["day", "person"]).catch("day"),
    })
    .parse(await searchParams);
  const db = await getDb();
  const [roster, swaps, notes] = await Promise.all([
    getRosterMonth(db, actor, postId, query.month).then(orForbidden),
    listPostSwaps(db, actor, postId).then(orForbidden),
    listPassedNotes(db, actor, postId).then(orForbidden),
  ]);
  if (!roster) notFound();
  const t = await getTranslations("patrol.roster");
  const tn = await getTranslations("patrol.notes");
  const format = await getFormatter();
  const dayText = (day: string) =>
    format.dateTime(festivalDay(day), { month: "numeric", day: "numeric", weekday: "short" });
  const time = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const base = `/dashboard/posts/${postId}/roster`;
  const link = (over: Record<string, string>) =>
    `${base}?${new URLSearchParams({ month: query.month, view: query.view, ...over })}`;
  const drawn = roster.days.some((d) => d.team);
  const monthTitle = format.dateTime(festivalDay(`${query.month}-01`), { year: "numeric", month: "long" });
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href={`/dashboard/posts/${postId}`} className="text-lg font-semibold underline underline-offset-4">
          {t("back", { post: roster.post.name })}
        </Link>
      </p>
      <h1 className="text-3xl font-bold text-red-deep">
        {t("heading", { post: roster.post.name, month: monthTitle })}
      </h1>
      <p className="max-w-3xl text-lg">
        {t("intro", {
          size: roster.post.teamSize,
          start: roster.post.startsAt,
          end: roster.post.endsAt,
        })}
      </p>
      <nav aria-label={t("monthNav")} className="flex flex-wrap items-center gap-3">
        <Link href={link({ month: shift(query.month, -1) })} className={buttonClass("secondary", "md")}>
          {t("previous")}
        </Link>
        <Link href={link({ month: shift(query.month, 1) })} className={buttonClass("secondary", "md")}>
          {t("next")}
        </Link>
        <Link href={`/rota/${postId}?month=${query.month}`} className={buttonClass("ghost", "md")}>
          {t("print")}
        </Link>
      </nav>
      <Card aria-labelledby="draw-title">
        <h2 id="draw-title" className="mb-2 text-2xl font-bold">
          {t("drawTitle")}
        </h2>
        {query.month < today.slice(0, 7) ? (
          <p className="text-lg">{t("pastMonth")}</p>
        ) : (
          <DrawRosterForm postId={postId} month={query.month} drawn={drawn} />
        )}
      </Card>

      <section aria-labelledby="roster-title" className="flex flex-col gap-3">
        <h2 id="roster-title" className="text-2xl font-bold">
          {drawn ? t("rosterTitle", { gaps: roster.gaps }) : t("notDrawn")}
        </h2>
        <div className="flex flex-wrap gap-2" role="group" aria-label={t("viewLabel")}>
          {(["day", "person"] as const).map((v) => (
            <Link
              key={v}
              href={link({ view: v })}
              aria-current={query.view === v ? "page" : undefined}
              className={buttonClass(query.view === v ? "primary" : "secondary", "sm")}
            >
              {t(`views.${v}`)}
            </Link>
          ))}
        </div>
        {drawn && query.view === "day" && (
          <Table caption={t("byDayCaption")}>
            <thead>
              <tr>
                <Th>{t("day")}</Th>
                <Th>{t("leader")}</Th>
                <Th>{t("members")}</Th>
                <Th>{t("state")}</Th>
                <Th>
                  <span className="sr-only">{t("open")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {roster.days.map(({ date, team }) => (
                <tr key={date} className={date === today ? "bg-gold-soft" : undefined}>
                  <Td className="whitespace-nowrap font-semibold">{dayText(date)}</Td>
                  <Td>{team?.leader ? team.leader.name : team ? <Badge tone="red">{t("noLeader")}</Badge> : "—"}</Td>
                  <Td>
                    {team ? (
                      <span className="flex flex-wrap items-center gap-2">
                        {team.members.map((m) => m.name).join(t("listSeparator"))}
                        {team.missing > 0 && <Badge tone="red">{t("missing", { count: team.missing })}</Badge>}
                      </span>
                    ) : (
                      "—"
                    )}
                  </Td>
                  <Td>
                    {team?.endedAt && team.startedAt ? (
                      <span className="flex flex-wrap items-center gap-2">
                        {t("walked", { from: time(team.startedAt), to: time(team.endedAt) })}
                        {team.closedUnended && <Badge tone="gold">{t("closedUnended")}</Badge>}
                      </span>
                    ) : team?.startedAt ? (
                      <Badge tone="green">{t("walking", { from: time(team.startedAt) })}</Badge>
                    ) : team && date < today ? (
                      <Badge tone="grey">{t("notWalked")}</Badge>
                    ) : null}
                    {team && team.notes > 0 && <span className="ml-2">{t("notes", { count: team.notes })}</span>}
                  </Td>
                  <Td>
                    {team && (
                      <Link
                        href={`${base}/${date}`}
                        className="font-semibold underline underline-offset-4"
                        aria-label={t("openDay", { day: dayText(date) })}
                      >
                        {t("open")}
                      </Link>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {drawn && query.view === "person" && (
          <Table caption={t("byPersonCaption")}>
            <thead>
              <tr>
                <Th>{t("person")}</Th>
                <Th>{t("count")}</Th>
                <Th>{t("days")}</Th>
              </tr>
            </thead>
            <tbody>
              {roster.people.map((p) => (
                <tr key={p.memberId}>
                  <Td className="font-semibold">
                    {p.name}
                    {p.leader && (
                      <span className="ml-2">
                        <Badge tone="red">{t("leaderBadge")}</Badge>
                      </span>
                    )}
                  </Td>
                  <Td>{p.days.length}</Td>
                  <Td className="min-w-[18rem] whitespace-normal!">
                    {p.days
                      .map((d) => format.dateTime(festivalDay(d), { month: "numeric", day: "numeric" }))
                      .join(t("listSeparator")) || "—"}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <Card aria-labelledby="swaps-title">
        <h2 id="swaps-title" className="mb-2 text-2xl font-bold">
          {t("swapsTitle")}
        </h2>
        <p className="mb-3 text-base text-muted">
          {roster.post.swapsNeedApproval ? t("swapsNeedApproval") : t("swapsFree")}
        </p>
        {swaps.waiting.length === 0 ? (
          <p className="text-lg">{t("noSwapsWaiting")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {swaps.waiting.map((s) => (
              <li key={s.id} className="flex flex-col gap-2 rounded-xl border border-line p-3">
                <p className="text-lg">
                  {s.toDay
                    ? t("swapExchange", {
                        from: s.from,
                        fromDay: dayText(s.fromDay),
                        to: s.to,
                        toDay: dayText(s.toDay),
                      })
                    : t("swapCover", { from: s.from, fromDay: dayText(s.fromDay), to: s.to })}
                </p>
                {s.note && <p className="text-base text-muted">{s.note}</p>}
                <div className="flex flex-wrap gap-3">
                  <ActionButton
                    action={decideSwapAction}
                    fields={{ swapId: s.id, decision: "approve", version: String(s.version) }}
                    label={t("approve")}
                    variant="primary"
                  />
                  <ActionButton
                    action={decideSwapAction}
                    fields={{ swapId: s.id, decision: "refuse", version: String(s.version) }}
                    label={t("refuse")}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card aria-labelledby="notes-title">
        <h2 id="notes-title" className="mb-3 text-2xl font-bold">
          {tn("passedTitle")}
        </h2>
        <h3 className="mb-2 text-xl font-bold">{tn("toProperty")}</h3>
        {notes.property.length === 0 ? (
          <p className="mb-4 text-lg">{tn("noneToProperty")}</p>
        ) : (
          <ul className="mb-4 flex flex-col gap-3">
            {notes.property.map((n) => (
              <li key={n.id} className="flex flex-col gap-2 rounded-xl border border-line p-3">
                <p className="font-semibold">
                  {dayText(n.day)} · {tn(`kinds.${n.kind}`)}
                  {n.place ? ` · ${n.place}` : ""}
                </p>
                <p className="text-lg break-words whitespace-pre-line">{n.body}</p>
                <NoteHandledForm noteId={n.id} />
              </li>
            ))}
          </ul>
        )}
        <h3 className="mb-2 text-xl font-bold">{tn("toCouncil")}</h3>
        {notes.council.length === 0 ? (
          <p className="text-lg">{tn("noneToCouncil")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {notes.council.map((n) => (
              <li key={n.id} className="rounded-xl border border-line p-3">
                <p className="font-semibold">
                  {dayText(n.day)} · {tn(`kinds.${n.kind}`)}
                  {n.place ? ` · ${n.place}` : ""}
                </p>
                <p className="text-lg break-words whitespace-pre-line">{n.body}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
