/** Pages made for paper: no site header or footer. */
export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return <main id="main" className="mx-auto max-w-4xl bg-white p-6 text-lg print:p-0">{children}</main>;
}
