import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteShell } from "@/components/shell/site-shell";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { buttonClass } from "@/components/ui/button";

/** What a signed-in reader gets, with status 403, on a page that is not theirs to see. */
export default async function Forbidden() {
  const t = await getTranslations();
  return (
    <SiteShell>
      <title>{`${t("dashboard.forbiddenTitle")} · ${t("meta.title")}`}</title>
      <h1 className="text-3xl font-bold text-red-deep">{t("dashboard.forbiddenTitle")}</h1>
      <p className="mt-3">{t("dashboard.forbiddenText")}</p>
      <div className="mt-6 flex flex-wrap items-center gap-3">
        <Link href="/" className={buttonClass("primary", "md")}>
          {t("common.backHome")}
        </Link>
        <SignOutButton />
      </div>
      <p className="mt-3 text-base text-muted">{t("dashboard.forbiddenOther")}</p>
    </SiteShell>
  );
}
