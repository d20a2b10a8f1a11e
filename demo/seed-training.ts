import { eq } from "drizzle-orm";
import { serviceHours, trainingAttendance, trainingSessions, users } from "@/db/schema";
import type { Tx } from "@/db/types";
import { addDays, utcToZonedLocal, zonedToUtc } from "@/lib/festivals/time";
import { minutesBetween } from "@/lib/posts/schemas";

type HoursRow = typeof serviceHours.$inferInsert;

/** What each post learns this year: the training already held, and the one to come. */
const TRAININGS: Record<
  "patrol" | "culture" | "publicity",
  { held: [string, string, string, string, string]; coming: [string, string, string, string, string, string] }
> = {
  patrol: {
    held: ["巡逻安全与应急处置", "14:30", "16:30", "社区党群服务中心", "美湖派出所王警官"],
    coming: ["冬季消防安全培训", "09:00", "11:00", "社区活动室", "区消防救援大队李教官", "请穿便于活动的鞋。"],
  },
  culture: {
    held: ["文艺骨干培训", "09:00", "11:30", "多功能厅", "区文化馆刘老师"],
    coming: ["群众文艺活动的组织", "14:30", "16:00", "多功能厅", "区文化馆刘老师", ""],
  },
  publicity: {
    held: ["宣讲员培训：讲好身边故事", "09:30", "11:30", "二楼会议室", "区委党校张老师"],
    coming: ["民情民意收集与反映", "09:30", "11:00", "二楼会议室", "街道党工委陈书记", "带上这半年收集到的意见。"],
  },
};

/**
 * Each red post's training this year: one held earlier in the year, its attendance taken (most of
 * the post's members came, and each of them has its hours), and one planned for the coming weeks.
 */
export async function seedTraining(
  tx: Tx,
  now: Date,
  posts: { id: string; kind: "patrol" | "culture" | "publicity" }[],
  members: { id: string; postId: string; userId: string | null; name: string; status: string }[],
  writeHours: (tx: Tx, rows: HoursRow[]) => Promise<void>,
) {
  const today = utcToZonedLocal(now, "Asia/Shanghai").slice(0, 10);
  const year = today.slice(0, 4);
  // Earlier this year (two months back, or the year's first day in its first weeks), and in the
  // next two weeks (this year's last day if sooner, unless that is today).
  const back = addDays(today, -60);
  const heldDay = back.slice(0, 4) === year ? back : `${year}-01-01`;
  const ahead = addDays(today, 14);
  const yearEnd = `${year}-12-31`;
  const comingDay = ahead > yearEnd && yearEnd > today ? yearEnd : ahead;
  const [organiser] = await tx.select({ id: users.id }).from(users).where(eq(users.phone, "13800000001"));
  for (const [i, post] of posts.entries()) {
    const plan = TRAININGS[post.kind];
    const [title, startsAt, endsAt, place, trainer] = plan.held;
    const takenAt = zonedToUtc(`${heldDay}T${endsAt}`, "Asia/Shanghai");
    const createdAt = new Date(takenAt.getTime() - 14 * 86_400_000);
    const [held] = await tx
      .insert(trainingSessions)
      .values({
        postId: post.id,
        title,
        day: heldDay,
        startsAt,
        endsAt,
        place,
        trainer,
        status: "held",
        takenBy: organiser.id,
        takenAt,
        version: 2,
        createdBy: organiser.id,
        createdAt,
        updatedAt: takenAt,
      })
      .returning({ id: trainingSessions.id });
    const serving = members.filter((m) => m.postId === post.id && m.status === "active");
    // Now and then someone could not come.
    const came = serving.filter((_, k) => (k + i) % 5 !== 3);
    await tx
      .insert(trainingAttendance)
      .values(serving.map((m) => ({ sessionId: held.id, memberId: m.id, present: came.includes(m) })));
    await writeHours(
      tx,
      came
        .filter((m) => m.userId)
        .map((m) => ({
          userId: m.userId,
          name: m.name,
          kind: "training" as const,
          refId: held.id,
          postId: post.id,
          minutes: minutesBetween(startsAt, endsAt),
          servedOn: heldDay,
          year: Number(heldDay.slice(0, 4)),
          note: `${title} ${startsAt}–${endsAt}`,
          createdBy: organiser.id,
          createdAt: takenAt,
        })),
    );
    const [cTitle, cStart, cEnd, cPlace, cTrainer, notes] = plan.coming;
    await tx.insert(trainingSessions).values({
      postId: post.id,
      title: cTitle,
      day: comingDay,
      startsAt: cStart,
      endsAt: cEnd,
      place: cPlace,
      trainer: cTrainer,
      notes,
      createdBy: organiser.id,
      createdAt: new Date(now.getTime() - 3 * 86_400_000),
    });
  }
}
