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

/** The desk types in the paper ballot of a household member without an account. */
export default async function MemberBallotPage({ params }: { params: Promise<{ memberId: string }> }) {
  const { memberId } = await params;
  const actor = await requireOrganiser(`/dashboard/desk/members/${memberId}/ballot`);
  if (!isUuid(memberId)) notFound();
  const data = orForbidden(await getDeskBallots(await getDb(), actor, { memberId }));
  if (!data) notFound();
  return <DeskBallotPage who={{ memberId }} data={data} />;
}
