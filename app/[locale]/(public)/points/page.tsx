import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { currentPointRules } from "@/lib/points/rules";
import { getActor } from "@/lib/auth/session";
import { getLeaderboard } from "@/lib/points/queries";
import { parseYear } from "@/lib/points/year";
import { PointsRules, YearTabs } from "@/components/points/points-parts";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";

// The yearly volunteer leaderboard. Volunteers who asked appear as "a volunteer"; the page never
// carries more than a name, a place and points.

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("points");
  return { title: t("leaderboard") };
}

export default async function LeaderboardPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const year = parseYear((await searchParams).year);
  const actor = await getActor();
  const db = await getDb();
  const [board, rules] = await Promise.all([
    getLeaderboard(db, year, { me: actor?.id ?? null, limit: 100 }),
    currentPointRules(db),
  ]);
  const t = await getTranslations("points");
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-3xl font-bold text-red-deep">{t("leaderboardTitle", { year })}</h1>
        <p className="mt-2 text-lg">{t("leaderboardIntro")}</p>
      </div>
      <YearTabs years={board.years} current={year} href={(y) => `/points?year=${y}`} />
      {board.rows.length === 0 ? (
        <p className="text-lg">{t("leaderboardEmpty", { year })}</p>
      ) : (
        <>
          <p className="text-lg">
            {t("leaderboardTotals", { year, volunteers: board.volunteers, points: board.totalPoints })}
          </p>
          <Table caption={t("leaderboardTitle", { year })}>
            <thead>
              <tr>
                <Th className="w-px text-center">{t("colRank")}</Th>
                <Th>{t("colName")}</Th>
                <Th className="text-right">{t("colPoints")}</Th>
              </tr>
            </thead>
            <tbody>
              {board.rows.map((r, i) => (
                <tr key={i} className={r.isMe ? "bg-gold-soft" : undefined}>
                  <Td className="text-center text-xl font-bold">
                    {r.rank <= 3 ? <Badge tone={r.rank === 1 ? "red" : "gold"}>{r.rank}</Badge> : r.rank}
                  </Td>
                  <Td className="text-lg whitespace-normal!">
                    {r.name ?? <span className="text-muted">{t("anonymousName")}</span>}
                    {r.isMe && <strong>{` ${t("you")}`}</strong>}
                    {r.wishes > 0 && (
                      <span className="block text-base text-muted">{t("wishesDone", { count: r.wishes })}</span>
                    )}
                  </Td>
                  <Td className="text-right text-xl font-bold">{r.points}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
      <PointsRules rules={rules} />
      {actor && (
        <Link href="/me/points" className={buttonClass("secondary", "md", "self-start")}>
          {t("toMine")}
        </Link>
      )}
    </div>
  );
}
