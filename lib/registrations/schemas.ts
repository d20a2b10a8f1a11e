import { z } from "zod";
import { multilineText, text } from "@/lib/form-fields";
import "@/lib/zod-codes";
import {
  ACT_TYPES,
  AGE_GROUPS,
  REGISTRATION_ROLES,
  REVIEW_STATUSES,
  SKILL_LEVELS,
  SKILLS,
  STAGE_NEEDS,
  TIMES_OF_DAY,
} from "@/vocabulary/registrations";

// Client-safe: one schema for the four registration forms, a union on `role`, parsed by the form
// (zodResolver) and again by the service. Messages are error codes under "fieldErrors".

const phone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: "phone_invalid" });
const name = text().min(1, { error: "required" }).max(40, { error: "too_long" });

/**
 * Who takes part: the account holder, or a member of their household without a phone, picked
 * from the household's members (the service knows their age from the year of birth and asks for
 * the guardian's consent under 14).
 */
export const participantSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("self") }),
  z.object({
    kind: z.literal("member"),
    memberId: z.uuid({ error: "member_required" }),
    guardianConsent: z.boolean().default(false),
  }),
]);

const base = { festivalSlug: text().min(1).max(40), participant: participantSchema };

export const performerSchema = z.object({
  ...base,
  role: z.literal("performer"),
  actTitle: text().min(1, { error: "required" }).max(60, { error: "too_long" }),
  actType: z.enum(ACT_TYPES, { error: "invalid" }),
  group: z.boolean(),
  performers: z.array(name).max(40, { error: "too_many" }).default([]),
  coPerformerPhones: z.array(phone).max(10, { error: "too_many" }).default([]),
  minutes: z
    .number({ error: "number_invalid" })
    .int({ error: "number_invalid" })
    .min(1, { error: "number_invalid" })
    .max(60, { error: "number_invalid" }),
  stageNeeds: z
    .array(z.enum(STAGE_NEEDS, { error: "invalid" }))
    .max(STAGE_NEEDS.length)
    .default([]),
  stageNeedsOther: multilineText().max(200, { error: "too_long" }).default(""),
  preferredTime: z.enum(TIMES_OF_DAY, { error: "invalid" }).default("any"),
});

export const backstageSchema = z.object({
  ...base,
  role: z.literal("backstage"),
  skills: z
    .array(z.enum(SKILLS, { error: "invalid" }))
    .min(1, { error: "choose_one" })
    .max(SKILLS.length),
  available: z
    .array(
      z
        .object({
          startsAt: z.iso.datetime({ offset: true, error: "datetime_invalid" }),
          endsAt: z.iso.datetime({ offset: true, error: "datetime_invalid" }),
        })
        .refine((r) => r.endsAt > r.startsAt, { error: "ends_before_start" }),
    )
    .min(1, { error: "choose_one" })
    .max(20, { error: "too_many" }),
});

export const athleteSchema = z
  .object({
    ...base,
    role: z.literal("athlete"),
    itemId: z.uuid({ error: "invalid" }),
    ageGroup: z.enum(AGE_GROUPS, { error: "invalid" }),
    emergencyName: name,
    emergencyPhone: phone,
    // A box the athlete ticks: the form holds false until they do.
    healthDeclaration: z
      .boolean({ error: "health_declaration_required" })
      .refine((v) => v, { error: "health_declaration_required" }),
    /** Team events: start a team under a name, or join one by its name. */
    teamAction: z.enum(["none", "create", "join"], { error: "invalid" }).default("none"),
    team: text().max(30, { error: "too_long" }).default(""),
  })
  .refine((v) => v.teamAction === "none" || v.team.length > 0, { error: "required", path: ["team"] });

export const playerSchema = z.object({
  ...base,
  role: z.literal("player"),
  itemId: z.uuid({ error: "invalid" }),
  level: z.enum(SKILL_LEVELS, { error: "invalid" }),
  partner: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("none") }),
    z.object({ kind: z.literal("phone"), phone }),
    z.object({ kind: z.literal("find") }),
  ]),
});

export const registrationSchema = z.discriminatedUnion("role", [
  performerSchema,
  backstageSchema,
  athleteSchema,
  playerSchema,
]);
export type RegistrationInput = z.input<typeof registrationSchema>;
export type RegistrationData = z.output<typeof registrationSchema>;

/** Editing a registration while it is pending: the same form, with the registration and its version. */
export const editTargetSchema = z.object({ id: z.uuid({ error: "invalid" }), version: z.number().int() });

const id = z.uuid({ error: "invalid" });

export const noteSchema = z.object({ id, note: multilineText().max(500, { error: "too_long" }) });

/** Moves an athlete or a player to another item of the same kind. */
export const moveSchema = z.object({ id, itemId: id });

/** An accepted act joins a performance block's running order. */
export const actToProgrammeSchema = z.object({ id, blockId: id });

export const shiftSchema = z
  .object({
    festivalSlug: text().min(1).max(40),
    title: text().min(1, { error: "required" }).max(60, { error: "too_long" }),
    skill: z.enum(SKILLS, { error: "invalid" }).nullable().default(null),
    startsAt: z.iso.datetime({ offset: true, error: "datetime_invalid" }).transform((s) => new Date(s)),
    endsAt: z.iso.datetime({ offset: true, error: "datetime_invalid" }).transform((s) => new Date(s)),
    places: z
      .number({ error: "number_invalid" })
      .int({ error: "number_invalid" })
      .min(1, { error: "number_invalid" })
      .max(500, { error: "number_invalid" }),
  })
  .refine((s) => s.endsAt > s.startsAt, { error: "ends_before_start", path: ["endsAt"] })
  .refine((s) => s.endsAt.getTime() - s.startsAt.getTime() <= 24 * 3600_000, {
    error: "item_too_long",
    path: ["endsAt"],
  });

export const assignShiftSchema = z.object({ shiftId: id, ids: z.array(id).min(1).max(200) });
export const unassignShiftSchema = z.object({ shiftId: id, registrationId: id });

export const capacitySchema = z.object({
  festivalSlug: text().min(1).max(40),
  scope: z
    .string()
    .regex(
      new RegExp(
        `^(role:(${REGISTRATION_ROLES.join("|")})|item:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`,
        "i",
      ),
      { error: "invalid" },
    ),
  /** `null` lifts the limit: everyone waiting gets a place. */
  capacity: z
    .number({ error: "number_invalid" })
    .int({ error: "number_invalid" })
    .min(0, { error: "number_invalid" })
    .max(100_000, { error: "number_invalid" })
    .nullable(),
});

export const decisionSchema = z
  .object({
    ids: z.array(z.uuid()).min(1).max(500),
    decision: z.enum(["accept", "reject", "waitlist"]),
    reason: multilineText().max(200, { error: "too_long" }).default(""),
  })
  .refine((d) => d.decision !== "reject" || d.reason.length > 0, { error: "reason_required", path: ["reason"] });

// ——— the organisers' review list ———

/** The review page's GET filters: anything unexpected in the address is ignored, never an error. */
export const reviewFilterSchema = z.object({
  role: z.enum(REGISTRATION_ROLES).optional().catch(undefined),
  status: z.enum(REVIEW_STATUSES).optional().catch(undefined),
  item: z.uuid().optional().catch(undefined),
  building: text().min(1).max(60).optional().catch(undefined),
  q: text().min(1).max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type ReviewFilters = z.output<typeof reviewFilterSchema>;

/** Who the desk registers: an account (from its card) or a household member (from theirs). */
export const deskForSchema = z.object({
  deskFor: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("account"), userId: z.uuid({ error: "invalid" }) }),
    z.object({ kind: z.literal("member"), memberId: z.uuid({ error: "invalid" }) }),
  ]),
});
