import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "./locale-switch";
import { SeniorSwitch } from "./senior-switch";
import { UserMenu } from "./user-menu";

export function Logo({ label }: { label: string }) {
  return (
    <span className="flex items-center gap-2">
      <span
        aria-hidden="true"
        className="grid size-11 place-items-center rounded-full border-2 border-gold bg-gold-soft text-2xl font-black text-red-deep"
      >
        邻
      </span>
      <span className="text-2xl font-black tracking-wide text-white">{label}</span>
    </span>
  );
}

/**
 * The residents' header: logo, language and the account links. The account links arrive after
 * the page is shown (they depend on the session), so on a phone they have a row of their own from
 * the start: whatever they turn out to be, nothing else on the page moves.
 */
export async function SiteHeader() {
  const t = await getTranslations();
  return (
    <header className="festival-band no-print border-b-4 border-gold">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-[16px] py-2">
        <Link href="/" className="rounded-lg">
          <Logo label={t("common.appName")} />
        </Link>
        <nav
          aria-label={t("nav.main")}
          className="order-last flex min-h-11 basis-full flex-wrap items-center gap-1 sm:order-none sm:ml-auto sm:basis-auto"
        >
          <UserMenu />
        </nav>
        <div className="flex flex-wrap items-center justify-end gap-1">
          <SeniorSwitch />
          <LocaleSwitch />
        </div>
      </div>
    </header>
  );
}

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="no-print mt-12 border-t-4 border-gold bg-white">
      <div className="mx-auto max-w-5xl px-4 py-6 text-lg text-muted">
        <p className="font-semibold text-ink">{t("line")}</p>
        <p>{t("help")}</p>
      </div>
    </footer>
  );
}
