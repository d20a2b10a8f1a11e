import { SiteShell } from "@/components/shell/site-shell";
import { applyLocale } from "@/lib/i18n/locale-params";
import { ACCOUNT_NAMESPACES, ClientMessages } from "@/components/ui/client-messages";

export default async function Layout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  await applyLocale(params);
  return (
    <ClientMessages namespaces={ACCOUNT_NAMESPACES}>
      <SiteShell>{children}</SiteShell>
    </ClientMessages>
  );
}
