import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { getDeskHousehold } from "@/lib/desk/queries";
import { listHouseholdMembers } from "@/lib/households/queries";
import { addressText } from "@/components/desk/address";
import { MembersSection } from "@/components/households/members-section";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("householdMembers");
  return { title: t("deskTitle") };
}

// At the desk, with the resident in front of the organiser: who lives in the household without
// an account, corrected on the spot, and registered for the festival from here.
export default async function DeskHouseholdMembersPage({ params }: { params: Promise<{ householdId: string }> }) {
  const { householdId } = await params;
  const actor = await requireOrganiser(`/dashboard/desk/households/${encodeURIComponent(householdId)}/members`);
  const db = await getDb();
  const household = orForbidden(await getDeskHousehold(db, actor, householdId));
  if (!household) notFound();
  const members = orForbidden(await listHouseholdMembers(db, actor, household.id));
  const t = await getTranslations("householdMembers");
  return (
    <div className="flex max-w-3xl flex-col gap-5">
      <Link
        href={`/dashboard/desk/households/${household.id}`}
        className="text-lg text-red-deep underline underline-offset-4"
      >
        {t("backToHousehold")}
      </Link>
      <div>
        <p className="text-xl font-semibold text-muted">{addressText(household)}</p>
        <h1 className="text-3xl font-bold text-red-deep">{t("deskTitle")}</h1>
      </div>
      <p className="text-lg">{t("deskIntro")}</p>
      <MembersSection
        householdId={household.id}
        members={members}
        registerHref={(id) => `/dashboard/desk/members/${id}/register`}
      />
    </div>
  );
}
