import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { isUuid } from "@/lib/ids";
import { getDeskBallots } from "@/lib/stars/desk-queries";
import { DeskBallotPage } from "@/components/stars/desk/desk-ballot-page";

export async function generateMetadata() {
  const t = await getTranslations("paperBallot");
  return { title: t("metaTitle") };
}

/** The desk types in the paper ballot of a resident with an account. */
export default async function PersonBallotPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const actor = await requireOrganiser(`/dashboard/desk/people/${userId}/ballot`);
  if (!isUuid(userId)) notFound();
  const data = orForbidden(await getDeskBallots(await getDb(), actor, { userId }));
  if (!data) notFound();
  return <DeskBallotPage who={{ userId }} data={data} />;
}
