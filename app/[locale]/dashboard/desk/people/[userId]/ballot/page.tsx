import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isUuid } from "@/lib/ids";
import { DeskBallotPage } from "@/components/stars/desk/desk-ballot-page";

export async function generateMetadata() {
  const t = await getTranslations("paperBallot");
  return { title: t("metaTitle") };
}

/** The desk types in the paper ballot of a resident with an account. */
export default async function PersonBallotPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  if (!isUuid(userId)) notFound();
  return <DeskBallotPage who={{ userId }} />;
}
