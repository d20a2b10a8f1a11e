import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteShell } from "@/components/shell/site-shell";
import { buttonClass } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <SiteShell>
      {/* A not-found page takes no metadata export: React puts this title in the head. */}
      <title>{`${t("notFound.title")} · ${t("meta.title")}`}</title>
      <h1 className="text-3xl font-bold text-red-deep">{t("notFound.title")}</h1>
      <p className="mt-3">{t("notFound.text")}</p>
      <Link href="/" className={buttonClass("primary", "md", "mt-6")}>
        {t("common.backHome")}
      </Link>
    </SiteShell>
  );
}
