import { getTranslations } from "next-intl/server";
import type { MemberRow } from "@/lib/households/queries";
import { ageFromBirthYear } from "@/lib/households/schemas";
import { ACCOUNT_NAMESPACES, ClientMessages } from "@/components/ui/client-messages";
import { MemberForm, RemoveMemberButton } from "./member-forms";

/**
 * A household's members without an account, each with its correction form and a remove button,
 * then the form that adds one. The same on the resident's page and at the desk.
 */
export async function MembersSection({
  householdId,
  members,
  addHeading = "h2",
  registerHref,
}: {
  householdId: string;
  members: MemberRow[];
  /** The level of the "add a member" heading, one below the page's heading for the section. */
  addHeading?: "h2" | "h3";
  /** At the desk: where a member is registered for the festival. */
  registerHref?: (memberId: string) => string;
}) {
  const t = await getTranslations("householdMembers");
  const Sub = addHeading;
  return (
    <ClientMessages namespaces={[...ACCOUNT_NAMESPACES, "householdMembers"]}>
      <div className="flex flex-col gap-5">
        {members.length === 0 ? (
          <p className="text-lg">{t("none")}</p>
        ) : (
          <ul className="flex flex-col gap-4">
            {members.map((m) => (
              <li key={m.id} className="rounded-xl border-2 border-stone-300 bg-white p-4">
                <p className="text-2xl font-bold">{m.name}</p>
                <p className="text-lg">
                  {t("summary", {
                    year: m.birthYear,
                    age: ageFromBirthYear(m.birthYear),
                    relation: t(`relations.${m.relation}`),
                  })}
                </p>
                <div className="mt-3 flex flex-wrap items-start gap-3">
                  {registerHref && (
                    <a href={registerHref(m.id)} className="text-lg font-semibold text-red-deep underline">
                      {t("registerThem", { name: m.name })}
                    </a>
                  )}
                  <RemoveMemberButton id={m.id} name={m.name} />
                </div>
                <details className="mt-3">
                  <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold text-red-deep underline">
                    {t("editWho", { name: m.name })}
                  </summary>
                  <div className="mt-3">
                    <MemberForm householdId={householdId} member={m} />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
        <section aria-labelledby={`add-member-${householdId}`} className="flex flex-col gap-3">
          <Sub id={`add-member-${householdId}`} className="text-2xl font-bold">
            {t("addTitle")}
          </Sub>
          <MemberForm householdId={householdId} />
        </section>
      </div>
    </ClientMessages>
  );
}
