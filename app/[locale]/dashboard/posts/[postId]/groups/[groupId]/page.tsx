import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { removeSlotAction } from "@/lib/posts/culture-actions";
import { getGroupForAdmin, type SessionRow } from "@/lib/posts/culture-queries";
import { festivalDay } from "@/components/ui/format";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { SlotForm, SpecialSessionForm } from "@/components/posts/culture/culture-forms";

export async function generateMetadata() {
  const t = await getTranslations("culture.admin");
  return { title: t("title") };
}

/** A culture group: its weekly timetable, its special events, and its meetings with who came. */
export default async function GroupPage({ params }: { params: Promise<{ postId: string; groupId: string }> }) {
  const { postId, groupId } = await params;
  const actor = await requireOrganiser(`/dashboard/posts/${postId}`);
  const group = await getGroupForAdmin(await getDb(), actor, groupId).then(orForbidden);
  if (!group || group.postId !== postId) notFound();
  const t = await getTranslations("culture.admin");
  const tw = await getTranslations("culture.weekdays");
  const format = await getFormatter();
  const dayText = (day: string) =>
    format.dateTime(festivalDay(day), { month: "long", day: "numeric", weekday: "short" });
  const sessionName = (s: SessionRow) => (s.kind === "special" ? s.title : t("regular"));
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <p>
        <Link href={`/dashboard/posts/${postId}`} className="text-lg font-semibold underline underline-offset-4">
          {t("back", { post: group.postName })}
        </Link>
      </p>
      <h1 className="text-3xl font-bold text-red-deep">{group.name}</h1>
      {group.description && <p className="text-lg">{group.description}</p>}
      <p className="text-base text-muted">
        {t("leaders", {
          names:
            group.members
              .filter((m) => m.leader)
              .map((m) => m.name)
              .join(t("listSeparator")) || "—",
          count: group.members.length,
        })}
      </p>

      <Card aria-labelledby="slots-title">
        <h2 id="slots-title" className="mb-3 text-2xl font-bold">
          {t("timetable")}
        </h2>
        {group.slots.length === 0 ? (
          <p className="mb-3 text-lg">{t("noSlots")}</p>
        ) : (
          <ul className="mb-4 flex flex-col gap-2">
            {group.slots.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-3 text-lg">
                <span className="font-semibold">
                  {t("slotLine", { weekday: tw(String(s.weekday)), start: s.startsAt, end: s.endsAt, place: s.place })}
                </span>
                <ActionButton
                  action={removeSlotAction}
                  fields={{ slotId: s.id }}
                  label={t("removeSlot")}
                  ariaLabel={t("removeSlotOf", { weekday: tw(String(s.weekday)), start: s.startsAt })}
                  variant="ghost"
                  confirmText={t("removeSlotConfirm")}
                />
              </li>
            ))}
          </ul>
        )}
        <SlotForm groupId={group.id} />
      </Card>

      <Card aria-labelledby="events-title">
        <h2 id="events-title" className="mb-3 text-2xl font-bold">
          {t("events")}
        </h2>
        {group.coming.length === 0 ? (
          <p className="mb-3 text-lg">{t("noEvents")}</p>
        ) : (
          <ul className="mb-4 flex flex-col gap-1 text-lg">
            {group.coming.map((s) => (
              <li key={s.id}>
                <span className="font-semibold">{s.title}</span> · {dayText(s.day)} {s.startsAt}–{s.endsAt} · {s.place}
              </li>
            ))}
          </ul>
        )}
        <SpecialSessionForm groupId={group.id} />
      </Card>

      <section aria-labelledby="held-title" className="flex flex-col gap-3">
        <h2 id="held-title" className="text-2xl font-bold">
          {t("held")}
        </h2>
        {group.recent.length === 0 ? (
          <p className="text-lg">{t("noneHeld")}</p>
        ) : (
          <Table caption={t("heldTable")}>
            <thead>
              <tr>
                <Th>{t("day")}</Th>
                <Th>{t("meeting")}</Th>
                <Th>{t("place")}</Th>
                <Th>{t("present")}</Th>
              </tr>
            </thead>
            <tbody>
              {group.recent.map((s) => (
                <tr key={s.id}>
                  <Td className="font-semibold">
                    {dayText(s.day)} {s.startsAt}–{s.endsAt}
                  </Td>
                  <Td>{sessionName(s)}</Td>
                  <Td>{s.place}</Td>
                  <Td>
                    {s.takenAt ? (
                      t("presentOf", { count: s.present, of: group.members.length })
                    ) : (
                      <Badge tone="grey">{t("notTaken")}</Badge>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}
