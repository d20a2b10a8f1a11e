import { eq, inArray } from "drizzle-orm";
import { DEFAULT_POINT_RULES } from "@/vocabulary/points";
import { scheduleClaimJobs } from "@/lib/wishes/claim-times";
import { beneficiaries, pointEntries, rewards, serviceHours, users, wishClaims, wishes } from "@/db/schema";
import { utcToZonedLocal } from "@/lib/festivals/time";
import { wishHoursNote } from "@/lib/wishes/hours-note";
import type { Tx } from "@/db/types";

type Status = (typeof wishes.$inferInsert)["status"];

interface DemoWish {
  /** Who the wish is for; `self` is a resident who asked for themselves. */
  who: {
    name: string;
    age: number;
    circumstance: (typeof beneficiaries.$inferInsert)["circumstance"];
    phone?: string;
    address?: string;
    self?: string;
  };
  title: string;
  story: string;
  category: "goods" | "service" | "companionship";
  value: number;
  alias: string;
  wantedInDays?: number;
  status: Status;
  reason?: string;
  /**
   * The volunteer holding or having held it, by phone, days ago they claimed, their note, the
   * minutes they said it took and, once confirmed, the minutes the organiser confirmed.
   */
  claim?: { by: string; daysAgo: number; note?: string; thanks?: string; minutes?: number; confirmed?: number };
}

// A dozen micro-wishes, in every state a wish can be in, so each page has something to show:
// waiting for vetting, sent back, rejected, on the wall, claimed (one by the demo volunteer,
// whose claims page then shows a contact), fulfilled and waiting for confirmation, and done
// with thank-you notes in the gallery.
const WISHES: DemoWish[] = [
  {
    who: {
      name: "周桂芳",
      age: 82,
      circumstance: "elderly_alone",
      phone: "13700001001",
      address: "美湖花园 3栋 2单元 502",
    },
    title: "一台能听戏的收音机",
    story: "老伴走后一个人住，眼睛不好看不了电视，想要一台按键大的收音机听越剧。",
    category: "goods",
    value: 80,
    alias: "周奶奶",
    wantedInDays: 20,
    status: "open",
  },
  {
    who: {
      name: "吴建平",
      age: 76,
      circumstance: "disability",
      phone: "13700001002",
      address: "美湖花园 5栋 1单元 301",
    },
    title: "每周推我去公园晒太阳",
    story: "腿脚不便坐轮椅，家里人上班，想每周有人推我下楼到公园坐一坐。",
    category: "companionship",
    value: 0,
    alias: "吴爷爷",
    wantedInDays: 30,
    status: "open",
  },
  {
    who: { name: "林小雨", age: 9, circumstance: "child", phone: "13700001003", address: "美湖新苑 2栋 1单元 201" },
    title: "一套课外书",
    story: "妈妈一个人带我，我喜欢看书，想要一套适合三年级的科普书。",
    category: "goods",
    value: 120,
    alias: "小雨",
    wantedInDays: 14,
    status: "open",
  },
  {
    who: {
      name: "郑秀兰",
      age: 79,
      circumstance: "elderly_alone",
      phone: "13700001004",
      address: "美湖花园 8栋 2单元 101",
    },
    title: "帮忙换一个厨房灯泡",
    story: "厨房的灯坏了一个多星期，自己爬不上梯子，晚上做饭看不清。",
    category: "service",
    value: 20,
    alias: "郑奶奶",
    wantedInDays: 5,
    status: "open",
  },
  {
    who: {
      name: "何德明",
      age: 68,
      circumstance: "low_income",
      phone: "13700001005",
      address: "美湖新苑 6栋 1单元 402",
    },
    title: "冬天的一床厚棉被",
    story: "家里的被子用了十几年，冬天太冷，想要一床厚一点的棉被。",
    category: "goods",
    value: 150,
    alias: "何伯伯",
    wantedInDays: 10,
    status: "open",
  },
  {
    who: {
      name: "孙玉珍",
      age: 85,
      circumstance: "elderly_alone",
      phone: "13700001006",
      address: "美湖花园 2栋 1单元 602",
    },
    title: "陪我去医院复查",
    story: "下个月要去医院复查眼睛，子女在外地，一个人不敢去挂号排队。",
    category: "companionship",
    value: 0,
    alias: "孙奶奶",
    wantedInDays: 25,
    status: "claimed",
    // Claimed six and a half days ago: it lapses in half a day, so its reminder has gone out.
    claim: { by: "13800000004", daysAgo: 6.5 },
  },
  {
    who: {
      name: "马国强",
      age: 73,
      circumstance: "disability",
      phone: "13700001007",
      address: "美湖新苑 4栋 2单元 301",
    },
    title: "教我用手机视频通话",
    story: "想和外地的孙子视频，但是不会用智能手机，想请人耐心教几次。",
    category: "service",
    value: 0,
    alias: "马爷爷",
    status: "claimed",
    claim: { by: "13955500042", daysAgo: 5 },
  },
  {
    who: { name: "陈美玲", age: 11, circumstance: "child", phone: "13700001008", address: "美湖花园 7栋 1单元 202" },
    title: "一个新书包",
    story: "书包的背带断了缝过好几次，想要一个结实的新书包上学用。",
    category: "goods",
    value: 90,
    alias: "美美",
    status: "fulfilled",
    claim: { by: "13955500084", daysAgo: 6, note: "周六送到了家里，美美很喜欢那个蓝色的书包。", minutes: 40 },
  },
  {
    who: {
      name: "黄淑华",
      age: 88,
      circumstance: "elderly_alone",
      phone: "13700001009",
      address: "美湖花园 1栋 2单元 401",
    },
    title: "一副老花镜",
    story: "原来的老花镜摔坏了，看报纸很吃力。",
    category: "goods",
    value: 60,
    alias: "黄奶奶",
    status: "done",
    claim: {
      by: "13800000004",
      daysAgo: 20,
      note: "陪奶奶去眼镜店验了光，配了一副新的。",
      thanks: "谢谢小刘，现在又能看报纸了！",
      minutes: 150,
      confirmed: 150,
    },
  },
  {
    who: {
      name: "赵永福",
      age: 71,
      circumstance: "low_income",
      phone: "13700001010",
      address: "美湖新苑 3栋 1单元 102",
    },
    title: "修一修漏水的水龙头",
    story: "卫生间水龙头一直滴水，水费涨了不少。",
    category: "service",
    value: 30,
    alias: "赵爷爷",
    status: "done",
    // The volunteer counted the trip to the hardware shop; the organiser counted the repair.
    claim: {
      by: "13955500126",
      daysAgo: 30,
      note: "换了新的阀芯，不漏了。",
      thanks: "小伙子手艺好，谢谢志愿者！",
      minutes: 90,
      confirmed: 60,
    },
  },
  {
    who: {
      name: "杨春花",
      age: 66,
      circumstance: "low_income",
      phone: "13700001011",
      address: "美湖花园 6栋 2单元 302",
    },
    title: "一辆买菜的小推车",
    story: "膝盖不好，提不动菜，想要一辆折叠的小推车。",
    category: "goods",
    value: 70,
    alias: "杨阿姨",
    status: "done",
    claim: {
      by: "13955500000",
      daysAgo: 40,
      note: "买了一辆带轮子的折叠车送过去。",
      thanks: "推车很好用，谢谢大家关心。",
      minutes: 30,
      confirmed: 30,
    },
  },
  {
    who: { name: "王秀英", age: 70, circumstance: "elderly_alone", self: "13800000002" },
    title: "想学用电饭煲预约",
    story: "新买的电饭煲按键多，想请人教我用预约功能，早上起来就有粥喝。",
    category: "service",
    value: 0,
    alias: "王阿姨",
    status: "changes",
    reason: "请写一下方便的上门时间，志愿者好安排。",
  },
  {
    who: { name: "曹凤英", age: 77, circumstance: "elderly_alone", self: "13955500007" },
    title: "一盆好养的绿植",
    story: "阳台空空的，想养一盆好养活的花，每天看着心情好。",
    category: "goods",
    value: 40,
    alias: "曹奶奶",
    status: "pending",
  },
  {
    who: { name: "蒋志刚", age: 62, circumstance: "other", phone: "13700001014", address: "美湖新苑 1栋 2单元 601" },
    title: "一部新手机",
    story: "想换一部最新款的智能手机。",
    category: "goods",
    value: 180,
    alias: "蒋叔叔",
    status: "rejected",
    reason: "微心愿是困难居民的小心愿，这个愿望不在范围内。",
  },
];

const DAY = 86_400_000;

export async function seedWishes(tx: Tx, now: Date) {
  const phones = [
    ...new Set(WISHES.flatMap((w) => [w.claim?.by, w.who.self]).filter(Boolean) as string[]),
    "13800000001",
  ];
  const people = await tx
    .select({ id: users.id, phone: users.phone, householdId: users.householdId })
    .from(users)
    .where(inArray(users.phone, phones));
  const byPhone = (p: string) => people.find((u) => u.phone === p)!;
  const organiser = byPhone("13800000001").id;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const year = now.getUTCFullYear();

  for (const [i, w] of WISHES.entries()) {
    const self = w.who.self ? byPhone(w.who.self) : null;
    const [ben] = await tx
      .insert(beneficiaries)
      .values({
        realName: w.who.name,
        phone: self ? self.phone : (w.who.phone ?? null),
        householdId: self?.householdId ?? null,
        address: w.who.address ?? null,
        age: w.who.age,
        circumstance: w.who.circumstance,
        userId: self?.id ?? null,
        createdBy: self?.id ?? organiser,
        createdAt: ago(60 - i),
      })
      .returning({ id: beneficiaries.id });
    const created = ago(w.claim ? w.claim.daysAgo + 3 : 10 - (i % 5));
    const [row] = await tx
      .insert(wishes)
      .values({
        beneficiaryId: ben.id,
        title: w.title,
        story: w.story,
        category: w.category,
        value: w.value,
        wantedBy: w.wantedInDays ? new Date(now.getTime() + w.wantedInDays * DAY).toISOString().slice(0, 10) : null,
        alias: w.alias,
        status: w.status,
        reason: w.reason ?? null,
        submittedBy: self?.id ?? organiser,
        thanks: w.claim?.thanks ?? null,
        createdAt: created,
        updatedAt: w.claim ? ago(w.claim.daysAgo) : created,
      })
      .returning({ id: wishes.id });
    if (!w.claim) continue;
    const volunteer = byPhone(w.claim.by).id;
    const claimedAt = ago(w.claim.daysAgo);
    const lapsesAt = new Date(claimedAt.getTime() + 7 * DAY);
    const fulfilledAt = w.claim.note ? ago(w.claim.daysAgo - 2) : null;
    const confirmed = w.status === "done";
    const [claim] = await tx
      .insert(wishClaims)
      .values({
        wishId: row.id,
        volunteerId: volunteer,
        status: confirmed ? "confirmed" : w.status === "fulfilled" ? "fulfilled" : "active",
        claimedAt,
        lapsesAt,
        note: w.claim.note ?? null,
        fulfilledAt,
        declaredMinutes: fulfilledAt ? (w.claim.minutes ?? 0) : null,
        confirmedMinutes: confirmed ? (w.claim.confirmed ?? w.claim.minutes ?? 0) : null,
        confirmedAt: confirmed ? ago(w.claim.daysAgo - 3) : null,
        confirmedBy: confirmed ? organiser : null,
        endedAt: confirmed ? ago(w.claim.daysAgo - 3) : null,
      })
      .returning({ id: wishClaims.id, confirmedMinutes: wishClaims.confirmedMinutes });
    // A confirmed wish's hours, as the confirmation writes them: on the day it came true.
    if (confirmed && fulfilledAt && claim.confirmedMinutes) {
      const servedOn = utcToZonedLocal(fulfilledAt, "Asia/Shanghai").slice(0, 10);
      const [{ name }] = await tx.select({ name: users.name }).from(users).where(eq(users.id, volunteer));
      await tx.insert(serviceHours).values({
        userId: volunteer,
        name,
        kind: "wish",
        refId: claim.id,
        minutes: claim.confirmedMinutes,
        servedOn,
        year: Number(servedOn.slice(0, 4)),
        note: wishHoursNote(w),
        createdBy: organiser,
        createdAt: ago(w.claim.daysAgo - 3),
      });
    }
    // A live claim's reminder and lapse, sent as the claim sent them: a reminder whose time has
    // passed runs as soon as the queue starts.
    if (w.status === "claimed") await scheduleClaimJobs(tx, claim.id, lapsesAt, claimedAt);
    if (confirmed)
      await tx.insert(pointEntries).values({
        userId: volunteer,
        kind: "wish_fulfilled",
        points: DEFAULT_POINT_RULES.wish_fulfilled.points,
        rule: { ...DEFAULT_POINT_RULES.wish_fulfilled, minutes: 0 },
        refId: claim.id,
        year,
        createdBy: organiser,
        createdAt: ago(w.claim.daysAgo - 3),
      });
  }

  // Points beyond the wishes: organisers' awards this year and last, one redemption, and one
  // volunteer who prefers to appear on the leaderboard without their name.
  const volunteers = await tx
    .select({ id: users.id, phone: users.phone })
    .from(users)
    .where(
      inArray(users.phone, [
        "13800000004",
        "13955500000",
        "13955500042",
        "13955500084",
        "13955500126",
        "13955500168",
        "13955500210",
      ]),
    );
  const v = (p: string) => volunteers.find((u) => u.phone === p)!.id;
  const award = (phone: string, points: number, reason: string, daysAgo: number, y = year) => ({
    userId: v(phone),
    kind: "manual" as const,
    points,
    reason,
    year: y,
    createdBy: organiser,
    createdAt: y === year ? ago(daysAgo) : new Date(Date.UTC(y, 9, 20)),
  });
  await tx
    .insert(pointEntries)
    .values([
      award("13800000004", 20, "重阳节敬老活动帮忙布置会场", 12),
      award("13955500000", 15, "社区垃圾分类宣传值守三次", 25),
      award("13955500168", 30, "防汛期间连续一周夜间巡查", 50),
      award("13955500210", 5, "帮忙分发邻里节宣传单", 8),
      award("13800000004", 15, "第十四届邻里节后台志愿服务", 0, year - 1),
      award("13955500126", 25, "第十四届邻里节后台志愿服务", 0, year - 1),
    ]);
  const [, haircut] = await tx
    .insert(rewards)
    .values([
      { name: "环保购物袋", cost: 10 },
      { name: "社区理发券", cost: 20 },
      { name: "超市购物卡（50元）", cost: 60 },
      { name: "粮油礼包", cost: 100, active: false },
    ])
    .returning({ id: rewards.id, name: rewards.name, cost: rewards.cost });
  await tx.insert(pointEntries).values({
    userId: v("13955500168"),
    kind: "redemption",
    points: -haircut.cost,
    reason: haircut.name,
    refId: haircut.id,
    year,
    createdBy: organiser,
    createdAt: ago(20),
  });
  await tx
    .update(users)
    .set({ pointsAnonymous: true })
    .where(inArray(users.id, [v("13955500168")]));
}
