import { setRequestLocale } from "next-intl/server";
import { isLocale, DEFAULT_LOCALE, type Locale } from "./config";

/** Pages under /[locale] call this first, so next-intl knows the language without reading cookies. */
export async function applyLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  const l = isLocale(locale) ? locale : DEFAULT_LOCALE;
  setRequestLocale(l);
  return l;
}
