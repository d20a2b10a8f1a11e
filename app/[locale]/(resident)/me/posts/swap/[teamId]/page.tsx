import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";
import { getSwapChoices } from "@/lib/posts/my-queries";
import { festivalDay } from "@/components/ui/format";
import { Card } from "@/components/ui/card";
import { ClientMessages } from "@/components/ui/client-messages";
import { AskSwapForm } from "@/components/posts/patrol/swap-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("patrol.swap");
  return { title: t("askTitle") };
}

/** A member asks someone to take one of their coming days. */
export default async function AskSwapPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=/me/posts/swap/${teamId}`);
  if (!isUuid(teamId)) notFound();
  const choices = await getSwapChoices(await getDb(), actor, teamId);
  if (!choices) notFound();
  const t = await getTranslations("patrol.swap");
  const format = await getFormatter();
  return (
    <ClientMessages namespaces={["patrol", "errors", "fieldErrors", "common"]}>
      <div className="mx-auto flex max-w-2xl flex-col gap-6">
        <p>
          <Link href="/me/posts" className="text-lg font-semibold underline underline-offset-4">
            {t("back")}
          </Link>
        </p>
        <h1 className="text-3xl font-bold text-red-deep">{t("askTitle")}</h1>
        <p className="text-lg">
          {t("askIntro", {
            post: choices.mine.postName,
            day: format.dateTime(festivalDay(choices.mine.day), { month: "long", day: "numeric", weekday: "long" }),
          })}
        </p>
        {choices.mine.leads && <p className="text-base text-muted">{t("leaderHint")}</p>}
        <Card>
          <AskSwapForm teamId={teamId} people={choices.people} />
        </Card>
      </div>
    </ClientMessages>
  );
}
