import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getActor } from "@/lib/auth/session";
import { isOrganiser } from "@/lib/actor";
import { getMyProfile } from "@/lib/accounts/queries";
import { listMyInvitations, listMyNotifications, listMyRegistrations } from "@/lib/registrations/queries";
import { MyInvitations, MyNotifications, MyRegistrations } from "@/components/registrations/my-registrations";
import { SmsSettingsCard } from "@/components/messages/sms-settings-card";
import { getMessageSettings } from "@/lib/messages/preferences";
import { env } from "@/env";
import { getCurrentFestival } from "@/lib/festivals/queries";
import { getStarsFestival, listMyNominations, listNominationsOfMe } from "@/lib/stars/queries";
import { listMyStarBallots } from "@/lib/stars/resident-queries";
import { MyStars } from "@/components/stars/my-stars";
import { MyWishesCard } from "@/components/wishes/me-card";
import { listRefereeCompetitions } from "@/lib/competitions/admin-queries";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { getMyPoints } from "@/lib/points/queries";
import { getMyPostsGlance } from "@/lib/posts/my-queries";
import { MyPostsCard } from "@/components/posts/patrol/me-card";
import { MyHoursCard } from "@/components/posts/patrol/hours-card";
import { getMyHoursTotal } from "@/lib/hours/my-queries";
import { currentYear } from "@/lib/points/year";
import { MyPointsCard } from "@/components/points/my-points-card";
import { Badge, Card } from "@/components/ui/card";
import { listHouseholdMembers } from "@/lib/households/queries";
import { MembersSection } from "@/components/households/members-section";
import { Alert } from "@/components/ui/alert";
import { ChangePasswordForm, LinkHouseholdForm, UpdateNameForm } from "@/components/accounts/me-forms";
import { SignOutButton } from "@/components/shell/sign-out-button";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("me");
  return { title: t("title") };
}

export default async function MePage({ searchParams }: { searchParams: Promise<{ welcome?: string; code?: string }> }) {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?callbackUrl=/me");
  const db = await getDb();
  const [
    profile,
    registrations,
    notifications,
    invitations,
    current,
    nominatedMe,
    points,
    refereeOf,
    messageSettings,
    postsGlance,
    hoursTotal,
  ] = await Promise.all([
    getMyProfile(db, actor.id),
    listMyRegistrations(db, actor.id, new Date(), actor.householdId),
    listMyNotifications(db, actor.id),
    listMyInvitations(db, actor.id),
    getCurrentFestival(db),
    listNominationsOfMe(db, actor.id),
    getMyPoints(db, actor.id, currentYear(), 3),
    // Residents an organiser named referee: the way to their competitions' result forms.
    isOrganiser(actor) ? [] : listRefereeCompetitions(db, actor),
    getMessageSettings(db, actor),
    getMyPostsGlance(db, actor),
    getMyHoursTotal(db, actor),
  ]);
  // Only a verified account sees and manages its household's members.
  const listed =
    actor.householdId && profile?.verified ? await listHouseholdMembers(db, actor, actor.householdId) : null;
  const members = listed?.ok ? listed.data : null;
  const starsFestival = current ? await getStarsFestival(db, current.slug) : null;
  const [ballots, nominatedByMe] = starsFestival
    ? await Promise.all([
        listMyStarBallots(db, actor, starsFestival.id),
        listMyNominations(db, actor.id, starsFestival.id),
      ])
    : [[], []];
  if (!profile) redirect("/sign-in?callbackUrl=/me");
  const t = await getTranslations();
  const format = await getFormatter();
  const { welcome, code } = await searchParams;

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-bold text-red-deep">{t("me.welcome", { name: profile.name })}</h1>
      {welcome === "verified" && <Alert tone="success">{t("auth.signedUpVerified")}</Alert>}
      {welcome === "unverified" && <Alert tone="success">{t("auth.signedUpUnverified")}</Alert>}
      {welcome === "linked" && <Alert tone="success">{t("me.linked")}</Alert>}

      <MyNotifications items={notifications} />
      {messageSettings.ok && <SmsSettingsCard settings={messageSettings.data} quietHours={env.SMS_QUIET_HOURS} />}
      {invitations.length > 0 && <MyInvitations items={invitations} />}
      <MyRegistrations items={registrations} />
      <MyStars festival={starsFestival} ballots={ballots} nominatedMe={nominatedMe} mine={nominatedByMe} />
      {(actor.roles.includes("volunteer") || points.balance !== 0 || points.entries.length > 0) && (
        <MyPointsCard points={points} />
      )}
      {postsGlance && <MyPostsCard glance={postsGlance} />}
      {hoursTotal > 0 && <MyHoursCard minutes={hoursTotal} />}
      <MyWishesCard />
      {refereeOf.length > 0 && (
        <Card aria-labelledby="referee-title">
          <h2 id="referee-title" className="text-2xl font-bold">
            {t("me.refereeTitle")}
          </h2>
          <p className="mt-2">{t("me.refereeText", { count: refereeOf.length })}</p>
          <Link href="/referee" className={buttonClass("primary", "lg", "mt-4")}>
            {t("me.refereeLink")}
          </Link>
        </Card>
      )}

      <Card aria-labelledby="household-title">
        <h2 id="household-title" className="text-2xl font-bold">
          {t("me.household")}
        </h2>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          {profile.verified ? (
            <Badge tone="green">{t("me.verified")}</Badge>
          ) : (
            <Badge tone="red">{t("me.unverified")}</Badge>
          )}
          {profile.verified && profile.verifiedBy && (
            <span className="text-muted">
              {profile.verifiedBy === "code" ? t("me.verifiedByCode") : t("me.verifiedByOrganiser")}
            </span>
          )}
        </div>
        <p className="mt-3 text-xl font-semibold">
          {profile.household ? t("me.address", profile.household) : t("me.noHousehold")}
        </p>
        {profile.householdRequest?.status === "waiting" && (
          <div className="mt-4">
            <Alert tone="info">
              {t("me.householdWaiting", {
                building: profile.householdRequest.building,
                unit: profile.householdRequest.unit,
                room: profile.householdRequest.room,
              })}
            </Alert>
          </div>
        )}
        {profile.householdRequest?.status === "refused" && (
          <div className="mt-4">
            <Alert tone="error">
              {t("me.householdRefused", {
                building: profile.householdRequest.building,
                unit: profile.householdRequest.unit,
                room: profile.householdRequest.room,
                reason: profile.householdRequest.reason ?? "",
              })}
            </Alert>
          </div>
        )}
        {!profile.verified && (
          <div className="mt-4 flex flex-col gap-4">
            <p>{t("me.unverifiedText")}</p>
            <LinkHouseholdForm code={typeof code === "string" ? code.slice(0, 20) : undefined} />
          </div>
        )}
      </Card>

      <Card aria-labelledby="members-title" id="members">
        <h2 id="members-title" className="text-2xl font-bold">
          {t("householdMembers.title")}
        </h2>
        <p className="mt-2 text-lg">{t("householdMembers.meIntro")}</p>
        <div className="mt-4">
          {members ? (
            <MembersSection householdId={actor.householdId!} members={members} addHeading="h3" />
          ) : (
            <Alert tone="info">{t("householdMembers.meUnverified")}</Alert>
          )}
        </div>
      </Card>

      <Card aria-labelledby="roles-title">
        <h2 id="roles-title" className="text-2xl font-bold">
          {t("me.roles")}
        </h2>
        <ul className="mt-3 flex flex-wrap gap-2">
          {profile.roles.map((r) => (
            <li key={r}>
              <Badge tone={r === "resident" ? "grey" : "gold"}>{t(`roles.${r}` as "roles.resident")}</Badge>
            </li>
          ))}
        </ul>
      </Card>

      <Card aria-labelledby="profile-title">
        <h2 id="profile-title" className="text-2xl font-bold">
          {t("me.profile")}
        </h2>
        {/* Labels beside their values, or above them when the text is too large for both. */}
        <div className="@container">
          <dl className="mt-3 grid gap-x-4 gap-y-1 @min-[16rem]:grid-cols-[auto_1fr]">
            <dt className="text-muted">{t("me.phone")}</dt>
            <dd>{profile.phoneMasked}</dd>
            <dt className="text-muted">{t("me.memberSince")}</dt>
            <dd>{format.dateTime(profile.memberSince, { year: "numeric", month: "long", day: "numeric" })}</dd>
          </dl>
        </div>
        <div className="mt-4">
          <UpdateNameForm name={profile.name} />
        </div>
      </Card>

      <Card aria-labelledby="password-title">
        <h2 id="password-title" className="text-2xl font-bold">
          {t("me.changePassword")}
        </h2>
        <div className="mt-3">
          <ChangePasswordForm phone={profile.phone} />
        </div>
      </Card>

      <Card aria-labelledby="signout-title">
        <h2 id="signout-title" className="text-2xl font-bold">
          {t("me.signOutTitle")}
        </h2>
        <p className="mt-2 mb-4">{t("me.signOutText")}</p>
        <SignOutButton />
      </Card>
    </div>
  );
}
