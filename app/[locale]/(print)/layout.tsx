import { applyLocale } from "@/lib/i18n/locale-params";

/** Pages made for paper: no site header or footer. */
export default async function PrintLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  await applyLocale(params);
  return (
    <main id="main" className="mx-auto max-w-4xl bg-white p-6 text-lg print:p-0">
      {children}
    </main>
  );
}
