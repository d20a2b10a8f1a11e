import { SiteFooter, SiteHeader } from "./site-header";

/** The residents' layout: phone first, large type (18 px and up), one column. */
export function SiteShell({ children }: { children: React.ReactNode }) {
  return (
    <div className="site-shell flex min-h-screen flex-col text-lg">
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-[16px] py-6">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
