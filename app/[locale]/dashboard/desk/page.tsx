import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { searchDesk } from "@/lib/desk/queries";
import { deskSearchSchema } from "@/lib/desk/schemas";
import { formatHouseholdCode } from "@/lib/accounts/household-code-format";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";
import { SearchForm } from "@/components/dashboard/search-form";
import { Badge } from "@/components/ui/card";
import { addressText } from "@/components/desk/address";

export async function generateMetadata() {
  const t = await getTranslations("desk");
  return { title: t("title") };
}

const row =
  "flex min-h-16 flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-xl border-2 border-line bg-white px-5 py-3 text-xl hover:border-red-brand hover:bg-gold-soft/40";

/** The counter: one search box, and what it finds as large rows to open. */
export default async function DeskPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const actor = await requireOrganiser("/dashboard/desk");
  const { q } = deskSearchSchema.parse(await searchParams);
  const t = await getTranslations("desk");
  const found = q ? orForbidden(await searchDesk(await getDb(), actor, q)) : null;
  const none = found && !found.people.length && !found.members.length && !found.households.length;
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <h1 className="text-3xl font-bold text-red-deep">{t("title")}</h1>
      <p className="text-lg">{t("intro")}</p>
      <SearchForm label={t("searchLabel")} q={q} action="/dashboard/desk" />
      <p>
        <Link
          href="/dashboard/desk/new-account"
          className="text-lg font-semibold text-red-deep underline underline-offset-4"
        >
          {t("newAccount")}
        </Link>
      </p>
      {none && <p className="text-xl">{t("noResults")}</p>}
      {found && found.people.length > 0 && (
        <section aria-labelledby="people-title" className="flex flex-col gap-2">
          <h2 id="people-title" className="text-2xl font-bold">
            {t("people")}
          </h2>
          <ul className="flex flex-col gap-2">
            {found.people.map((p) => (
              <li key={p.id}>
                <Link href={`/dashboard/desk/people/${p.id}`} className={row}>
                  <span className="font-bold">{p.name}</span>
                  <span className="font-mono">{p.phone}</span>
                  <span>{p.building ? addressText(p) : t("noHousehold")}</span>
                  {p.verified ? (
                    <Badge tone="green">{t("verified")}</Badge>
                  ) : (
                    <Badge tone="red">{t("unverified")}</Badge>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {found && found.members.length > 0 && (
        <section aria-labelledby="members-title" className="flex flex-col gap-2">
          <h2 id="members-title" className="text-2xl font-bold">
            {t("members")}
          </h2>
          <ul className="flex flex-col gap-2">
            {found.members.map((m) => (
              <li key={m.id}>
                <Link href={`/dashboard/desk/members/${m.id}`} className={row}>
                  <span className="font-bold">{m.name}</span>
                  <span>{t("bornIn", { year: m.birthYear })}</span>
                  <span>{t(`relations.${m.relation}`)}</span>
                  <span>{addressText(m)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {found && found.households.length > 0 && (
        <section aria-labelledby="households-title" className="flex flex-col gap-2">
          <h2 id="households-title" className="text-2xl font-bold">
            {t("households")}
          </h2>
          <ul className="flex flex-col gap-2">
            {found.households.map((h) => (
              <li key={h.id}>
                <Link href={`/dashboard/desk/households/${h.id}`} className={row}>
                  <span className="font-bold">{addressText(h)}</span>
                  <span className="font-mono">{formatHouseholdCode(h.code)}</span>
                  <span>
                    {t("accountsCount", { count: h.accounts })} · {t("membersCount", { count: h.members })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
