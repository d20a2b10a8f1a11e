import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getCompetitionDetail } from "@/lib/competitions/admin-queries";
import { getReviewFestival } from "@/lib/registrations/review-queries";
import { Badge, Card } from "@/components/ui/card";
import { FestivalTabs } from "@/components/festivals/festival-tabs";
import { SetupForm } from "@/components/competitions/admin/setup-form";
import { defaultGameFor } from "@/lib/competitions/default-game";
import {
  CheckInButton,
  ClearDrawButton,
  DrawForm,
  HalfByeButton,
  PairNextRoundButton,
  RefereeForm,
  RemoveRefereeButton,
  SyncEntrantsButton,
  WithdrawButton,
} from "@/components/competitions/admin/run-forms";
import { MatchList } from "@/components/competitions/admin/match-list";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { getScheduleDetail } from "@/lib/competitions/schedule-service";
import { ScheduleForm } from "@/components/competitions/admin/schedule-form";
import { ScheduleWarnings } from "@/components/competitions/admin/schedule-warnings";

export async function generateMetadata({ params }: { params: Promise<{ slug: string; item: string }> }) {
  // A draft item's title is not for everyone: the same guard as the page, before any read.
  const actor = await requireOrganiser();
  const { slug, item } = await params;
  const t = await getTranslations("competitionsAdmin");
  const db = await getDb();
  const festival = orForbidden(await getReviewFestival(db, actor, slug));
  const detail = festival ? orForbidden(await getCompetitionDetail(db, actor, festival.id, item)) : null;
  return { title: detail ? t("runTitle", { title: detail.item.title }) : t("title") };
}

const STATUS_TONE = { setup: "gold", drawn: "gold", locked: "red", finished: "green" } as const;

// Organisers only (the dashboard layout); every action checks the organiser (or referee) again.
export default async function CompetitionPage({ params }: { params: Promise<{ slug: string; item: string }> }) {
  const actor = await requireOrganiser();
  const { slug, item } = await params;
  const db = await getDb();
  const festival = orForbidden(await getReviewFestival(db, actor, slug));
  if (!festival) notFound();
  const detail = orForbidden(await getCompetitionDetail(db, actor, festival.id, item));
  if (!detail) notFound();
  const t = await getTranslations("competitionsAdmin");
  const { competition: c, entrants, waiting, referees, matches } = detail;
  const setup = c?.status === "setup";
  const here = entrants.filter((e) => e.checkedIn).length;
  const grouped = entrants.some((e) => e.groupNo !== null && e.groupNo > 1);
  const schedule = c ? orForbidden(await getScheduleDetail(db, actor, c.id)) : null;
  // Swiss: the round still to be paired, which a player may ask to sit out.
  const nextRound =
    c?.format === "swiss" && (c.status === "drawn" || c.status === "locked")
      ? Math.max(0, ...matches.map((m) => m.round)) + 1
      : null;
  const canSitOut = nextRound !== null && nextRound <= (c?.rounds ?? 0);

  return (
    <div className="flex flex-col gap-5">
      <p>
        <Link
          href={`/dashboard/festivals/${slug}/competitions`}
          className="inline-flex min-h-11 items-center text-base font-semibold text-red-deep underline underline-offset-4"
        >
          {t("back")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold text-red-deep">{t("runTitle", { title: detail.item.title })}</h1>
      <FestivalTabs slug={slug} current="competitions" />

      {!c ? (
        <Card aria-labelledby="setup-title">
          <h2 id="setup-title" className="mb-3 text-2xl font-bold">
            {t("setUpName", { title: detail.item.title })}
          </h2>
          <SetupForm
            itemId={detail.item.id}
            title={detail.item.title}
            current={null}
            defaultGame={defaultGameFor(detail.item.title, detail.item.kind)}
          />
        </Card>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-3 text-lg">
            <Badge tone={STATUS_TONE[c.status]}>{t(`statuses.${c.status}`)}</Badge>
            <span>{t(`statusHints.${c.status}`)}</span>
            {c.drawSeed !== null && (
              <span className="font-semibold tabular-nums">{t("draw.seedUsed", { seed: c.drawSeed })}</span>
            )}
          </div>

          <Card aria-labelledby="settings-title">
            <h2 id="settings-title" className="mb-3 text-2xl font-bold">
              {t("settings")}
            </h2>
            {setup ? (
              <SetupForm itemId={detail.item.id} title={detail.item.title} current={c} defaultGame={c.game} />
            ) : (
              <dl className="grid gap-x-6 gap-y-2 text-lg sm:grid-cols-[max-content_1fr]">
                <dt className="font-semibold">{t("setup.format")}</dt>
                <dd>{t(`setup.formats.${c.format}`)}</dd>
                <dt className="font-semibold">{t("setup.game")}</dt>
                <dd>{t(`setup.games.${c.game}`)}</dd>
                <dt className="font-semibold">{t("setup.entrantKind")}</dt>
                <dd>{t(`setup.entrantKinds.${c.entrantKind}`)}</dd>
                {c.groupSize !== null && (
                  <>
                    <dt className="font-semibold">{t("setup.groupSize")}</dt>
                    <dd>{c.groupSize}</dd>
                  </>
                )}
                {c.rounds !== null && (
                  <>
                    <dt className="font-semibold">{t("setup.rounds")}</dt>
                    <dd>{c.rounds}</dd>
                  </>
                )}
                {c.bestOf !== null && (
                  <>
                    <dt className="font-semibold">{t("setup.bestOf")}</dt>
                    <dd>{t("setup.bestOfN", { n: c.bestOf })}</dd>
                  </>
                )}
                {c.format === "single_elimination" && (
                  <>
                    <dt className="font-semibold">{t("setup.thirdPlace")}</dt>
                    <dd>{c.thirdPlace ? t("yes") : t("no")}</dd>
                  </>
                )}
                <dt className="font-semibold">{t("setup.seeding")}</dt>
                <dd>{t(`setup.seedings.${c.seeding}`)}</dd>
              </dl>
            )}
          </Card>

          <Card aria-labelledby="entrants-title">
            <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="entrants-title" className="text-2xl font-bold">
                {t("entrants.title")}
              </h2>
              <p className="text-lg">{t("entrants.count", { count: entrants.length, here })}</p>
            </div>
            {setup && (
              <div className="mb-4 flex flex-col gap-2">
                <p className="text-base text-muted">{t("entrants.syncHint")}</p>
                <SyncEntrantsButton competitionId={c.id} />
              </div>
            )}
            {waiting.length > 0 && (
              <div className="mb-4 rounded-xl border-l-4 border-gold bg-gold-soft px-4 py-3">
                <h3 className="text-lg font-semibold">
                  {t(`entrants.waiting.${c.entrantKind === "team" ? "team" : "pair"}`, { count: waiting.length })}
                </h3>
                <p className="text-base">{waiting.join(t("setup.separator"))}</p>
              </div>
            )}
            {entrants.length === 0 ? (
              <p className="text-lg">{t("entrants.none")}</p>
            ) : setup ? (
              <>
                <p className="mb-2 text-base text-muted">{t("entrants.checkInHint")}</p>
                <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
                  {entrants.map((e) => (
                    <li key={`${e.id}-${e.checkedIn}`}>
                      <CheckInButton entrantId={e.id} name={e.name} checkedIn={e.checkedIn} />
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <>
                {canSitOut && <p className="mb-2 text-base text-muted">{t("entrants.halfByeHint")}</p>}
                <ul className="flex flex-col divide-y divide-line">
                  {entrants.map((e) => (
                    <li key={e.id} className="flex flex-wrap items-center gap-3 py-2 text-lg">
                      <span className="w-12 tabular-nums text-muted">
                        {e.seed !== null ? t("entrants.seedNo", { seed: e.seed }) : "—"}
                      </span>
                      <span className="font-semibold">{e.name}</span>
                      {grouped && e.groupNo !== null && (
                        <span className="text-base">{t("matches.group", { group: e.groupNo })}</span>
                      )}
                      {!e.checkedIn && <Badge tone="grey">{t("entrants.notHere")}</Badge>}
                      {e.withdrawn && <Badge tone="red">{t("entrants.withdrawnBadge")}</Badge>}
                      {canSitOut && e.halfByeRound === nextRound && !e.withdrawn && (
                        <Badge tone="gold">{t("entrants.sittingOut", { round: nextRound })}</Badge>
                      )}
                      {e.seed !== null && !e.withdrawn && c.status !== "finished" && (
                        <span className="ml-auto flex flex-wrap items-start gap-2">
                          {canSitOut && (
                            <HalfByeButton
                              entrantId={e.id}
                              name={e.name}
                              round={nextRound!}
                              sittingOut={e.halfByeRound === nextRound}
                            />
                          )}
                          <WithdrawButton entrantId={e.id} name={e.name} />
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Card>

          <Card aria-labelledby="referees-title">
            <h2 id="referees-title" className="mb-2 text-2xl font-bold">
              {t("referees.title")}
            </h2>
            <p className="mb-3 text-base text-muted">{t("referees.intro")}</p>
            {referees.length === 0 ? (
              <p className="mb-3 text-lg">{t("referees.none")}</p>
            ) : (
              <ul className="mb-4 flex flex-col gap-2">
                {referees.map((r) => (
                  <li key={r.userId} className="flex flex-wrap items-center gap-3 text-lg">
                    <span className="font-semibold">{r.name}</span>
                    <span className="tabular-nums text-muted">{r.phone}</span>
                    <RemoveRefereeButton competitionId={c.id} phone={r.phone} name={r.name} />
                  </li>
                ))}
              </ul>
            )}
            <RefereeForm competitionId={c.id} />
          </Card>

          <Card aria-labelledby="draw-title">
            <h2 id="draw-title" className="mb-2 text-2xl font-bold">
              {t("draw.title")}
            </h2>
            {c.status === "setup" || c.status === "drawn" ? (
              <div className="flex flex-col gap-4">
                <p className="text-base text-muted">{t(c.status === "setup" ? "draw.intro" : "draw.againIntro")}</p>
                {/* Keyed on who is here, so "not enough entrants" goes once more have checked in. */}
                <DrawForm key={here} competitionId={c.id} again={c.status === "drawn"} />
                {c.status === "drawn" && <ClearDrawButton competitionId={c.id} />}
              </div>
            ) : (
              <p className="text-lg">{t("draw.locked")}</p>
            )}
          </Card>

          <Card aria-labelledby="schedule-title">
            <h2 id="schedule-title" className="mb-2 text-2xl font-bold">
              {t("schedule.title")}
            </h2>
            {schedule ? (
              <div className="flex flex-col gap-4">
                <p className="text-base text-muted">{t(schedule.saved ? "schedule.introSaved" : "schedule.intro")}</p>
                {schedule.saved && <ScheduleWarnings warnings={schedule.warnings} timeZone={schedule.timeZone} />}
                {/* Made anew when the draw changes the rounds; kept (with its outcome) when only times are saved. */}
                <ScheduleForm
                  key={schedule.rounds.map((r) => `${r.round}:${r.matches}`).join(",")}
                  competitionId={c.id}
                  version={schedule.version}
                  tables={schedule.tables}
                  matchMinutes={schedule.matchMinutes}
                  rounds={schedule.rounds}
                />
              </div>
            ) : (
              <p className="text-lg">{t("schedule.afterDraw")}</p>
            )}
          </Card>

          {matches.length > 0 && (
            <section aria-labelledby="matches-title" className="flex flex-col gap-3">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <h2 id="matches-title" className="text-2xl font-bold">
                  {t("matches.title")}
                </h2>
                <Link
                  href={`/referee/${c.id}`}
                  className="inline-flex min-h-11 items-center text-base font-semibold text-red-deep underline underline-offset-4"
                >
                  {t("matches.phoneLink")}
                </Link>
              </div>
              {/* Once the last round is in there is nothing left to pair. */}
              {c.format === "swiss" && c.status !== "setup" && c.status !== "finished" && (
                <PairNextRoundButton competitionId={c.id} />
              )}
              <MatchList matches={matches} game={c.game} bestOf={c.bestOf} timeZone={festival.timeZone} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
