import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getPostForAdmin } from "@/lib/posts/queries";
import { getPostLeaderboard } from "@/lib/posts/leaderboard-queries";
import { currentYear, parseYear } from "@/lib/points/year";
import { hoursOf } from "@/lib/hours/format";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { YearNav } from "@/components/points/admin/year-nav";

type Params = Promise<{ postId: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const actor = await requireOrganiser("/dashboard/posts");
  const t = await getTranslations("postPoints.board");
  const post = orForbidden(await getPostForAdmin(await getDb(), actor, (await params).postId));
  return { title: post ? t("title", { post: post.name }) : t("heading") };
}

/** A post's yearly leaderboard: its members by the points they earned serving in it that year. */
export default async function PostPointsPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ year?: string }>;
}) {
  const actor = await requireOrganiser("/dashboard/posts");
  const { postId } = await params;
  const year = Math.min(parseYear((await searchParams).year), currentYear());
  const db = await getDb();
  const post = orForbidden(await getPostForAdmin(db, actor, postId));
  if (!post) notFound();
  const board = orForbidden(await getPostLeaderboard(db, actor, post.id, year));
  const t = await getTranslations("postPoints.board");
  const tv = await getTranslations("postsPublic.vocab");
  const th = await getTranslations("hours");
  const base = `/dashboard/posts/${post.id}/points`;
  const hours = (minutes: number) => th("hoursValue", { hours: hoursOf(minutes) });
  return (
    <div className="flex flex-col gap-5">
      <Link href={`/dashboard/posts/${post.id}`} className="self-start text-red-deep underline underline-offset-4">
        {t("back", { post: post.name })}
      </Link>
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold text-red-deep">{t("title", { post: post.name })}</h1>
        <p className="max-w-3xl text-base">{t("intro")}</p>
      </header>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <YearNav base={base} year={year} />
        <Link href={`/dashboard/posts/rewards?year=${year}`} className={buttonClass("secondary", "sm")}>
          {t("toRewards", { year })}
        </Link>
      </div>
      <p className="text-lg">
        {t("totals", { count: board.rows.length, points: board.totalPoints, hours: hours(board.totalMinutes) })}
      </p>
      {board.rows.length === 0 ? (
        <p className="text-lg">{t("empty")}</p>
      ) : (
        <Table caption={t("caption", { post: post.name, year })}>
          <thead>
            <tr>
              <Th>{t("rank")}</Th>
              <Th>{t("name")}</Th>
              <Th>{t("standing")}</Th>
              <Th className="text-right">{t("points")}</Th>
              <Th className="text-right">{t("hours")}</Th>
              <Th>{t("named")}</Th>
            </tr>
          </thead>
          <tbody>
            {board.rows.map((r) => (
              <tr key={r.memberId}>
                <Td className="text-xl font-bold tabular-nums">{r.rank}</Td>
                <Td className="font-semibold">
                  {r.name}
                  {r.leader && (
                    <span className="ml-2">
                      <Badge tone="red">{t(post.kind === "patrol" ? "teamLeader" : "leader")}</Badge>
                    </span>
                  )}
                  {!r.hasAccount && <span className="ml-2 text-base font-normal text-muted">{t("noAccount")}</span>}
                </Td>
                <Td>{tv(`standings.${r.standing}`)}</Td>
                <Td className="text-right text-xl font-bold tabular-nums">{r.points}</Td>
                <Td className="text-right tabular-nums">{hours(r.minutes)}</Td>
                <Td>{r.showName ? t("yes") : t("no")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <p className="max-w-3xl text-base text-muted">{t("howCounted")}</p>
    </div>
  );
}
