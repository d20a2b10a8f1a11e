import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import type { Actor } from "@/lib/actor";
import { REGISTRATION_ROLES, type RegistrationRole } from "@/vocabulary/registrations";
import { orForbidden } from "@/lib/auth/guards";
import { getCurrentFestival } from "@/lib/festivals/queries";
import {
  getFormFestival,
  listMemberFestivalRegistrations,
  listMyFestivalRegistrations,
  listRolePlaces,
} from "@/lib/registrations/form-queries";
import { getDeskMember, getDeskPerson } from "@/lib/desk/queries";
import { listHouseholdMembers } from "@/lib/households/queries";
import { addressText } from "@/components/desk/address";
import { ageFromBirthYear } from "@/lib/households/schemas";
import { ACCOUNT_NAMESPACES, ClientMessages } from "@/components/ui/client-messages";
import { RegisterForm, type MemberChoice } from "@/components/registrations/register-form";
import { formChoices } from "@/components/registrations/form-choices";
import { RolePicture } from "@/components/registrations/role-picture";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/card";

// Registering on someone's behalf at the service desk, from an account's card or a household
// member's: the same four forms as online, sent to the desk's endpoint.

export type DeskWho = { kind: "account"; userId: string } | { kind: "member"; memberId: string };

interface Person {
  name: string;
  detail: string | null;
  base: string;
  card: string;
  householdId: string | null;
  verified: boolean;
  age: number | null;
}

async function personOf(actor: Actor, who: DeskWho): Promise<Person> {
  const db = await getDb();
  const t = await getTranslations("deskRegister");
  if (who.kind === "account") {
    const p = orForbidden(await getDeskPerson(db, actor, who.userId));
    if (!p) notFound();
    return {
      name: p.name,
      detail: p.verified ? null : t("unverified"),
      base: `/dashboard/desk/people/${p.id}/register`,
      card: `/dashboard/desk/people/${p.id}`,
      householdId: p.household?.id ?? null,
      verified: p.verified,
      age: null,
    };
  }
  const m = orForbidden(await getDeskMember(db, actor, who.memberId));
  if (!m || m.removed) notFound();
  const tf = await getTranslations("register");
  return {
    name: m.name,
    detail: `${tf("memberAgeIs", { age: ageFromBirthYear(m.birthYear) })} · ${addressText(m.household)}`,
    base: `/dashboard/desk/members/${m.id}/register`,
    card: `/dashboard/desk/members/${m.id}`,
    householdId: m.household.id,
    verified: true,
    age: ageFromBirthYear(m.birthYear),
  };
}

async function heldBy(who: DeskWho, slug: string) {
  const db = await getDb();
  return who.kind === "account"
    ? listMyFestivalRegistrations(db, who.userId, slug)
    : listMemberFestivalRegistrations(db, who.memberId, slug);
}

function Heading({ person, title }: { person: Person; title: string }) {
  return (
    <div>
      <p className="text-xl font-semibold text-muted">
        {person.name}
        {person.detail ? ` · ${person.detail}` : ""}
      </p>
      <h1 className="text-3xl font-bold text-red-deep">{title}</h1>
    </div>
  );
}

/** Step one at the desk: the current festival's four roles. */
export async function DeskRolePicker({ actor, who }: { actor: Actor; who: DeskWho }) {
  const person = await personOf(actor, who);
  const db = await getDb();
  const t = await getTranslations("deskRegister");
  const tr = await getTranslations("myRegistrations");
  const current = await getCurrentFestival(db);
  const festival = current ? await getFormFestival(db, current.slug) : null;
  const back = (
    <Link href={person.card} className="text-lg text-red-deep underline underline-offset-4">
      {t("backToCard")}
    </Link>
  );
  if (!festival || festival.window !== "open")
    return (
      <div className="flex max-w-3xl flex-col gap-5">
        {back}
        <Heading person={person} title={t("title")} />
        <Alert tone="info">{t("notOpen")}</Alert>
      </div>
    );
  const [places, held] = await Promise.all([listRolePlaces(db, festival.slug), heldBy(who, festival.slug)]);
  return (
    <div className="flex max-w-3xl flex-col gap-5">
      {back}
      <Heading person={person} title={t("title")} />
      <p className="text-lg">{t("intro", { festival: festival.title })}</p>
      <ul className="grid gap-4 sm:grid-cols-2">
        {REGISTRATION_ROLES.map((role) => {
          const left = places.find((p) => p.role === role)?.left ?? null;
          const count = held.filter((r) => r.role === role).length;
          return (
            <li key={role}>
              <Link
                href={`${person.base}/${role}`}
                className="flex items-center gap-4 rounded-xl border-2 border-line bg-white p-4 text-ink no-underline hover:border-red-brand"
              >
                <RolePicture role={role} className="size-16" />
                <span className="flex flex-col gap-1">
                  <span className="text-2xl font-bold text-red-deep">{tr(`roleLabel.${role}`)}</span>
                  <span className="flex flex-wrap gap-2">
                    {count > 0 && <Badge tone="green">{t("holds", { count })}</Badge>}
                    {left !== null && left <= 0 && <Badge tone="red">{t("roleFull")}</Badge>}
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const isRole = (r: string): r is RegistrationRole => (REGISTRATION_ROLES as readonly string[]).includes(r);

/** Step two at the desk: one role's form, for the person or the member in front of the organiser. */
export async function DeskRoleForm({ actor, who, role }: { actor: Actor; who: DeskWho; role: string }) {
  if (!isRole(role)) notFound();
  const person = await personOf(actor, who);
  const db = await getDb();
  const t = await getTranslations("deskRegister");
  const tr = await getTranslations("myRegistrations");
  const tf = await getTranslations("register");
  const current = await getCurrentFestival(db);
  const festival = current ? await getFormFestival(db, current.slug) : null;
  const title = t("formTitle", { role: tr(`roleLabel.${role}`) });
  const back = (
    <Link href={person.base} className="text-lg text-red-deep underline underline-offset-4">
      {t("backToRoles")}
    </Link>
  );
  if (!festival || festival.window !== "open")
    return (
      <div className="flex max-w-3xl flex-col gap-5">
        {back}
        <Heading person={person} title={title} />
        <Alert tone="info">{t("notOpen")}</Alert>
      </div>
    );
  const { items, slots } = await formChoices(db, festival, role, await heldBy(who, festival.slug));
  // An account's own household members, when it is verified; a member is registered as themself.
  const listed =
    who.kind === "account" && person.householdId && person.verified
      ? await listHouseholdMembers(db, actor, person.householdId)
      : null;
  const members: MemberChoice[] =
    who.kind === "member"
      ? [{ id: who.memberId, name: person.name, age: person.age ?? 0 }]
      : listed?.ok
        ? listed.data.map((m) => ({ id: m.id, name: m.name, age: ageFromBirthYear(m.birthYear) }))
        : [];
  return (
    <div className="flex max-w-3xl flex-col gap-5">
      {back}
      <div className="flex flex-wrap items-center gap-4">
        <RolePicture role={role} className="size-16" />
        <Heading person={person} title={title} />
      </div>
      <Alert tone="info">{t("sameRules")}</Alert>
      <p className="text-lg">{tf(`formIntro.${role}`)}</p>
      <ClientMessages namespaces={[...ACCOUNT_NAMESPACES, "register"]}>
        <RegisterForm
          festivalSlug={festival.slug}
          role={role}
          actMaxMinutes={festival.actMaxMinutes}
          items={items}
          slots={slots}
          hasHousehold={!!person.householdId && person.verified}
          members={members}
          desk={{ deskFor: who, doneHref: person.card, anotherHref: person.base }}
        />
      </ClientMessages>
    </div>
  );
}
