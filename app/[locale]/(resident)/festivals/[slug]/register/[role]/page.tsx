import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { REGISTRATION_ROLES, type RegistrationRole } from "@/vocabulary/registrations";
import { getActor } from "@/lib/auth/session";
import {
  getEditableRegistration,
  getFormFestival,
  listMyFestivalRegistrations,
} from "@/lib/registrations/form-queries";
import { ACCOUNT_NAMESPACES, ClientMessages } from "@/components/ui/client-messages";
import { RegisterForm } from "@/components/registrations/register-form";
import { formChoices } from "@/components/registrations/form-choices";
import { RolePicture } from "@/components/registrations/role-picture";
import { Alert } from "@/components/ui/alert";
import { isPhoneConfirmed } from "@/lib/accounts/queries";
import { buttonClass } from "@/components/ui/button";
import { listHouseholdMembers } from "@/lib/households/queries";
import { ageFromBirthYear } from "@/lib/households/schemas";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string; role: string }>;

const isRole = (r: string): r is RegistrationRole => (REGISTRATION_ROLES as readonly string[]).includes(r);

export async function generateMetadata({ params }: { params: Params }) {
  const { role } = await params;
  const t = await getTranslations("register");
  const tr = await getTranslations("myRegistrations");
  return { title: isRole(role) ? t("formTitle", { role: tr(`roleLabel.${role}`) }) : t("title") };
}

export default async function RegisterRolePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ edit?: string }>;
}) {
  const { slug, role } = await params;
  if (!isRole(role)) notFound();
  const { edit: editId } = await searchParams;
  const actor = await getActor();
  const here = `/festivals/${slug}/register/${role}${editId ? `?edit=${encodeURIComponent(editId)}` : ""}`;
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(here)}`);
  const db = await getDb();
  const festival = await getFormFestival(db, slug);
  if (!festival) notFound();
  const t = await getTranslations("register");
  const tr = await getTranslations("myRegistrations");

  const editing = editId ? await getEditableRegistration(db, actor.id, editId) : null;
  const heading = (
    // The title wraps under the picture rather than into a column beside it when the text is large.
    <div className="flex flex-wrap items-center gap-4">
      <RolePicture role={role} className="size-16" />
      <div className="min-w-0 flex-[1_1_12rem]">
        <p className="text-lg font-semibold text-muted">{festival.title}</p>
        <h1 className="text-3xl font-bold text-red-deep">
          {editing
            ? t("editTitle", { role: tr(`roleLabel.${role}`) })
            : t("formTitle", { role: tr(`roleLabel.${role}`) })}
        </h1>
      </div>
    </div>
  );
  const back = (
    <Link href={`/festivals/${slug}/register`} className={buttonClass("ghost", "md", "self-start underline")}>
      {t("backToRoles")}
    </Link>
  );
  if (!(await isPhoneConfirmed(db, actor.id))) {
    return (
      <div className="mx-auto flex max-w-2xl flex-col gap-5">
        {heading}
        <Alert tone="error">{t("phoneUnconfirmed")}</Alert>
        <p className="text-lg">{t("phoneUnconfirmedHow")}</p>
        <Link href="/forgot-password" className={buttonClass("primary", "lg", "self-start")}>
          {t("confirmPhone")}
        </Link>
        {back}
      </div>
    );
  }
  // Said before the form is filled in, not after: how to verify, and where.
  if (festival.window === "open" && !editing && festival.needsHousehold && !actor.verified) {
    const te = await getTranslations("errors");
    return (
      <div className="mx-auto flex max-w-2xl flex-col gap-5">
        {back}
        {heading}
        <Alert tone="info">{te("household_unverified")}</Alert>
        <Link href="/me" className={buttonClass("primary", "lg", "self-start")}>
          {t("toMe")}
        </Link>
      </div>
    );
  }
  if ((editId && (!editing || editing.role !== role)) || festival.window !== "open") {
    return (
      <div className="mx-auto flex max-w-2xl flex-col gap-5">
        {heading}
        <Alert tone="error">
          {editId && festival.window === "open"
            ? t("cannotEdit")
            : festival.window === "soon"
              ? t("notYet")
              : t("closed")}
        </Alert>
        <Link href="/me" className={buttonClass("primary", "lg", "self-start")}>
          {t("toMe")}
        </Link>
      </div>
    );
  }

  const { items, slots } = await formChoices(
    db,
    festival,
    role,
    role === "athlete" || role === "player" ? await listMyFestivalRegistrations(db, actor.id, slug) : [],
  );

  // Only a verified account registers its household's members (and sees them).
  const listed = actor.householdId && actor.verified ? await listHouseholdMembers(db, actor, actor.householdId) : null;
  const members = listed?.ok
    ? listed.data.map((m) => ({ id: m.id, name: m.name, age: ageFromBirthYear(m.birthYear) }))
    : [];

  let values: Record<string, unknown> | undefined;
  if (editing) {
    const d = editing.details;
    values = { ...d, participant: editing.participant, ...(editing.itemId ? { itemId: editing.itemId } : {}) };
    if (role === "athlete")
      Object.assign(
        values,
        editing.team ? { teamAction: "create", team: editing.team } : { teamAction: "none", team: "" },
      );
  }

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-5">
      {back}
      {heading}
      <p className="text-lg">{t(`formIntro.${role}`)}</p>
      <ClientMessages namespaces={[...ACCOUNT_NAMESPACES, "register"]}>
        <RegisterForm
          festivalSlug={slug}
          role={role}
          actMaxMinutes={festival.actMaxMinutes}
          items={items}
          slots={slots}
          hasHousehold={!!actor.householdId && actor.verified}
          members={members}
          membersHref="/me#members"
          edit={editing ? { id: editing.id, version: editing.version, values: values as never } : undefined}
        />
      </ClientMessages>
    </div>
  );
}
