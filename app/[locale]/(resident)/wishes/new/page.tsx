import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { getSettings } from "@/lib/wishes/service";
import { ClientMessages } from "@/components/ui/client-messages";
import { WishForm } from "@/components/wishes/wish-form";
import { aliasSuggestion } from "@/components/wishes/alias";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("wishes.form");
  return { title: t("title") };
}

/** A signed-in resident asks for a wish for themselves. */
export default async function NewWishPage() {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/wishes/new");
  const settings = await getSettings(await getDb());
  const t = await getTranslations("wishes");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-black text-red-deep sm:text-4xl">{t("form.title")}</h1>
        <p className="text-lg">{t("form.intro")}</p>
      </header>
      <Card aria-label={t("form.title")}>
        <ClientMessages namespaces={["common", "errors", "fieldErrors", "wishes"]}>
          <WishForm cap={settings.wishValueCap} suggestion={await aliasSuggestion(actor.name)} />
        </ClientMessages>
      </Card>
    </div>
  );
}
