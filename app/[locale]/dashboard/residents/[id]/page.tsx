import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { findHouseholds, getResident } from "@/lib/accounts/queries";
import { setVerifiedAction } from "@/lib/accounts/actions";
import { Badge, Card } from "@/components/ui/card";
import { SearchForm } from "@/components/dashboard/search-form";
import { ActionButton } from "@/components/ui/action-button";
import { ResidentActions } from "@/components/dashboard/resident-actions";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("residents");
  return { title: t("title") };
}

export default async function ResidentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ q?: string }>;
}) {
  const actor = await requireOrganiser();
  const { id } = await params;
  const { q } = await searchParams;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const db = await getDb();
  const resident = orForbidden(await getResident(db, actor, id));
  if (!resident) notFound();
  const matches = q ? orForbidden(await findHouseholds(db, actor, q.slice(0, 60))) : [];
  return (
    <div className="flex max-w-3xl flex-col gap-5">
      <Link href="/dashboard/residents" className="text-red-deep underline underline-offset-4">
        {t("residents.back")}
      </Link>
      <h1 className="text-3xl font-bold text-red-deep">{t("residents.detailTitle", { name: resident.name })}</h1>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
          <dt className="text-muted">{t("residents.phone")}</dt>
          <dd>{resident.phone}</dd>
          <dt className="text-muted">{t("residents.household")}</dt>
          <dd>{resident.household ?? "—"}</dd>
          <dt className="text-muted">{t("residents.status")}</dt>
          <dd className="flex gap-1">
            {resident.verified ? (
              <Badge tone="green">{t("residents.verified")}</Badge>
            ) : (
              <Badge tone="red">{t("residents.unverified")}</Badge>
            )}
            {resident.disabled && <Badge tone="grey">{t("residents.disabledBadge")}</Badge>}
          </dd>
          <dt className="text-muted">{t("residents.roles")}</dt>
          <dd>{format.list(resident.roles.map((x) => t(`roles.${x}` as "roles.resident")))}</dd>
        </dl>
        <div className="mt-4">
          <ResidentActions resident={resident} isAdmin={actor.roles.includes("admin")} selfId={actor.id} />
        </div>
      </Card>
      {!resident.verified && (
        <Card aria-labelledby="find-title">
          <h2 id="find-title" className="mb-3 text-xl font-bold">
            {t("residents.findHousehold")}
          </h2>
          <SearchForm label={t("residents.findHouseholdHint")} q={q} action={`/dashboard/residents/${id}`} />
          {q && (
            <ul className="mt-4 flex flex-col gap-2">
              {matches.length === 0 && <li>{t("residents.noMatches")}</li>}
              {matches.map((h) => (
                <li
                  key={h.id}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line p-3"
                >
                  <span>
                    {h.building} {h.unit} {h.room}
                  </span>
                  <ActionButton
                    action={setVerifiedAction}
                    fields={{ userId: id, verified: "true", householdId: h.id }}
                    label={t("residents.verifyWith")}
                    variant="primary"
                    successText={t("residents.done")}
                  />
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
    </div>
  );
}
