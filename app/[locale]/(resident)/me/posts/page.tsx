import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { getMyPosts, PATROL_LOOKAHEAD_DAYS, type MyPatrol } from "@/lib/posts/my-queries";
import { getMyMeetingsToday } from "@/lib/posts/culture-queries";
import { getMyTrainings } from "@/lib/posts/training-queries";
import { getMyPostStandings } from "@/lib/posts/leaderboard-queries";
import { getMyRewards } from "@/lib/points/round-queries";
import { currentYear } from "@/lib/points/year";
import { hoursOf } from "@/lib/hours/format";
import { AttendanceForm } from "@/components/posts/culture/culture-forms";
import { answerSwapAction, withdrawSwapAction } from "@/lib/posts/patrol-actions";
import { festivalDay } from "@/components/ui/format";
import { ActionButton } from "@/components/ui/action-button";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { ClientMessages } from "@/components/ui/client-messages";
import { EndPatrolForm, NoteForm, StartPatrolForm } from "@/components/posts/patrol/patrol-forms";
import { PatrolNoteItem } from "@/components/posts/patrol/note-item";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("patrol.me");
  return { title: t("title") };
}

const NAMESPACES = ["patrol", "culture", "errors", "fieldErrors", "common"];

/** A member's posts: today's patrol (started, ended, notes), the coming days, and swaps. */
export default async function MyPostsPage({ searchParams }: { searchParams: Promise<{ asked?: string }> }) {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/me/posts");
  const { asked } = await searchParams;
  const db = await getDb();
  const [mine, meetings, trainings, standings, rewards] = await Promise.all([
    getMyPosts(db, actor),
    getMyMeetingsToday(db, actor),
    getMyTrainings(db, actor),
    getMyPostStandings(db, actor, currentYear()),
    getMyRewards(db, actor),
  ]);
  const tp = await getTranslations("postPoints.me");
  const tr = await getTranslations("training.me");
  const th = await getTranslations("hours");
  const tc = await getTranslations("culture.attendance");
  const t = await getTranslations("patrol.me");
  const tt = await getTranslations("patrol.today");
  const tn = await getTranslations("patrol.notes");
  const ts = await getTranslations("patrol.swap");
  const format = await getFormatter();
  const dayText = (day: string) =>
    format.dateTime(festivalDay(day), { month: "long", day: "numeric", weekday: "long" });
  const time = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const today = mine.patrols.filter((p) => p.day === mine.today);
  const coming = mine.patrols.filter((p) => p.day > mine.today);
  const names = (p: MyPatrol) =>
    p.team.map((m) => (m.leads ? tt("leaderName", { name: m.name }) : m.name)).join(t("listSeparator"));
  return (
    <ClientMessages namespaces={NAMESPACES}>
      <div className="mx-auto flex max-w-2xl flex-col gap-6">
        <h1 className="text-3xl font-bold text-red-deep">{t("title")}</h1>
        {asked && <Alert tone="success">{ts("asked")}</Alert>}
        <p>
          <Link href="/me/hours" className="text-lg font-semibold text-red-deep underline underline-offset-4">
            {t("toHours")}
          </Link>
        </p>
        {mine.places.length === 0 ? (
          <Card>
            <p className="text-lg">{t("noPlaces")}</p>
            <Link href="/posts" className={buttonClass("primary", "lg", "mt-4")}>
              {t("toPosts")}
            </Link>
          </Card>
        ) : (
          <Card aria-labelledby="places-title">
            <h2 id="places-title" className="mb-3 text-2xl font-bold">
              {t("placesTitle")}
            </h2>
            <ul className="flex flex-col gap-2">
              {mine.places.map((p) => (
                <li key={p.memberId} className="flex flex-wrap items-center gap-2 text-lg">
                  <span className="font-semibold">{p.postName}</span>
                  {p.group && <span>· {p.group}</span>}
                  {p.status === "requested" ? (
                    <Badge tone="gold">{t("requested")}</Badge>
                  ) : (
                    <Badge tone={p.leader ? "red" : "green"}>
                      {p.leader ? t("leader") : t(`standing.${p.standing}`)}
                    </Badge>
                  )}
                </li>
              ))}
            </ul>
          </Card>
        )}

        {today.map((p) => (
          <Card key={p.teamId} aria-labelledby={`today-${p.teamId}`} className="border-2 border-red-brand">
            <h2 id={`today-${p.teamId}`} className="mb-1 text-2xl font-bold">
              {tt("title", { post: p.postName })}
            </h2>
            <p className="mb-3 text-lg">{tt("when", { start: p.startsAt, end: p.endsAt })}</p>
            <p className="mb-4 text-lg">{tt("team", { names: names(p) })}</p>
            {p.endedAt && p.startedAt ? (
              <Alert tone="success">
                {tt("ended", {
                  from: time(p.startedAt),
                  to: time(p.endedAt),
                  minutes: Math.round((p.endedAt.getTime() - p.startedAt.getTime()) / 60_000),
                })}
                {p.closedUnended ? ` ${tt("closedUnended")}` : ""}
              </Alert>
            ) : p.startedAt ? (
              <div className="flex flex-col gap-4">
                <Alert tone="info">
                  {tt("walking", { from: time(p.startedAt), to: p.plannedEndAt ? time(p.plannedEndAt) : p.endsAt })}
                </Alert>
                {p.leads && <EndPatrolForm teamId={p.teamId} team={p.team} />}
              </div>
            ) : p.leads ? (
              <StartPatrolForm teamId={p.teamId} endsAt={p.endsAt} />
            ) : (
              <p className="text-lg">{tt("leaderStarts")}</p>
            )}
            {p.startedAt && (
              <section
                aria-labelledby={`notes-${p.teamId}`}
                className="mt-6 flex flex-col gap-3 border-t border-line pt-4"
              >
                <h3 id={`notes-${p.teamId}`} className="text-xl font-bold">
                  {tn("title")}
                </h3>
                {p.notes.length > 0 && (
                  <ul className="flex flex-col gap-3">
                    {p.notes.map((n) => (
                      <PatrolNoteItem key={n.id} note={n} canPass={n.mine || p.leads} />
                    ))}
                  </ul>
                )}
                <NoteForm teamId={p.teamId} />
              </section>
            )}
          </Card>
        ))}

        {meetings.map((m) => (
          <Card
            key={`${m.groupId}-${m.slotId ?? m.sessionId}`}
            aria-labelledby={`meeting-${m.slotId ?? m.sessionId}`}
            className="border-2 border-gold"
          >
            <h2 id={`meeting-${m.slotId ?? m.sessionId}`} className="mb-1 text-2xl font-bold">
              {m.title
                ? tc("titleSpecial", { group: m.groupName, title: m.title })
                : tc("title", { group: m.groupName })}
            </h2>
            <p className="mb-4 text-lg">{tc("when", { start: m.startsAt, end: m.endsAt, place: m.place })}</p>
            {m.present && <Alert tone="success">{tc("taken", { count: m.present.length })}</Alert>}
            <div className="mt-3">
              <AttendanceForm
                groupId={m.groupId}
                slotId={m.slotId}
                sessionId={m.sessionId}
                members={m.members}
                present={m.present}
                me={m.me}
              />
            </div>
          </Card>
        ))}

        {mine.places.some((p) => p.status === "active") && (
          <Card aria-labelledby="training-title">
            <h2 id="training-title" className="mb-3 text-2xl font-bold">
              {tr("title")}
            </h2>
            {trainings.coming.length === 0 ? (
              <p className="text-lg">{tr("none")}</p>
            ) : (
              <ul className="flex flex-col gap-3">
                {trainings.coming.map((s) => (
                  <li key={s.id} className="flex flex-col gap-1 rounded-xl border-2 border-gold p-3">
                    <p className="text-xl font-bold">{s.title}</p>
                    <p className="text-lg font-semibold">
                      {tr("when", { day: dayText(s.day), start: s.startsAt, end: s.endsAt })}
                    </p>
                    <p className="text-lg">{tr("where", { place: s.place })}</p>
                    {s.trainer && <p className="text-lg">{tr("trainer", { trainer: s.trainer })}</p>}
                    <p className="text-base text-muted">{tr("post", { post: s.postName })}</p>
                  </li>
                ))}
              </ul>
            )}
            {trainings.attended.length > 0 && (
              <>
                <h3 className="mt-5 mb-2 text-xl font-bold">{tr("attendedTitle")}</h3>
                <ul className="flex flex-col gap-2">
                  {trainings.attended.map((s) => (
                    <li key={s.id} className="text-lg">
                      {tr("attendedLine", {
                        day: dayText(s.day),
                        title: s.title,
                        hours: th("hoursValue", { hours: hoursOf(s.minutes) }),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
        )}

        {(standings.length > 0 || rewards.length > 0) && (
          <Card aria-labelledby="my-points-title">
            <h2 id="my-points-title" className="mb-3 text-2xl font-bold">
              {tp("title", { year: standings[0]?.year ?? currentYear() })}
            </h2>
            <ul className="flex flex-col gap-4">
              {standings.map((s) => (
                <li key={s.postId} className="flex flex-col gap-2 rounded-xl border-2 border-line p-3">
                  <p className="text-xl font-bold">{s.postName}</p>
                  <p className="text-2xl font-bold text-red-deep">{tp("points", { points: s.points })}</p>
                  <p className="text-lg">
                    {tp("place", { rank: s.rank, count: s.members })} ·{" "}
                    {th("hoursValue", { hours: hoursOf(s.minutes) })}
                  </p>
                  {s.top.length > 0 && (
                    <ol aria-label={tp("topOf", { post: s.postName })} className="mt-1 flex flex-col gap-1">
                      {s.top.map((r, i) => (
                        <li
                          key={i}
                          className={`flex flex-wrap items-baseline justify-between gap-x-3 rounded-lg px-3 py-1 text-lg ${r.isMe ? "bg-gold-soft font-bold" : ""}`}
                        >
                          <span className="break-words">
                            {tp("rankName", { rank: r.rank, name: r.isMe ? tp("me") : (r.name ?? tp("aMember")) })}
                          </span>
                          <span className="tabular-nums whitespace-nowrap">{tp("points", { points: r.points })}</span>
                        </li>
                      ))}
                    </ol>
                  )}
                </li>
              ))}
            </ul>
            <p className="mt-3 text-base text-muted">{tp("howCounted")}</p>
            {rewards.length > 0 && (
              <>
                <h3 className="mt-5 mb-2 text-xl font-bold">{tp("rewardsTitle")}</h3>
                <ul className="flex flex-col gap-2">
                  {rewards.map((r) => (
                    <li key={r.year} className="rounded-xl border-2 border-gold bg-gold-soft/40 p-3 text-lg">
                      <p className="font-bold">
                        {tp("rewardLine", { year: r.year, reward: r.reward, points: r.points })}
                      </p>
                      <p>
                        {r.handedAt
                          ? tp("handed", { date: format.dateTime(r.handedAt, { dateStyle: "long" }) })
                          : tp("toCollect")}
                      </p>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>
        )}

        {mine.places.some((p) => p.kind === "patrol" && p.status === "active") && (
          <Card aria-labelledby="coming-title">
            <h2 id="coming-title" className="mb-3 text-2xl font-bold">
              {t("comingTitle")}
            </h2>
            {coming.length === 0 ? (
              <p className="text-lg">{t("noComing", { days: PATROL_LOOKAHEAD_DAYS })}</p>
            ) : (
              <ul className="flex flex-col gap-3">
                {coming.map((p) => (
                  <li key={p.teamId} className="flex flex-col gap-2 rounded-xl border border-line p-3">
                    <p className="text-xl font-semibold">
                      {dayText(p.day)} · {p.startsAt}–{p.endsAt}
                    </p>
                    <p className="text-lg">
                      {p.leads ? t("youLead") : null} {tt("team", { names: names(p) })}
                    </p>
                    <Link href={`/me/posts/swap/${p.teamId}`} className={buttonClass("secondary", "md", "self-start")}>
                      {ts("askLink")}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}

        {mine.swaps.length > 0 && (
          <Card aria-labelledby="swaps-title" id="swaps">
            <h2 id="swaps-title" className="mb-3 text-2xl font-bold">
              {ts("title")}
            </h2>
            <ul className="flex flex-col gap-3">
              {mine.swaps.map((s) => (
                <li key={s.id} className="flex flex-col gap-2 rounded-xl border border-line p-3">
                  <p className="text-lg">
                    {s.askedOfMe
                      ? s.toDay
                        ? ts("askedOfMeExchange", {
                            from: s.from,
                            fromDay: dayText(s.fromDay),
                            toDay: dayText(s.toDay),
                          })
                        : ts("askedOfMeCover", { from: s.from, fromDay: dayText(s.fromDay) })
                      : s.toDay
                        ? ts("askedByMeExchange", { to: s.to, fromDay: dayText(s.fromDay), toDay: dayText(s.toDay) })
                        : ts("askedByMeCover", { to: s.to, fromDay: dayText(s.fromDay) })}
                  </p>
                  {s.note && <p className="text-base text-muted">{s.note}</p>}
                  <p>
                    <Badge
                      tone={
                        s.status === "done"
                          ? "green"
                          : s.status === "asked" || s.status === "accepted"
                            ? "gold"
                            : "grey"
                      }
                    >
                      {ts(`status.${s.status}`)}
                    </Badge>
                  </p>
                  {s.askedOfMe && s.status === "asked" && (
                    <div className="flex flex-wrap gap-3">
                      <ActionButton
                        action={answerSwapAction}
                        fields={{ swapId: s.id, answer: "accept", version: String(s.version) }}
                        label={ts("accept")}
                        variant="primary"
                      />
                      <ActionButton
                        action={answerSwapAction}
                        fields={{ swapId: s.id, answer: "decline", version: String(s.version) }}
                        label={ts("decline")}
                      />
                    </div>
                  )}
                  {!s.askedOfMe && (s.status === "asked" || s.status === "accepted") && (
                    <ActionButton action={withdrawSwapAction} fields={{ swapId: s.id }} label={ts("withdraw")} />
                  )}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </ClientMessages>
  );
}
