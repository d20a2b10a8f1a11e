import { and, desc, eq, inArray, isNotNull, like } from "drizzle-orm";
import {
  festivals,
  householdMembers,
  programmeItems,
  quotas,
  registrationLinks,
  registrations,
  shiftAssignments,
  shifts,
  users,
} from "@/db/schema";
import type { Tx } from "@/db/types";
import { addDays, zonedToUtc } from "@/lib/festivals/time";

/**
 * Registrations for the 15th festival, so "my registrations", the waiting list and the
 * organisers' review have something to show. The chess competition has 2 places, both taken
 * (王秀英, 刘洋), and 陈志强 waiting; the Go competition has 3 places, all taken, and two
 * residents waiting. Acts wait for review, one is accepted, one rejected; backstage pioneers
 * say when they are free, and one is on the first shift. (Table tennis and the skipping relay
 * are left to the sports seed; 刘洋 is nobody's co-performer, so an invitation to him is new.)
 */
export async function seedRegistrations(tx: Tx, festivalId: string, now: Date) {
  const items = await tx
    .select({ id: programmeItems.id, title: programmeItems.title })
    .from(programmeItems)
    .where(
      and(
        eq(programmeItems.festivalId, festivalId),
        inArray(programmeItems.title, ["象棋比赛", "拔河比赛", "围棋比赛", "掼蛋比赛"]),
      ),
    );
  const item = (title: string) => items.find((i) => i.title === title)!.id;
  const [chess, tug, go, guandan] = ["象棋比赛", "拔河比赛", "围棋比赛", "掼蛋比赛"].map(item);
  const people = await tx
    .select({ id: users.id, name: users.name, phone: users.phone })
    .from(users)
    .where(inArray(users.phone, ["13800000002", "13800000003", "13800000004"]));
  const who = (phone: string) => people.find((p) => p.phone === phone)!;
  // The demo's other residents who live in a household, in a fixed order (from the last, so
  // they are mostly others than the sports entrants).
  const neighbours = await tx
    .select({ id: users.id, name: users.name, phone: users.phone, householdId: users.householdId })
    .from(users)
    .where(and(like(users.phone, "1395550%"), isNotNull(users.householdId)))
    .orderBy(desc(users.phone));
  const n = (i: number) => neighbours[i];
  /** A child of a neighbour's household on its list of members, as the registration names them. */
  const child = async (u: { id: string; householdId: string | null }, name: string, age: number) => {
    const [m] = await tx
      .insert(householdMembers)
      .values({
        householdId: u.householdId!,
        name,
        birthYear: now.getFullYear() - age,
        relation: "grandchild",
        addedBy: u.id,
      })
      .returning({ id: householdMembers.id });
    return { householdMemberId: m.id, participantKey: `member:${m.id}`, participantName: name, participantAge: age };
  };
  const leile = await child(n(9), "张乐乐", 10);
  const duoduo = await child(n(14), "李朵朵", 9);
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  const self = (u: { id: string; name: string; phone?: string }) => ({
    festivalId,
    userId: u.id,
    participantKey: "self",
    participantName: u.name,
  });
  const player = { level: "intermediate", partner: { kind: "none" } };
  const athlete = {
    ageGroup: "senior",
    emergencyName: "王建国",
    emergencyPhone: "13900000000",
    healthDeclaration: true,
    team: "",
  };
  const act = (actTitle: string, actType: string, minutes: number, extra: Record<string, unknown> = {}) => ({
    actTitle,
    actType,
    group: false,
    performers: [],
    coPerformerPhones: [],
    minutes,
    stageNeeds: ["microphones"],
    stageNeedsOther: "",
    preferredTime: "any",
    ...extra,
  });

  const [f] = await tx
    .select({ startsOn: festivals.startsOn, timeZone: festivals.timeZone })
    .from(festivals)
    .where(eq(festivals.id, festivalId));
  const local = (day: number, hhmm: string) => zonedToUtc(`${addDays(f.startsOn, day)}T${hhmm}`, f.timeZone);
  const free = (day: number, from: string, to: string) => ({
    startsAt: local(day, from).toISOString(),
    endsAt: local(day, to).toISOString(),
  });

  await tx.insert(registrations).values([
    {
      ...self(who("13800000002")),
      role: "player",
      itemId: chess,
      status: "confirmed",
      queuedAt: at(300),
      details: player,
    },
    {
      ...self(who("13800000004")),
      role: "player",
      itemId: chess,
      status: "confirmed",
      queuedAt: at(200),
      details: player,
    },
    {
      ...self(who("13800000003")),
      role: "player",
      itemId: chess,
      status: "waitlisted",
      queuedAt: at(100),
      details: player,
    },
    {
      ...self(who("13800000002")),
      role: "athlete",
      itemId: tug,
      status: "confirmed",
      queuedAt: at(250),
      details: athlete,
      acceptedAt: at(60),
    },
  ]);

  // Go: three places, all taken, two waiting in order.
  await tx.insert(registrations).values(
    [0, 1, 2, 3, 4].map((i) => ({
      ...self(n(i)),
      role: "player" as const,
      itemId: go,
      status: i < 3 ? ("confirmed" as const) : ("waitlisted" as const),
      queuedAt: at(400 - i * 20),
      details: { ...player, level: i % 2 ? "advanced" : "intermediate" },
    })),
  );

  // Guandan is played in pairs: two neighbours who named each other.
  const [a, b] = await tx
    .insert(registrations)
    .values([
      {
        ...self(n(5)),
        role: "player",
        itemId: guandan,
        status: "confirmed",
        queuedAt: at(180),
        details: { level: "advanced", partner: { kind: "phone", phone: n(6).phone } },
      },
      {
        ...self(n(6)),
        role: "player",
        itemId: guandan,
        status: "confirmed",
        queuedAt: at(170),
        details: { level: "advanced", partner: { kind: "phone", phone: n(5).phone } },
      },
    ])
    .returning({ id: registrations.id, userId: registrations.userId });
  await tx.update(registrations).set({ partnerRegistrationId: b.id }).where(eq(registrations.id, a.id));
  await tx.update(registrations).set({ partnerRegistrationId: a.id }).where(eq(registrations.id, b.id));
  await tx.insert(registrationLinks).values([
    { registrationId: a.id, userId: b.userId!, kind: "partner" },
    { registrationId: b.id, userId: a.userId!, kind: "partner" },
  ]);

  // A tug-of-war team by building, and a child from a neighbour's household (shown by first
  // name and age only).
  await tx.insert(registrations).values([
    {
      ...self(n(7)),
      role: "athlete",
      itemId: tug,
      status: "confirmed",
      queuedAt: at(160),
      details: { ...athlete, ageGroup: "adult" },
      team: "美湖花园 大力士队",
    },
    {
      ...self(n(8)),
      role: "athlete",
      itemId: tug,
      status: "confirmed",
      queuedAt: at(150),
      details: { ...athlete, ageGroup: "youth" },
      team: "美湖花园 大力士队",
    },
    {
      festivalId,
      userId: n(9).id,
      ...leile,
      role: "athlete",
      itemId: tug,
      status: "confirmed",
      queuedAt: at(140),
      details: { ...athlete, ageGroup: "child", emergencyName: n(9).name, emergencyPhone: n(9).phone },
    },
  ]);

  // Performers: acts waiting for review, one accepted, one rejected; a group act names two
  // co-performers, one of whom declined.
  const [dance] = await tx
    .insert(registrations)
    .values([
      {
        ...self(n(10)),
        role: "performer",
        status: "confirmed",
        queuedAt: at(240),
        details: act("广场舞《美丽中国》", "dance", 10, {
          group: true,
          performers: [n(10).name, n(18).name, n(11).name],
          stageNeeds: ["music"],
          preferredTime: "morning",
        }),
      },
      {
        ...self(who("13800000002")),
        role: "performer",
        status: "confirmed",
        queuedAt: at(230),
        details: act("黄梅戏《女驸马》选段", "opera", 8, {
          stageNeeds: ["microphones", "music"],
          preferredTime: "morning",
        }),
      },
      {
        ...self(n(12)),
        role: "performer",
        status: "confirmed",
        queuedAt: at(220),
        acceptedAt: at(30),
        details: act("二胡独奏《良宵》", "instrument", 6, { stageNeeds: ["chairs", "microphones"] }),
      },
      {
        ...self(n(13)),
        role: "performer",
        status: "rejected",
        queuedAt: at(210),
        reason: "和上午场的诗朗诵重复了，欢迎明年再来。",
        details: act("诗朗诵《乡愁》", "recital", 5),
      },
      {
        festivalId,
        userId: n(14).id,
        ...duoduo,
        role: "performer",
        status: "confirmed",
        queuedAt: at(200),
        details: act("儿歌《小燕子》", "other", 4, { preferredTime: "afternoon", stageNeedsOther: "需要一个矮话筒架" }),
      },
    ])
    .returning({ id: registrations.id });
  await tx.insert(registrationLinks).values([
    { registrationId: dance.id, userId: n(18).id, kind: "co_performer" },
    { registrationId: dance.id, userId: n(11).id, kind: "co_performer", declinedAt: at(20) },
  ]);

  // Backstage pioneers with their skills and free time; the volunteer is on the first shift.
  const [volunteer] = await tx
    .insert(registrations)
    .values([
      {
        ...self(who("13800000004")),
        role: "backstage",
        status: "confirmed",
        queuedAt: at(190),
        acceptedAt: at(50),
        details: { skills: ["sound", "setup"], available: [free(0, "07:30", "12:00"), free(0, "13:30", "17:30")] },
      },
      {
        ...self(n(15)),
        role: "backstage",
        status: "confirmed",
        queuedAt: at(185),
        details: { skills: ["photography"], available: [free(0, "08:30", "17:00")] },
      },
      {
        ...self(n(16)),
        role: "backstage",
        status: "confirmed",
        queuedAt: at(175),
        details: { skills: ["first_aid", "stewarding"], available: [free(1, "08:00", "16:30")] },
      },
      {
        ...self(n(17)),
        role: "backstage",
        status: "confirmed",
        queuedAt: at(165),
        details: { skills: ["catering", "cleanup"], available: [free(0, "11:00", "14:00"), free(1, "11:00", "17:00")] },
      },
    ])
    .returning({ id: registrations.id });
  const [soundCheck] = await tx
    .insert(shifts)
    .values([
      {
        festivalId,
        title: "舞台音响调试",
        skill: "sound",
        startsAt: local(0, "08:00"),
        endsAt: local(0, "09:30"),
        places: 2,
      },
      {
        festivalId,
        title: "开幕式引导",
        skill: "stewarding",
        startsAt: local(0, "08:30"),
        endsAt: local(0, "09:30"),
        places: 4,
      },
    ])
    .returning({ id: shifts.id });
  await tx.insert(shiftAssignments).values({ shiftId: soundCheck.id, registrationId: volunteer.id });

  // An event's places are the same in the programme and in its quota.
  await tx.update(programmeItems).set({ capacity: 2 }).where(eq(programmeItems.id, chess));
  await tx.update(programmeItems).set({ capacity: 3 }).where(eq(programmeItems.id, go));
  await tx.insert(quotas).values([
    { festivalId, scope: `item:${chess}`, capacity: 2, taken: 2 },
    { festivalId, scope: `item:${go}`, capacity: 3, taken: 3 },
    { festivalId, scope: `item:${tug}`, capacity: 80, taken: 4 },
    { festivalId, scope: `item:${guandan}`, capacity: 24, taken: 2 },
  ]);
}
