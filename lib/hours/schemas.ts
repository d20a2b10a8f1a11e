import { z } from "zod";

// Client-safe: the hours report's filters, read from the address.

export const HOURS_VIEWS = ["person", "post", "month"] as const;
export type HoursView = (typeof HOURS_VIEWS)[number];

export const hoursFilterSchema = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .catch(() => new Date().getFullYear()),
  month: z.coerce.number().int().min(1).max(12).nullable().catch(null).default(null),
  post: z.uuid().nullable().catch(null).default(null),
  view: z.enum(HOURS_VIEWS).catch("person"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type HoursFilters = z.infer<typeof hoursFilterSchema>;
