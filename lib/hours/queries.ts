import "server-only";
import { asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { posts, serviceHours } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { HOUR_KINDS, type HourKind } from "@/vocabulary/hours";
import { hoursWhere } from "./filters";
import type { HoursFilters } from "./schemas";

// What organisers read of the service hours: by person, by post and by month for a year (a
// month, a post). Organisers only; anyone else is answered `forbidden`.

const PAGE_SIZE = 50;

const byKindColumns = Object.fromEntries(
  HOUR_KINDS.map((k) => [
    k,
    sql<number>`coalesce(sum(${serviceHours.minutes}) filter (where ${serviceHours.kind} = ${k}), 0)::int`,
  ]),
) as Record<HourKind, SQL.Aliased<number> | SQL<number>>;

export interface PersonHours {
  key: string;
  name: string;
  hasAccount: boolean;
  minutes: number;
  services: number;
  byKind: Record<HourKind, number>;
}

export interface HoursReport {
  filters: HoursFilters;
  posts: { id: string; name: string }[];
  totalMinutes: number;
  people: number;
  /** The view asked for. */
  persons: { rows: PersonHours[]; page: number; pageCount: number; total: number } | null;
  byPost: { postId: string | null; name: string | null; minutes: number; byKind: Record<HourKind, number> }[] | null;
  byMonth: { month: number; minutes: number; people: number }[] | null;
}

const personKey = sql<string>`coalesce(${serviceHours.userId}::text, 'm:' || ${serviceHours.householdMemberId}::text)`;

export async function getHoursReport(db: DbOrTx, actor: Actor | null, f: HoursFilters): Promise<Result<HoursReport>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const w = hoursWhere(f);
  const [allPosts, [sum]] = await Promise.all([
    db.select({ id: posts.id, name: posts.name }).from(posts).orderBy(asc(posts.position)),
    db
      .select({
        minutes: sql<number>`coalesce(sum(${serviceHours.minutes}), 0)::int`,
        people: sql<number>`count(distinct ${personKey})::int`,
      })
      .from(serviceHours)
      .where(w),
  ]);
  const report: HoursReport = {
    filters: f,
    posts: allPosts,
    totalMinutes: Number(sum.minutes),
    people: Number(sum.people),
    persons: null,
    byPost: null,
    byMonth: null,
  };
  if (f.view === "person") {
    const total = report.people;
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(f.page, pageCount);
    const rows = await db
      .select({
        key: personKey,
        name: sql<string>`max(${serviceHours.name})`,
        hasAccount: sql<boolean>`bool_or(${serviceHours.userId} is not null)`,
        minutes: sql<number>`sum(${serviceHours.minutes})::int`,
        services: sql<number>`count(*)::int`,
        ...byKindColumns,
      })
      .from(serviceHours)
      .where(w)
      .groupBy(personKey)
      .orderBy(desc(sql`sum(${serviceHours.minutes})`), asc(sql`max(${serviceHours.name})`))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE);
    report.persons = {
      page,
      pageCount,
      total,
      rows: rows.map((r) => ({
        key: r.key,
        name: r.name,
        hasAccount: r.hasAccount,
        minutes: Number(r.minutes),
        services: Number(r.services),
        byKind: Object.fromEntries(HOUR_KINDS.map((k) => [k, Number((r as Record<string, unknown>)[k])])) as Record<
          HourKind,
          number
        >,
      })),
    };
  } else if (f.view === "post") {
    const rows = await db
      .select({
        postId: serviceHours.postId,
        name: posts.name,
        minutes: sql<number>`sum(${serviceHours.minutes})::int`,
        ...byKindColumns,
      })
      .from(serviceHours)
      .leftJoin(posts, eq(posts.id, serviceHours.postId))
      .where(w)
      .groupBy(serviceHours.postId, posts.name, posts.position)
      .orderBy(asc(posts.position));
    report.byPost = rows.map((r) => ({
      postId: r.postId,
      name: r.name,
      minutes: Number(r.minutes),
      byKind: Object.fromEntries(HOUR_KINDS.map((k) => [k, Number((r as Record<string, unknown>)[k])])) as Record<
        HourKind,
        number
      >,
    }));
  } else {
    const month = sql<number>`extract(month from ${serviceHours.servedOn})::int`;
    const rows = await db
      .select({
        month,
        minutes: sql<number>`sum(${serviceHours.minutes})::int`,
        people: sql<number>`count(distinct ${personKey})::int`,
      })
      .from(serviceHours)
      .where(w)
      .groupBy(month)
      .orderBy(month);
    const found = new Map(rows.map((r) => [Number(r.month), r]));
    report.byMonth = Array.from({ length: 12 }, (_, i) => ({
      month: i + 1,
      minutes: Number(found.get(i + 1)?.minutes ?? 0),
      people: Number(found.get(i + 1)?.people ?? 0),
    }));
  }
  return ok(report);
}
