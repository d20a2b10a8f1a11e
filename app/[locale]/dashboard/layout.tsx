import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NextIntlClientProvider } from "next-intl";
import { requireOrganiser } from "@/lib/auth/guards";
import { applyLocale } from "@/lib/i18n/locale-params";
import { Logo } from "@/components/shell/site-header";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { SeniorSwitch } from "@/components/shell/senior-switch";
import { DashboardNav } from "@/components/shell/dashboard-nav";
import { SignOutButton } from "@/components/shell/sign-out-button";

export const dynamic = "force-dynamic";

/** Organisers only. This guard is for comfort: every action checks the actor again. */
export default async function DashboardLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  await applyLocale(params);
  // A visitor is sent to sign in; anyone else but staff gets the 403 page (its status too),
  // never a dashboard with a refusal in it.
  const actor = await requireOrganiser();
  const t = await getTranslations();
  const header = (
    <header className="festival-band no-print border-b-4 border-gold">
      <div className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
        <Link href="/dashboard" className="flex items-center gap-3 rounded-lg">
          <Logo label={t("common.appName")} />
          <span className="text-lg font-semibold text-gold-soft">{t("dashboard.title")}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-base text-white">{t("dashboard.signedInAs", { name: actor.name })}</span>
          <Link
            href="/"
            className="inline-flex min-h-11 items-center rounded-lg px-3 text-base font-semibold text-white underline underline-offset-4 hover:bg-white/15"
          >
            {t("dashboard.toSite")}
          </Link>
          <SeniorSwitch />
          <LocaleSwitch />
          <SignOutButton tone="band" />
        </div>
      </div>
    </header>
  );
  const items = [
    { href: "/dashboard", label: t("dashboard.overview") },
    { href: "/dashboard/desk", label: t("dashboard.desk") },
    { href: "/dashboard/festivals", label: t("dashboard.festivals") },
    { href: "/dashboard/households", label: t("dashboard.households") },
    { href: "/dashboard/households/import", label: t("dashboard.import") },
    { href: "/dashboard/households/slips", label: t("dashboard.slips") },
    { href: "/dashboard/residents", label: t("dashboard.residents") },
    { href: "/dashboard/wishes", label: t("dashboard.wishes") },
    { href: "/dashboard/points", label: t("dashboard.points") },
    { href: "/dashboard/posts", label: t("dashboard.posts") },
    { href: "/dashboard/hours", label: t("dashboard.hours") },
    { href: "/dashboard/messages", label: t("dashboard.messages") },
    { href: "/dashboard/audit", label: t("dashboard.audit") },
  ];
  return (
    <NextIntlClientProvider>
      <div className="min-h-screen">
        {header}
        <div className="flex flex-col lg:flex-row">
          <aside className="no-print border-b border-line bg-white p-3 lg:min-h-[calc(100vh-4rem)] lg:w-60 lg:border-r lg:border-b-0">
            <DashboardNav label={t("dashboard.nav")} items={items} />
          </aside>
          <main id="main" className="min-w-0 flex-1 px-4 py-6 lg:px-8">
            {children}
          </main>
        </div>
      </div>
    </NextIntlClientProvider>
  );
}
