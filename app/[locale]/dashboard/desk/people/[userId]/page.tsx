import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getDeskPerson, getDeskWindows } from "@/lib/desk/queries";
import { formatHouseholdCode } from "@/lib/accounts/household-code-format";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { isAdmin } from "@/lib/actor";
import { siteOrigin } from "@/lib/site-url";
import { Badge, Card } from "@/components/ui/card";
import { ResetCodeSlip } from "@/components/desk/reset-code-slip";
import { PhoneChangeForm } from "@/components/desk/phone-change-form";
import { ActionLink, BallotList, CardSection, RegistrationList } from "@/components/desk/card-parts";
import { addressText } from "@/components/desk/address";

export async function generateMetadata() {
  const t = await getTranslations("desk");
  return { title: t("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An account's card at the desk: who they are, what they took part in, and what to do for them. */
export default async function DeskPersonPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const actor = await requireOrganiser(`/dashboard/desk/people/${UUID.test(userId) ? userId : ""}`);
  if (!UUID.test(userId)) notFound();
  const db = await getDb();
  const [person, windows] = await Promise.all([
    getDeskPerson(db, actor, userId).then(orForbidden),
    getDeskWindows(db, actor).then(orForbidden),
  ]);
  if (!person) notFound();
  const t = await getTranslations("desk");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const staff = person.roles.some((r) => r === "organiser" || r === "admin");
  const origin = (await siteOrigin()).replace(/^https?:\/\//, "");
  const when = (d: Date) => format.dateTime(d, { year: "numeric", month: "long", day: "numeric" });
  return (
    <div className="flex max-w-4xl flex-col gap-5">
      <Link href="/dashboard/desk" className="no-print text-lg text-red-deep underline underline-offset-4">
        {t("back")}
      </Link>
      <h1 className="no-print text-4xl font-bold text-red-deep">{person.name}</h1>
      <Card className="no-print">
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-3 text-xl">
          <dt className="text-muted">{t("phone")}</dt>
          <dd>
            <span className="font-mono text-2xl font-bold">{person.phone}</span>
            <span className="block text-base text-muted">{t("phoneNote")}</span>
          </dd>
          <dt className="text-muted">{t("household")}</dt>
          <dd>
            {person.household ? (
              <Link
                href={`/dashboard/desk/households/${person.household.id}`}
                className="font-semibold text-red-deep underline underline-offset-4"
              >
                {addressText(person.household)}
              </Link>
            ) : (
              t("noHousehold")
            )}
          </dd>
          {person.household && (
            <>
              <dt className="text-muted">{t("householdCode")}</dt>
              <dd className="font-mono">{formatHouseholdCode(person.household.code)}</dd>
            </>
          )}
          <dt className="text-muted">{t("status")}</dt>
          <dd className="flex flex-wrap gap-2">
            {person.verified ? (
              <Badge tone="green">{t("verified")}</Badge>
            ) : (
              <Badge tone="red">{t("unverified")}</Badge>
            )}
            {person.disabled && <Badge tone="grey">{t("disabled")}</Badge>}
          </dd>
          <dt className="text-muted">{t("roles")}</dt>
          <dd>{format.list(person.roles.map((r) => tr(r)))}</dd>
          <dt className="text-muted">{t("points", { year: person.year })}</dt>
          <dd>{t("pointsValue", { points: person.pointsThisYear })}</dd>
        </dl>
      </Card>

      <Card aria-labelledby="actions-title">
        <h2 id="actions-title" className="no-print mb-3 text-2xl font-bold">
          {t("actions")}
        </h2>
        <div className="no-print mb-5 flex flex-wrap gap-3">
          {windows.registrationOpen && (
            <ActionLink href={`/dashboard/desk/people/${person.id}/register`}>{t("registerLink")}</ActionLink>
          )}
          {windows.votingOpen && (
            <ActionLink href={`/dashboard/desk/people/${person.id}/ballot`}>{t("ballotLink")}</ActionLink>
          )}
          {person.household && (
            <ActionLink href={`/dashboard/desk/households/${person.household.id}/members`}>{t("addMember")}</ActionLink>
          )}
        </div>
        <h3 className="no-print text-xl font-bold">{t("resetTitle")}</h3>
        <p className="no-print mb-3 text-lg">{t("resetHint")}</p>
        {staff && !isAdmin(actor) && person.id !== actor.id ? (
          <p className="text-lg">{t("resetStaff")}</p>
        ) : (
          <ResetCodeSlip userId={person.id} signInUrl={`${origin}/sign-in`} />
        )}
      </Card>

      {(!staff || isAdmin(actor) || person.id === actor.id) && (
        <Card aria-labelledby="phone-title" className="no-print">
          <h2 id="phone-title" className="mb-2 text-2xl font-bold">
            {t("phoneTitle")}
          </h2>
          <p className="mb-3 text-lg">{t("phoneHint")}</p>
          <PhoneChangeForm userId={person.id} />
        </Card>
      )}

      <RegistrationList rows={person.registrations} />
      <CardSection id="nominations" title={t("nominations")} empty={!person.nominations.length && t("noNominations")}>
        {person.nominations.map((n) => (
          <li key={n.id} className="flex flex-wrap gap-2 border-b border-line pb-2">
            <span className="font-semibold">{n.category}</span>
            <span>· {t("nominee", { name: n.nominee })}</span>
            <span>· {when(n.at)}</span>
            <Badge tone="grey">{t(`nominationStatus.${n.status}`)}</Badge>
          </li>
        ))}
      </CardSection>
      <BallotList rows={person.ballots} />
      <CardSection id="claims" title={t("claims")} empty={!person.claims.length && t("noClaims")}>
        {person.claims.map((c) => (
          <li key={c.id} className="flex flex-wrap gap-2 border-b border-line pb-2">
            <span className="font-semibold">{c.wish}</span>
            <span>· {when(c.at)}</span>
            <Badge tone="grey">{t(`claimStatus.${c.status}`)}</Badge>
          </li>
        ))}
      </CardSection>
    </div>
  );
}
