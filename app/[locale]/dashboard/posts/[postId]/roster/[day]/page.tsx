import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { setPlaceAction } from "@/lib/posts/patrol-actions";
import { getRosterDay } from "@/lib/posts/roster-queries";
import { communityToday } from "@/lib/posts/service";
import { festivalDay } from "@/components/ui/format";
import { ActionButton } from "@/components/ui/action-button";
import { Alert } from "@/components/ui/alert";
import { Badge, Card } from "@/components/ui/card";
import { PatrolNoteItem } from "@/components/posts/patrol/note-item";
import { AddPlaceForm, EndPatrolForm, NoteForm, StartPatrolForm } from "@/components/posts/patrol/patrol-forms";

export async function generateMetadata() {
  const t = await getTranslations("patrol.day");
  return { title: t("title") };
}

/** One day of the patrol: its team (a gap filled, someone taken off), the patrol itself, its notes. */
export default async function RosterDayPage({ params }: { params: Promise<{ postId: string; day: string }> }) {
  const { postId, day } = await params;
  const actor = await requireOrganiser(`/dashboard/posts/${postId}/roster`);
  const view = await getRosterDay(await getDb(), actor, postId, day).then(orForbidden);
  if (!view) notFound();
  const { post, team, notes, free } = view;
  const t = await getTranslations("patrol.day");
  const tt = await getTranslations("patrol.today");
  const tn = await getTranslations("patrol.notes");
  const format = await getFormatter();
  const today = communityToday();
  const time = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const dayTitle = format.dateTime(festivalDay(day), {
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "long",
  });
  const canChange = !team.startedAt && day >= today;
  const people = [...(team.leader ? [team.leader] : []), ...team.members];
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <p>
        <Link
          href={`/dashboard/posts/${postId}/roster?month=${day.slice(0, 7)}`}
          className="text-lg font-semibold underline underline-offset-4"
        >
          {t("back")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold text-red-deep">{t("heading", { post: post.name, day: dayTitle })}</h1>
      <Card aria-labelledby="team-title">
        <h2 id="team-title" className="mb-3 text-2xl font-bold">
          {t("team")}
        </h2>
        {!team.leader && <Alert tone="error">{t("noLeader")}</Alert>}
        {team.missing > 0 && (
          <div className="mt-2">
            <Alert tone="info">{t("missing", { count: team.missing })}</Alert>
          </div>
        )}
        <ul className="my-3 flex flex-col gap-2">
          {people.map((p) => (
            <li key={p.memberId} className="flex flex-wrap items-center gap-3 text-lg">
              <span className="font-semibold">{p.name}</span>
              {p.leads && <Badge tone="red">{t("leaderBadge")}</Badge>}
              {p.walked === true && <Badge tone="green">{t("walkedBadge")}</Badge>}
              {p.walked === false && <Badge tone="grey">{t("absentBadge")}</Badge>}
              {canChange && (
                <ActionButton
                  action={setPlaceAction}
                  fields={{ teamId: team.id, memberId: p.memberId, place: "remove", leads: "" }}
                  label={t("remove")}
                  ariaLabel={t("removeName", { name: p.name })}
                  variant="ghost"
                />
              )}
            </li>
          ))}
          {people.length === 0 && <li className="text-lg">{t("empty")}</li>}
        </ul>
        {canChange ? (
          <AddPlaceForm teamId={team.id} free={free} needsLeader={!team.leader} />
        ) : (
          <p className="text-base text-muted">{team.startedAt ? t("lockedWalked") : t("lockedPast")}</p>
        )}
      </Card>
      <Card aria-labelledby="patrol-title">
        <h2 id="patrol-title" className="mb-3 text-2xl font-bold">
          {t("patrol")}
        </h2>
        {team.endedAt && team.startedAt ? (
          <p className="flex flex-wrap items-center gap-2 text-lg">
            {t("ended", {
              from: time(team.startedAt),
              to: time(team.endedAt),
              minutes: Math.round((team.endedAt.getTime() - team.startedAt.getTime()) / 60_000),
            })}
            {team.closedUnended && <Badge tone="gold">{t("closedUnended")}</Badge>}
          </p>
        ) : team.startedAt ? (
          <div className="flex flex-col gap-4">
            <p className="text-lg">
              {tt("walking", {
                from: time(team.startedAt),
                to: team.plannedEndAt ? time(team.plannedEndAt) : post.endsAt,
              })}
            </p>
            <EndPatrolForm teamId={team.id} team={people} />
          </div>
        ) : day === today ? (
          <div className="flex flex-col gap-3">
            <p className="text-base text-muted">{t("startForLeader")}</p>
            <StartPatrolForm teamId={team.id} endsAt={post.endsAt} />
          </div>
        ) : (
          <p className="text-lg">{day < today ? t("notWalked") : t("notYet")}</p>
        )}
      </Card>
      <Card aria-labelledby="notes-title">
        <h2 id="notes-title" className="mb-3 text-2xl font-bold">
          {tn("title")}
        </h2>
        {notes.length === 0 ? (
          <p className="mb-3 text-lg">{tn("none")}</p>
        ) : (
          <ul className="mb-4 flex flex-col gap-3">
            {notes.map((n) => (
              <PatrolNoteItem key={n.id} note={n} author={n.author} canPass />
            ))}
          </ul>
        )}
        {team.startedAt && <NoteForm teamId={team.id} />}
      </Card>
    </div>
  );
}
