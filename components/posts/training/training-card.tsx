import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TrainingRow } from "@/lib/posts/training-queries";
import type { TrainingStatus } from "@/vocabulary/posts";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { festivalDay } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";

export const TRAINING_TONE: Record<TrainingStatus, "gold" | "green" | "grey"> = {
  planned: "gold",
  held: "green",
  cancelled: "grey",
};

/** On the organiser's post page: the post's trainings this year, and the way to plan one. */
export async function TrainingCard({
  base,
  postName,
  trainings,
}: {
  base: string;
  postName: string;
  trainings: TrainingRow[];
}) {
  const t = await getTranslations("training");
  const format = await getFormatter();
  const dayText = (day: string) =>
    format.dateTime(festivalDay(day), { month: "long", day: "numeric", weekday: "short" });
  return (
    <Card aria-labelledby="training-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="training-title" className="text-2xl font-bold">
          {t("admin.title")}
        </h2>
        <Link href={`${base}/training/new`} className={buttonClass("primary", "sm")}>
          {t("admin.plan")}
        </Link>
      </div>
      <p className="max-w-3xl text-base text-muted">{t("admin.intro")}</p>
      {trainings.length === 0 ? (
        <p className="text-lg">{t("admin.none")}</p>
      ) : (
        <Table caption={t("admin.caption", { post: postName })}>
          <thead>
            <tr>
              <Th>{t("admin.day")}</Th>
              <Th>{t("admin.training")}</Th>
              <Th>{t("admin.place")}</Th>
              <Th>{t("admin.status")}</Th>
              <Th>{t("admin.present")}</Th>
            </tr>
          </thead>
          <tbody>
            {trainings.map((s) => (
              <tr key={s.id}>
                <Td className="font-semibold">
                  {dayText(s.day)} {s.startsAt}–{s.endsAt}
                </Td>
                <Td className="min-w-48 whitespace-normal!">
                  <Link
                    href={`${base}/training/${s.id}`}
                    className="font-semibold text-red-deep underline underline-offset-4"
                  >
                    {s.title}
                  </Link>
                  {s.trainer && <span className="block text-muted">{s.trainer}</span>}
                </Td>
                <Td className="whitespace-normal!">{s.place}</Td>
                <Td>
                  <Badge tone={TRAINING_TONE[s.status]}>{t(`statuses.${s.status}`)}</Badge>
                </Td>
                <Td>{s.status === "held" ? t("admin.presentOf", { count: s.present, of: s.of }) : "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
