import { sql } from "drizzle-orm";
import { QUEUE_SCHEMA } from "@/vocabulary/jobs";
import { hashPassword } from "@/lib/auth/password";
import { festivals, householdMembers, households, userRoles, users } from "@/db/schema";
import { seedCompetitions15 } from "./seed-competitions-15";
import { PROGRAMME_14, seedProgramme } from "./seed-programme";
import { seedCompetitions } from "./seed-competitions";
import { seedRegistrations } from "./seed-registrations";
import { seedSports } from "./seed-sports";
import { seedStars } from "./seed-stars";
import { seedPosts } from "./seed-posts";
import { seedRewards } from "./seed-rewards";
import { seedWishes } from "./seed-wishes";
import type { Db } from "@/db/types";

export const DEMO_PASSWORD = "linli-demo-2026";

/** Documented codes: the verified resident's household, and a free one for trying sign-up. */
export const DEMO_HOUSEHOLD_CODE = "MEHU2222";
export const DEMO_FREE_HOUSEHOLD_CODE = "MEHU3333";

export const DEMO_ACCOUNTS = [
  { phone: "13800000000", name: "李建华", roles: ["resident", "admin"], verified: true },
  { phone: "13800000001", name: "张丽", roles: ["resident", "organiser"], verified: true },
  { phone: "13800000002", name: "王秀英", roles: ["resident"], verified: true },
  { phone: "13800000003", name: "陈志强", roles: ["resident"], verified: false },
  { phone: "13800000004", name: "刘洋", roles: ["resident", "volunteer"], verified: true },
] as const;

const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN = [
  "秀英",
  "桂兰",
  "建国",
  "志明",
  "玉梅",
  "德华",
  "淑芬",
  "国庆",
  "红梅",
  "海涛",
  "春生",
  "丽娟",
  "卫东",
  "凤英",
  "明",
  "静",
  "强",
  "敏",
  "军",
  "芳",
  "磊",
  "婷",
  "勇",
  "霞",
];

/** A small deterministic generator, so every seed of the demo is the same community. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ESTATES = [
  { name: "美湖花园", buildings: 8 },
  { name: "湖畔雅苑", buildings: 6 },
];

function dayOffset(base: Date, days: number): Date {
  const d = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
/** 09:00 in Hefei on that day. */
const at9 = (d: Date) => new Date(d.getTime() + 1 * 3600_000);

/**
 * Empties the database and loads the demo community: Meihu's two estates and their
 * households, the demo accounts, the archived 14th festival and the upcoming 15th.
 * The 15th festival's dates follow the day of seeding, so its windows are open.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  const rand = mulberry32(20040101);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const code = () => Array.from({ length: 8 }, () => pick([...CODE_ALPHABET])).join("");

  const demoHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction(async (tx) => {
    await tx.execute(
      sql`truncate table reward_awards, reward_bands, reward_rounds, point_rules, training_attendance, training_sessions, group_attendance, group_sessions, group_slots, service_hours, patrol_notes, patrol_swaps, patrol_team_members, patrol_teams, post_members, post_groups, posts, job_keys, broadcasts, deliveries, sms_preferences, competition_referees, competition_matches, competition_entrants, competitions, point_entries, rewards, wish_claims, wishes, beneficiaries, star_winners, star_receipts, star_pending_votes, star_votes, star_ballots, star_nominations, photos, star_categories, audit_log, throttles, daily_counts, outbox_messages, phone_codes, sms_quotas, household_link_requests, household_members, notifications, shift_assignments, shifts, registration_links, registrations, quotas, user_roles, users, households, programme_publications, programme_items, venues, festivals restart identity cascade`,
    );
    // Jobs still to run were about the community just removed.
    await tx.execute(sql.raw(`delete from ${QUEUE_SCHEMA}.job where state in ('created', 'retry')`));

    const rows: (typeof households.$inferInsert)[] = [];
    for (const estate of ESTATES) {
      for (let b = 1; b <= estate.buildings; b++) {
        for (let u = 1; u <= 2; u++) {
          for (let floor = 1; floor <= 6; floor++) {
            for (let r = 1; r <= 2; r++) {
              rows.push({
                building: `${estate.name} ${b}栋`,
                unit: `${u}单元`,
                room: `${floor}0${r}`,
                householderName: rand() < 0.85 ? pick([...SURNAMES]) + pick(GIVEN) : null,
                code: code(),
              });
            }
          }
        }
      }
    }
    rows[0].code = DEMO_HOUSEHOLD_CODE; // 美湖花园 1栋 1单元 101
    rows[1].code = DEMO_FREE_HOUSEHOLD_CODE; // 美湖花园 1栋 1单元 102
    const inserted = await tx.insert(households).values(rows).returning({ id: households.id });
    const householdIds = inserted.map((h) => h.id);

    // The demo accounts live in the first households; the volunteer and staff elsewhere.
    const homes = [householdIds[40], householdIds[60], householdIds[0], null, householdIds[90]];
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      const [u] = await tx
        .insert(users)
        .values({
          name: a.name,
          phone: a.phone,
          passwordHash: demoHash,
          householdId: homes[i],
          verifiedAt: a.verified ? now : null,
          verifiedBy: a.verified ? (i === 2 ? "code" : "organiser") : null,
          phoneConfirmedAt: now,
          createdAt: new Date(now.getTime() - (100 - i) * 60_000),
        })
        .returning({ id: users.id });
      await tx.insert(userRoles).values(a.roles.map((role) => ({ userId: u.id, role })));
    }

    // More residents, so the lists have something to search. They share the demo password's
    // hash to keep seeding fast; real accounts each get their own salt.
    for (let i = 0; i < 48; i++) {
      const verified = rand() < 0.7;
      const [u] = await tx
        .insert(users)
        .values({
          name: pick([...SURNAMES]) + pick(GIVEN),
          phone: `139${String(55500000 + i * 7).padStart(8, "0")}`,
          passwordHash: demoHash,
          householdId: verified || rand() < 0.3 ? householdIds[100 + i * 4] : null,
          verifiedAt: verified ? new Date(now.getTime() - i * 86_400_000) : null,
          verifiedBy: verified ? (rand() < 0.6 ? "code" : "organiser") : null,
          phoneConfirmedAt: now,
          createdAt: new Date(now.getTime() - (200 + i) * 3600_000),
        })
        .returning({ id: users.id });
      const roles: ("resident" | "volunteer")[] = ["resident"];
      if (i % 6 === 0) roles.push("volunteer");
      await tx.insert(userRoles).values(roles.map((role) => ({ userId: u.id, role })));
    }

    // People without a phone on their household's list: 王秀英's mother and grandson, whom she
    // registers by picking them; and 赵桂芳, who lives alone with no account in the household,
    // registered at the service desk.
    const year = now.getFullYear();
    await tx.insert(householdMembers).values([
      { householdId: householdIds[0], name: "李桂兰", birthYear: 1943, relation: "parent" },
      { householdId: householdIds[0], name: "王小宇", birthYear: year - 9, relation: "grandchild" },
      { householdId: householdIds[7], name: "赵桂芳", birthYear: 1938, relation: "self" },
    ]);

    // The 15th festival starts on the first Saturday at least six weeks after seeding.
    let start = dayOffset(now, 42);
    while (start.getUTCDay() !== 6) start = dayOffset(start, 1);
    const [f14, f15] = await tx
      .insert(festivals)
      .values([
        {
          slug: "meihu-14",
          edition: 14,
          title: "第十四届美湖邻里节",
          theme: "讴歌建党百年成就·共建和睦邻里社区",
          startsOn: "2021-10-16",
          endsOn: "2021-10-17",
          status: "archived",
          registrationOpensAt: new Date("2021-09-01T01:00:00Z"),
          registrationClosesAt: new Date("2021-10-08T10:00:00Z"),
          nominationOpensAt: new Date("2021-09-01T01:00:00Z"),
          nominationClosesAt: new Date("2021-09-30T10:00:00Z"),
          votingOpensAt: new Date("2021-10-01T01:00:00Z"),
          votingClosesAt: new Date("2021-10-12T10:00:00Z"),
        },
        {
          slug: "meihu-15",
          edition: 15,
          title: "第十五届美湖邻里节",
          theme: "睦邻友好·共建和美美湖",
          startsOn: isoDate(start),
          endsOn: isoDate(dayOffset(start, 1)),
          status: "published",
          registrationOpensAt: at9(dayOffset(now, -14)),
          registrationClosesAt: at9(dayOffset(start, -7)),
          nominationOpensAt: at9(dayOffset(now, -7)),
          nominationClosesAt: at9(dayOffset(start, -14)),
          votingOpensAt: at9(dayOffset(start, -13)),
          votingClosesAt: at9(dayOffset(start, -1)),
        },
      ])
      .returning({ id: festivals.id, startsOn: festivals.startsOn });
    await seedProgramme(tx, f14.id, f14.startsOn, "Asia/Shanghai", new Date("2021-10-10T02:00:00Z"), PROGRAMME_14);
    await seedProgramme(tx, f15.id, f15.startsOn, "Asia/Shanghai", new Date(now.getTime() - 2 * 86_400_000));
    await seedRegistrations(tx, f15.id, now);
    await seedSports(tx, f15.id, now);
    await seedCompetitions15(tx, f15.id, now);
    await seedStars(tx, f14.id, f15.id);
    await seedCompetitions(tx, f14.id);
    await seedWishes(tx, now);
    await seedPosts(tx, now);
    await seedRewards(tx, now);
  });
}

/** What start-up registers with `onFreshDatabase`: the demo community, said once in the server's log. */
export async function seedFreshDatabase(db: Db): Promise<void> {
  await seedDemo(db);
  console.log("[linli] The empty database was filled with the demo community.");
}
