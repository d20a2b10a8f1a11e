import "server-only";
import { and, eq, gte, lt, type SQL } from "drizzle-orm";
import { serviceHours } from "@/db/schema";
import type { HoursFilters } from "./schemas";

// The hours report's filters as a condition, shared by the report and its export.

const two = (n: number) => String(n).padStart(2, "0");

/** The entries of the year, and of the month and the post when given. */
export function hoursWhere(f: Pick<HoursFilters, "year" | "month" | "post">): SQL {
  const parts: SQL[] = [eq(serviceHours.year, f.year)];
  if (f.month) {
    const from = `${f.year}-${two(f.month)}-01`;
    const to = f.month === 12 ? `${f.year + 1}-01-01` : `${f.year}-${two(f.month + 1)}-01`;
    parts.push(gte(serviceHours.servedOn, from), lt(serviceHours.servedOn, to));
  }
  if (f.post) parts.push(eq(serviceHours.postId, f.post));
  return and(...parts)!;
}
