import { asc, eq } from "drizzle-orm";
import type { ProgrammeKind } from "@/vocabulary/festivals";
import { programmeItems, programmePublications, venues } from "@/db/schema";
import type { Tx } from "@/db/types";
import { addDays, zonedToUtc } from "@/lib/festivals/time";
import { toPublishedItem, toPublishedVenue } from "@/lib/festivals/published";

// The service centre's venues and a programme in the shape of Meihu's festivals: a stage
// show in blocks of acts, sports on the square, card and chess in the chess room.

const VENUES = [
  { name: "多功能厅", capacity: 200, description: "党群服务中心一楼，有舞台和音响。" },
  { name: "社区广场", capacity: 500, description: "服务中心门前的广场，适合拔河、集市和太极拳。" },
  { name: "二楼活动室", capacity: 40, description: "党群服务中心二楼，可放乒乓球台。" },
  { name: "棋牌室", capacity: 30, description: "党群服务中心二楼，八张棋牌桌。" },
];

type Row = {
  day: number;
  from: string;
  to: string;
  venue: number;
  kind: ProgrammeKind;
  title: string;
  people?: string[];
  description?: string;
  capacity?: number;
  acts?: [string, number, string][];
};

const PROGRAMME: Row[] = [
  {
    day: 0,
    from: "09:00",
    to: "09:30",
    venue: 1,
    kind: "ceremony",
    title: "开幕式",
    description: "社区党总支书记致辞，全体居民合影。",
  },
  {
    day: 0,
    from: "09:30",
    to: "11:30",
    venue: 0,
    kind: "performance_block",
    title: "文艺汇演（上午场）",
    acts: [
      ["红歌合唱《歌唱祖国》", 15, "紫藤合唱团"],
      ["广场舞《最炫民族风》", 10, "晨练队"],
      ["黄梅戏《天仙配》选段", 15, "王秀英"],
      ["二胡独奏《赛马》", 10, "周建国"],
      ["诗朗诵《我爱这土地》", 10, "美湖小学学生"],
      ["小品《邻里之间》", 20, "睦邻俱乐部"],
    ],
  },
  {
    day: 0,
    from: "09:30",
    to: "11:30",
    venue: 1,
    kind: "sport_event",
    title: "拔河比赛",
    capacity: 80,
    description: "每队 10 人，按楼栋组队。",
  },
  { day: 0, from: "09:30", to: "12:00", venue: 3, kind: "card_chess", title: "象棋比赛", capacity: 16 },
  {
    day: 0,
    from: "14:00",
    to: "16:30",
    venue: 3,
    kind: "card_chess",
    title: "掼蛋比赛",
    capacity: 24,
    description: "两人一组。",
  },
  { day: 0, from: "14:00", to: "16:00", venue: 2, kind: "sport_event", title: "乒乓球比赛", capacity: 16 },
  {
    day: 0,
    from: "14:00",
    to: "17:00",
    venue: 1,
    kind: "fair_booth",
    title: "邻里集市",
    description: "闲置物品交换、手工艺品、义诊和理发。",
  },
  { day: 1, from: "08:30", to: "09:30", venue: 1, kind: "sport_event", title: "太极拳表演", people: ["太极拳小组"] },
  { day: 1, from: "09:30", to: "11:00", venue: 3, kind: "card_chess", title: "围棋比赛", capacity: 16 },
  { day: 1, from: "10:00", to: "11:30", venue: 1, kind: "sport_event", title: "跳绳和接力赛", capacity: 60 },
  {
    day: 1,
    from: "14:00",
    to: "15:00",
    venue: 0,
    kind: "performance_block",
    title: "文艺汇演（下午场）",
    acts: [
      ["书画现场创作", 20, "书画院"],
      ["葫芦丝合奏", 10, "晨练队"],
      ["少儿舞蹈《小星星》", 10, "美湖小学学生"],
      ["京剧清唱", 15, "周建国"],
    ],
  },
  {
    day: 1,
    from: "15:00",
    to: "15:30",
    venue: 0,
    kind: "wish_ceremony",
    title: "圆梦“微心愿”仪式",
    description: "志愿者和受助居民一起分享圆梦的故事。",
  },
  { day: 1, from: "15:30", to: "16:30", venue: 0, kind: "ceremony", title: "“邻里之星”颁奖暨闭幕式" },
  // Appended, not inserted: PROGRAMME_14 picks rows by position.
  {
    day: 1,
    from: "13:30",
    to: "16:00",
    venue: 2,
    kind: "card_chess",
    title: "国际象棋比赛",
    capacity: 16,
    description: "瑞士制，共三轮。",
  },
];

/** Venues and programme for one festival, then a publication so residents see it. */
export async function seedProgramme(
  tx: Tx,
  festivalId: string,
  startsOn: string,
  timeZone: string,
  publishedAt: Date,
  rows = PROGRAMME,
) {
  const venueIds: string[] = [];
  for (const [position, v] of VENUES.entries()) {
    const [row] = await tx
      .insert(venues)
      .values({ ...v, festivalId, position })
      .returning({ id: venues.id });
    venueIds.push(row.id);
  }
  const at = (day: number, hhmm: string) => zonedToUtc(`${addDays(startsOn, day)}T${hhmm}`, timeZone);
  for (const r of rows) {
    const [block] = await tx
      .insert(programmeItems)
      .values({
        festivalId,
        venueId: venueIds[r.venue],
        kind: r.kind,
        title: r.title,
        description: r.description ?? null,
        capacity: r.capacity ?? null,
        people: r.people ?? [],
        startsAt: at(r.day, r.from),
        endsAt: at(r.day, r.to),
        // Written before the publication below: the builder then says nothing waits to be published.
        createdAt: publishedAt,
        updatedAt: publishedAt,
      })
      .returning();
    let cursor = block.startsAt.getTime();
    for (const [position, [title, minutes, who]] of (r.acts ?? []).entries()) {
      await tx.insert(programmeItems).values({
        festivalId,
        venueId: block.venueId,
        kind: "single_act",
        title,
        people: [who],
        parentId: block.id,
        position,
        startsAt: new Date(cursor),
        endsAt: new Date(cursor + minutes * 60_000),
        createdAt: publishedAt,
        updatedAt: publishedAt,
      });
      cursor += minutes * 60_000;
    }
  }
  const vs = await tx.select().from(venues).where(eq(venues.festivalId, festivalId)).orderBy(asc(venues.position));
  const items = await tx
    .select()
    .from(programmeItems)
    .where(eq(programmeItems.festivalId, festivalId))
    .orderBy(asc(programmeItems.startsAt), asc(programmeItems.position));
  await tx.insert(programmePublications).values({
    festivalId,
    publishedAt,
    venues: vs.map(toPublishedVenue),
    items: items.map(toPublishedItem),
  });
}

/** The 14th festival had a smaller programme: the first day's morning and the closing. */
export const PROGRAMME_14: Row[] = [
  PROGRAMME[0],
  PROGRAMME[1],
  PROGRAMME[2],
  PROGRAMME[3],
  { ...PROGRAMME[12], day: 1 },
  { ...PROGRAMME[11], day: 1 },
];
