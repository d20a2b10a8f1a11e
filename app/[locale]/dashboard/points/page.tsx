import { SamePageLink } from "@/components/ui/same-page-link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { PointRuleForm } from "@/components/points/admin/rule-form";
import { currentPointRules } from "@/lib/points/rules";
import { SERVICE_POINT_KINDS } from "@/vocabulary/points";
import { z } from "zod";
import { getDb } from "@/db";
import { currentYear } from "@/lib/points/year";
import { findPointsPerson, listLedger, listLedgerYears, listRewards, yearTotals } from "@/lib/points/admin-queries";
import { phoneLookupSchema } from "@/lib/points/schemas";
import { Badge, Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { SelectFilter } from "@/components/ui/filter-field";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { AddRewardForm, AwardForm, RedeemForm, RewardToggle } from "@/components/points/admin/desk-forms";
import { LedgerTable } from "@/components/points/admin/ledger-table";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

const dayFormat = { year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Shanghai" } as const;

export async function generateMetadata() {
  const t = await getTranslations("pointsAdmin");
  return { title: t("title") };
}

const paramsSchema = z.object({
  phone: z.string().trim().max(20).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

// Organisers only: the dashboard layout shows anyone else a refusal, and every action checks again.
export default async function PointsDashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireOrganiser();
  const params = paramsSchema.parse(await searchParams);
  const thisYear = currentYear();
  const year = params.year ?? thisYear;
  const db = await getDb();
  const lookup = params.phone ? phoneLookupSchema.safeParse({ phone: params.phone }) : null;
  const [rewards, years, ledger, totals, person] = await Promise.all([
    listRewards(db, actor).then(orForbidden),
    listLedgerYears(db, actor, thisYear).then(orForbidden),
    listLedger(db, actor, year, params.page).then(orForbidden),
    yearTotals(db, actor, year).then(orForbidden),
    lookup?.success ? findPointsPerson(db, actor, lookup.data.phone).then(orForbidden) : Promise.resolve(null),
  ]);
  const rules = await currentPointRules(db);
  const t = await getTranslations("pointsAdmin");
  const tr = await getTranslations("pointsAdmin.rules");
  const format = await getFormatter();
  const base = "/dashboard/points";
  const active = rewards.filter((r) => r.active);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold text-red-deep">{t("title")}</h1>
      <p className="max-w-4xl text-base">{t("intro")}</p>

      <Card aria-labelledby="desk-title" className="flex flex-col gap-4">
        <h2 id="desk-title" className="text-2xl font-bold">
          {t("desk.title")}
        </h2>
        <form
          method="get"
          action={base}
          role="search"
          aria-label={t("desk.find")}
          className="flex flex-wrap items-end gap-3"
        >
          {params.year && <input type="hidden" name="year" value={params.year} />}
          <div className="flex min-w-0 flex-1 basis-60 flex-col gap-1">
            <label htmlFor="phone" className="text-lg font-semibold">
              {t("desk.phone")}
            </label>
            <input
              id="phone"
              name="phone"
              type="search"
              inputMode="numeric"
              maxLength={11}
              defaultValue={params.phone}
              aria-describedby={lookup && !lookup.success ? "phone-error" : undefined}
              className="min-h-12 rounded-xl border-2 border-stone-400 bg-white px-4 text-lg"
            />
          </div>
          <button type="submit" className={buttonClass("primary", "md")}>
            {t("desk.find")}
          </button>
        </form>
        {lookup && !lookup.success && (
          <p id="phone-error" className="text-base font-semibold text-red-deep">
            {t("desk.phoneInvalid")}
          </p>
        )}
        {lookup?.success && !person && <p className="text-lg">{t("desk.nobody")}</p>}
        {person && (
          <section aria-labelledby="person-title" className="flex flex-col gap-4">
            <div className="flex flex-wrap items-center gap-3 rounded-xl bg-gold-soft/50 p-4">
              <h3 id="person-title" className="text-2xl font-bold">
                {person.name} <span className="text-lg font-normal tabular-nums">{person.phone}</span>
              </h3>
              {person.volunteer ? (
                <Badge tone="green">{t("desk.volunteer")}</Badge>
              ) : (
                <Badge tone="grey">{t("desk.notVolunteer")}</Badge>
              )}
              <p className="text-xl sm:ml-auto">
                {t.rich("desk.balance", {
                  balance: person.balance,
                  b: (c) => <strong className="text-3xl tabular-nums text-red-deep">{c}</strong>,
                })}
              </p>
            </div>
            <div className="grid gap-4 lg:grid-cols-2">
              <section aria-labelledby="redeem-title" className="flex flex-col gap-2 rounded-xl border border-line p-4">
                <h4 id="redeem-title" className="text-xl font-bold">
                  {t("desk.redeemTitle")}
                </h4>
                {active.length ? (
                  <RedeemForm
                    userId={person.id}
                    name={person.name}
                    rewards={active.map((r) => ({ id: r.id, name: r.name, cost: r.cost }))}
                  />
                ) : (
                  <p>{t("desk.noRewards")}</p>
                )}
              </section>
              <section aria-labelledby="award-title" className="flex flex-col gap-2 rounded-xl border border-line p-4">
                <h4 id="award-title" className="text-xl font-bold">
                  {t("desk.awardTitle")}
                </h4>
                <AwardForm userId={person.id} name={person.name} />
              </section>
            </div>
            <h4 className="text-xl font-bold">{t("desk.entries")}</h4>
            {person.entries.length ? (
              <LedgerTable
                caption={t("desk.entriesOf", { name: person.name })}
                rows={person.entries}
                showPerson={false}
              />
            ) : (
              <p>{t("desk.noEntries")}</p>
            )}
          </section>
        )}
      </Card>

      <Card aria-labelledby="rewards-title" className="flex flex-col gap-4">
        <h2 id="rewards-title" className="text-2xl font-bold">
          {t("rewards.title")}
        </h2>
        {rewards.length === 0 ? (
          <p>{t("rewards.none")}</p>
        ) : (
          <Table caption={t("rewards.caption")}>
            <thead>
              <tr>
                <Th>{t("rewards.name")}</Th>
                <Th className="text-right">{t("rewards.cost")}</Th>
                <Th>{t("rewards.state")}</Th>
                <Th>
                  <span className="sr-only">{t("rewards.change")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {rewards.map((r) => (
                <tr key={r.id}>
                  <Td className="align-middle! font-semibold whitespace-normal!">{r.name}</Td>
                  <Td className="align-middle! text-right tabular-nums">{r.cost}</Td>
                  <Td className="align-middle!">
                    {r.active ? (
                      <Badge tone="green">{t("rewards.active")}</Badge>
                    ) : (
                      <Badge tone="grey">{t("rewards.inactive")}</Badge>
                    )}
                  </Td>
                  <Td>
                    <RewardToggle key={String(r.active)} id={r.id} name={r.name} active={r.active} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <h3 className="text-xl font-bold">{t("rewards.addTitle")}</h3>
        <AddRewardForm />
      </Card>

      <Card aria-labelledby="ledger-title" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="ledger-title" className="text-2xl font-bold">
            {t("ledger.title", { year })}
          </h2>
          <form
            method="get"
            action={base}
            aria-label={t("ledger.chooseYear")}
            className="flex flex-wrap items-end gap-2"
          >
            {params.phone && <input type="hidden" name="phone" value={params.phone} />}
            <SelectFilter
              id="year"
              label={t("ledger.year")}
              defaultValue={String(year)}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
            />
            <button type="submit" className={buttonClass("secondary", "sm")}>
              {t("ledger.show")}
            </button>
          </form>
        </div>
        <h3 className="text-xl font-bold">{t("ledger.totalsTitle", { year })}</h3>
        {totals.length === 0 ? (
          <p>{t("ledger.none")}</p>
        ) : (
          <Table caption={t("ledger.totalsCaption", { year })}>
            <thead>
              <tr>
                <Th>{t("ledger.who")}</Th>
                <Th className="text-right">{t("ledger.earned")}</Th>
                <Th className="text-right">{t("ledger.redeemed")}</Th>
              </tr>
            </thead>
            <tbody>
              {totals.map((r) => (
                <tr key={r.userId}>
                  <Td>
                    <SamePageLink
                      href={`${base}?phone=${r.phone}`}
                      className="font-semibold underline underline-offset-4"
                    >
                      {r.name}
                    </SamePageLink>{" "}
                    <span className="text-sm tabular-nums text-muted">{r.phone}</span>
                  </Td>
                  <Td className="text-right font-semibold tabular-nums">{r.earned}</Td>
                  <Td className="text-right tabular-nums">{r.redeemed}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <h3 className="text-xl font-bold">{t("ledger.recentTitle")}</h3>
        {ledger.rows.length === 0 ? (
          <p>{t("ledger.none")}</p>
        ) : (
          <LedgerTable caption={t("ledger.caption", { year })} rows={ledger.rows} />
        )}
        <Pagination
          page={ledger.page}
          pageCount={ledger.pageCount}
          total={ledger.total}
          basePath={base}
          params={{ year: params.year ? String(params.year) : undefined, phone: params.phone }}
        />
      </Card>

      <Card aria-labelledby="rules-title" className="flex flex-col gap-2">
        <h2 id="rules-title" className="text-2xl font-bold">
          {tr("title")}
        </h2>
        <p className="max-w-3xl text-base">{tr("intro")}</p>
        <ClientMessages namespaces={["common", "errors", "fieldErrors", "pointsAdmin"]}>
          {SERVICE_POINT_KINDS.map((kind) => {
            const r = rules[kind];
            return (
              <div key={kind}>
                <PointRuleForm kind={kind} label={tr(`kinds.${kind}`)} basis={r.basis} points={r.points} />
                <p className="pb-2 text-sm text-muted">
                  {r.updatedAt && r.updatedByName
                    ? tr("setBy", { name: r.updatedByName, date: format.dateTime(r.updatedAt, dayFormat) })
                    : tr("default")}
                </p>
              </div>
            );
          })}
        </ClientMessages>
      </Card>
    </div>
  );
}
