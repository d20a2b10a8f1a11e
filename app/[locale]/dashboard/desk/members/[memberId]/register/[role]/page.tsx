import { getTranslations } from "next-intl/server";
import { requireOrganiser } from "@/lib/auth/guards";
import { DeskRoleForm } from "../../../../desk-register";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("deskRegister");
  return { title: t("title") };
}

export default async function DeskMemberRoleFormPage({
  params,
}: {
  params: Promise<{ memberId: string; role: string }>;
}) {
  const { memberId, role } = await params;
  const actor = await requireOrganiser(
    `/dashboard/desk/members/${encodeURIComponent(memberId)}/register/${encodeURIComponent(role)}`,
  );
  return <DeskRoleForm actor={actor} who={{ kind: "member", memberId }} role={role} />;
}
