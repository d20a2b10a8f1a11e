import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { hasRole, type Actor } from "@/lib/actor";
import { getActor } from "@/lib/auth/session";
import { claimWishAction } from "@/lib/wishes/actions";
import { getClaimAllowance, getWish, type WishDetail } from "@/lib/wishes/queries";
import { ClientMessages } from "@/components/ui/client-messages";
import { PostButton } from "@/components/wishes/post-button";
import { WishFacts, WishPhoto } from "@/components/wishes/wish-card";
import { ReadAloud } from "@/components/ui/read-aloud";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";

// What a reader sees depends on who they are (volunteer, claimant, submitter): read per request.
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const wish = await getWish(await getDb(), await getActor(), (await params).id);
  const t = await getTranslations("wishes");
  return { title: wish ? `${wish.title} · ${t("title")}` : t("title") };
}

/** One wish in full, and what the reader can do about it. */
export default async function WishPage({ params }: { params: Params }) {
  const { id } = await params;
  const db = await getDb();
  const actor = await getActor();
  const wish = await getWish(db, actor, id);
  if (!wish) notFound();
  const t = await getTranslations("wishes");

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <Link
          href="/wishes"
          className="inline-flex min-h-11 items-center text-lg font-semibold text-red-deep underline underline-offset-4"
        >
          {t("detail.back")}
        </Link>
        <ReadAloud parts={[wish.title, `${wish.alias} · ${t(`ageBand.${wish.ageBand}`)}`, wish.story]} />
      </div>
      <article
        aria-labelledby="wish-title"
        className="flex flex-col gap-5 rounded-[var(--radius-card)] border-2 border-gold bg-white p-5 shadow-sm sm:p-6"
      >
        <header className="flex flex-col gap-4 sm:flex-row sm:items-start">
          {wish.photoId && (
            <WishPhoto
              photoId={wish.photoId}
              title={wish.title}
              category={wish.category}
              className="aspect-[4/3] w-full sm:size-48"
            />
          )}
          <div className="flex min-w-0 flex-col gap-2">
            <p className="text-xl font-semibold break-words text-gold-ink">
              {wish.alias} · {t(`ageBand.${wish.ageBand}`)}
            </p>
            <h1 id="wish-title" className="text-3xl font-black break-words text-red-deep sm:text-4xl">
              {wish.title}
            </h1>
            {["open", "claimed"].includes(wish.status) ? (
              <WishFacts wish={wish} />
            ) : (
              <StatusBadge status={wish.status} />
            )}
          </div>
        </header>
        <section aria-labelledby="story-title">
          <h2 id="story-title" className="text-2xl font-bold">
            {t("detail.story")}
          </h2>
          <p className="mt-2 text-xl leading-relaxed break-words whitespace-pre-line">{wish.story}</p>
        </section>
        {wish.status === "done" && wish.thanks && (
          <p className="rounded-xl bg-green-soft px-4 py-3 text-lg text-green-ink">
            {t("thanks", { thanks: wish.thanks })}
          </p>
        )}
      </article>

      <WhatNext wish={wish} actor={actor} />
    </div>
  );
}

async function StatusBadge({ status }: { status: WishDetail["status"] }) {
  const t = await getTranslations("wishes");
  const tone =
    status === "done" || status === "fulfilled"
      ? "green"
      : status === "rejected"
        ? "red"
        : status === "changes"
          ? "red"
          : "gold";
  return (
    <p>
      <Badge tone={tone}>{t(`status.${status}`)}</Badge>
    </p>
  );
}

/** The one thing this reader can do here: claim, see their claim, learn how to volunteer, sign in, edit. */
async function WhatNext({ wish, actor }: { wish: WishDetail; actor: Actor | null }) {
  const t = await getTranslations("wishes");
  if (wish.viewer.isSubmitter && !["open", "claimed", "fulfilled", "done"].includes(wish.status)) {
    return (
      <Alert tone="info">
        <p className="font-semibold">{t("detail.yourWish")}</p>
        {wish.reason && <p className="mt-1">{t("detail.reason", { reason: wish.reason })}</p>}
        {(wish.status === "pending" || wish.status === "changes") && (
          <Link href={`/wishes/${wish.id}/edit`} className={buttonClass("primary", "md", "mt-3")}>
            {t("detail.edit")}
          </Link>
        )}
      </Alert>
    );
  }
  if (wish.viewer.claim) {
    return (
      <Alert tone="success">
        <p className="text-xl font-bold">{t("detail.youHold")}</p>
        <Link href={`/me/wishes#claim-${wish.viewer.claim.id}`} className={buttonClass("primary", "lg", "mt-3")}>
          {t("detail.youHoldLink")}
        </Link>
      </Alert>
    );
  }
  if (wish.status === "claimed") return <Alert tone="info">{t("detail.takenText")}</Alert>;
  if (wish.status === "fulfilled") return <Alert tone="info">{t("detail.fulfilledText")}</Alert>;
  if (wish.status === "done") return <Alert tone="success">{t("detail.doneText")}</Alert>;
  if (wish.status !== "open") return null;
  if (!actor) {
    return (
      <Alert tone="info">
        <p>{t("detail.signInToClaim")}</p>
        <Link
          href={`/sign-in?callbackUrl=${encodeURIComponent(`/wishes/${wish.id}`)}`}
          className={buttonClass("primary", "lg", "mt-3")}
        >
          {t("detail.signIn")}
        </Link>
      </Alert>
    );
  }
  if (!hasRole(actor, "volunteer")) return <Alert tone="info">{t("detail.becomeVolunteer")}</Alert>;
  const allowance = await getClaimAllowance(await getDb(), actor);
  return (
    <section
      aria-labelledby="claim-title"
      className="flex flex-col gap-3 rounded-[var(--radius-card)] border-2 border-red-brand/40 bg-white p-5 shadow-sm sm:p-6"
    >
      <h2 id="claim-title" className="text-2xl font-bold text-red-deep">
        {t("detail.claimTitle")}
      </h2>
      <p className="text-lg">{t("detail.claimText", { days: allowance.days })}</p>
      <p className="text-lg">{t("detail.claimCount", { held: allowance.held, cap: allowance.cap })}</p>
      {allowance.held >= allowance.cap ? (
        <Alert tone="info">{t("detail.capReached", { cap: allowance.cap })}</Alert>
      ) : (
        <ClientMessages namespaces={["common", "errors"]}>
          <PostButton action={claimWishAction} name="wishId" value={wish.id} label={t("detail.claimButton")} />
        </ClientMessages>
      )}
    </section>
  );
}
