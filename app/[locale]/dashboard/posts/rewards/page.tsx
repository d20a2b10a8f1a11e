import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getRewardRound } from "@/lib/points/round-queries";
import {
  markRewardHandedAction,
  recordRewardRoundAction,
  removeRewardBandAction,
  reopenRewardRoundAction,
} from "@/lib/points/round-actions";
import { currentYear, parseYear } from "@/lib/points/year";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { MAX_REWARD_BANDS } from "@/vocabulary/points";
import { ActionButton } from "@/components/ui/action-button";
import { Alert } from "@/components/ui/alert";
import { Badge, Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { AddRewardBandForm } from "@/components/points/admin/round-forms";
import { YearNav } from "@/components/points/admin/year-nav";

export async function generateMetadata() {
  const t = await getTranslations("postPoints.rewards");
  return { title: t("heading") };
}

/**
 * The year-end reward round (适度回馈): the bands by points, who falls in each, recording the
 * round, and marking each reward handed over.
 */
export default async function RewardRoundPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await requireOrganiser("/dashboard/posts/rewards");
  const year = Math.min(parseYear((await searchParams).year), currentYear());
  const round = orForbidden(await getRewardRound(await getDb(), actor, year));
  const t = await getTranslations("postPoints.rewards");
  const format = await getFormatter();
  const recorded = round.status === "recorded";
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" });
  return (
    <div className="flex flex-col gap-5">
      <Link href="/dashboard/posts" className="self-start text-red-deep underline underline-offset-4">
        {t("back")}
      </Link>
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold text-red-deep">{t("title", { year })}</h1>
          <Badge tone={recorded ? "green" : "gold"}>{t(`status.${round.status}`)}</Badge>
        </div>
        <p className="max-w-3xl text-base">{t("intro")}</p>
      </header>
      <YearNav base="/dashboard/posts/rewards" year={year} />

      {recorded && round.recordedAt && (
        <Alert tone="success">
          {t("recordedLine", {
            when: when(round.recordedAt),
            name: round.recordedByName ?? "—",
            count: round.rows.length,
            handed: round.handed,
          })}
        </Alert>
      )}

      <Card aria-labelledby="bands-title">
        <h2 id="bands-title" className="mb-3 text-2xl font-bold">
          {t("bandsTitle")}
        </h2>
        {round.bands.length === 0 ? (
          <p className="text-lg">{t("noBands")}</p>
        ) : (
          <ul className="mb-4 flex flex-col gap-2" aria-label={t("bandsTitle")}>
            {round.bands.map((b) => (
              <li
                key={b.id}
                className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border-2 border-line px-4 py-3"
              >
                <span className="text-xl font-bold">{t("bandLine", { points: b.minPoints, reward: b.reward })}</span>
                <span className="text-base text-muted">{t("bandPeople", { count: b.people })}</span>
                {!recorded && (
                  <ActionButton
                    action={removeRewardBandAction}
                    fields={{ bandId: b.id }}
                    label={t("remove")}
                    ariaLabel={t("removeOf", { points: b.minPoints, reward: b.reward })}
                    variant="ghost"
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {!recorded &&
          (round.bands.length < MAX_REWARD_BANDS ? (
            <div className="mt-2 border-t border-line pt-4">
              <h3 className="mb-2 text-xl font-bold">{t("addTitle")}</h3>
              <AddRewardBandForm year={year} />
            </div>
          ) : (
            <p className="text-base text-muted">{t("bandsFull", { count: MAX_REWARD_BANDS })}</p>
          ))}
      </Card>

      <section aria-labelledby="people-title" className="flex flex-col gap-3">
        <h2 id="people-title" className="text-2xl font-bold">
          {recorded ? t("recordedTitle") : t("previewTitle")}
        </h2>
        <p className="text-lg">{t("below", { count: round.below })}</p>
        {round.rows.length === 0 ? (
          <p className="text-lg">{round.bands.length ? t("nobodyInBands") : t("addBandFirst")}</p>
        ) : (
          <Table caption={t("caption", { year })}>
            <thead>
              <tr>
                <Th>{t("name")}</Th>
                <Th>{t("phone")}</Th>
                <Th className="text-right">{t("points")}</Th>
                <Th>{t("reward")}</Th>
                {recorded && <Th>{t("handed")}</Th>}
              </tr>
            </thead>
            <tbody>
              {round.rows.map((r, i) => (
                <tr key={r.awardId ?? i}>
                  <Td className="font-semibold">{r.name}</Td>
                  <Td className="tabular-nums">{r.phoneMasked ?? t("noPhone")}</Td>
                  <Td className="text-right text-xl font-bold tabular-nums">{r.points}</Td>
                  <Td className="whitespace-normal!">{r.reward}</Td>
                  {recorded && r.awardId && (
                    <Td>
                      <div className="flex flex-wrap items-center gap-3">
                        {r.handedAt && <Badge tone="green">{t("handedOn", { when: when(r.handedAt) })}</Badge>}
                        <ActionButton
                          action={markRewardHandedAction}
                          fields={{ awardId: r.awardId, handed: r.handedAt ? "false" : "true" }}
                          label={r.handedAt ? t("unhand") : t("hand")}
                          ariaLabel={r.handedAt ? t("unhandOf", { name: r.name }) : t("handOf", { name: r.name })}
                          variant={r.handedAt ? "ghost" : "primary"}
                        />
                      </div>
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <Card aria-labelledby="record-title">
        <h2 id="record-title" className="mb-2 text-2xl font-bold">
          {recorded ? t("reopenTitle") : t("recordTitle")}
        </h2>
        {recorded ? (
          round.handed > 0 ? (
            <p className="text-lg">{t("reopenHanded", { handed: round.handed })}</p>
          ) : (
            <>
              <p className="mb-3 text-lg">{t("reopenHint")}</p>
              <ActionButton
                action={reopenRewardRoundAction}
                fields={{ year: String(year) }}
                label={t("reopen")}
                confirmText={t("reopenConfirm", { year })}
              />
            </>
          )
        ) : round.bands.length === 0 ? (
          <p className="text-lg">{t("addBandFirst")}</p>
        ) : (
          <>
            <p className="mb-3 text-lg">{t("recordHint", { count: round.rows.length })}</p>
            <ActionButton
              action={recordRewardRoundAction}
              fields={{ year: String(year) }}
              label={t("record")}
              variant="primary"
              confirmText={t("recordConfirm", { year, count: round.rows.length })}
            />
          </>
        )}
      </Card>
    </div>
  );
}
