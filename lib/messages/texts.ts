import { createTranslator } from "next-intl";
import type { SmsTemplate } from "@/vocabulary/messages";
import zh from "@/messages/zh-CN.json";
import en from "@/messages/en.json";

export type Locale = "zh-CN" | "en";
export const asLocale = (l: string | null | undefined): Locale => (l === "en" ? "en" : "zh-CN");

const MESSAGES = { "zh-CN": zh, en } as const;

/**
 * A message as its recipient reads it: the outbox keeps this text; a real provider holds its
 * approved copy of the same wording and receives only the values.
 */
export function smsText(template: SmsTemplate, params: Record<string, string>, locale: Locale): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "sms" });
  // The minutes are counted (English says "1 minute"); the code stays text, leading zeros and all.
  const values = { ...params, ...(params.minutes ? { minutes: Number(params.minutes) } : {}) };
  return t(template, values as never);
}
