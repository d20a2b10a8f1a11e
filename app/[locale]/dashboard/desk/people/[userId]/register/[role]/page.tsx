import { getTranslations } from "next-intl/server";
import { requireOrganiser } from "@/lib/auth/guards";
import { DeskRoleForm } from "../../../../desk-register";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("deskRegister");
  return { title: t("title") };
}

export default async function DeskPersonRoleFormPage({
  params,
}: {
  params: Promise<{ userId: string; role: string }>;
}) {
  const { userId, role } = await params;
  const actor = await requireOrganiser(
    `/dashboard/desk/people/${encodeURIComponent(userId)}/register/${encodeURIComponent(role)}`,
  );
  return <DeskRoleForm actor={actor} who={{ kind: "account", userId }} role={role} />;
}
