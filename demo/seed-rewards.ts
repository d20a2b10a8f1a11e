import { eq } from "drizzle-orm";
import { pointRules, rewardBands, rewardRounds, users } from "@/db/schema";
import type { Tx } from "@/db/types";
import { currentYear } from "@/lib/points/year";
import { DEFAULT_POINT_RULES } from "@/vocabulary/points";

/** The year's bands: from so many points up, this modest reward (适度回馈). */
export const DEMO_REWARD_BANDS = [
  { minPoints: 60, reward: "荣誉证书和一桶食用油" },
  { minPoints: 30, reward: "一袋大米" },
  { minPoints: 10, reward: "一条毛巾" },
] as const;

/**
 * The organiser 张丽 has confirmed the patrol's rule (10 points a patrol walked) and drawn up this
 * year's reward bands; the round is still a draft, so the dashboard shows who would get what.
 */
export async function seedRewards(tx: Tx, now: Date) {
  const [organiser] = await tx.select({ id: users.id }).from(users).where(eq(users.phone, "13800000001"));
  await tx
    .insert(pointRules)
    .values({ kind: "patrol", ...DEFAULT_POINT_RULES.patrol, updatedBy: organiser.id, updatedAt: now });
  const [round] = await tx
    .insert(rewardRounds)
    .values({ year: currentYear(now), createdBy: organiser.id, createdAt: now })
    .returning({ id: rewardRounds.id });
  await tx.insert(rewardBands).values(DEMO_REWARD_BANDS.map((b) => ({ roundId: round.id, ...b })));
}
