import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { getPostForAdmin, getPostMember, listPostMembers, memberFilterSchema } from "@/lib/posts/queries";
import { listPostTrainings } from "@/lib/posts/training-queries";
import { decideMembershipAction } from "@/lib/posts/actions";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { MEMBER_STANDINGS, type MemberStatus } from "@/vocabulary/posts";
import { ActionButton } from "@/components/ui/action-button";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { SelectFilter } from "@/components/ui/filter-field";
import { festivalDay } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";
import { StatusTabs } from "@/components/ui/status-tabs";
import { Table, Td, Th } from "@/components/ui/table";
import { SearchForm } from "@/components/dashboard/search-form";
import { freeTimes } from "@/components/posts/format";
import { TrainingCard } from "@/components/posts/training/training-card";

type Params = Promise<{ postId: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const actor = await requireOrganiser("/dashboard/posts");
  const t = await getTranslations("postsAdmin");
  const post = orForbidden(await getPostForAdmin(await getDb(), actor, (await params).postId));
  return { title: post ? post.name : t("title") };
}

/** Who was just taken on or changed (set by the member forms when they come back here). */
const outcomeSchema = z.object({
  added: z.uuid().optional().catch(undefined),
  saved: z.uuid().optional().catch(undefined),
});

const STATUS_TONE: Record<MemberStatus, "green" | "gold" | "grey"> = {
  active: "green",
  requested: "gold",
  left: "grey",
  declined: "grey",
};

/** One post: its groups, the requests waiting, and its members, filtered and paged. */
export default async function PostDashboardPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireOrganiser("/dashboard/posts");
  const { postId } = await params;
  const search = await searchParams;
  const filters = memberFilterSchema.parse(search);
  const done = outcomeSchema.parse(search);
  const db = await getDb();
  const post = orForbidden(await getPostForAdmin(db, actor, postId));
  if (!post) notFound();
  const outcomeId = done.added ?? done.saved;
  const [members, outcome, trainings] = await Promise.all([
    listPostMembers(db, actor, post.id, filters).then(orForbidden),
    outcomeId ? getPostMember(db, actor, outcomeId).then(orForbidden) : Promise.resolve(null),
    listPostTrainings(db, actor, post.id).then(orForbidden),
  ]);
  const t = await getTranslations("postsAdmin");
  const tc = await getTranslations("culture.admin");
  const tv = await getTranslations("postsPublic.vocab");
  const format = await getFormatter();
  const base = `/dashboard/posts/${post.id}`;
  const day = (iso: string) => format.dateTime(festivalDay(iso), { year: "numeric", month: "numeric", day: "numeric" });
  const hasGroups = post.groups.length > 0;
  // When members are free matters to the patrol's roster only.
  const patrol = post.kind === "patrol";
  const tabFilters = { ...filters, status: filters.status === "active" ? undefined : filters.status };
  const statuses = ["requested", "left", "declined"] as const;

  return (
    <div className="flex flex-col gap-6">
      <Link href="/dashboard/posts" className="self-start text-red-deep underline underline-offset-4">
        {t("back")}
      </Link>
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold text-red-deep">{post.name}</h1>
          <Badge tone="gold">{tv(`kinds.${post.kind}`)}</Badge>
        </div>
        {post.description && <p className="max-w-4xl text-base whitespace-pre-line">{post.description}</p>}
        {post.kind === "patrol" && (
          <p className="text-base text-muted">
            {t("post.patrolLine", {
              period: tv(`periods.${post.period}`),
              start: post.startsAt,
              end: post.endsAt,
              size: post.teamSize,
            })}
          </p>
        )}
      </header>
      {outcome && outcome.postId === post.id && (
        <Alert tone="success">
          {done.added ? t("post.added", { name: outcome.name }) : t("post.saved", { name: outcome.name })}
        </Alert>
      )}
      <nav aria-label={t("post.tools")} className="flex flex-wrap gap-2">
        <Link href={`${base}/members/new`} className={buttonClass("primary", "sm")}>
          {t("post.addMember")}
        </Link>
        <Link href={`${base}/settings`} className={buttonClass("secondary", "sm")}>
          {t("post.settings")}
        </Link>
        {post.kind === "patrol" && (
          <Link href={`${base}/roster`} className={buttonClass("secondary", "sm")}>
            {t("post.roster")}
          </Link>
        )}
        <Link href={`${base}/points`} className={buttonClass("secondary", "sm")}>
          {t("post.points")}
        </Link>
        <Link href={`/posts#${post.slug}`} className={buttonClass("ghost", "sm", "underline")}>
          {t("publicPage")}
        </Link>
      </nav>

      {hasGroups && (
        <section aria-labelledby="groups-title" className="flex flex-col gap-2">
          <h2 id="groups-title" className="text-2xl font-bold">
            {t("post.groups")}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {post.groups.map((g) => (
              <li key={g.id}>
                <Link
                  href={`${base}?group=${g.id}`}
                  className="inline-flex min-h-11 items-center gap-2 rounded-full border-2 border-line bg-white px-4 text-base font-semibold hover:bg-gold-soft"
                >
                  {g.name}
                  <span className="font-normal text-muted">{t("post.groupCount", { count: g.active })}</span>
                </Link>
                <Link
                  href={`${base}/groups/${g.id}`}
                  className="ml-2 text-base font-semibold underline underline-offset-4"
                  aria-label={tc("groupPageOf", { name: g.name })}
                >
                  {tc("groupPage")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <TrainingCard base={base} postName={post.name} trainings={trainings} />

      <section aria-labelledby="requests" className="flex flex-col gap-3">
        <h2 id="requests" className="text-2xl font-bold">
          {t("requests.title", { count: post.requests.length })}
        </h2>
        {post.requests.length === 0 ? (
          <p className="text-lg">{t("requests.none")}</p>
        ) : (
          <ul aria-label={t("requests.caption")} className="grid gap-3 xl:grid-cols-2">
            {post.requests.map((r) => (
              <li
                key={r.id}
                aria-labelledby={`request-${r.id}`}
                className="flex flex-col gap-3 rounded-xl border-2 border-gold bg-white p-4"
              >
                <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
                  <h3 id={`request-${r.id}`} className="text-xl font-bold">
                    {r.name}
                  </h3>
                  <span className="text-base tabular-nums">{r.phoneMasked ?? t("table.noPhone")}</span>
                  <span className="text-base text-muted">
                    {t("requests.askedOn", { date: format.dateTime(r.askedAt, { dateStyle: "medium" }) })}
                  </span>
                </div>
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-base">
                  <dt className="text-muted">{t("table.standing")}</dt>
                  <dd>{tv(`standings.${r.standing}`)}</dd>
                  {hasGroups && (
                    <>
                      <dt className="text-muted">{t("table.group")}</dt>
                      <dd>{r.groupName ?? t("table.noGroup")}</dd>
                    </>
                  )}
                  {patrol && (
                    <>
                      <dt className="text-muted">{t("table.free")}</dt>
                      <dd>{freeTimes(tv, r.availableDays, r.availablePeriods)}</dd>
                    </>
                  )}
                  <dt className="text-muted">{t("table.named")}</dt>
                  <dd>{r.showName ? t("table.yes") : t("table.no")}</dd>
                  <dt className="text-muted">{t("requests.note")}</dt>
                  <dd className="whitespace-pre-line">{r.note || "—"}</dd>
                </dl>
                <div className="flex flex-wrap gap-3">
                  <ActionButton
                    action={decideMembershipAction}
                    fields={{ memberId: r.id, decision: "accept", version: String(r.version) }}
                    label={t("requests.accept")}
                    ariaLabel={t("requests.acceptOf", { name: r.name })}
                    variant="primary"
                  />
                  <ActionButton
                    action={decideMembershipAction}
                    fields={{ memberId: r.id, decision: "decline", version: String(r.version) }}
                    label={t("requests.decline")}
                    ariaLabel={t("requests.declineOf", { name: r.name })}
                    confirmText={t("requests.declineConfirm", { name: r.name })}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="members-title" className="flex flex-col gap-4">
        <h2 id="members-title" className="text-2xl font-bold">
          {t("members.title")}
        </h2>
        <SearchForm label={t("members.search")} q={filters.q} action={base}>
          {filters.status !== "active" && <input type="hidden" name="status" value={filters.status} />}
          <SelectFilter
            id="standing"
            label={t("table.standing")}
            defaultValue={filters.standing}
            options={[
              { value: "", label: t("members.anyStanding") },
              ...MEMBER_STANDINGS.map((s) => ({ value: s, label: tv(`standings.${s}`) })),
            ]}
          />
          {hasGroups && (
            <SelectFilter
              id="group"
              label={t("table.group")}
              defaultValue={filters.group}
              options={[
                { value: "", label: t("members.anyGroup") },
                ...post.groups.map((g) => ({ value: g.id, label: g.name })),
              ]}
            />
          )}
        </SearchForm>
        <StatusTabs
          label={t("members.tabs")}
          base={base}
          filters={tabFilters}
          tabs={[
            { status: undefined, text: t("members.tab", { label: tv("statuses.active"), count: post.counts.active }) },
            ...statuses.map((s) => ({
              status: s,
              text: t("members.tab", { label: tv(`statuses.${s}`), count: post.counts[s] }),
            })),
            { status: "all", text: t("members.tab", { label: t("members.all"), count: post.counts.all }) },
          ]}
        />
        {members.rows.length === 0 ? (
          <p className="text-lg">{t("members.empty")}</p>
        ) : (
          <Table caption={t("members.caption", { post: post.name })}>
            <thead>
              <tr>
                <Th>{t("table.name")}</Th>
                <Th>{t("table.phone")}</Th>
                <Th>{t("table.standing")}</Th>
                <Th>{t("table.leader")}</Th>
                {hasGroups && <Th>{t("table.group")}</Th>}
                <Th>{t("table.since")}</Th>
                {patrol && <Th>{t("table.free")}</Th>}
                <Th>{t("table.named")}</Th>
                <Th>{t("table.status")}</Th>
              </tr>
            </thead>
            <tbody>
              {members.rows.map((m) => (
                <tr key={m.id}>
                  <Td className="font-semibold">
                    {m.status === "active" || m.status === "left" ? (
                      <Link
                        href={`${base}/members/${m.id}`}
                        className="text-red-deep underline underline-offset-4"
                        aria-label={t("members.editOf", { name: m.name })}
                      >
                        {m.name}
                      </Link>
                    ) : (
                      m.name
                    )}
                  </Td>
                  <Td className="tabular-nums">{m.phoneMasked ?? t("table.noPhone")}</Td>
                  <Td>{tv(`standings.${m.standing}`)}</Td>
                  <Td>{m.leader ? t(post.kind === "patrol" ? "table.teamLeader" : "table.groupLeader") : "—"}</Td>
                  {hasGroups && <Td>{m.groupName ?? t("table.noGroup")}</Td>}
                  <Td>{day(m.since)}</Td>
                  {patrol && (
                    <Td className="max-w-56 min-w-36 whitespace-normal!">
                      {freeTimes(tv, m.availableDays, m.availablePeriods)}
                    </Td>
                  )}
                  <Td>{m.showName ? t("table.yes") : t("table.no")}</Td>
                  <Td>
                    <Badge tone={STATUS_TONE[m.status]}>{tv(`statuses.${m.status}`)}</Badge>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <Pagination
          page={members.page}
          pageCount={members.pageCount}
          total={members.total}
          basePath={base}
          params={{
            q: filters.q,
            status: filters.status === "active" ? undefined : filters.status,
            standing: filters.standing,
            group: filters.group,
          }}
        />
      </section>
    </div>
  );
}
