import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getPostForAdmin } from "@/lib/posts/queries";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { PostSettingsForm } from "@/components/posts/admin/settings-form";

type Params = Promise<{ postId: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const actor = await requireOrganiser("/dashboard/posts");
  const t = await getTranslations("postsAdmin.settings");
  const post = orForbidden(await getPostForAdmin(await getDb(), actor, (await params).postId));
  return { title: post ? t("title", { post: post.name }) : t("heading") };
}

/** A post's description and, for the patrol, its team size, hours, longest patrol and swap rule. */
export default async function PostSettingsPage({ params }: { params: Params }) {
  const actor = await requireOrganiser("/dashboard/posts");
  const post = orForbidden(await getPostForAdmin(await getDb(), actor, (await params).postId));
  if (!post) notFound();
  const t = await getTranslations("postsAdmin");
  return (
    <div className="flex flex-col gap-5">
      <Link href={`/dashboard/posts/${post.id}`} className="self-start text-red-deep underline underline-offset-4">
        {t("backTo", { post: post.name })}
      </Link>
      <h1 className="text-3xl font-bold text-red-deep">{t("settings.title", { post: post.name })}</h1>
      <p className="max-w-3xl text-base">{t(post.kind === "patrol" ? "settings.introPatrol" : "settings.intro")}</p>
      <PostSettingsForm
        post={{
          id: post.id,
          version: post.version,
          patrol: post.kind === "patrol",
          description: post.description,
          teamSize: post.teamSize,
          period: post.period,
          startsAt: post.startsAt,
          endsAt: post.endsAt,
          maxMinutes: post.maxMinutes,
          swapsNeedApproval: post.swapsNeedApproval,
        }}
      />
    </div>
  );
}
