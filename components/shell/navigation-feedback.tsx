"use client";

import { Suspense, useCallback, useEffect, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Spinner } from "@/components/ui/spinner";

/** Where a click on this link goes, if it opens another page of the site in this tab. */
function pageTarget(a: HTMLAnchorElement): URL | null {
  if ((a.target && a.target !== "_self") || a.hasAttribute("download")) return null;
  const to = new URL(a.href, window.location.href);
  if (to.origin !== window.location.origin || to.pathname.startsWith("/api/")) return null;
  // A file (calendar, export) downloads and the page stays: nothing to wait for.
  if (/\.[a-z0-9]{2,5}$/i.test(to.pathname)) return null;
  // The same page, or a jump to a part of it.
  if (to.pathname === window.location.pathname && to.search === window.location.search) return null;
  return to;
}

/** Calls `onArrive` whenever the address shown changes: the next page has come. */
function Arrival({ onArrive }: { onArrive: () => void }) {
  const pathname = usePathname();
  const search = useSearchParams();
  useEffect(onArrive, [pathname, search, onArrive]);
  return null;
}

/**
 * "Opening…" from the tap on a link until the next page is there. On a slow phone the page
 * otherwise looks as if nothing happened, and people tap again. It sits over the page (fixed), so
 * showing and hiding it moves nothing; it shows only after a short wait, so a quick page does
 * not flash it.
 */
export function NavigationFeedback() {
  const t = useTranslations("common");
  const [pending, setPending] = useState(false);
  const arrived = useCallback(() => setPending(false), []);
  // A navigation that never arrives (the connection dropped) must not leave "Opening…" up for good.
  useEffect(() => {
    if (!pending) return;
    const stop = setTimeout(() => setPending(false), 20_000);
    return () => clearTimeout(stop);
  }, [pending]);

  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (a instanceof HTMLAnchorElement && pageTarget(a)) setPending(true);
    };
    // A search or filter form sent by GET opens a page too.
    const onSubmit = (e: SubmitEvent) => {
      // A form the page handles itself (checked in the browser, sent by script) opens no page:
      // its handler has already called preventDefault by the time the event reaches here.
      if (e.defaultPrevented) return;
      const form = e.target;
      if (
        !(form instanceof HTMLFormElement) ||
        form.method.toLowerCase() !== "get" ||
        (form.target && form.target !== "_self")
      )
        return;
      const to = new URL(form.action, window.location.href);
      if (to.origin === window.location.origin) setPending(true);
    };
    // Back and forward, or a page restored from the browser's cache: nothing is pending.
    const done = () => setPending(false);
    document.addEventListener("click", onClick);
    document.addEventListener("submit", onSubmit);
    window.addEventListener("popstate", done);
    window.addEventListener("pageshow", done);
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("submit", onSubmit);
      window.removeEventListener("popstate", done);
      window.removeEventListener("pageshow", done);
    };
  }, []);

  return (
    <>
      <Suspense fallback={null}>
        <Arrival onArrive={arrived} />
      </Suspense>
      <div role="status" className="no-print pointer-events-none fixed inset-x-0 top-0 z-50 flex justify-center">
        {pending && (
          <p className="navigation-pending mt-2 flex items-center gap-3 rounded-full border-2 border-gold bg-white px-[20px] py-2 text-lg font-semibold text-red-deep shadow-lg">
            <Spinner />
            {t("opening")}
          </p>
        )}
      </div>
    </>
  );
}
