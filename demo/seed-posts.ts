import { asc, inArray, like } from "drizzle-orm";
import {
  groupAttendance,
  groupSessions,
  groupSlots,
  patrolNotes,
  patrolTeamMembers,
  patrolTeams,
  postGroups,
  pointEntries,
  postMembers,
  posts,
  serviceHours,
  users,
} from "@/db/schema";
import type { Tx } from "@/db/types";
import { addDays, utcToZonedLocal, zonedToUtc } from "@/lib/festivals/time";
import { planRoster, weekdayOf } from "@/lib/posts/roster";
import type { MemberStanding, Weekday } from "@/vocabulary/posts";
import { seedTraining } from "./seed-training";
import { DEFAULT_POINT_RULES, POINT_KIND_OF_HOURS, pointsByRule } from "@/vocabulary/points";

/** Hours as a service writes them: with the points the first rules give for them, at the same time. */
async function insertHoursWithPoints(tx: Tx, rows: (typeof serviceHours.$inferInsert)[]) {
  if (!rows.length) return;
  await tx.insert(serviceHours).values(rows);
  await tx.insert(pointEntries).values(
    rows.map((r) => {
      const kind = POINT_KIND_OF_HOURS[r.kind];
      const rule = DEFAULT_POINT_RULES[kind];
      return {
        userId: r.userId ?? null,
        householdMemberId: r.userId ? null : (r.householdMemberId ?? null),
        kind,
        points: pointsByRule(rule, r.minutes),
        refId: r.refId,
        postId: r.postId ?? null,
        rule: { ...rule, minutes: r.minutes },
        year: r.year,
        createdBy: r.createdBy ?? null,
        createdAt: r.createdAt,
      };
    }),
  );
}

/**
 * Meihu's three red posts, as the article tells them: the security patrol (a party-member leader
 * and three resident activists every evening), the culture post and its four groups, and the
 * publicity post. A few dozen members, among them 刘洋 leading patrols and 王秀英 in the choir,
 * one resident's request waiting, and the patrol: a fortnight walked, tonight led by 刘洋, and the
 * roster of the next four weeks.
 */
export async function seedPosts(tx: Tx, now: Date) {
  const neighbours = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(like(users.phone, "1395550%"))
    .orderBy(asc(users.phone));
  const demo = await tx
    .select({ id: users.id, name: users.name, phone: users.phone })
    .from(users)
    .where(inArray(users.phone, ["13800000002", "13800000004"]));
  const wang = demo.find((u) => u.phone === "13800000002")!;
  const liu = demo.find((u) => u.phone === "13800000004")!;
  const [patrol, culture, publicity] = await tx
    .insert(posts)
    .values([
      {
        slug: "patrol",
        kind: "patrol" as const,
        name: "治安巡逻岗",
        description:
          "每天晚上由一名党员队长带领三名居民积极分子，在小区里走一圈：看楼道、看路灯、看门禁，遇到情况及时报告。",
        teamSize: 3,
        period: "evening" as const,
        startsAt: "19:00",
        endsAt: "21:00",
        maxMinutes: 180,
        swapsNeedApproval: false,
        position: 1,
      },
      {
        slug: "culture",
        kind: "culture" as const,
        name: "文化传播岗",
        description: "党员带头、居民积极分子参与，四支文化队伍常年活动，欢迎邻居们加入。",
        position: 2,
      },
      {
        slug: "publicity",
        kind: "publicity" as const,
        name: "党建宣传岗",
        description: "收集民情民意，参加宣讲会，把学到的讲给邻居听。",
        position: 3,
      },
    ])
    .returning({ id: posts.id });
  const groups = await tx
    .insert(postGroups)
    .values(
      [
        ["红歌合唱团", "每周二、周五上午在多功能厅排练。"],
        ["太极拳小组", "每天早上六点半在社区广场。"],
        ["晨练队", "每天早上在湖边步道，快走和广播操。"],
        ["书画院", "每周三下午在二楼活动室，笔墨纸砚都有。"],
      ].map(([name, description], i) => ({ postId: culture.id, name, description, position: i + 1 })),
    )
    .returning({ id: postGroups.id });
  const since = (monthsAgo: number) => addDays(utcToZonedLocal(now, "Asia/Shanghai").slice(0, 10), -30 * monthsAgo);
  const everyDay: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
  type Row = typeof postMembers.$inferInsert;
  const member = (
    postId: string,
    u: { id: string; name: string },
    standing: MemberStanding,
    extra: Partial<Row> = {},
  ): Row => ({
    postId,
    userId: u.id,
    name: u.name,
    standing,
    since: since(6),
    status: "active",
    showName: true,
    ...extra,
  });
  const n = (i: number) => neighbours[i];
  const rows: Row[] = [
    // The patrol: three leaders, twelve activists free on different evenings.
    member(patrol.id, liu, "party_member", {
      leader: true,
      availableDays: [1, 3, 5, 7],
      availablePeriods: ["evening"],
    }),
    member(patrol.id, n(0), "party_member", { leader: true, availableDays: everyDay, availablePeriods: ["evening"] }),
    member(patrol.id, n(1), "party_member", { leader: true, availableDays: [2, 4, 6], availablePeriods: ["evening"] }),
    ...Array.from({ length: 12 }, (_, i) =>
      member(patrol.id, n(2 + i), "activist", {
        availableDays: i % 3 === 0 ? everyDay : i % 3 === 1 ? [1, 2, 3, 4, 5] : [5, 6, 7],
        availablePeriods: i % 4 === 0 ? ["morning", "evening"] : ["evening"],
        showName: i % 5 !== 0,
        since: since(12 - (i % 6)),
      }),
    ),
    // The culture groups.
    member(culture.id, wang, "activist", { groupId: groups[0].id }),
    member(culture.id, n(14), "party_member", { groupId: groups[0].id, leader: true }),
    member(culture.id, n(15), "activist", { groupId: groups[0].id }),
    member(culture.id, n(16), "activist", { groupId: groups[0].id }),
    member(culture.id, n(17), "party_member", { groupId: groups[1].id, leader: true }),
    member(culture.id, n(18), "activist", { groupId: groups[1].id }),
    member(culture.id, n(19), "activist", { groupId: groups[1].id, showName: false }),
    member(culture.id, n(20), "party_member", { groupId: groups[2].id, leader: true }),
    member(culture.id, n(21), "activist", { groupId: groups[2].id }),
    member(culture.id, n(22), "activist", { groupId: groups[2].id }),
    member(culture.id, n(23), "party_member", { groupId: groups[3].id, leader: true }),
    member(culture.id, n(24), "activist", { groupId: groups[3].id }),
    // The publicity post.
    member(publicity.id, n(25), "party_member", { leader: true }),
    member(publicity.id, n(26), "party_member"),
    member(publicity.id, n(27), "activist"),
    member(publicity.id, n(28), "activist"),
    // A resident's request to join the patrol, waiting for an organiser.
    member(patrol.id, n(29), "activist", {
      status: "requested",
      since: since(0),
      availableDays: [6, 7],
      availablePeriods: ["evening"],
      note: "周末晚上有空，想参加巡逻。",
    }),
  ];
  const inserted = await tx.insert(postMembers).values(rows).returning({
    id: postMembers.id,
    postId: postMembers.postId,
    userId: postMembers.userId,
    groupId: postMembers.groupId,
    name: postMembers.name,
    leader: postMembers.leader,
    status: postMembers.status,
    days: postMembers.availableDays,
  });

  // The patrol: the past fortnight walked (with what the teams saw), tonight led by 刘洋, and the
  // next four weeks drawn as the roster page draws them.
  const today = utcToZonedLocal(now, "Asia/Shanghai").slice(0, 10);
  const dayOf = (date: string) => ({ date, weekday: weekdayOf(date) });
  const patrolMembers = inserted.filter((m) => m.postId === patrol.id && m.status === "active");
  const rosterMembers = patrolMembers.map((m) => ({ id: m.id, leads: m.leader, days: m.days as Weekday[] }));
  const liuMember = patrolMembers.find((m) => m.userId === liu.id)!;
  const past = planRoster({
    days: Array.from({ length: 14 }, (_, i) => dayOf(addDays(today, i - 14))),
    members: rosterMembers,
    teamSize: 3,
    seed: 14,
  });
  const tonight = {
    date: today,
    leaderId: liuMember.id,
    memberIds: patrolMembers
      .filter((m) => !m.leader)
      .slice(0, 3)
      .map((m) => m.id),
  };
  const already = new Map(past.counts);
  for (const id of [tonight.leaderId, ...tonight.memberIds]) already.set(id, (already.get(id) ?? 0) + 1);
  const coming = planRoster({
    days: Array.from({ length: 29 }, (_, i) => dayOf(addDays(today, i + 1))),
    members: rosterMembers,
    teamSize: 3,
    already,
    seed: 15,
  });
  const userOf = new Map(patrolMembers.map((m) => [m.id, m.userId]));
  const notes: Record<number, Omit<typeof patrolNotes.$inferInsert, "teamId">> = {
    3: {
      kind: "lighting",
      place: "5 栋北侧",
      body: "路灯不亮，晚上老人散步看不清台阶。",
      passedTo: "property",
      handledNote: "物业已换灯泡。",
    },
    8: {
      kind: "stranger",
      place: "2 栋单元门口",
      body: "有陌生人挨家挨户推销保健品，已劝离。建议议一议单元门禁的事。",
      passedTo: "council",
    },
    12: {
      kind: "passage",
      place: "3 栋 2 单元",
      body: "楼道里堆了纸箱和旧家具，挡住了消防通道。",
      passedTo: "property",
    },
  };
  for (const [i, team] of [...past.teams, tonight, ...coming.teams].entries()) {
    const walked = i < past.teams.length;
    const startedAt = walked ? zonedToUtc(`${team.date}T19:0${i % 6}`, "Asia/Shanghai") : null;
    const endedAt = startedAt ? new Date(startedAt.getTime() + (100 + (i % 4) * 5) * 60_000) : null;
    const leaderUser = team.leaderId ? userOf.get(team.leaderId) : null;
    const [row] = await tx
      .insert(patrolTeams)
      .values({
        postId: patrol.id,
        day: team.date,
        startedAt,
        plannedEndAt: startedAt ? zonedToUtc(`${team.date}T21:00`, "Asia/Shanghai") : null,
        endedAt,
        startedBy: startedAt ? leaderUser : null,
        endedBy: endedAt ? leaderUser : null,
        // One evening nobody pressed "end": the queue closed it at the stated end.
        closedUnended: i === 5,
      })
      .returning({ id: patrolTeams.id });
    await tx.insert(patrolTeamMembers).values([
      ...(team.leaderId
        ? [{ teamId: row.id, memberId: team.leaderId, day: team.date, leads: true, walked: walked ? true : null }]
        : []),
      ...team.memberIds.map((memberId, k) => ({
        teamId: row.id,
        memberId,
        day: team.date,
        leads: false,
        // Now and then someone could not come.
        walked: walked ? !(k === 2 && i % 5 === 1) : null,
      })),
    ]);
    // Each member who walked it has its hours, as ending the patrol writes them.
    if (startedAt && endedAt) {
      const clock = (d: Date) => utcToZonedLocal(d, "Asia/Shanghai").slice(11, 16);
      const walkedIds = [team.leaderId, ...team.memberIds.filter((_, k) => !(k === 2 && i % 5 === 1))];
      await insertHoursWithPoints(
        tx,
        patrolMembers
          .filter((m) => walkedIds.includes(m.id))
          .map((m) => ({
            userId: m.userId,
            name: m.name,
            kind: "patrol" as const,
            refId: row.id,
            postId: patrol.id,
            minutes: Math.round((endedAt.getTime() - startedAt.getTime()) / 60_000),
            servedOn: team.date,
            year: Number(team.date.slice(0, 4)),
            note: `${clock(startedAt)}–${clock(endedAt)}`,
            createdBy: leaderUser ?? null,
            createdAt: endedAt,
          })),
      );
    }
    const note = walked ? notes[i] : undefined;
    if (note && endedAt)
      await tx.insert(patrolNotes).values({
        ...note,
        teamId: row.id,
        authorId: leaderUser,
        createdAt: endedAt,
        passedAt: note.passedTo ? endedAt : null,
        passedBy: note.passedTo ? leaderUser : null,
        handledAt: note.handledNote ? new Date(endedAt.getTime() + 86_400_000) : null,
      });
  }

  // The culture groups' weekly timetable, the past fortnight's meetings with who came (and the
  // leaders' hours), and a special event to come.
  const timetable: [number, number[], string, string, string][] = [
    [0, [2, 5], "09:00", "11:00", "多功能厅"],
    [1, everyDay, "06:30", "07:30", "社区广场"],
    [2, everyDay, "06:00", "07:00", "湖边步道"],
    [3, [3], "14:30", "16:30", "二楼活动室"],
  ];
  for (const [g, weekdays, startsAt, endsAt, place] of timetable) {
    const groupId = groups[g].id;
    const slots = await tx
      .insert(groupSlots)
      .values(weekdays.map((weekday) => ({ groupId, weekday, startsAt, endsAt, place })))
      .returning();
    const groupMembers = inserted.filter((m) => m.groupId === groupId && m.status === "active");
    for (let back = 14; back >= 1; back--) {
      const { date, weekday } = dayOf(addDays(today, -back));
      const slot = slots.find((x) => x.weekday === weekday);
      if (!slot) continue;
      // Now and then someone stays at home.
      const came = groupMembers.filter((m, k) => m.leader || (k + back) % 4 !== 0);
      const takenBy = groupMembers.find((m) => m.leader)?.userId ?? null;
      const [session] = await tx
        .insert(groupSessions)
        .values({
          groupId,
          kind: "regular",
          slotId: slot.id,
          day: date,
          startsAt,
          endsAt,
          place,
          takenBy,
          takenAt: zonedToUtc(`${date}T${endsAt}`, "Asia/Shanghai"),
        })
        .returning({ id: groupSessions.id });
      await tx.insert(groupAttendance).values(came.map((m) => ({ sessionId: session.id, memberId: m.id })));
      const minutes =
        (Number(endsAt.slice(0, 2)) - Number(startsAt.slice(0, 2))) * 60 +
        Number(endsAt.slice(3)) -
        Number(startsAt.slice(3));
      const leaders = came.filter((m) => m.leader && m.userId);
      if (leaders.length)
        await insertHoursWithPoints(
          tx,
          leaders.map((m) => ({
            userId: m.userId,
            name: m.name,
            kind: "culture_session" as const,
            refId: session.id,
            postId: culture.id,
            minutes,
            servedOn: date,
            year: Number(date.slice(0, 4)),
            note: `${["红歌合唱团", "太极拳小组", "晨练队", "书画院"][g]} ${startsAt}–${endsAt}`,
            createdBy: takenBy,
          })),
        );
    }
  }
  await tx.insert(groupSessions).values({
    groupId: groups[0].id,
    kind: "special",
    title: "新年联欢会排练",
    day: addDays(today, 7),
    startsAt: "15:00",
    endsAt: "17:00",
    place: "多功能厅",
  });

  // Each post's training this year: one held, one to come.
  await seedTraining(
    tx,
    now,
    [
      { id: patrol.id, kind: "patrol" },
      { id: culture.id, kind: "culture" },
      { id: publicity.id, kind: "publicity" },
    ],
    inserted,
    insertHoursWithPoints,
  );
}
