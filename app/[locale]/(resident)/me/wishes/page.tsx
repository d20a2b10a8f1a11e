import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { currentPointRules } from "@/lib/points/rules";
import { hasRole } from "@/lib/actor";
import { getActor } from "@/lib/auth/session";
import { listMyClaims, listMyOwnWishes } from "@/lib/wishes/queries";
import { LiveClaim, MyOwnWishes, PastClaims } from "@/components/wishes/my-wishes";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("myWishes");
  return { title: t("title") };
}

type Search = Promise<{ claimed?: string; withdrawn?: string; fulfilled?: string; withdraw?: string }>;

/** My claims (with the contact while I hold them) and the wishes I asked for myself. */
export default async function MyWishesPage({ searchParams }: { searchParams: Search }) {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/me/wishes");
  const db = await getDb();
  const [claims, own, rules] = await Promise.all([
    listMyClaims(db, actor),
    listMyOwnWishes(db, actor),
    currentPointRules(db),
  ]);
  const q = await searchParams;
  const t = await getTranslations("myWishes");
  const volunteer = hasRole(actor, "volunteer");

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <p>
        <Link href="/me" className="text-lg font-semibold text-red-deep underline underline-offset-4">
          {t("backToMe")}
        </Link>
      </p>
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-black text-red-deep sm:text-4xl">{t("title")}</h1>
        <p className="text-lg">{t("intro")}</p>
      </header>
      {q.claimed && <Alert tone="success">{t("claimedNow")}</Alert>}
      {q.withdrawn && <Alert tone="success">{t("withdrawnNow")}</Alert>}
      {q.fulfilled && <Alert tone="success">{t("fulfilledNow")}</Alert>}

      {(volunteer || claims.live.length > 0) && (
        // Each claim is a card of its own: a card inside a card leaves a phone too little width.
        <section aria-labelledby="claims-title" className="flex flex-col gap-4">
          <h2 id="claims-title" className="border-b-4 border-gold pb-2 text-2xl font-bold">
            {t("claimsTitle")}
          </h2>
          {claims.live.length === 0 ? (
            <div className="flex flex-col items-start gap-3">
              <p className="text-lg">{t("noClaims")}</p>
              <Link href="/wishes" className={buttonClass("primary", "md")}>
                {t("toWall")}
              </Link>
            </div>
          ) : (
            <ul className="flex flex-col gap-4">
              {claims.live.map((c) => (
                <LiveClaim
                  key={c.id}
                  claim={c}
                  confirmWithdraw={q.withdraw === c.id}
                  pointRule={rules.wish_fulfilled}
                />
              ))}
            </ul>
          )}
        </section>
      )}
      {claims.past.length > 0 && <PastClaims items={claims.past} />}
      <MyOwnWishes items={own} />
    </div>
  );
}
