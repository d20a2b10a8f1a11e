import "server-only";
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { householdLinkRequests, households, userRoles, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { outer } from "@/db/sql";
import { pageWindow, type Page } from "@/lib/pagination";
import { fail, ok, type Result } from "@/lib/result";
import { maskPhone } from "@/lib/validation";
import { householdCodeCap } from "./household-change";
import { containsPattern } from "@/lib/like-pattern";

// The roster and the residents are for organisers: each of their reads takes the actor and
// answers anyone else `forbidden`, with no rows. A resident's own profile is read by its owner.

export const PAGE_SIZE = 25;

export interface HouseholdRow {
  id: string;
  building: string;
  unit: string;
  room: string;
  householderName: string | null;
  code: string;
  residents: number;
}

// Verified accounts of the household: the slips that have been used.
const residentCount = sql<number>`(select count(*)::int from ${users} where ${users.householdId} = ${outer(households.id)} and ${users.verifiedAt} is not null)`;

/** The roster for organisers, searchable by building, unit, room or householder, paginated. */
export async function listHouseholds(
  db: DbOrTx,
  actor: Actor | null,
  params: { q?: string; page: number },
): Promise<Result<Page<HouseholdRow>>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const where = params.q ? householdSearch(params.q) : undefined;
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(households)
    .where(where);
  const { page, pageCount, limit, offset } = pageWindow(total, params.page, PAGE_SIZE);
  const rows = await db
    .select({
      id: households.id,
      building: households.building,
      unit: households.unit,
      room: households.room,
      householderName: households.householderName,
      code: households.code,
      residents: residentCount,
    })
    .from(households)
    .where(where)
    .orderBy(asc(households.building), asc(households.unit), asc(households.room))
    .limit(limit)
    .offset(offset);
  return ok({ rows, total, page, pageCount });
}

function householdSearch(q: string): SQL | undefined {
  const like = containsPattern(q);
  const joined = sql`${households.building} || ' ' || ${households.unit} || ' ' || ${households.room}`;
  return or(
    ilike(households.householderName, like),
    sql`${joined} ilike ${like}`,
    ilike(households.code, like.replace(/-/g, "")),
  );
}

export async function listBuildings(
  db: DbOrTx,
  actor: Actor | null,
): Promise<Result<{ building: string; households: number }[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  return ok(
    await db
      .select({ building: households.building, households: sql<number>`count(*)::int` })
      .from(households)
      .groupBy(households.building)
      .orderBy(asc(households.building)),
  );
}

export interface SlipRow {
  id: string;
  building: string;
  unit: string;
  room: string;
  code: string;
}

/** Households of one building (or the given ids) for printing code slips; at most 400 at a time. */
export async function listHouseholdsForSlips(
  db: DbOrTx,
  actor: Actor | null,
  params: { building?: string },
): Promise<Result<SlipRow[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  return ok(
    await db
      .select({
        id: households.id,
        building: households.building,
        unit: households.unit,
        room: households.room,
        code: households.code,
      })
      .from(households)
      .where(params.building ? eq(households.building, params.building) : undefined)
      .orderBy(asc(households.building), asc(households.unit), asc(households.room))
      .limit(400),
  );
}

export type ResidentFilter = "all" | "verified" | "unverified" | "volunteers" | "staff" | "disabled";

export interface ResidentRow {
  id: string;
  name: string;
  phone: string;
  household: string | null;
  householdId: string | null;
  verified: boolean;
  verifiedBy: string | null;
  disabled: boolean;
  roles: string[];
  createdAt: Date;
}

const rolesAgg = sql<
  string[]
>`coalesce((select array_agg(${userRoles.role} order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`;
const hasRoleSql = (role: string) =>
  sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} = ${role})`;

/** Residents for organisers: name, masked-free phone (organisers call people), household, roles. */
export async function listResidents(
  db: DbOrTx,
  actor: Actor | null,
  params: { q?: string; page: number; filter?: ResidentFilter; id?: string },
): Promise<Result<Page<ResidentRow>>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const conds: (SQL | undefined)[] = [];
  if (params.id) conds.push(eq(users.id, params.id));
  if (params.q) {
    const like = containsPattern(params.q);
    conds.push(
      or(
        ilike(users.name, like),
        ilike(users.phone, like),
        sql`${households.building} || ' ' || ${households.unit} || ' ' || ${households.room} ilike ${like}`,
      ),
    );
  }
  switch (params.filter) {
    case "verified":
      conds.push(isNotNull(users.verifiedAt));
      break;
    case "unverified":
      conds.push(isNull(users.verifiedAt));
      break;
    case "volunteers":
      conds.push(hasRoleSql("volunteer"));
      break;
    case "staff":
      conds.push(or(hasRoleSql("organiser"), hasRoleSql("admin")));
      break;
    case "disabled":
      conds.push(isNotNull(users.disabledAt));
      break;
  }
  const where = and(...conds);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(users)
    .leftJoin(households, eq(households.id, users.householdId))
    .where(where);
  const { page, pageCount, limit, offset } = pageWindow(total, params.page, PAGE_SIZE);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      phone: users.phone,
      building: households.building,
      unit: households.unit,
      room: households.room,
      householdId: users.householdId,
      verifiedAt: users.verifiedAt,
      verifiedBy: users.verifiedBy,
      disabledAt: users.disabledAt,
      roles: rolesAgg,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(households, eq(households.id, users.householdId))
    .where(where)
    .orderBy(desc(users.createdAt), asc(users.phone))
    .limit(limit)
    .offset(offset);
  return ok({
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      phone: r.phone,
      household: r.building ? `${r.building} ${r.unit} ${r.room}` : null,
      householdId: r.householdId,
      verified: !!r.verifiedAt,
      verifiedBy: r.verifiedBy,
      disabled: !!r.disabledAt,
      roles: r.roles,
      createdAt: r.createdAt,
    })),
    total,
    page,
    pageCount,
  });
}

export interface MyProfile {
  /** A household link beyond the code's cap: waiting for the organisers, or refused with a reason. */
  householdRequest: {
    status: "waiting" | "refused";
    building: string;
    unit: string;
    room: string;
    reason: string | null;
  } | null;
  name: string;
  phone: string;
  phoneMasked: string;
  verified: boolean;
  verifiedBy: string | null;
  household: { building: string; unit: string; room: string } | null;
  roles: string[];
  memberSince: Date;
}

export async function getMyProfile(db: DbOrTx, userId: string): Promise<MyProfile | null> {
  const [r] = await db
    .select({
      name: users.name,
      phone: users.phone,
      verifiedAt: users.verifiedAt,
      verifiedBy: users.verifiedBy,
      building: households.building,
      unit: households.unit,
      room: households.room,
      roles: rolesAgg,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(households, eq(households.id, users.householdId))
    .where(eq(users.id, userId));
  if (!r) return null;
  // The latest request tells: one approved since (or a household linked otherwise) shows nothing.
  const [request] = await db
    .select({
      status: householdLinkRequests.status,
      reason: householdLinkRequests.reason,
      building: households.building,
      unit: households.unit,
      room: households.room,
    })
    .from(householdLinkRequests)
    .innerJoin(households, eq(households.id, householdLinkRequests.householdId))
    .where(eq(householdLinkRequests.userId, userId))
    .orderBy(desc(householdLinkRequests.createdAt))
    .limit(1);
  const pending = request && request.status !== "approved" && !(request.status === "refused" && r.verifiedAt);
  return {
    householdRequest: pending ? { ...request, status: request.status as "waiting" | "refused" } : null,
    name: r.name,
    phone: r.phone,
    phoneMasked: maskPhone(r.phone),
    verified: !!r.verifiedAt,
    verifiedBy: r.verifiedBy,
    household: r.building ? { building: r.building, unit: r.unit!, room: r.room! } : null,
    roles: r.roles,
    memberSince: r.createdAt,
  };
}

/** Households matching a search, for the organiser's "verify with household" picker. */
export async function findHouseholds(
  db: DbOrTx,
  actor: Actor | null,
  q: string,
): Promise<Result<{ id: string; building: string; unit: string; room: string }[]>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!q.trim()) return ok([]);
  return ok(
    await db
      .select({ id: households.id, building: households.building, unit: households.unit, room: households.room })
      .from(households)
      .where(householdSearch(q.trim()))
      .orderBy(asc(households.building), asc(households.unit), asc(households.room))
      .limit(10),
  );
}

export interface DashboardCounts {
  households: number;
  residents: number;
  verified: number;
  volunteers: number;
}

export async function getDashboardCounts(db: DbOrTx, actor: Actor | null): Promise<Result<DashboardCounts>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const [r] = await db
    .select({
      households: sql<number>`(select count(*)::int from ${households})`,
      residents: sql<number>`(select count(*)::int from ${users})`,
      verified: sql<number>`(select count(*)::int from ${users} where ${users.verifiedAt} is not null)`,
      volunteers: sql<number>`(select count(*)::int from ${userRoles} where ${userRoles.role} = 'volunteer')`,
    })
    .from(sql`(select 1) as one`);
  return ok(r);
}

export async function getResident(db: DbOrTx, actor: Actor | null, id: string): Promise<Result<ResidentRow | null>> {
  const found = await listResidents(db, actor, { id, page: 1 });
  return found.ok ? ok(found.data.rows[0] ?? null) : found;
}

export interface HouseholdMember {
  name: string;
  phoneMasked: string;
  verified: boolean;
  since: Date;
}

export interface HouseholdRequestRow {
  id: string;
  userId: string;
  name: string;
  phone: string;
  signedUpAt: Date;
  requestedAt: Date;
  household: { id: string; building: string; unit: string; room: string };
  /** Everyone linked to the household now: who the organiser weighs the newcomer against. */
  members: HouseholdMember[];
}

/**
 * The accounts waiting for an organiser because their household code had verified as many as it
 * may, oldest first, each with the household's members (names, masked phones, since when).
 */
export async function listHouseholdRequests(
  db: DbOrTx,
  actor: Actor | null,
  params: { page: number },
): Promise<Result<Page<HouseholdRequestRow> & { cap: number }>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const waiting = eq(householdLinkRequests.status, "waiting");
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(householdLinkRequests)
    .where(waiting);
  const { page, pageCount, limit, offset } = pageWindow(total, params.page, PAGE_SIZE);
  const rows = await db
    .select({
      id: householdLinkRequests.id,
      userId: users.id,
      name: users.name,
      phone: users.phone,
      signedUpAt: users.createdAt,
      requestedAt: householdLinkRequests.createdAt,
      householdId: households.id,
      building: households.building,
      unit: households.unit,
      room: households.room,
    })
    .from(householdLinkRequests)
    .innerJoin(users, eq(users.id, householdLinkRequests.userId))
    .innerJoin(households, eq(households.id, householdLinkRequests.householdId))
    .where(waiting)
    .orderBy(asc(householdLinkRequests.createdAt), asc(householdLinkRequests.id))
    .limit(limit)
    .offset(offset);
  const householdIds = [...new Set(rows.map((r) => r.householdId))];
  const members = householdIds.length
    ? await db
        .select({
          householdId: users.householdId,
          name: users.name,
          phone: users.phone,
          verifiedAt: users.verifiedAt,
          createdAt: users.createdAt,
        })
        .from(users)
        .where(inArray(users.householdId, householdIds))
        .orderBy(asc(users.createdAt))
    : [];
  return ok({
    cap: await householdCodeCap(db),
    rows: rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      name: r.name,
      phone: r.phone,
      signedUpAt: r.signedUpAt,
      requestedAt: r.requestedAt,
      household: { id: r.householdId, building: r.building, unit: r.unit, room: r.room },
      members: members
        .filter((m) => m.householdId === r.householdId)
        .map((m) => ({
          name: m.name,
          phoneMasked: maskPhone(m.phone),
          verified: !!m.verifiedAt,
          since: m.verifiedAt ?? m.createdAt,
        })),
    })),
    total,
    page,
    pageCount,
  });
}

/** How many household links wait for an organiser: the dashboard's reminder. */
export async function countHouseholdRequests(db: DbOrTx, actor: Actor | null): Promise<Result<number>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(householdLinkRequests)
    .where(eq(householdLinkRequests.status, "waiting"));
  return ok(n);
}

/** Whether the person proved their number with a code (registering for a festival needs it). */
export async function isPhoneConfirmed(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db.select({ at: users.phoneConfirmedAt }).from(users).where(eq(users.id, userId));
  return !!row?.at;
}
