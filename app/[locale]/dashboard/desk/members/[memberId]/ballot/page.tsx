import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isUuid } from "@/lib/ids";
import { DeskBallotPage } from "@/components/stars/desk/desk-ballot-page";

export async function generateMetadata() {
  const t = await getTranslations("paperBallot");
  return { title: t("metaTitle") };
}

/** The desk types in the paper ballot of a household member without an account. */
export default async function MemberBallotPage({ params }: { params: Promise<{ memberId: string }> }) {
  const { memberId } = await params;
  if (!isUuid(memberId)) notFound();
  return <DeskBallotPage who={{ memberId }} />;
}
