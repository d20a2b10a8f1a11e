import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getDeskMember, getDeskWindows } from "@/lib/desk/queries";
import { formatHouseholdCode } from "@/lib/accounts/household-code-format";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { Badge, Card } from "@/components/ui/card";
import { ActionLink, BallotList, RegistrationList } from "@/components/desk/card-parts";
import { addressText } from "@/components/desk/address";

export async function generateMetadata() {
  const t = await getTranslations("desk");
  return { title: t("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A household member's card: someone without an account, for whom the desk acts. */
export default async function DeskMemberPage({ params }: { params: Promise<{ memberId: string }> }) {
  const { memberId } = await params;
  const actor = await requireOrganiser(`/dashboard/desk/members/${UUID.test(memberId) ? memberId : ""}`);
  if (!UUID.test(memberId)) notFound();
  const db = await getDb();
  const [member, windows] = await Promise.all([
    getDeskMember(db, actor, memberId).then(orForbidden),
    getDeskWindows(db, actor).then(orForbidden),
  ]);
  if (!member) notFound();
  const t = await getTranslations("desk");
  return (
    <div className="flex max-w-4xl flex-col gap-5">
      <Link href="/dashboard/desk" className="text-lg text-red-deep underline underline-offset-4">
        {t("back")}
      </Link>
      <h1 className="text-4xl font-bold text-red-deep">{t("memberTitle", { name: member.name })}</h1>
      <Card>
        <p className="mb-3 text-lg">{t("memberNoAccount")}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-3 text-xl">
          <dt className="text-muted">{t("relation")}</dt>
          <dd>
            {t(`relations.${member.relation}`)} · {t("bornIn", { year: member.birthYear })}
            {member.removed && (
              <span className="ml-2">
                <Badge tone="grey">{t("removed")}</Badge>
              </span>
            )}
          </dd>
          <dt className="text-muted">{t("household")}</dt>
          <dd>
            <Link
              href={`/dashboard/desk/households/${member.household.id}`}
              className="font-semibold text-red-deep underline underline-offset-4"
            >
              {addressText(member.household)}
            </Link>
          </dd>
          <dt className="text-muted">{t("householdCode")}</dt>
          <dd className="font-mono">{formatHouseholdCode(member.household.code)}</dd>
        </dl>
      </Card>
      {!member.removed && (
        <Card aria-labelledby="actions-title">
          <h2 id="actions-title" className="mb-3 text-2xl font-bold">
            {t("actions")}
          </h2>
          <div className="flex flex-wrap gap-3">
            {windows.registrationOpen && (
              <ActionLink href={`/dashboard/desk/members/${member.id}/register`}>{t("registerLink")}</ActionLink>
            )}
            {windows.votingOpen && (
              <ActionLink href={`/dashboard/desk/members/${member.id}/ballot`}>{t("ballotLink")}</ActionLink>
            )}
            <ActionLink href={`/dashboard/desk/households/${member.household.id}/members`}>{t("addMember")}</ActionLink>
          </div>
        </Card>
      )}
      <RegistrationList rows={member.registrations} />
      <BallotList rows={member.ballots} />
    </div>
  );
}
