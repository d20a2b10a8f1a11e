import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { markShiftServedAction } from "@/lib/points/admin-actions";
import { deleteShiftAction, unassignShiftAction } from "@/lib/registrations/review-actions";
import { getReviewFestival } from "@/lib/registrations/review-queries";
import { listHelpers, listShifts } from "@/lib/registrations/shift-queries";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { FestivalTabs } from "@/components/festivals/festival-tabs";
import { spanFormatter } from "@/components/registrations/review/format";
import { ASSIGN_FORM_ID, AssignBar, NewShiftForm } from "@/components/registrations/review/shift-forms";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("review.shifts");
  return { title: t("title") };
}

// Organisers only (the dashboard layout); every action checks the organiser again.
export default async function ShiftsPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requireOrganiser();
  const { slug } = await params;
  const db = await getDb();
  const festival = orForbidden(await getReviewFestival(db, actor, slug));
  if (!festival) notFound();
  const shifts = orForbidden(await listShifts(db, actor, festival.id));
  const helpers = orForbidden(await listHelpers(db, actor, festival.id));
  const t = await getTranslations("review");
  const tp = await getTranslations("pointsAdmin.shifts");
  const sep = t("listSeparator");
  const span = spanFormatter(await getFormatter(), festival.timeZone);
  const when = (s: { startsAt: Date; endsAt: Date }) => span(s.startsAt, s.endsAt);
  const shiftLabel = (s: (typeof shifts)[number]) =>
    `${s.title} · ${when(s)} · ${t("shifts.filled", { taken: s.helpers.length, places: s.places })}`;
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-3xl font-bold text-red-deep">{t("shifts.titleFor", { title: festival.title })}</h1>
      <FestivalTabs slug={slug} current="shifts" />
      <p className="max-w-4xl text-base">{t("shifts.intro")}</p>

      <Card aria-labelledby="new-shift-title">
        <h2 id="new-shift-title" className="mb-3 text-2xl font-bold">
          {t("shifts.create")}
        </h2>
        <NewShiftForm slug={slug} timeZone={festival.timeZone} defaultDay={festival.startsOn} />
      </Card>

      <section aria-labelledby="shift-list-title" className="flex flex-col gap-3">
        <h2 id="shift-list-title" className="text-2xl font-bold">
          {t("shifts.list")}
        </h2>
        {shifts.length === 0 ? (
          <p>{t("shifts.none")}</p>
        ) : (
          <Table caption={t("shifts.listCaption")}>
            <thead>
              <tr>
                <Th>{t("shifts.name")}</Th>
                <Th>{t("shifts.time")}</Th>
                <Th>{t("shifts.skill")}</Th>
                <Th>{t("shifts.places")}</Th>
                <Th>{t("shifts.helpers")}</Th>
                <Th>
                  <span className="sr-only">{t("shifts.delete")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {shifts.map((s) => (
                <tr key={s.id}>
                  <Td className="min-w-32 font-semibold whitespace-normal!">{s.title}</Td>
                  <Td className="tabular-nums">{when(s)}</Td>
                  <Td>{s.skill ? t(`skills.${s.skill}`) : t("shifts.anySkill")}</Td>
                  <Td className="tabular-nums">
                    <Badge tone={s.helpers.length >= s.places ? "green" : "gold"}>
                      {t("shifts.filled", { taken: s.helpers.length, places: s.places })}
                    </Badge>
                  </Td>
                  <Td className="min-w-64 whitespace-normal!">
                    {s.helpers.length === 0 ? (
                      <span className="text-muted">{t("shifts.noHelpers")}</span>
                    ) : (
                      <ul className="flex flex-col gap-2">
                        {s.helpers.map((h) => (
                          <li key={h.registrationId} className="flex flex-wrap items-center gap-2">
                            <span>
                              {h.name} <span className="text-sm tabular-nums text-muted">{h.phone}</span>
                            </span>
                            {h.servedAt ? (
                              <Badge tone="green">{tp("served", { points: h.points })}</Badge>
                            ) : (
                              <ActionButton
                                action={markShiftServedAction}
                                fields={{ assignmentId: h.assignmentId }}
                                label={tp("markServed")}
                                ariaLabel={tp("markServedName", { name: h.name, shift: s.title })}
                                successText={tp("servedNow")}
                              />
                            )}
                            <ActionButton
                              action={unassignShiftAction}
                              fields={{ shiftId: s.id, registrationId: h.registrationId }}
                              label={t("shifts.unassign")}
                              ariaLabel={t("shifts.unassignName", { name: h.name })}
                              successText={t("shifts.unassigned")}
                            />
                          </li>
                        ))}
                      </ul>
                    )}
                  </Td>
                  <Td>
                    <ActionButton
                      action={deleteShiftAction}
                      fields={{ shiftId: s.id }}
                      label={t("shifts.delete")}
                      ariaLabel={`${t("shifts.delete")} ${s.title}`}
                      variant="danger"
                      confirmText={t("shifts.deleteConfirm")}
                      successText={t("shifts.deleted")}
                    />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="helpers-title" className="flex flex-col gap-3">
        <div>
          <h2 id="helpers-title" className="text-2xl font-bold">
            {t("shifts.people")}
          </h2>
          <p className="text-base text-muted">{t("shifts.peopleIntro")}</p>
        </div>
        {helpers.length === 0 ? (
          <p>{t("shifts.noPeople")}</p>
        ) : (
          <>
            {shifts.length === 0 ? (
              <p>{t("shifts.noShiftsYet")}</p>
            ) : (
              <AssignBar shifts={shifts.map((s) => ({ id: s.id, label: shiftLabel(s) }))} />
            )}
            <Table caption={t("shifts.peopleCaption")}>
              <thead>
                <tr>
                  <Th className="w-12">
                    <span className="sr-only">{t("table.select")}</span>
                  </Th>
                  <Th>{t("shifts.name2")}</Th>
                  <Th>{t("shifts.status")}</Th>
                  <Th>{t("shifts.skills")}</Th>
                  <Th>{t("shifts.available")}</Th>
                  <Th>{t("shifts.hasShifts")}</Th>
                </tr>
              </thead>
              <tbody>
                {helpers.map((h) => {
                  const status = h.status === "confirmed" ? (h.accepted ? "accepted" : "pending") : "waitlisted";
                  const mine = shifts.filter((s) => h.shiftIds.includes(s.id));
                  return (
                    // Keyed by their shifts: once put on one, the row comes back unticked.
                    <tr key={`${h.registrationId}-${h.shiftIds.join(",")}`}>
                      <Td>
                        {shifts.length > 0 && (
                          <input
                            type="checkbox"
                            name="ids"
                            value={h.registrationId}
                            form={ASSIGN_FORM_ID}
                            aria-label={t("table.selectRow", { name: h.name })}
                            className="h-6 w-6 accent-red-brand"
                          />
                        )}
                      </Td>
                      <Td className="min-w-28 whitespace-normal!">
                        <p className="font-semibold">{h.name}</p>
                        <p className="text-sm tabular-nums text-muted">{h.phone}</p>
                        {h.age !== null && <p className="text-sm">{t("age", { age: h.age })}</p>}
                      </Td>
                      <Td>
                        <Badge tone={status === "accepted" ? "green" : "gold"}>{t(`statuses.${status}`)}</Badge>
                      </Td>
                      <Td className="min-w-32 whitespace-normal!">
                        {h.skills.map((s) => t(`skills.${s}`)).join(sep) || "—"}
                      </Td>
                      <Td className="min-w-48 whitespace-normal! text-sm tabular-nums">
                        <ul>
                          {h.available.map((r) => (
                            <li key={r.startsAt.toISOString()} className="whitespace-nowrap">
                              {when(r)}
                            </li>
                          ))}
                        </ul>
                      </Td>
                      <Td className="min-w-48 whitespace-normal! text-sm">
                        {mine.length ? (
                          <ul>
                            {mine.map((s) => (
                              <li key={s.id}>
                                {s.title} <span className="whitespace-nowrap tabular-nums">{when(s)}</span>
                              </li>
                            ))}
                          </ul>
                        ) : (
                          "—"
                        )}
                      </Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          </>
        )}
      </section>
    </div>
  );
}
