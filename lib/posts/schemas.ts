import { z } from "zod";
import "@/lib/zod-codes";
import { multilineText, text, wholeNumber } from "@/lib/form-fields";
import {
  MEMBER_STANDINGS,
  NOTE_DESTINATIONS,
  NOTE_KINDS,
  NOTE_MAX,
  PERIODS,
  POST_KINDS,
  TEAM_SIZE,
  TRAINING_MAX_MINUTES,
  WEEKDAYS,
  type Weekday,
} from "@/vocabulary/posts";

// Client-safe: the red posts' forms, parsed by the forms and again by the services.

const id = z.uuid({ error: "invalid" });
const version = z.coerce.number().int().min(1).optional();
/** A checkbox or a boolean: "on", "true" and true are yes. */
const yes = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "time_invalid" });
/** Days of the week ticked in a form (strings) or given as numbers; each once. */
const weekdays = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(
      z.coerce
        .number()
        .int()
        .refine((n) => (WEEKDAYS as readonly number[]).includes(n), { error: "invalid" }),
    )
    .max(7)
    .transform((ds) => [...new Set(ds)].sort() as Weekday[]),
);
const periods = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(PERIODS, { error: "invalid" }))
    .max(2)
    .transform((ps) => [...new Set(ps)]),
);

export const POST_NAME_MAX = 30;
export const POST_DESCRIPTION_MAX = 500;

export const createPostSchema = z.object({
  name: text().min(1, { error: "required" }).max(POST_NAME_MAX, { error: "too_long" }),
  kind: z.enum(POST_KINDS, { error: "invalid" }),
  description: multilineText().max(POST_DESCRIPTION_MAX, { error: "too_long" }).default(""),
});

export const postSettingsSchema = z
  .object({
    postId: id,
    version,
    description: multilineText().max(POST_DESCRIPTION_MAX, { error: "too_long" }),
    teamSize: wholeNumber(TEAM_SIZE.min, TEAM_SIZE.max),
    period: z.enum(PERIODS, { error: "invalid" }),
    startsAt: hhmm,
    endsAt: hhmm,
    maxMinutes: wholeNumber(15, 480),
    swapsNeedApproval: yes,
  })
  .refine((v) => v.startsAt < v.endsAt, { error: "ends_before_start", path: ["endsAt"] });

const membership = {
  groupId: id.nullable().default(null),
  standing: z.enum(MEMBER_STANDINGS, { error: "invalid" }),
  availableDays: weekdays,
  availablePeriods: periods,
  showName: yes,
  note: multilineText().max(200, { error: "too_long" }).default(""),
};

/** An organiser adds a resident (their account) or a member of a household on the roster. */
export const addMemberSchema = z
  .object({
    postId: id,
    userId: id.optional(),
    householdMemberId: id.optional(),
    leader: yes,
    since: z.iso.date({ error: "date_invalid" }),
    ...membership,
  })
  .refine((v) => !!v.userId !== !!v.householdMemberId, { error: "member_required", path: ["userId"] })
  .refine((v) => !v.leader || v.standing === "party_member", { error: "leader_not_party", path: ["leader"] });

/** A resident asks to join a post from /posts. */
export const requestMembershipSchema = z.object({ postId: id, ...membership });

export const decideMembershipSchema = z.object({
  memberId: id,
  decision: z.enum(["accept", "decline"], { error: "invalid" }),
  version,
});

export const updateMemberSchema = z
  .object({
    memberId: id,
    version,
    leader: yes,
    active: yes,
    ...membership,
  })
  .refine((v) => !v.leader || v.standing === "party_member", { error: "leader_not_party", path: ["leader"] });

/** A month to draw up, YYYY-MM. */
export const drawRosterSchema = z.object({
  postId: id,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "month_invalid" }),
  seed: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
});

/** An organiser puts a member on a day's team (to fill a gap) or takes them off it. */
export const setPlaceSchema = z.object({
  teamId: id,
  memberId: id,
  place: z.enum(["add", "remove"], { error: "invalid" }),
  leads: yes,
});

/** A member gives their day to another, who gives one of theirs in return or covers it. */
export const askSwapSchema = z.object({
  teamId: id,
  toMemberId: id,
  toTeamId: z.preprocess((v) => (v === "" ? null : v), id.nullable().default(null)),
  note: multilineText().max(200, { error: "too_long" }).default(""),
});

export const answerSwapSchema = z.object({
  swapId: id,
  answer: z.enum(["accept", "decline"], { error: "invalid" }),
  version,
});

export const decideSwapSchema = z.object({
  swapId: id,
  decision: z.enum(["approve", "refuse"], { error: "invalid" }),
  version,
});

export const withdrawSwapSchema = z.object({ swapId: id });

/** An empty time is "now" (starting) or "the post's end" (stated end). */
const optionalTime = z.preprocess((v) => (v === "" || v === null ? undefined : v), hhmm.optional());

export const startPatrolSchema = z.object({ teamId: id, plannedEnd: optionalTime });

export const endPatrolSchema = z.object({
  teamId: id,
  /** When it ended, on its day; now when empty. */
  at: optionalTime,
  /** The members who walked it; those left out did not come. */
  walked: z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(id).max(20),
  ),
});

export const addNoteSchema = z.object({
  teamId: id,
  kind: z.enum(NOTE_KINDS, { error: "invalid" }),
  place: text().max(40, { error: "too_long" }).default(""),
  body: multilineText().min(1, { error: "required" }).max(NOTE_MAX, { error: "too_long" }),
});

export const passNoteSchema = z.object({ noteId: id, to: z.enum(NOTE_DESTINATIONS, { error: "invalid" }) });

export const noteHandledSchema = z.object({
  noteId: id,
  note: multilineText().max(200, { error: "too_long" }).default(""),
});

const place = text().min(1, { error: "required" }).max(40, { error: "too_long" });

/** A weekly slot of a culture group's timetable. */
export const addSlotSchema = z
  .object({
    groupId: id,
    weekday: z.coerce
      .number()
      .int()
      .refine((n) => (WEEKDAYS as readonly number[]).includes(n), { error: "invalid" }),
    startsAt: hhmm,
    endsAt: hhmm,
    place,
  })
  .refine((v) => v.startsAt < v.endsAt, { error: "ends_before_start", path: ["endsAt"] });

export const removeSlotSchema = z.object({ slotId: id });

/** A special event of a group on a day of its own. */
export const specialSessionSchema = z
  .object({
    groupId: id,
    title: text().min(1, { error: "required" }).max(40, { error: "too_long" }),
    day: z.iso.date({ error: "date_invalid" }),
    startsAt: hhmm,
    endsAt: hhmm,
    place,
  })
  .refine((v) => v.startsAt < v.endsAt, { error: "ends_before_start", path: ["endsAt"] });

/** Who came: to a weekly slot on a day (today when none is given), or to a special event. */
export const takeAttendanceSchema = z
  .object({
    groupId: id,
    slotId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
    sessionId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
    day: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date({ error: "date_invalid" }).optional()),
    present: z.preprocess(
      (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
      z.array(id).max(200),
    ),
  })
  .refine((v) => !!v.slotId !== !!v.sessionId, { error: "invalid", path: ["slotId"] });

export const TRAINING_TITLE_MAX = 40;
export const TRAINING_NOTES_MAX = 500;

/** Minutes from one HH:MM to a later one. */
export const minutesBetween = (start: string, end: string) => {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return m(end) - m(start);
};

const trainingFields = {
  title: text().min(1, { error: "required" }).max(TRAINING_TITLE_MAX, { error: "too_long" }),
  day: z.iso.date({ error: "date_invalid" }),
  startsAt: hhmm,
  endsAt: hhmm,
  place,
  /** Who gives it: a police officer, the fire brigade, a party school teacher. */
  trainer: text().max(40, { error: "too_long" }).default(""),
  notes: multilineText().max(TRAINING_NOTES_MAX, { error: "too_long" }).default(""),
};

/** A training's times: the end after the start, and not longer than a working day. */
const endsAfterStart = (v: { startsAt: string; endsAt: string }) => v.startsAt < v.endsAt;
const notTooLong = (v: { startsAt: string; endsAt: string }) =>
  v.startsAt >= v.endsAt || minutesBetween(v.startsAt, v.endsAt) <= TRAINING_MAX_MINUTES;

/** An organiser plans a post's training. */
export const planTrainingSchema = z
  .object({ postId: id, ...trainingFields })
  .refine(endsAfterStart, { error: "ends_before_start", path: ["endsAt"] })
  .refine(notTooLong, { error: "training_too_long", path: ["endsAt"] });

/** An organiser changes a training not yet held. */
export const updateTrainingSchema = z
  .object({ trainingId: id, version, ...trainingFields })
  .refine(endsAfterStart, { error: "ends_before_start", path: ["endsAt"] })
  .refine(notTooLong, { error: "training_too_long", path: ["endsAt"] });

export const cancelTrainingSchema = z.object({ trainingId: id, version });

/** Who of the post's members came to a training (those left out did not). */
export const trainingAttendanceSchema = z.object({
  trainingId: id,
  present: z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(id).max(500),
  ),
});
