import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { getJoinPost, getMyPlace } from "@/lib/posts/public-queries";
import { ACCOUNT_NAMESPACES, ClientMessages } from "@/components/ui/client-messages";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { JoinForm } from "@/components/posts/join-form";

// Read on every request: what it shows depends on who is asking and where their request stands.
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const t = await getTranslations("postsPublic.join");
  const post = await getJoinPost(await getDb(), (await params).slug);
  return { title: post ? t("title", { post: post.name }) : t("heading") };
}

/** A resident asks to join a post: signed in, with a verified household; otherwise, what to do first. */
export default async function JoinPostPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ sent?: string }>;
}) {
  const { slug } = await params;
  const { sent } = await searchParams;
  const db = await getDb();
  const post = await getJoinPost(db, slug);
  if (!post) notFound();
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/posts/${post.slug}/join`)}`);
  const place = await getMyPlace(db, actor, post.id);
  const t = await getTranslations("postsPublic");
  const tv = await getTranslations("postsPublic.vocab");
  const back = (
    <Link href={`/posts#${post.slug}`} className={buttonClass("ghost", "md", "self-start underline")}>
      {t("join.back")}
    </Link>
  );

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      {back}
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-black text-red-deep sm:text-4xl">{t("join.title", { post: post.name })}</h1>
        {post.description && <p className="text-lg whitespace-pre-line">{post.description}</p>}
        {post.patrol && (
          <p className="text-lg">
            {t("patrolLine", {
              period: tv(`periods.${post.patrol.period}`),
              start: post.patrol.startsAt,
              end: post.patrol.endsAt,
              size: post.patrol.teamSize,
            })}
          </p>
        )}
      </header>

      {place ? (
        <Alert tone={sent || place.status === "active" ? "success" : "info"}>
          <p className="font-semibold">
            {place.status === "active"
              ? t("join.alreadyMember", { post: post.name })
              : sent
                ? t("join.sent", { post: post.name })
                : t("join.waiting", { post: post.name })}
          </p>
          {place.groupName && <p className="mt-1">{t("join.yourGroup", { group: place.groupName })}</p>}
          {place.status === "requested" && <p className="mt-1">{t("join.whatNext")}</p>}
        </Alert>
      ) : !actor.verified ? (
        <Alert tone="info">
          <p className="font-semibold">{t("join.unverified")}</p>
          <p className="mt-2">{t("join.howToVerify")}</p>
          <Link href="/me" className={buttonClass("primary", "lg", "mt-4")}>
            {t("join.toMe")}
          </Link>
        </Alert>
      ) : (
        // A card on wider screens; on a phone the questions take the whole width, for large text.
        <section
          aria-labelledby="join-form-title"
          className="flex flex-col sm:rounded-[var(--radius-card)] sm:border sm:border-line sm:bg-white sm:p-6 sm:shadow-sm"
        >
          <h2 id="join-form-title" className="text-2xl font-bold text-red-deep">
            {t("join.formTitle")}
          </h2>
          <p className="mt-1 mb-5 text-lg">{t("join.intro", { name: actor.name })}</p>
          <ClientMessages namespaces={[...ACCOUNT_NAMESPACES, "postsPublic"]}>
            <JoinForm
              post={{
                id: post.id,
                slug: post.slug,
                name: post.name,
                patrol: post.patrol?.period ?? null,
                groups: post.groups,
              }}
            />
          </ClientMessages>
        </section>
      )}
      {place && (
        <Link href="/posts" className={buttonClass("secondary", "lg", "self-start")}>
          {t("join.otherPosts")}
        </Link>
      )}
    </div>
  );
}
