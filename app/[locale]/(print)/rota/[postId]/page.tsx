import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { applyLocale } from "@/lib/i18n/locale-params";
import { getRosterMonth } from "@/lib/posts/roster-queries";
import { communityToday } from "@/lib/posts/service";
import { festivalDay } from "@/components/ui/format";
import { PrintButton } from "@/components/ui/print-button";
import { LocaleSwitch } from "@/components/shell/locale-switch";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("patrol.rota");
  return { title: t("title") };
}

/** A month of the patrol roster on one A4 sheet, for the notice board and the team leaders. */
export default async function RotaPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; postId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await applyLocale(params);
  const { postId } = await params;
  const actor = await requireOrganiser(`/rota/${postId}`);
  const month = z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .catch(communityToday().slice(0, 7))
    .parse((await searchParams).month);
  const roster = await getRosterMonth(await getDb(), actor, postId, month).then(orForbidden);
  if (!roster) notFound();
  const t = await getTranslations("patrol.rota");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const monthTitle = format.dateTime(festivalDay(`${month}-01`), { year: "numeric", month: "long" });
  return (
    <>
      <style>{`@page { size: A4 portrait; margin: 12mm; } @media print { table { font-size: 11pt; } }`}</style>
      <div className="no-print mb-6 flex flex-wrap items-center gap-3">
        <Link
          href={`/dashboard/posts/${postId}/roster?month=${month}`}
          className="text-lg font-semibold text-red-deep underline underline-offset-4"
        >
          {t("back")}
        </Link>
        <PrintButton label={tc("print")} />
        <LocaleSwitch tone="dark" />
      </div>
      <header className="mb-4 border-b-4 border-red-brand pb-2">
        <h1 className="text-3xl font-black text-red-deep">
          {t("heading", { post: roster.post.name, month: monthTitle })}
        </h1>
        <p className="text-lg">
          {t("subheading", { start: roster.post.startsAt, end: roster.post.endsAt, size: roster.post.teamSize })}
        </p>
      </header>
      <table className="w-full border-collapse text-left text-base">
        <thead>
          <tr className="border-b-2 border-ink">
            <th className="py-1 pr-3">{t("day")}</th>
            <th className="py-1 pr-3">{t("leader")}</th>
            <th className="py-1">{t("members")}</th>
          </tr>
        </thead>
        <tbody>
          {roster.days.map(({ date, team }) => (
            <tr key={date} className="border-b border-stone-300 align-top">
              <td className="py-1 pr-3 whitespace-nowrap">
                {format.dateTime(festivalDay(date), { month: "numeric", day: "numeric", weekday: "short" })}
              </td>
              <td className="py-1 pr-3 font-semibold">{team?.leader?.name ?? (team ? t("gap") : "—")}</td>
              <td className="py-1">
                {team ? team.members.map((m) => m.name).join(t("listSeparator")) : "—"}
                {team && team.missing > 0 ? ` ${t("missing", { count: team.missing })}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-4 text-base">{t("footer")}</p>
    </>
  );
}
