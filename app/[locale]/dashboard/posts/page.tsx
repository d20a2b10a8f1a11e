import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listPostsForAdmin } from "@/lib/posts/queries";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { CreatePostForm } from "@/components/posts/admin/create-post-form";

export async function generateMetadata() {
  const t = await getTranslations("postsAdmin");
  return { title: t("title") };
}

// Organisers only: the dashboard layout refuses anyone else, and every action checks again.
export default async function PostsDashboardPage() {
  const actor = await requireOrganiser("/dashboard/posts");
  const rows = orForbidden(await listPostsForAdmin(await getDb(), actor));
  const t = await getTranslations("postsAdmin");
  const tv = await getTranslations("postsPublic.vocab");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold text-red-deep">{t("title")}</h1>
        <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
          <Link href="/dashboard/posts/rewards" className={buttonClass("secondary", "sm")}>
            {t("rewards")}
          </Link>
          <Link href="/posts" className="text-lg font-semibold text-red-deep underline underline-offset-4">
            {t("publicPage")}
          </Link>
        </div>
      </div>
      <p className="max-w-4xl text-base">{t("intro")}</p>
      {rows.length === 0 ? (
        <p className="text-lg">{t("list.empty")}</p>
      ) : (
        <Table caption={t("list.caption")}>
          <thead>
            <tr>
              <Th>{t("list.name")}</Th>
              <Th>{t("list.kind")}</Th>
              <Th className="text-right">{t("list.active")}</Th>
              <Th className="text-right">{t("list.partyMembers")}</Th>
              <Th className="text-right">{t("list.leaders")}</Th>
              <Th className="text-right">{t("list.groups")}</Th>
              <Th>{t("list.requested")}</Th>
              <Th>{t("list.more")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <Td className="font-semibold">
                  <Link href={`/dashboard/posts/${p.id}`} className="text-red-deep underline underline-offset-4">
                    {p.name}
                  </Link>
                </Td>
                <Td>{tv(`kinds.${p.kind}`)}</Td>
                <Td className="text-right tabular-nums">{p.active}</Td>
                <Td className="text-right tabular-nums">{p.partyMembers}</Td>
                <Td className="text-right tabular-nums">{p.leaders}</Td>
                <Td className="text-right tabular-nums">{p.groups}</Td>
                <Td>
                  {p.requested > 0 ? (
                    <Link href={`/dashboard/posts/${p.id}#requests`} className="underline underline-offset-4">
                      <Badge tone="red">{t("list.waiting", { count: p.requested })}</Badge>
                    </Link>
                  ) : (
                    <span className="text-muted">{t("list.noneWaiting")}</span>
                  )}
                </Td>
                <Td>
                  <span className="flex flex-wrap gap-x-4 gap-y-1">
                    <Link
                      href={`/dashboard/posts/${p.id}/settings`}
                      className="underline underline-offset-4"
                      aria-label={t("list.settingsOf", { post: p.name })}
                    >
                      {t("list.settings")}
                    </Link>
                    <Link
                      href={`/dashboard/posts/${p.id}/points`}
                      className="underline underline-offset-4"
                      aria-label={t("list.pointsOf", { post: p.name })}
                    >
                      {t("list.points")}
                    </Link>
                    {p.kind === "patrol" && (
                      <Link
                        href={`/dashboard/posts/${p.id}/roster`}
                        className="underline underline-offset-4"
                        aria-label={t("list.rosterOf", { post: p.name })}
                      >
                        {t("list.roster")}
                      </Link>
                    )}
                  </span>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <CreatePostForm />
    </div>
  );
}
