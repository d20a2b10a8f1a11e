"use client";

import { usePathname } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { setLocaleAction } from "@/lib/i18n/actions";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { publicPath } from "@/lib/i18n/public-path";

const LABELS = { "zh-CN": "中文", en: "English" } as const;

/**
 * Switches the language and keeps the choice in a cookie. With JavaScript it sets the cookie and
 * reloads, so the page comes back in the other language from the same address; without, the
 * form posts and is redirected back.
 */
export function LocaleSwitch({ tone = "light" }: { tone?: "light" | "dark" }) {
  const locale = useLocale();
  const pathname = usePathname();
  const t = useTranslations("nav");
  return (
    <form
      action={setLocaleAction}
      className="flex items-center gap-1"
      aria-label={t("language")}
      onSubmit={(e) => {
        const chosen = (e.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
        if (!chosen) return;
        e.preventDefault();
        document.cookie = `${LOCALE_COOKIE}=${chosen}; path=/; max-age=${365 * 86400}; samesite=lax`;
        window.location.reload();
      }}
    >
      <input type="hidden" name="returnTo" value={publicPath(pathname)} />
      {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((l) => (
        <button
          key={l}
          name="locale"
          value={l}
          type="submit"
          lang={l}
          aria-pressed={locale === l}
          className={`min-h-11 min-w-11 rounded-lg px-[12px] text-base font-semibold whitespace-nowrap ${
            tone === "light"
              ? locale === l
                ? "bg-white text-red-deep"
                : "text-white underline underline-offset-4 hover:bg-white/15"
              : locale === l
                ? "bg-red-brand text-white"
                : "text-red-deep underline underline-offset-4 hover:bg-red-soft"
          }`}
        >
          {LABELS[l]}
        </button>
      ))}
    </form>
  );
}
