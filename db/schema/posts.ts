import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  MEMBER_STANDINGS,
  MEMBER_STATUSES,
  NOTE_DESTINATIONS,
  NOTE_KINDS,
  PERIODS,
  POST_KINDS,
  SESSION_KINDS,
  SWAP_STATUSES,
  TRAINING_MAX_MINUTES,
  TRAINING_STATUSES,
} from "../../vocabulary/posts";
import { oneOf } from "../sql";
import { householdMembers, users } from "./accounts";

// The red posts (红色岗位): the daily security patrol, the culture post and its groups, the
// publicity post; their members; the patrol roster.

export const posts = pgTable(
  "posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** In the address: /posts#patrol. */
    slug: text("slug").notNull(),
    kind: text("kind", { enum: POST_KINDS }).notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Patrol: residents on a team beside its leader (the article's N). */
    teamSize: integer("team_size").notNull().default(3),
    /** Patrol: when it walks each day, in community time; the end is when an unended patrol closes. */
    period: text("period", { enum: PERIODS }).notNull().default("evening"),
    startsAt: time("starts_at").notNull().default("19:00"),
    endsAt: time("ends_at").notNull().default("21:00"),
    /** Patrol: the longest a patrol may be recorded as. */
    maxMinutes: integer("max_minutes").notNull().default(240),
    /** Patrol: a swap both members agreed needs an organiser's approval too. */
    swapsNeedApproval: boolean("swaps_need_approval").notNull().default(false),
    position: integer("position").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("posts_slug_uq").on(t.slug),
    check("posts_kind_valid", oneOf(t.kind, POST_KINDS)),
    check("posts_period_valid", oneOf(t.period, PERIODS)),
    check("posts_team_size_range", sql`${t.teamSize} between 1 and 10`),
    check("posts_max_minutes_range", sql`${t.maxMinutes} between 15 and 480`),
    check("posts_times_order", sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/** A group within a post: the culture post's choir, tai chi group, morning exercise team, academy. */
export const postGroups = pgTable(
  "post_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("post_groups_name_uq").on(t.postId, t.name)],
);

/**
 * A person serving in a post: a resident's account, or a member of a household on the roster
 * (an elderly resident without a phone). The name is theirs as the post knows it.
 */
export const postMembers = pgTable(
  "post_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => postGroups.id, { onDelete: "set null" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    householdMemberId: uuid("household_member_id").references(() => householdMembers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    standing: text("standing", { enum: MEMBER_STANDINGS }).notNull().default("activist"),
    /** Leads a patrol team or a group (a patrol's leader is a party member). */
    leader: boolean("leader").notNull().default(false),
    since: date("since").notNull(),
    status: text("status", { enum: MEMBER_STATUSES }).notNull().default("active"),
    /** Agreed to be named on the public page; otherwise they are counted, never named. */
    showName: boolean("show_name").notNull().default(false),
    /** The days of the week (1 Monday … 7 Sunday) and times of day they are free to patrol. */
    availableDays: integer("available_days")
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    availablePeriods: text("available_periods")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** What they said when asking to join, or an organiser's note. */
    note: text("note").notNull().default(""),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("post_members_post_idx").on(t.postId, t.status),
    index("post_members_user_idx").on(t.userId),
    // One live place per person and post.
    uniqueIndex("post_members_user_uq")
      .on(t.postId, t.userId)
      .where(sql`${t.userId} is not null and ${t.status} in ('requested', 'active')`),
    uniqueIndex("post_members_household_member_uq")
      .on(t.postId, t.householdMemberId)
      .where(sql`${t.householdMemberId} is not null and ${t.status} in ('requested', 'active')`),
    check("post_members_someone", sql`${t.userId} is not null or ${t.householdMemberId} is not null`),
    check("post_members_standing_valid", oneOf(t.standing, MEMBER_STANDINGS)),
    // A team's or group's leader is a party member (党员队长).
    check("post_members_leader_party", sql`not ${t.leader} or ${t.standing} = 'party_member'`),
    check("post_members_status_valid", oneOf(t.status, MEMBER_STATUSES)),
    check("post_members_days_valid", sql`${t.availableDays} <@ array[1,2,3,4,5,6,7]`),
    check("post_members_periods_valid", sql`${t.availablePeriods} <@ array['morning','evening']::text[]`),
  ],
);

/** One day's patrol: its leader (none yet is a gap to fill) and, once walked, when it started and ended. */
export const patrolTeams = pgTable(
  "patrol_teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    startedBy: uuid("started_by").references(() => users.id, { onDelete: "set null" }),
    /** When the leader said, on starting, the patrol would end: where an unended patrol is closed. */
    plannedEndAt: timestamp("planned_end_at", { withTimezone: true }),
    endedBy: uuid("ended_by").references(() => users.id, { onDelete: "set null" }),
    /** Closed by the queue at the stated end because nobody ended it. */
    closedUnended: boolean("closed_unended").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("patrol_teams_day_uq").on(t.postId, t.day),
    check("patrol_teams_end_after_start", sql`${t.endedAt} is null or ${t.startedAt} < ${t.endedAt}`),
  ],
);

/** Who is on a day's team; one team a day per person (the day is kept here for that). */
export const patrolTeamMembers = pgTable(
  "patrol_team_members",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => patrolTeams.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => postMembers.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    leads: boolean("leads").notNull().default(false),
    /** Set when the patrol ends: whether they walked it (a member who did not come is false). */
    walked: boolean("walked"),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.memberId] }),
    unique("patrol_team_members_day_uq").on(t.memberId, t.day),
    // One leader per team.
    uniqueIndex("patrol_team_members_leader_uq")
      .on(t.teamId)
      .where(sql`${t.leads}`),
    index("patrol_team_members_day_idx").on(t.day),
  ],
);

/**
 * A swap: the asker gives their place on a day's team to another member, who gives theirs on
 * another day in return (or, with no day in return, covers the asker's).
 */
export const patrolSwaps = pgTable(
  "patrol_swaps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    fromMemberId: uuid("from_member_id")
      .notNull()
      .references(() => postMembers.id, { onDelete: "cascade" }),
    fromTeamId: uuid("from_team_id")
      .notNull()
      .references(() => patrolTeams.id, { onDelete: "cascade" }),
    toMemberId: uuid("to_member_id")
      .notNull()
      .references(() => postMembers.id, { onDelete: "cascade" }),
    /** The other member's day given in return; none when they only cover. */
    toTeamId: uuid("to_team_id").references(() => patrolTeams.id, { onDelete: "cascade" }),
    status: text("status", { enum: SWAP_STATUSES }).notNull().default("asked"),
    note: text("note").notNull().default(""),
    askedBy: uuid("asked_by").references(() => users.id, { onDelete: "set null" }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("patrol_swaps_post_idx").on(t.postId, t.status),
    index("patrol_swaps_from_idx").on(t.fromMemberId),
    index("patrol_swaps_to_idx").on(t.toMemberId),
    check("patrol_swaps_status_valid", oneOf(t.status, SWAP_STATUSES)),
    check("patrol_swaps_two_people", sql`${t.fromMemberId} <> ${t.toMemberId}`),
  ],
);

/** What a patrol saw (a blocked stairwell, a broken light, a stranger trying doors), and where it went. */
export const patrolNotes = pgTable(
  "patrol_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => patrolTeams.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTE_KINDS }).notNull(),
    /** Where it was seen: a building, a stairwell, the square. */
    place: text("place").notNull().default(""),
    body: text("body").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    /** Passed on to the consultation council or to property management. */
    passedTo: text("passed_to", { enum: NOTE_DESTINATIONS }),
    passedAt: timestamp("passed_at", { withTimezone: true }),
    passedBy: uuid("passed_by").references(() => users.id, { onDelete: "set null" }),
    /** Property management dealt with it, as an organiser recorded. */
    handledAt: timestamp("handled_at", { withTimezone: true }),
    handledNote: text("handled_note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("patrol_notes_team_idx").on(t.teamId),
    index("patrol_notes_passed_idx").on(t.passedTo, t.handledAt),
    check("patrol_notes_kind_valid", oneOf(t.kind, NOTE_KINDS)),
    check("patrol_notes_passed_valid", sql`${t.passedTo} is null or ${t.passedTo} in ('council', 'property')`),
    check("patrol_notes_passed_when", sql`(${t.passedTo} is null) = (${t.passedAt} is null)`),
  ],
);

/** A culture group's weekly timetable: tai chi every morning at 06:30 on the square. */
export const groupSlots = pgTable(
  "group_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => postGroups.id, { onDelete: "cascade" }),
    /** 1 Monday … 7 Sunday. */
    weekday: integer("weekday").notNull(),
    startsAt: time("starts_at").notNull(),
    endsAt: time("ends_at").notNull(),
    place: text("place").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("group_slots_uq").on(t.groupId, t.weekday, t.startsAt),
    check("group_slots_weekday_valid", sql`${t.weekday} between 1 and 7`),
    check("group_slots_times_order", sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/**
 * A group's meeting on a day: a weekly slot's (written when its leader takes attendance) or a
 * special event an organiser put on. Taking attendance records who came and the leader's hours.
 */
export const groupSessions = pgTable(
  "group_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => postGroups.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: SESSION_KINDS }).notNull(),
    slotId: uuid("slot_id").references(() => groupSlots.id, { onDelete: "set null" }),
    /** A special event's name: "重阳节演出". */
    title: text("title").notNull().default(""),
    day: date("day").notNull(),
    startsAt: time("starts_at").notNull(),
    endsAt: time("ends_at").notNull(),
    place: text("place").notNull(),
    /** Attendance taken: by whom and when (none yet: still to come, or nobody took it). */
    takenBy: uuid("taken_by").references(() => users.id, { onDelete: "set null" }),
    takenAt: timestamp("taken_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("group_sessions_uq").on(t.groupId, t.day, t.startsAt),
    index("group_sessions_day_idx").on(t.day),
    check("group_sessions_kind_valid", oneOf(t.kind, SESSION_KINDS)),
    check("group_sessions_times_order", sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/** Who came to a group's meeting. */
export const groupAttendance = pgTable(
  "group_attendance",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => groupSessions.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => postMembers.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.memberId] }), index("group_attendance_member_idx").on(t.memberId)],
);

/**
 * A post's training (each post trains its members every year): planned by an organiser for a
 * day, with a trainer or speaker; held once its attendance is taken, which records the hours of
 * the members who were there; or cancelled before that.
 */
export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    day: date("day").notNull(),
    startsAt: time("starts_at").notNull(),
    endsAt: time("ends_at").notNull(),
    place: text("place").notNull(),
    /** Who gives it: "派出所王警官", "区消防大队". */
    trainer: text("trainer").notNull().default(""),
    notes: text("notes").notNull().default(""),
    status: text("status", { enum: TRAINING_STATUSES }).notNull().default("planned"),
    /** Attendance taken (last): by whom and when. */
    takenBy: uuid("taken_by").references(() => users.id, { onDelete: "set null" }),
    takenAt: timestamp("taken_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("training_sessions_post_idx").on(t.postId, t.day),
    index("training_sessions_day_idx").on(t.day),
    check("training_sessions_status_valid", oneOf(t.status, TRAINING_STATUSES)),
    check("training_sessions_times_order", sql`${t.startsAt} < ${t.endsAt}`),
    check(
      "training_sessions_length",
      sql`${t.endsAt} - ${t.startsAt} <= ${sql.raw(`interval '${TRAINING_MAX_MINUTES} minutes'`)}`,
    ),
    // Held exactly when its attendance was taken.
    check("training_sessions_held_taken", sql`(${t.status} = 'held') = (${t.takenAt} is not null)`),
  ],
);

/** Who of the post's members was expected at a training, and whether they came: one row each. */
export const trainingAttendance = pgTable(
  "training_attendance",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSessions.id, { onDelete: "cascade" }),
    memberId: uuid("member_id")
      .notNull()
      .references(() => postMembers.id, { onDelete: "cascade" }),
    present: boolean("present").notNull(),
  },
  (t) => [
    primaryKey({ name: "training_attendance_pk", columns: [t.sessionId, t.memberId] }),
    index("training_attendance_member_idx").on(t.memberId),
  ],
);
