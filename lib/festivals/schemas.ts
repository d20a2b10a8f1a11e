import { z } from "zod";
import { multilineText, text } from "@/lib/form-fields";
import "@/lib/zod-codes";
import { FESTIVAL_STATUSES, PROGRAMME_KINDS } from "@/vocabulary/festivals";
import { isTimeZone } from "./time";

// Client-safe: the dashboard's forms and the festival services parse the same schemas.
// Messages are error codes, translated under "fieldErrors".

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "datetime_invalid" });
const optionalLocal = z
  .string()
  .optional()
  .transform((s) => (s ? s : undefined))
  .pipe(localDateTime.optional());
const isoDate = z.iso.date({ error: "date_invalid" });
const optionalText = (max: number, lines: "one" | "several" = "one") =>
  (lines === "several" ? multilineText() : text())
    .max(max, { error: "too_long" })
    .nullish()
    .transform((s) => (s ? s : null));

const windowPair = (opens: string, closes: string) => (v: Record<string, unknown>) =>
  !v[opens] || !v[closes] || String(v[opens]) < String(v[closes]);

export const festivalFieldsSchema = z
  .object({
    title: text().min(1, { error: "required" }).max(80, { error: "too_long" }),
    edition: z.coerce
      .number({ error: "number_invalid" })
      .int({ error: "number_invalid" })
      .min(1, { error: "number_invalid" })
      .max(999, { error: "number_invalid" }),
    theme: optionalText(120),
    startsOn: isoDate,
    endsOn: isoDate,
    timeZone: text().default("Asia/Shanghai").refine(isTimeZone, { error: "time_zone_invalid" }),
    actMaxMinutes: z.coerce
      .number({ error: "number_invalid" })
      .int({ error: "number_invalid" })
      .min(1, { error: "number_invalid" })
      .max(60, { error: "number_invalid" })
      .default(10),
    // A checkbox: "true" ticked, "false" unticked (a hidden field after it); left out, on.
    registrationNeedsHousehold: z
      .union([z.boolean(), z.string()])
      .optional()
      .transform((v) => v === undefined || v === "" || v === true || v === "true"),
    registrationOpensAt: optionalLocal,
    registrationClosesAt: optionalLocal,
    nominationOpensAt: optionalLocal,
    nominationClosesAt: optionalLocal,
    votingOpensAt: optionalLocal,
    votingClosesAt: optionalLocal,
  })
  .refine((v) => v.endsOn >= v.startsOn, { error: "ends_before_start", path: ["endsOn"] })
  .refine((v) => Date.parse(v.endsOn) - Date.parse(v.startsOn) <= 13 * 86_400_000, {
    error: "festival_too_long",
    path: ["endsOn"],
  })
  .refine(windowPair("registrationOpensAt", "registrationClosesAt"), {
    error: "closes_before_opens",
    path: ["registrationClosesAt"],
  })
  .refine(windowPair("nominationOpensAt", "nominationClosesAt"), {
    error: "closes_before_opens",
    path: ["nominationClosesAt"],
  })
  .refine(windowPair("votingOpensAt", "votingClosesAt"), { error: "closes_before_opens", path: ["votingClosesAt"] });

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "slug_invalid" })
  .max(40, { error: "too_long" });

export const createFestivalSchema = z.intersection(z.object({ slug: slugSchema }), festivalFieldsSchema);
export const updateFestivalSchema = z.intersection(
  z.object({ slug: slugSchema, version: z.coerce.number().int() }),
  festivalFieldsSchema,
);
/** A new festival from an earlier one: its venues and programme, moved to the new dates. */
export const startFromSchema = z.intersection(
  z.object({ slug: slugSchema, sourceSlug: slugSchema }),
  festivalFieldsSchema,
);
export const festivalStatusSchema = z.object({ slug: slugSchema, status: z.enum(FESTIVAL_STATUSES) });

export const venueSchema = z.object({
  festivalSlug: slugSchema,
  name: text().min(1, { error: "required" }).max(40, { error: "too_long" }),
  capacity: z
    .union([
      z.literal(""),
      z.coerce.number().int().min(1, { error: "number_invalid" }).max(100_000, { error: "number_invalid" }),
    ])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
  description: optionalText(300, "several"),
  position: z.coerce.number().int().min(0).max(100).default(0),
});
export const updateVenueSchema = venueSchema.extend({ id: z.uuid() });

/** Instants on a 5-minute grid; the builder snaps, the service checks. */
const onGrid = z.iso
  .datetime({ offset: true, error: "datetime_invalid" })
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() % (5 * 60_000) === 0, { error: "not_on_grid" });

const itemFields = {
  title: text().min(1, { error: "required" }).max(80, { error: "too_long" }),
  kind: z.enum(PROGRAMME_KINDS, { error: "invalid" }),
  venueId: z.uuid({ error: "invalid" }).nullable(),
  startsAt: onGrid,
  endsAt: onGrid,
  description: optionalText(1000, "several"),
  capacity: z
    .number()
    .int()
    .min(1, { error: "number_invalid" })
    .max(100_000, { error: "number_invalid" })
    .nullable()
    .default(null),
  people: z
    .array(text().min(1).max(40, { error: "too_long" }))
    .max(30, { error: "too_many" })
    .default([]),
  parentId: z.uuid().nullable().default(null),
};

export const createItemSchema = z
  .object({ festivalSlug: slugSchema, ...itemFields })
  .refine((v) => v.endsAt > v.startsAt, { error: "ends_before_start", path: ["endsAt"] })
  .refine((v) => v.endsAt.getTime() - v.startsAt.getTime() <= 24 * 3600_000, {
    error: "item_too_long",
    path: ["endsAt"],
  });

export const updateItemSchema = z
  .object({
    id: z.uuid({ error: "invalid" }),
    version: z.number().int(),
    ...itemFields,
  })
  .refine((v) => v.endsAt > v.startsAt, { error: "ends_before_start", path: ["endsAt"] })
  .refine((v) => v.endsAt.getTime() - v.startsAt.getTime() <= 24 * 3600_000, {
    error: "item_too_long",
    path: ["endsAt"],
  });
export type UpdateItemInput = z.input<typeof updateItemSchema>;

export const deleteItemSchema = z.object({ id: z.uuid(), version: z.number().int() });
export const reorderActsSchema = z.object({
  blockId: z.uuid(),
  version: z.number().int(),
  order: z.array(z.uuid()).max(100),
});
export const publishSchema = z.object({ festivalSlug: slugSchema });
