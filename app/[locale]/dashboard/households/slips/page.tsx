import QRCode from "qrcode";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listBuildings, listHouseholdsForSlips } from "@/lib/accounts/queries";
import { formatHouseholdCode } from "@/lib/accounts/household-code-format";
import { siteOrigin } from "@/lib/site-url";
import { PrintButton } from "@/components/ui/print-button";
import { buttonClass } from "@/components/ui/button";
import { SamePageLink } from "@/components/ui/same-page-link";
import { orForbidden, requireOrganiser } from "@/lib/auth/guards";

export async function generateMetadata() {
  const t = await getTranslations("slips");
  return { title: t("title") };
}

/** A4 sheets of household-code slips, eight to a page, each with a QR code to sign up. */
export default async function SlipsPage({ searchParams }: { searchParams: Promise<{ building?: string }> }) {
  const actor = await requireOrganiser();
  const t = await getTranslations("slips");
  const tc = await getTranslations("common");
  const { building } = await searchParams;
  const db = await getDb();
  const buildings = orForbidden(await listBuildings(db, actor));
  const total = buildings.reduce((n, b) => n + b.households, 0);
  const chosen = building && buildings.some((b) => b.building === building) ? building : buildings[0]?.building;
  const slips =
    chosen !== undefined || building === ""
      ? orForbidden(await listHouseholdsForSlips(db, actor, { building: building === "" ? undefined : chosen }))
      : [];
  const origin = await siteOrigin();
  const rendered = await Promise.all(
    slips.map(async (s) => {
      const url = `${origin}/sign-up?code=${formatHouseholdCode(s.code)}`;
      const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
      return { ...s, svg };
    }),
  );
  const signUpUrl = `${origin.replace(/^https?:\/\//, "")}/sign-up`;

  return (
    <div className="flex flex-col gap-5">
      <style>{`@page { size: A4; margin: 10mm; } @media print { main { padding: 0 !important; } }`}</style>
      <div className="no-print flex flex-col gap-4">
        <h1 className="text-3xl font-bold text-red-deep">{t("title")}</h1>
        <p className="text-lg">{t("intro")}</p>
        {/* Every building at a glance, each a link (no script needed), so none is missed. */}
        <nav aria-label={t("building")}>
          <ul className="flex flex-wrap gap-2">
            {[
              ...buildings.map((b) => ({
                key: b.building,
                label: t("buildingOption", { building: b.building, count: b.households }),
              })),
              { key: "", label: t("allBuildingsCount", { count: total }) },
            ].map((b) => {
              const current = b.key === "" ? building === "" : building !== "" && chosen === b.key;
              return (
                <li key={b.key || "all"}>
                  <SamePageLink
                    href={`/dashboard/households/slips?building=${encodeURIComponent(b.key)}`}
                    aria-current={current ? "page" : undefined}
                    className={buttonClass(current ? "primary" : "secondary", "sm")}
                  >
                    {b.label}
                  </SamePageLink>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <PrintButton label={tc("print")} />
          {building === "" && total > slips.length && (
            <p className="font-semibold text-red-deep">{t("allLimited", { shown: slips.length, total })}</p>
          )}
        </div>
        <p>{t("count", { count: rendered.length })}</p>
      </div>
      {rendered.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="grid grid-cols-1 gap-0 sm:grid-cols-2 print:grid-cols-2" aria-label={t("title")}>
          {rendered.map((s) => (
            <li
              key={s.id}
              className="flex h-[68mm] break-inside-avoid items-center gap-4 border border-dashed border-stone-500 bg-white p-4 print:h-[68mm]"
            >
              <div
                className="size-32 shrink-0"
                role="img"
                aria-label={`QR ${formatHouseholdCode(s.code)}`}
                dangerouslySetInnerHTML={{ __html: s.svg }}
              />
              <div className="flex min-w-0 flex-col gap-1 text-base">
                <p className="font-bold text-red-deep">{t("slipTitle")}</p>
                <p className="text-lg font-semibold">
                  {s.building} {s.unit} {s.room}
                </p>
                <p className="text-sm">{t("scan")}</p>
                <p className="text-sm">{t("orVisit", { url: signUpUrl })}</p>
                <p className="font-mono text-2xl font-black tracking-widest">{formatHouseholdCode(s.code)}</p>
                <p className="text-xs text-muted">{t("keep")}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
