import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { REGISTRATION_ROLES, type RegistrationRole } from "@/vocabulary/registrations";
import { getActor } from "@/lib/auth/session";
import { festivalDays, zonedToUtc } from "@/lib/festivals/time";
import { festivalDay } from "@/components/ui/format";
import {
  getEditableRegistration,
  getFormFestival,
  listFormItems,
  listMyFestivalRegistrations,
} from "@/lib/registrations/form-queries";
import { ACCOUNT_NAMESPACES, ClientMessages } from "@/components/ui/client-messages";
import { RegisterForm, type ItemChoice, type SlotChoice } from "@/components/registrations/register-form";
import { RolePicture } from "@/components/registrations/role-picture";
import { Alert } from "@/components/ui/alert";
import { isPhoneConfirmed } from "@/lib/accounts/queries";
import { buttonClass } from "@/components/ui/button";
import { listHouseholdMembers } from "@/lib/households/queries";
import { ageFromBirthYear } from "@/lib/households/schemas";

export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; slug: string; role: string }>;

const isRole = (r: string): r is RegistrationRole => (REGISTRATION_ROLES as readonly string[]).includes(r);

/** Parts of a festival day a backstage pioneer can offer, in the festival's time zone. */
const PARTS = [
  { part: "morning", from: "08:00", to: "12:00" },
  { part: "afternoon", from: "13:00", to: "17:00" },
  { part: "evening", from: "18:00", to: "21:00" },
] as const;

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
  const format = await getFormatter();
  const tz = festival.timeZone;

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

  const time = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit", timeZone: tz });
  const dayLabel = (iso: string) =>
    format.dateTime(festivalDay(iso), { month: "long", day: "numeric", weekday: "short", timeZone: "Asia/Shanghai" });
  let items: ItemChoice[] = [];
  if (role === "athlete" || role === "player") {
    const [rows, mine] = await Promise.all([
      listFormItems(db, slug, role),
      listMyFestivalRegistrations(db, actor.id, slug),
    ]);
    items = rows.map((i) => ({
      id: i.id,
      title: i.title,
      when: [
        format.dateTime(new Date(i.startsAt), { month: "long", day: "numeric", weekday: "short", timeZone: tz }),
        `${time(new Date(i.startsAt))}–${time(new Date(i.endsAt))}`,
        i.venue,
      ]
        .filter(Boolean)
        .join(" · "),
      left: i.left,
      waiting: i.waiting,
      teams: i.teams,
      held: mine.filter((r) => r.role === role && r.itemId === i.id).map((r) => r.participantKey),
    }));
  }
  const slots: SlotChoice[] =
    role === "backstage"
      ? festivalDays(festival).flatMap((day) =>
          PARTS.map((p) => ({
            startsAt: zonedToUtc(`${day}T${p.from}`, tz).toISOString(),
            endsAt: zonedToUtc(`${day}T${p.to}`, tz).toISOString(),
            label: t("slot", { day: dayLabel(day), part: t(`parts.${p.part}`), from: p.from, to: p.to }),
          })),
        )
      : [];

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
