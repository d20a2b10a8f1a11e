import "server-only";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { householdMembers, userRoles, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { refuse } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { deskForSchema, registrationSchema } from "./schemas";
import { registerFor, type Registered, type Registrant } from "./service";

// Registering on someone's behalf at the service desk: the organiser fills in the same form with
// the person in front of them, and the registration goes through the same rules, quotas and
// waiting list as one made online, recorded as made at the desk.

/** An account as the rules see it: its household, verification and roles. */
async function accountActor(db: Db, userId: string): Promise<Actor | null> {
  const [u] = await db
    .select({
      id: users.id,
      name: users.name,
      householdId: users.householdId,
      verifiedAt: users.verifiedAt,
      disabledAt: users.disabledAt,
      roles: sql<
        string[]
      >`coalesce((select array_agg(${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!u || u.disabledAt) return null;
  return {
    id: u.id,
    name: u.name,
    roles: u.roles as Actor["roles"],
    verified: !!u.verifiedAt,
    householdId: u.householdId,
  };
}

/**
 * Who registers a member at the desk: the household's earliest verified account, who is then
 * told and sees it on their page as for a registration they made; none when the household has
 * no verified account (the member is registered all the same, and nobody online is told).
 */
async function memberRegistrant(db: Db, organiser: Actor, memberId: string): Promise<Registrant | null> {
  const [m] = await db
    .select({ householdId: householdMembers.householdId, name: householdMembers.name })
    .from(householdMembers)
    .where(and(eq(householdMembers.id, memberId), isNull(householdMembers.removedAt)));
  if (!m) return null;
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.householdId, m.householdId), isNotNull(users.verifiedAt), isNull(users.disabledAt)))
    .orderBy(asc(users.verifiedAt), asc(users.id))
    .limit(1);
  const registrant = account ? await accountActor(db, account.id) : null;
  if (registrant) return { actor: registrant, accountId: registrant.id, deskBy: organiser };
  // The organiser met them in person: their household stands verified for this registration.
  // Phone look-ups for co-performers are counted against the organiser, who types them.
  return {
    actor: { id: organiser.id, name: m.name, roles: [], verified: true, householdId: m.householdId },
    accountId: null,
    deskBy: organiser,
  };
}

/**
 * An organiser registers an account, or a member of a household, with one of the four forms.
 * The account's number need not be confirmed (the organiser sees the person), but the household
 * rules hold: a member is registered only for their own household, an account only as the
 * festival allows unverified ones.
 */
export async function registerAtDesk(
  db: Db,
  organiser: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<Registered>> {
  if (!isOrganiser(organiser)) return refuse(db, organiser?.id, "registrations.register_at_desk");
  const target = parseInput(deskForSchema, input);
  if (!target.ok) return target;
  const parsed = parseInput(registrationSchema, input);
  if (!parsed.ok) return parsed;
  const data = parsed.data;
  const { deskFor } = target.data;
  let who: Registrant | null;
  if (deskFor.kind === "account") {
    const person = await accountActor(db, deskFor.userId);
    who = person ? { actor: person, accountId: person.id, deskBy: organiser! } : null;
  } else {
    // From a member's card, the member is the one taking part.
    if (data.participant.kind !== "member" || data.participant.memberId !== deskFor.memberId)
      return fail("invalid", { participant: ["member_unknown"] });
    who = await memberRegistrant(db, organiser!, deskFor.memberId);
  }
  if (!who) return fail("not_found");
  return registerFor(db, who, data, ctx.now ?? new Date());
}
