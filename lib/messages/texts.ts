import type { SmsTemplate } from "@/vocabulary/messages";
import zh from "@/messages/zh-CN.json";
import en from "@/messages/en.json";

export type Locale = "zh-CN" | "en";
export const asLocale = (l: string | null | undefined): Locale => (l === "en" ? "en" : "zh-CN");

const TEXTS: Record<Locale, Record<SmsTemplate, string>> = { "zh-CN": zh.sms, en: en.sms };

/**
 * A message as its recipient reads it: the outbox keeps this text; a real provider holds its
 * approved copy of the same wording and receives only the values.
 */
export function smsText(template: SmsTemplate, params: Record<string, string>, locale: Locale): string {
  return TEXTS[locale][template].replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);
}
