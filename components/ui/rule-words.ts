import "server-only";
import { getTranslations } from "next-intl/server";
import { hoursOf } from "@/lib/hours/format";
import type { AppliedRule, PointRule } from "@/vocabulary/points";

/** A point rule in plain words: "+10 分", "每小时 +4 分", and, applied, "… 服务 1.5 小时". */
export async function getRuleWords() {
  const t = await getTranslations("points");
  return (rule: PointRule | AppliedRule) => {
    if (rule.points === 0) return t("ruleNone");
    if (rule.basis === "each") return t("ruleEach", { points: rule.points });
    return "minutes" in rule && rule.minutes > 0
      ? t("ruleHourApplied", { points: rule.points, hours: hoursOf(rule.minutes) })
      : t("ruleHour", { points: rule.points });
  };
}
