import type { Period, Weekday } from "@/vocabulary/posts";

type T = (key: string, values?: Record<string, string | number>) => string;

/**
 * When a member is free, in words: "Mon, Wed, Fri · evening", "every day · morning and evening",
 * or "not said". `t` reads the red posts' vocabulary (postsPublic.vocab).
 */
export function freeTimes(t: T, days: readonly Weekday[], periods: readonly Period[]): string {
  const sep = t("separator");
  const dayText = days.length === 7 ? t("everyDay") : days.map((d) => t(`weekdays.${d}`)).join(sep);
  const periodText = periods.map((p) => t(`periods.${p}`)).join(sep);
  const parts = [dayText, periodText].filter(Boolean);
  return parts.length ? parts.join(" · ") : t("notSaid");
}
