import "server-only";
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
  festivals,
  householdMembers,
  households,
  pointEntries,
  programmeItems,
  registrations,
  starBallots,
  starCategories,
  starNominations,
  userRoles,
  users,
  wishClaims,
  wishes,
} from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isOrganiser, type Actor } from "@/lib/actor";
import { normaliseHouseholdCode } from "@/lib/accounts/household-code-format";
import { containsPattern } from "@/lib/like-pattern";
import { currentYear } from "@/lib/points/year";
import { isUuid } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import type { MemberRelation, Role } from "@/vocabulary/accounts";
import type { RegistrationRole, RegistrationStatus } from "@/vocabulary/registrations";
import type { NominationStatus } from "@/vocabulary/stars";
import type { ClaimStatus } from "@/vocabulary/wishes";

// What the organiser at the service desk reads about the person in front of them: organisers
// only, each read takes the actor and answers anyone else `forbidden` with no rows.

const LIMIT = 20;

export interface Address {
  building: string;
  unit: string;
  room: string;
}

export interface DeskPersonRow extends Partial<Address> {
  id: string;
  name: string;
  phone: string;
  verified: boolean;
}

export interface DeskMemberRow extends Address {
  id: string;
  name: string;
  birthYear: number;
  relation: MemberRelation;
  householdId: string;
}

export interface DeskHouseholdRow extends Address {
  id: string;
  code: string;
  householderName: string | null;
  accounts: number;
  members: number;
}

export interface DeskSearchResult {
  people: DeskPersonRow[];
  members: DeskMemberRow[];
  households: DeskHouseholdRow[];
}

/** "3-2-501", "3栋2单元501", "3 2 501": building, unit and room numbers. */
const ADDRESS = /^(\d+)\s*(?:号楼|栋|幢|-|\s)\s*(\d+)\s*(?:单元|-|\s)\s*(\d+)\s*(?:室|号)?$/;

/** A household by its three numbers, whatever words the roster wrote around them. */
function addressMatch(q: string): SQL | null {
  const m = ADDRESS.exec(q);
  if (!m) return null;
  const [, b, u, r] = m;
  return and(
    sql`${households.building} ~ ${`(^|[^0-9])${b}(号楼|栋|幢)?$`}`,
    sql`${households.unit} ~ ${`^${u}(单元)?$`}`,
    sql`${households.room} ~ ${`^${r}(室|号)?$`}`,
  )!;
}

/**
 * One search box for the desk: a name, a mobile number or its last digits, a building-unit-room,
 * a household code (with or without its dash). Accounts, household members and households alike.
 */
export async function searchDesk(db: DbOrTx, actor: Actor | null, query: string): Promise<Result<DeskSearchResult>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const q = query.trim().slice(0, 60);
  if (!q) return ok({ people: [], members: [], households: [] });

  const code = normaliseHouseholdCode(q);
  const byAddress = addressMatch(q);
  const digits = !byAddress && /^[\d\s-]{4,}$/.test(q) ? q.replace(/[\s-]/g, "") : null;
  const like = containsPattern(q);

  // Which households the query names: by code, by address, by householder or address text.
  const householdWhere = or(
    /^[2-9A-HJKMNP-Z]{8}$/.test(code) ? eq(households.code, code) : undefined,
    byAddress ?? undefined,
    digits ? undefined : ilike(households.householderName, like),
    digits
      ? undefined
      : sql`${households.building} || ' ' || ${households.unit} || ' ' || ${households.room} ilike ${like}`,
  );
  const householdRows = await db
    .select({
      id: households.id,
      building: households.building,
      unit: households.unit,
      room: households.room,
      code: households.code,
      householderName: households.householderName,
      accounts: sql<number>`(select count(*)::int from ${users} where ${users.householdId} = ${households.id})`,
      members: sql<number>`(select count(*)::int from ${householdMembers} where ${householdMembers.householdId} = ${households.id} and ${householdMembers.removedAt} is null)`,
    })
    .from(households)
    .where(householdWhere)
    .orderBy(asc(households.building), asc(households.unit), asc(households.room))
    .limit(LIMIT);
  // A household found by its code or address brings its people along; a name finds people itself.
  const exact = (byAddress || /^[2-9A-HJKMNP-Z]{8}$/.test(code)) && householdRows.length > 0;
  const ids = exact ? householdRows.map((h) => h.id) : [];

  const personWhere = digits
    ? digits.length === 11
      ? eq(users.phone, digits)
      : sql`${users.phone} like ${`%${digits}`}`
    : or(ilike(users.name, like), ids.length ? inArray(users.householdId, ids) : undefined);
  const people = await db
    .select({
      id: users.id,
      name: users.name,
      phone: users.phone,
      verified: sql<boolean>`${users.verifiedAt} is not null`,
      building: households.building,
      unit: households.unit,
      room: households.room,
    })
    .from(users)
    .leftJoin(households, eq(households.id, users.householdId))
    .where(personWhere)
    .orderBy(asc(users.name), asc(users.phone))
    .limit(LIMIT);

  const members = digits
    ? []
    : await db
        .select({
          id: householdMembers.id,
          name: householdMembers.name,
          birthYear: householdMembers.birthYear,
          relation: householdMembers.relation,
          householdId: householdMembers.householdId,
          building: households.building,
          unit: households.unit,
          room: households.room,
        })
        .from(householdMembers)
        .innerJoin(households, eq(households.id, householdMembers.householdId))
        .where(
          and(
            isNull(householdMembers.removedAt),
            or(ilike(householdMembers.name, like), ids.length ? inArray(householdMembers.householdId, ids) : undefined),
          ),
        )
        .orderBy(asc(householdMembers.name))
        .limit(LIMIT);

  return ok({
    people: people.map((p) => ({
      ...p,
      building: p.building ?? undefined,
      unit: p.unit ?? undefined,
      room: p.room ?? undefined,
    })),
    members,
    households: householdRows,
  });
}

export interface DeskRegistration {
  id: string;
  festival: string;
  role: RegistrationRole;
  status: RegistrationStatus;
  participantName: string;
  /** Set when the registration is for a household member rather than the account holder. */
  memberId: string | null;
  item: string | null;
  atDesk: boolean;
  createdAt: Date;
}

export interface DeskBallot {
  festival: string;
  category: string;
  channel: "online" | "desk";
  castAt: Date;
}

export interface DeskPerson {
  id: string;
  name: string;
  phone: string;
  verified: boolean;
  disabled: boolean;
  roles: Role[];
  household: (Address & { id: string; code: string }) | null;
  registrations: DeskRegistration[];
  nominations: {
    id: string;
    festival: string;
    category: string;
    nominee: string;
    status: NominationStatus;
    at: Date;
  }[];
  ballots: DeskBallot[];
  claims: { id: string; wish: string; status: ClaimStatus; at: Date }[];
  pointsThisYear: number;
  year: number;
}

const registrationColumns = {
  id: registrations.id,
  festival: festivals.title,
  role: registrations.role,
  status: registrations.status,
  participantName: registrations.participantName,
  memberId: registrations.householdMemberId,
  item: programmeItems.title,
  atDesk: sql<boolean>`${registrations.registeredAtDeskBy} is not null`,
  createdAt: registrations.createdAt,
};

const listRegistrations = (db: DbOrTx, where: SQL | undefined) =>
  db
    .select(registrationColumns)
    .from(registrations)
    .innerJoin(festivals, eq(festivals.id, registrations.festivalId))
    .leftJoin(programmeItems, eq(programmeItems.id, registrations.itemId))
    .where(where)
    .orderBy(desc(registrations.createdAt))
    .limit(50);

// Which category, when and how — never the choice: the ballot row holds none, and nothing else is read.
const listBallots = (db: DbOrTx, where: SQL | undefined): Promise<DeskBallot[]> =>
  db
    .select({
      festival: festivals.title,
      category: starCategories.name,
      channel: starBallots.channel,
      castAt: starBallots.createdAt,
    })
    .from(starBallots)
    .innerJoin(starCategories, eq(starCategories.id, starBallots.categoryId))
    .innerJoin(festivals, eq(festivals.id, starBallots.festivalId))
    .where(where)
    .orderBy(desc(starBallots.createdAt))
    .limit(50);

const householdOf = async (db: DbOrTx, id: string | null) => {
  if (!id) return null;
  const [h] = await db
    .select({
      id: households.id,
      building: households.building,
      unit: households.unit,
      room: households.room,
      code: households.code,
    })
    .from(households)
    .where(eq(households.id, id));
  return h ?? null;
};

/** An account's card at the desk; null when there is no such account. */
export async function getDeskPerson(
  db: DbOrTx,
  actor: Actor | null,
  userId: string,
  now = new Date(),
): Promise<Result<DeskPerson | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!isUuid(userId)) return ok(null);
  const [u] = await db
    .select({
      id: users.id,
      name: users.name,
      phone: users.phone,
      householdId: users.householdId,
      verifiedAt: users.verifiedAt,
      disabledAt: users.disabledAt,
      roles: sql<
        Role[]
      >`coalesce((select array_agg(${userRoles.role} order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!u) return ok(null);
  const year = currentYear(now);
  const [household, regs, nominations, ballots, claims, points] = await Promise.all([
    householdOf(db, u.householdId),
    // Their own, and those they made for the members of their household.
    listRegistrations(db, eq(registrations.userId, u.id)),
    db
      .select({
        id: starNominations.id,
        festival: festivals.title,
        category: starCategories.name,
        nominee: starNominations.nomineeName,
        status: starNominations.status,
        at: starNominations.createdAt,
      })
      .from(starNominations)
      .innerJoin(starCategories, eq(starCategories.id, starNominations.categoryId))
      .innerJoin(festivals, eq(festivals.id, starNominations.festivalId))
      .where(eq(starNominations.nominatorId, u.id))
      .orderBy(desc(starNominations.createdAt))
      .limit(50),
    listBallots(db, eq(starBallots.voterId, u.id)),
    db
      .select({ id: wishClaims.id, wish: wishes.title, status: wishClaims.status, at: wishClaims.claimedAt })
      .from(wishClaims)
      .innerJoin(wishes, eq(wishes.id, wishClaims.wishId))
      .where(eq(wishClaims.volunteerId, u.id))
      .orderBy(desc(wishClaims.claimedAt))
      .limit(50),
    db
      .select({
        total: sql<number>`coalesce(sum(${pointEntries.points}) filter (where ${pointEntries.points} > 0), 0)::int`,
      })
      .from(pointEntries)
      .where(and(eq(pointEntries.userId, u.id), eq(pointEntries.year, year))),
  ]);
  return ok({
    id: u.id,
    name: u.name,
    phone: u.phone,
    verified: !!u.verifiedAt,
    disabled: !!u.disabledAt,
    roles: u.roles,
    household,
    registrations: regs,
    nominations,
    ballots,
    claims,
    pointsThisYear: points[0]?.total ?? 0,
    year,
  });
}

export interface DeskMember {
  id: string;
  name: string;
  birthYear: number;
  relation: MemberRelation;
  removed: boolean;
  household: Address & { id: string; code: string };
  registrations: DeskRegistration[];
  ballots: DeskBallot[];
}

/** A household member's card at the desk; null when there is no such member. */
export async function getDeskMember(
  db: DbOrTx,
  actor: Actor | null,
  memberId: string,
): Promise<Result<DeskMember | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!isUuid(memberId)) return ok(null);
  const [m] = await db
    .select({
      id: householdMembers.id,
      name: householdMembers.name,
      birthYear: householdMembers.birthYear,
      relation: householdMembers.relation,
      removedAt: householdMembers.removedAt,
      householdId: householdMembers.householdId,
    })
    .from(householdMembers)
    .where(eq(householdMembers.id, memberId));
  if (!m) return ok(null);
  const [household, regs, ballots] = await Promise.all([
    householdOf(db, m.householdId),
    listRegistrations(db, eq(registrations.householdMemberId, m.id)),
    listBallots(db, eq(starBallots.memberId, m.id)),
  ]);
  return ok({
    id: m.id,
    name: m.name,
    birthYear: m.birthYear,
    relation: m.relation,
    removed: !!m.removedAt,
    household: household!,
    registrations: regs,
    ballots,
  });
}

export interface DeskHousehold extends Address {
  id: string;
  code: string;
  householderName: string | null;
  accounts: { id: string; name: string; phone: string; verified: boolean }[];
  members: { id: string; name: string; birthYear: number; relation: MemberRelation }[];
}

/** A household's card at the desk: its address, code, accounts and living members. */
export async function getDeskHousehold(
  db: DbOrTx,
  actor: Actor | null,
  householdId: string,
): Promise<Result<DeskHousehold | null>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  if (!isUuid(householdId)) return ok(null);
  const [h] = await db
    .select({
      id: households.id,
      building: households.building,
      unit: households.unit,
      room: households.room,
      code: households.code,
      householderName: households.householderName,
    })
    .from(households)
    .where(eq(households.id, householdId));
  if (!h) return ok(null);
  const [accounts, members] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        phone: users.phone,
        verified: sql<boolean>`${users.verifiedAt} is not null`,
      })
      .from(users)
      .where(eq(users.householdId, h.id))
      .orderBy(asc(users.createdAt)),
    db
      .select({
        id: householdMembers.id,
        name: householdMembers.name,
        birthYear: householdMembers.birthYear,
        relation: householdMembers.relation,
      })
      .from(householdMembers)
      .where(and(eq(householdMembers.householdId, h.id), isNull(householdMembers.removedAt)))
      .orderBy(asc(householdMembers.createdAt)),
  ]);
  return ok({ ...h, accounts, members });
}

export interface DeskWindows {
  /** Some published festival takes registrations now. */
  registrationOpen: boolean;
  /** Some festival's Neighbourhood Star voting is open now. */
  votingOpen: boolean;
}

/** Which of the desk's links lead anywhere right now: registering on someone's behalf, a paper ballot. */
export async function getDeskWindows(db: DbOrTx, actor: Actor | null, now = new Date()): Promise<Result<DeskWindows>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const at = sql`${now.toISOString()}::timestamptz`;
  const open = (opens: AnyPgColumn, closes: AnyPgColumn) =>
    sql<boolean>`exists (select 1 from ${festivals} where ${festivals.status} = 'published' and ${opens} <= ${at} and ${closes} >= ${at})`;
  const [row] = await db
    .select({
      registrationOpen: open(festivals.registrationOpensAt, festivals.registrationClosesAt),
      votingOpen: open(festivals.votingOpensAt, festivals.votingClosesAt),
    })
    .from(sql`(select 1) as one`);
  return ok({ registrationOpen: !!row?.registrationOpen, votingOpen: !!row?.votingOpen });
}
