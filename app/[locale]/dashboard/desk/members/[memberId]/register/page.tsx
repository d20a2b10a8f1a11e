import { getTranslations } from "next-intl/server";
import { requireOrganiser } from "@/lib/auth/guards";
import { DeskRolePicker } from "../../../desk-register";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("deskRegister");
  return { title: t("title") };
}

export default async function DeskMemberRegisterPage({ params }: { params: Promise<{ memberId: string }> }) {
  const { memberId } = await params;
  const actor = await requireOrganiser(`/dashboard/desk/members/${encodeURIComponent(memberId)}/register`);
  return <DeskRolePicker actor={actor} who={{ kind: "member", memberId }} />;
}
