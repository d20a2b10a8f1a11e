import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listHouseholdRequests } from "@/lib/accounts/queries";
import { listQuerySchema } from "@/lib/accounts/schemas";
import { Badge, Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { HouseholdCapForm, HouseholdRequestDecision } from "@/components/accounts/household-requests";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("households.approvals");
  return { title: t("title") };
}

// Accounts whose household code had verified as many as it may: an organiser decides each one,
// seeing who already lives there.
export default async function HouseholdApprovalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireOrganiser("/dashboard/households/approvals");
  const { page } = listQuerySchema.parse(await searchParams);
  const result = orForbidden(await listHouseholdRequests(await getDb(), actor, { page }));
  const t = await getTranslations("households.approvals");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "long", day: "numeric" });
  return (
    <div className="flex max-w-4xl flex-col gap-5">
      <Link href="/dashboard/households" className="text-red-deep underline underline-offset-4">
        {t("back")}
      </Link>
      <h1 className="text-3xl font-bold text-red-deep">{t("title")}</h1>
      <p className="text-lg">{t("intro", { cap: result.cap })}</p>
      {result.rows.length === 0 ? (
        <p className="text-lg">{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {result.rows.map((r) => (
            <li key={r.id}>
              <Card aria-labelledby={`request-${r.id}`}>
                <h2 id={`request-${r.id}`} className="text-2xl font-bold">
                  {t("who", {
                    name: r.name,
                    building: r.household.building,
                    unit: r.household.unit,
                    room: r.household.room,
                  })}
                </h2>
                <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                  <dt className="text-muted">{t("phone")}</dt>
                  <dd>{r.phone}</dd>
                  <dt className="text-muted">{t("signedUp")}</dt>
                  <dd>{day(r.signedUpAt)}</dd>
                  <dt className="text-muted">{t("requested")}</dt>
                  <dd>{day(r.requestedAt)}</dd>
                </dl>
                <h3 className="mt-4 text-xl font-semibold">{t("members", { count: r.members.length })}</h3>
                {r.members.length === 0 ? (
                  <p>{t("noMembers")}</p>
                ) : (
                  <ul className="mt-2 flex flex-col gap-1">
                    {r.members.map((m, i) => (
                      <li key={i} className="flex flex-wrap items-center gap-2">
                        <span className="font-semibold">{m.name}</span>
                        <span className="font-mono">{m.phoneMasked}</span>
                        <span className="text-muted">{t("since", { date: day(m.since) })}</span>
                        {!m.verified && <Badge tone="grey">{t("memberUnverified")}</Badge>}
                      </li>
                    ))}
                  </ul>
                )}
                <div className="mt-4">
                  <HouseholdRequestDecision id={r.id} name={r.name} />
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        basePath="/dashboard/households/approvals"
        params={{}}
      />
      <h2 className="text-2xl font-bold">{t("capTitle")}</h2>
      <HouseholdCapForm cap={result.cap} />
    </div>
  );
}
