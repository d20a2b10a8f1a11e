"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

/**
 * Shows only one kind of item. Without JavaScript every item stays visible; the page itself is
 * the same for everyone, so it can be cached.
 */
export function KindFilter({ kinds, children }: { kinds: string[]; children: React.ReactNode }) {
  const t = useTranslations("programme");
  const [kind, setKind] = useState("");
  return (
    <div data-filter={kind || undefined} className="flex flex-col gap-4">
      {kind && <style>{`[data-filter="${kind}"] [data-kind]:not([data-kind="${kind}"]) { display: none; }`}</style>}
      <div className="flex flex-col gap-1">
        <label htmlFor="kind-filter" className="text-base font-semibold">
          {t("filterKind")}
        </label>
        <select
          id="kind-filter"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          className="min-h-11 max-w-xs rounded-lg border-2 border-stone-400 bg-white px-3 text-base"
        >
          <option value="">{t("allKinds")}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {children}
    </div>
  );
}
