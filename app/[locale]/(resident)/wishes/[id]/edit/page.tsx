import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { getOwnWishForEdit } from "@/lib/wishes/queries";
import { getSettings } from "@/lib/wishes/service";
import { ClientMessages } from "@/components/ui/client-messages";
import { WishForm } from "@/components/wishes/wish-form";
import { aliasSuggestion } from "@/components/wishes/alias";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata() {
  const t = await getTranslations("wishes.form");
  return { title: t("editTitle") };
}

/** The resident corrects their own wish (while it waits, or after it was sent back) and resends it. */
export default async function EditWishPage({ params }: { params: Params }) {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/wishes/${id}/edit`)}`);
  const db = await getDb();
  const wish = await getOwnWishForEdit(db, actor, id);
  if (!wish) notFound();
  const settings = await getSettings(db);
  const t = await getTranslations("wishes");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <p>
        <Link href="/me/wishes" className="text-lg font-semibold text-red-deep underline underline-offset-4">
          {t("form.toMine")}
        </Link>
      </p>
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-black text-red-deep sm:text-4xl">{t("form.editTitle")}</h1>
        <p className="text-lg">{t("form.editIntro")}</p>
      </header>
      {wish.reason && <Alert tone="info">{t("detail.reason", { reason: wish.reason })}</Alert>}
      <Card aria-label={t("form.editTitle")}>
        <ClientMessages namespaces={["common", "errors", "fieldErrors", "wishes"]}>
          <WishForm
            cap={settings.wishValueCap}
            suggestion={await aliasSuggestion(actor.name)}
            initial={{
              title: wish.title,
              story: wish.story,
              category: wish.category,
              value: String(wish.value),
              wantedBy: wish.wantedBy,
              alias: wish.alias,
              age: String(wish.age),
              circumstance: wish.circumstance,
            }}
            edit={{ id: wish.id, version: wish.version, photoId: wish.photoId }}
          />
        </ClientMessages>
      </Card>
    </div>
  );
}
