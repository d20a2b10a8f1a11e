import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/i18n/actions";

const LABELS = { "zh-CN": "中文", en: "English" } as const;

/** A form, so switching language works without JavaScript; the choice is kept in a cookie. */
export async function LocaleSwitch({ tone = "light" }: { tone?: "light" | "dark" }) {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  return (
    <form action={setLocaleAction} className="flex items-center gap-1" aria-label={t("language")}>
      {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((l) => (
        <button
          key={l}
          name="locale"
          value={l}
          type="submit"
          lang={l}
          aria-pressed={locale === l}
          className={`min-h-11 min-w-11 rounded-lg px-3 text-base font-semibold ${
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
