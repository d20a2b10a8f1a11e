import { applyLocale } from "@/lib/i18n/locale-params";

/** A screen at the venue: dark, very large type, nothing to click. */
export default async function ScreenLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  await applyLocale(params);
  return (
    <main id="main" className="min-h-screen bg-red-deep p-6 text-white lg:p-12">
      {children}
    </main>
  );
}
