import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LOCALES, isLocale } from "@/lib/i18n/config";
import { ClientMessages, PUBLIC_NAMESPACES } from "@/components/ui/client-messages";
import { NavigationFeedback } from "@/components/shell/navigation-feedback";
import { SENIOR_MODE_SCRIPT } from "@/lib/senior-mode/config";
import "../globals.css";

// Every page lives under an internal /[locale] segment that next.config.js rewrites to from the
// reader's cookie or browser language, so URLs carry no language and published pages can be
// cached whole, one copy per language.
export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "zh-CN", namespace: "meta" });
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#b3261e" };

export default async function RootLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("common");
  return (
    // The head script may add the senior-mode class before React hydrates: <html> is allowed to
    // differ (React never sets its class itself).
    <html lang={locale} suppressHydrationWarning>
      <head>
        {/* Before the body is parsed, so senior mode is there from the first paint. The page's
            Content-Security-Policy already allows inline scripts (Next writes its own). */}
        <script dangerouslySetInnerHTML={{ __html: SENIOR_MODE_SCRIPT }} />
      </head>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:text-lg"
        >
          {t("skipToContent")}
        </a>
        <ClientMessages namespaces={PUBLIC_NAMESPACES}>
          {children}
          <NavigationFeedback />
        </ClientMessages>
      </body>
    </html>
  );
}
