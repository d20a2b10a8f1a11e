import { z } from "zod";
import { text } from "@/lib/form-fields";
import { CIRCUMSTANCES, WISH_CATEGORIES, WISH_STATUSES } from "@/vocabulary/wishes";

// Client-safe: the organisers' wish list filters, read from the address (a bad value is ignored).

export const wishAdminFilterSchema = z.object({
  status: z.enum(WISH_STATUSES).optional().catch(undefined),
  category: z.enum(WISH_CATEGORIES).optional().catch(undefined),
  circumstance: z.enum(CIRCUMSTANCES).optional().catch(undefined),
  q: text().min(1).max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type WishAdminFilters = z.output<typeof wishAdminFilterSchema>;

/** The order of the status tabs: what needs an organiser first. */
export const WISH_TABS = ["pending", "changes", "open", "claimed", "fulfilled", "done", "rejected"] as const;
/** States an organiser's vetting can change. */
export const VETTABLE = ["pending", "changes"] as const;
