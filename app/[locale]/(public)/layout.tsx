import { SiteShell } from "@/components/shell/site-shell";
import { applyLocale } from "@/lib/i18n/locale-params";

export default async function Layout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  await applyLocale(params);
  return <SiteShell>{children}</SiteShell>;
}
