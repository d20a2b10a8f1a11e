import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, TIME_ZONE, isLocale, localeFromAcceptLanguage, type Locale } from "./config";

/** The reader's language: their choice (cookie), else their browser's, else zh-CN. No URL prefix. */
export default getRequestConfig(async ({ requestLocale }) => {
  let locale: Locale | undefined;
  const explicit = await requestLocale;
  if (isLocale(explicit)) locale = explicit;
  if (!locale) {
    const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
    locale = isLocale(fromCookie)
      ? fromCookie
      : (localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE);
  }
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
