import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getDeskHousehold } from "@/lib/desk/queries";
import { formatHouseholdCode } from "@/lib/accounts/household-code-format";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { Badge, Card } from "@/components/ui/card";
import { ActionLink } from "@/components/desk/card-parts";
import { addressText } from "@/components/desk/address";

export async function generateMetadata() {
  const t = await getTranslations("desk");
  return { title: t("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const row =
  "flex min-h-14 flex-wrap items-center gap-x-4 gap-y-1 rounded-xl border-2 border-line px-4 py-2 text-xl hover:border-red-brand hover:bg-gold-soft/40";

/** A household's card: its address and code, its accounts and its members without one. */
export default async function DeskHouseholdPage({ params }: { params: Promise<{ householdId: string }> }) {
  const { householdId } = await params;
  const actor = await requireOrganiser(`/dashboard/desk/households/${UUID.test(householdId) ? householdId : ""}`);
  if (!UUID.test(householdId)) notFound();
  const household = orForbidden(await getDeskHousehold(await getDb(), actor, householdId));
  if (!household) notFound();
  const t = await getTranslations("desk");
  return (
    <div className="flex max-w-4xl flex-col gap-5">
      <Link href="/dashboard/desk" className="text-lg text-red-deep underline underline-offset-4">
        {t("back")}
      </Link>
      <h1 className="text-4xl font-bold text-red-deep">{addressText(household)}</h1>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-3 text-xl">
          <dt className="text-muted">{t("householdCode")}</dt>
          <dd className="font-mono text-2xl font-bold">{formatHouseholdCode(household.code)}</dd>
          {household.householderName && (
            <>
              <dt className="text-muted">{t("householder")}</dt>
              <dd>{household.householderName}</dd>
            </>
          )}
        </dl>
        <div className="mt-4 flex flex-wrap gap-3">
          <ActionLink href={`/dashboard/desk/households/${household.id}/members`}>{t("addMember")}</ActionLink>
          <ActionLink href={`/dashboard/desk/new-account?household=${household.id}`}>{t("newAccountHere")}</ActionLink>
        </div>
      </Card>
      <Card aria-labelledby="accounts-title">
        <h2 id="accounts-title" className="mb-2 text-2xl font-bold">
          {t("accounts")}
        </h2>
        {household.accounts.length === 0 ? (
          <p className="text-lg">{t("noAccounts")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {household.accounts.map((a) => (
              <li key={a.id}>
                <Link href={`/dashboard/desk/people/${a.id}`} className={row}>
                  <span className="font-bold">{a.name}</span>
                  <span className="font-mono">{a.phone}</span>
                  {a.verified ? (
                    <Badge tone="green">{t("verified")}</Badge>
                  ) : (
                    <Badge tone="red">{t("unverified")}</Badge>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="members-title">
        <h2 id="members-title" className="mb-2 text-2xl font-bold">
          {t("members")}
        </h2>
        {household.members.length === 0 ? (
          <p className="text-lg">{t("noMembers")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {household.members.map((m) => (
              <li key={m.id}>
                <Link href={`/dashboard/desk/members/${m.id}`} className={row}>
                  <span className="font-bold">{m.name}</span>
                  <span>{t(`relations.${m.relation}`)}</span>
                  <span>{t("bornIn", { year: m.birthYear })}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
