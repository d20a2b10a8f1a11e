import { getTranslations } from "next-intl/server";
import { requireOrganiser } from "@/lib/auth/guards";
import { DeskRolePicker } from "../../../desk-register";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("deskRegister");
  return { title: t("title") };
}

export default async function DeskPersonRegisterPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const actor = await requireOrganiser(`/dashboard/desk/people/${encodeURIComponent(userId)}/register`);
  return <DeskRolePicker actor={actor} who={{ kind: "account", userId }} />;
}
