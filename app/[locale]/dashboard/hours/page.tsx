import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { hoursOf } from "@/lib/hours/format";
import { getHoursReport } from "@/lib/hours/queries";
import { hoursFilterSchema, HOURS_VIEWS } from "@/lib/hours/schemas";
import { communityToday } from "@/lib/posts/service";
import { HOUR_KINDS } from "@/vocabulary/hours";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectFilter } from "@/components/ui/filter-field";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";

export async function generateMetadata() {
  const t = await getTranslations("hours.admin");
  return { title: t("title") };
}

/** Service hours by person, by post and by month, for a year (a month, a post), and their export. */
export default async function HoursPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireOrganiser("/dashboard/hours");
  const thisYear = Number(communityToday().slice(0, 4));
  const raw = await searchParams;
  const filters = hoursFilterSchema.parse({ ...raw, year: raw.year ?? thisYear });
  const report = await getHoursReport(await getDb(), actor, filters).then(orForbidden);
  const t = await getTranslations("hours");
  const format = await getFormatter();
  const params = {
    year: String(filters.year),
    month: filters.month ? String(filters.month) : undefined,
    post: filters.post ?? undefined,
    view: filters.view,
  };
  const query = (over: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...params, ...over })) if (v) q.set(k, v);
    return q.toString();
  };
  const monthName = (m: number) =>
    format.dateTime(new Date(Date.UTC(2000, m - 1, 15)), { month: "long", timeZone: "UTC" });
  const h = (minutes: number) => t("hoursValue", { hours: hoursOf(minutes) });
  // The kinds of service this report has hours of: a column for each.
  const rows = [...(report.persons?.rows ?? []), ...(report.byPost ?? [])];
  const kinds = HOUR_KINDS.filter((k) => rows.some((r) => r.byKind[k] > 0));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold text-red-deep">{t("admin.title")}</h1>
      <p className="max-w-3xl text-lg">{t("admin.intro")}</p>
      <form method="get" className="flex flex-wrap items-end gap-4" aria-label={t("admin.filters")}>
        <input type="hidden" name="view" value={filters.view} />
        <SelectFilter
          id="year"
          label={t("admin.year")}
          defaultValue={String(filters.year)}
          options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
            value: String(y),
            label: String(y),
          }))}
        />
        <SelectFilter
          id="month"
          label={t("admin.month")}
          defaultValue={filters.month ? String(filters.month) : ""}
          options={[
            { value: "", label: t("admin.allMonths") },
            ...Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1) })),
          ]}
        />
        <SelectFilter
          id="post"
          label={t("admin.post")}
          defaultValue={filters.post ?? ""}
          options={[
            { value: "", label: t("admin.allPosts") },
            ...report.posts.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <button type="submit" className={buttonClass("secondary", "md")}>
          {t("admin.filter")}
        </button>
        <a
          href={`/dashboard/hours/export?${query({ view: undefined })}`}
          className={buttonClass("ghost", "md")}
          download
        >
          {t("admin.export")}
        </a>
      </form>
      <Card>
        <p className="text-xl">{t("admin.summary", { hours: hoursOf(report.totalMinutes), people: report.people })}</p>
      </Card>
      <div className="flex flex-wrap gap-2" role="group" aria-label={t("admin.viewLabel")}>
        {HOURS_VIEWS.map((v) => (
          <Link
            key={v}
            href={`/dashboard/hours?${query({ view: v })}`}
            aria-current={filters.view === v ? "page" : undefined}
            className={buttonClass(filters.view === v ? "primary" : "secondary", "sm")}
          >
            {t(`admin.views.${v}`)}
          </Link>
        ))}
      </div>
      {report.persons && (
        <>
          <Table caption={t("admin.byPerson")}>
            <thead>
              <tr>
                <Th>{t("admin.person")}</Th>
                {kinds.map((k) => (
                  <Th key={k}>{t(`kinds.${k}`)}</Th>
                ))}
                <Th>{t("admin.total")}</Th>
              </tr>
            </thead>
            <tbody>
              {report.persons.rows.map((r) => (
                <tr key={r.key}>
                  <Td className="font-semibold">
                    {r.name}
                    {!r.hasAccount && <span className="ml-2 text-sm text-muted">{t("admin.noAccount")}</span>}
                  </Td>
                  {kinds.map((k) => (
                    <Td key={k}>{r.byKind[k] ? hoursOf(r.byKind[k]) : "—"}</Td>
                  ))}
                  <Td className="font-bold">{h(r.minutes)}</Td>
                </tr>
              ))}
              {report.persons.rows.length === 0 && (
                <tr>
                  <Td colSpan={kinds.length + 2}>{t("admin.none")}</Td>
                </tr>
              )}
            </tbody>
          </Table>
          <Pagination
            page={report.persons.page}
            pageCount={report.persons.pageCount}
            total={report.persons.total}
            basePath="/dashboard/hours"
            params={params}
          />
        </>
      )}
      {report.byPost && (
        <Table caption={t("admin.byPost")}>
          <thead>
            <tr>
              <Th>{t("admin.post")}</Th>
              {kinds.map((k) => (
                <Th key={k}>{t(`kinds.${k}`)}</Th>
              ))}
              <Th>{t("admin.total")}</Th>
            </tr>
          </thead>
          <tbody>
            {report.byPost.map((r) => (
              <tr key={r.postId ?? "none"}>
                <Td className="font-semibold">{r.name ?? t("admin.noPost")}</Td>
                {kinds.map((k) => (
                  <Td key={k}>{r.byKind[k] ? hoursOf(r.byKind[k]) : "—"}</Td>
                ))}
                <Td className="font-bold">{h(r.minutes)}</Td>
              </tr>
            ))}
            {report.byPost.length === 0 && (
              <tr>
                <Td colSpan={kinds.length + 2}>{t("admin.none")}</Td>
              </tr>
            )}
          </tbody>
        </Table>
      )}
      {report.byMonth && (
        <Table caption={t("admin.byMonth")}>
          <thead>
            <tr>
              <Th>{t("admin.month")}</Th>
              <Th>{t("admin.people")}</Th>
              <Th>{t("admin.total")}</Th>
            </tr>
          </thead>
          <tbody>
            {report.byMonth.map((r) => (
              <tr key={r.month}>
                <Td className="font-semibold">{monthName(r.month)}</Td>
                <Td>{r.people}</Td>
                <Td className="font-bold">{h(r.minutes)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
