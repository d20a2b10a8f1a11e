import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { hoursOf } from "@/lib/hours/format";
import { cancelTrainingAction } from "@/lib/posts/training-actions";
import { getTrainingForAdmin } from "@/lib/posts/training-queries";
import { ActionButton } from "@/components/ui/action-button";
import { Alert } from "@/components/ui/alert";
import { Badge, Card } from "@/components/ui/card";
import { festivalDay } from "@/components/ui/format";
import { TRAINING_TONE } from "@/components/posts/training/training-card";
import { TrainingAttendanceForm, TrainingForm } from "@/components/posts/training/training-forms";

type Params = Promise<{ postId: string; trainingId: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { postId, trainingId } = await params;
  const actor = await requireOrganiser(`/dashboard/posts/${postId}`);
  const t = await getTranslations("training");
  const training = orForbidden(await getTrainingForAdmin(await getDb(), actor, trainingId));
  return { title: training ? t("page.title", { title: training.title, post: training.postName }) : t("admin.title") };
}

/** One training: what and when, who came (ticked by the organiser), the hours it wrote; changed or cancelled until held. */
export default async function TrainingPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ planned?: string }>;
}) {
  const { postId, trainingId } = await params;
  const actor = await requireOrganiser(`/dashboard/posts/${postId}`);
  const training = await getTrainingForAdmin(await getDb(), actor, trainingId).then(orForbidden);
  if (!training || training.postId !== postId) notFound();
  const { planned } = await searchParams;
  const t = await getTranslations("training");
  const th = await getTranslations("hours");
  const format = await getFormatter();
  const dayText = format.dateTime(festivalDay(training.day), {
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "long",
  });
  const held = training.status === "held";
  const present = training.members.filter((m) => m.present).length;
  const untickedWithHours = training.hours.filter((h) => !h.ticked);
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <p>
        <Link href={`/dashboard/posts/${postId}`} className="text-lg font-semibold underline underline-offset-4">
          {t("back", { post: training.postName })}
        </Link>
      </p>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold text-red-deep">{training.title}</h1>
        <Badge tone={TRAINING_TONE[training.status]}>{t(`statuses.${training.status}`)}</Badge>
      </header>
      {planned && training.status === "planned" && <Alert tone="success">{t("page.planned")}</Alert>}
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-lg">
        <dt className="text-muted">{t("page.when")}</dt>
        <dd>
          {dayText} {training.startsAt}–{training.endsAt}
          <span className="text-muted"> · {th("hoursValue", { hours: hoursOf(training.minutes) })}</span>
        </dd>
        <dt className="text-muted">{t("page.place")}</dt>
        <dd>{training.place}</dd>
        <dt className="text-muted">{t("page.trainer")}</dt>
        <dd>{training.trainer || "—"}</dd>
        {training.notes && (
          <>
            <dt className="text-muted">{t("page.notes")}</dt>
            <dd className="whitespace-pre-line">{training.notes}</dd>
          </>
        )}
      </dl>

      <Card aria-labelledby="attendance-title" className="flex flex-col gap-3">
        <h2 id="attendance-title" className="text-2xl font-bold">
          {t("attendance.title")}
        </h2>
        {held && (
          <p className="text-lg">
            {t("attendance.taken", { count: present, of: training.members.length })}
            {training.takenAt && (
              <span className="text-muted">
                {" "}
                {t("attendance.takenAt", {
                  at: format.dateTime(training.takenAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </span>
            )}
          </p>
        )}
        {training.status === "cancelled" ? (
          <p className="text-lg">{t("attendance.cancelled")}</p>
        ) : training.tooEarly ? (
          <Alert tone="info">{t("attendance.tooEarly", { day: dayText })}</Alert>
        ) : training.members.length === 0 ? (
          <p className="text-lg">{t("attendance.noMembers")}</p>
        ) : training.yearClosed ? (
          <>
            <p className="text-lg">{t("attendance.yearClosed")}</p>
            <ul className="flex flex-col gap-1 text-lg">
              {training.members
                .filter((m) => m.present)
                .map((m) => (
                  <li key={m.id}>{m.name}</li>
                ))}
            </ul>
          </>
        ) : (
          <>
            <p className="text-base text-muted">{t("attendance.intro")}</p>
            <TrainingAttendanceForm
              trainingId={training.id}
              members={training.members}
              taken={held}
              patrol={training.patrol}
            />
          </>
        )}
      </Card>

      {held && (
        <Card aria-labelledby="hours-title" className="flex flex-col gap-3">
          <h2 id="hours-title" className="text-2xl font-bold">
            {t("hours.title")}
          </h2>
          <p className="text-base text-muted">{t("hours.intro")}</p>
          {training.hours.length === 0 ? (
            <p className="text-lg">{t("hours.none")}</p>
          ) : (
            <ul aria-label={t("hours.listLabel")} className="flex flex-col divide-y divide-line">
              {training.hours.map((h, i) => (
                <li
                  key={`${h.name}-${i}`}
                  className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2 text-lg"
                >
                  <span>
                    {h.name}
                    {!h.ticked && <span className="ml-2 text-base text-muted">{t("hours.notTicked")}</span>}
                  </span>
                  <span className="font-semibold">{th("hoursValue", { hours: hoursOf(h.minutes) })}</span>
                </li>
              ))}
            </ul>
          )}
          {untickedWithHours.length > 0 && (
            <Alert tone="info">{t("hours.untickedNote", { count: untickedWithHours.length })}</Alert>
          )}
        </Card>
      )}

      {training.status === "planned" && (
        <Card aria-labelledby="change-title" className="flex flex-col gap-4">
          <h2 id="change-title" className="text-2xl font-bold">
            {t("page.change")}
          </h2>
          <TrainingForm
            postId={postId}
            training={{
              id: training.id,
              version: training.version,
              title: training.title,
              day: training.day,
              startsAt: training.startsAt,
              endsAt: training.endsAt,
              place: training.place,
              trainer: training.trainer,
              notes: training.notes,
            }}
          />
          <div className="border-t border-line pt-4">
            <ActionButton
              action={cancelTrainingAction}
              fields={{ trainingId: training.id, version: String(training.version) }}
              label={t("page.cancel")}
              variant="danger"
              confirmText={t("page.cancelConfirm", { title: training.title })}
            />
          </div>
        </Card>
      )}
      {held && <p className="text-base text-muted">{t("page.locked")}</p>}
    </div>
  );
}
