import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getPostForAdmin } from "@/lib/posts/queries";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { TrainingForm } from "@/components/posts/training/training-forms";

type Params = Promise<{ postId: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const actor = await requireOrganiser("/dashboard/posts");
  const t = await getTranslations("training.new");
  const post = orForbidden(await getPostForAdmin(await getDb(), actor, (await params).postId));
  return { title: post ? t("title", { post: post.name }) : t("heading") };
}

/** An organiser plans a post's training: what, when, where and who gives it. */
export default async function NewTrainingPage({ params }: { params: Params }) {
  const actor = await requireOrganiser("/dashboard/posts");
  const post = orForbidden(await getPostForAdmin(await getDb(), actor, (await params).postId));
  if (!post) notFound();
  const t = await getTranslations("training");
  return (
    <div className="flex flex-col gap-5">
      <Link href={`/dashboard/posts/${post.id}`} className="self-start text-red-deep underline underline-offset-4">
        {t("back", { post: post.name })}
      </Link>
      <h1 className="text-3xl font-bold text-red-deep">{t("new.title", { post: post.name })}</h1>
      <p className="max-w-3xl text-base">{t("new.intro")}</p>
      <div className="max-w-2xl rounded-xl border border-line bg-white p-4 sm:p-5">
        <TrainingForm postId={post.id} />
      </div>
    </div>
  );
}
