import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { posts, serviceHours } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import type { Actor } from "@/lib/actor";
import { HOUR_KINDS, type HourKind } from "@/vocabulary/hours";

// A resident's own hours passbook: each entry of a year, the year's total and all years'. Only
// the actor's own rows.

export interface HoursEntryRow {
  id: string;
  kind: HourKind;
  servedOn: string;
  minutes: number;
  note: string;
  postName: string | null;
}

export interface MyHours {
  year: number;
  /** Years with hours, newest first, the asked year among them. */
  years: number[];
  entries: HoursEntryRow[];
  yearMinutes: number;
  allMinutes: number;
  byKind: Record<HourKind, number>;
}

export async function getMyHours(db: DbOrTx, actor: Actor, year: number): Promise<MyHours> {
  const mine = eq(serviceHours.userId, actor.id);
  const [entries, perYear] = await Promise.all([
    db
      .select({
        id: serviceHours.id,
        kind: serviceHours.kind,
        servedOn: serviceHours.servedOn,
        minutes: serviceHours.minutes,
        note: serviceHours.note,
        postName: posts.name,
      })
      .from(serviceHours)
      .leftJoin(posts, eq(posts.id, serviceHours.postId))
      .where(and(mine, eq(serviceHours.year, year)))
      .orderBy(desc(serviceHours.servedOn), desc(serviceHours.createdAt)),
    db
      .select({ year: serviceHours.year, minutes: sql<number>`sum(${serviceHours.minutes})::int` })
      .from(serviceHours)
      .where(mine)
      .groupBy(serviceHours.year),
  ]);
  const byKind = Object.fromEntries(HOUR_KINDS.map((k) => [k, 0])) as Record<HourKind, number>;
  for (const e of entries) byKind[e.kind] += e.minutes;
  const years = [...new Set([year, ...perYear.map((y) => y.year)])].sort((a, b) => b - a);
  return {
    year,
    years,
    entries,
    yearMinutes: entries.reduce((n, e) => n + e.minutes, 0),
    allMinutes: perYear.reduce((n, y) => n + Number(y.minutes), 0),
    byKind,
  };
}

/** On /me: the minutes of all my service hours (none: no card). */
export async function getMyHoursTotal(db: DbOrTx, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ minutes: sql<number>`coalesce(sum(${serviceHours.minutes}), 0)::int` })
    .from(serviceHours)
    .where(eq(serviceHours.userId, actor.id));
  return Number(row.minutes);
}
