import { createTranslator } from "use-intl/core";
import type { SmsTemplate } from "@/vocabulary/messages";
import { TIME_ZONE } from "@/lib/i18n/config";
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
  // The minutes are counted (English says "1 minute"); the code stays text, leading zeros and all;
  // an instant is written as the reader's language writes a date and time in the community.
  const values = {
    ...params,
    ...(params.minutes ? { minutes: Number(params.minutes) } : {}),
    ...(params.time ? { time: timeText(params.time, locale) } : {}),
    // A place in a role rather than an item is named by the role, in the reader's language.
    ...(params.role && !params.item ? { item: roleText(params.role, locale) } : {}),
  };
  return t(template, values as never);
}

function timeText(iso: string, locale: Locale): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

/** The sign a text message begins with, as the recipient's phone shows it (【邻里】). */
export function smsSign(signName: string | undefined, locale: Locale): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "sms" });
  return `【${signName || t("sign")}】`;
}

function roleText(role: string, locale: Locale): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "myRegistrations.roleLabel" });
  return t.has(role as "athlete") ? t(role as "athlete") : role;
}
