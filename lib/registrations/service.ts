import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { festivals, notifications, programmeItems, quotas, registrationLinks, registrations, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type ErrorCode, type FieldErrors, type Result } from "@/lib/result";
import { parseInput } from "@/lib/validation";
import { detailsOf } from "./details";
import { canonicalTeam, checkTeam, matchPartner, resolvePeople, syncLinks, unpair, type People } from "./links";
import { ensureItemQuota, promoteWaiting, releasePlace, scopesOf, takePlace, waitlistPosition } from "./places";
import { capacitySchema, decisionSchema, editTargetSchema, registrationSchema, type RegistrationData } from "./schemas";
import { isUuid } from "@/lib/ids";
import { CHILD_AGE } from "@/lib/people/names";
import { memberTakingPart, type TakingPart } from "./members";
import { verifiedHouseholdRefusal } from "./household-check";
import { ITEM_KIND_OF_ROLE, LIVE_REGISTRATION_STATUSES } from "@/vocabulary/registrations";

const LIVE = LIVE_REGISTRATION_STATUSES;

type Checked =
  | {
      ok: true;
      festival: { id: string; actMaxMinutes: number };
      people: People;
      itemCapacity: number | null;
      member: TakingPart | null;
    }
  | { ok: false; code: ErrorCode; fieldErrors?: FieldErrors };

/** Everything that can refuse a registration form, checked before anything is written. */
async function checkForm(
  db: Db,
  actor: Actor,
  data: RegistrationData,
  now: Date,
  current?: { id: string; team: string | null; details: unknown },
): Promise<Checked> {
  if (data.participant.kind === "member" && (!actor.householdId || !actor.verified))
    return fail("invalid", { participant: ["household_required"] });
  let member: TakingPart | null = null;
  if (data.participant.kind === "member") {
    // Only a living member of the registrant's own household.
    member = await memberTakingPart(db, actor.householdId!, data.participant.memberId, now);
    if (!member) return fail("invalid", { participant: ["member_unknown"] });
    if (member.age < CHILD_AGE && !data.participant.guardianConsent)
      return fail("invalid", { participant: ["guardian_consent_required"] });
  }
  const [f] = await db
    .select({
      id: festivals.id,
      status: festivals.status,
      opens: festivals.registrationOpensAt,
      closes: festivals.registrationClosesAt,
      actMaxMinutes: festivals.actMaxMinutes,
      needsHousehold: festivals.registrationNeedsHousehold,
    })
    .from(festivals)
    .where(eq(festivals.slug, data.festivalSlug));
  if (!f || f.status !== "published") return fail("not_found");
  const household = verifiedHouseholdRefusal(actor, f);
  if (household) return household;
  if (!f.opens || !f.closes || now < f.opens || now > f.closes) return fail("registration_closed");
  if (data.role === "performer" && data.minutes > f.actMaxMinutes)
    return fail("invalid", { minutes: ["act_too_long"] });
  let itemCapacity: number | null = null;
  if ("itemId" in data) {
    const [item] = await db
      .select({ kind: programmeItems.kind, capacity: programmeItems.capacity })
      .from(programmeItems)
      .where(and(eq(programmeItems.id, data.itemId), eq(programmeItems.festivalId, f.id)));
    if (!item || item.kind !== ITEM_KIND_OF_ROLE[data.role]) return fail("invalid", { itemId: ["item_unknown"] });
    itemCapacity = item.capacity;
  }
  const team = await checkTeam(db, data, current?.id, current?.team);
  if (team) return fail("invalid", team);
  const people = await resolvePeople(db, actor, data, current, now);
  if (!people.ok) return fail("invalid", people.fieldErrors);
  return { ok: true, festival: f, people: people.people, itemCapacity, member };
}

const participantKeyOf = (data: RegistrationData) =>
  data.participant.kind === "self" ? "self" : `member:${data.participant.memberId}`;
const labelOf = (data: RegistrationData) => (data.role === "performer" ? data.actTitle : "");

/**
 * Registers the actor (or a member of their household) in a role, for an item where the role
 * has items. A free place confirms it at once; otherwise it joins the waiting list. Co-performers
 * and a partner named by phone are told; "find me a partner" pairs with the earliest one waiting.
 */
export async function register(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<Registered>> {
  if (!actor) return fail("unauthenticated");
  // A number nobody proved is an account anyone could have made up: it takes no place.
  const [me] = await db.select({ confirmed: users.phoneConfirmedAt }).from(users).where(eq(users.id, actor.id));
  if (!me?.confirmed) return fail("phone_unconfirmed");
  const parsed = parseInput(registrationSchema, input);
  if (!parsed.ok) return parsed;
  return registerFor(db, { actor, accountId: actor.id }, parsed.data, ctx.now ?? new Date());
}

export type Registered = { id: string; status: "confirmed" | "waitlisted"; position: number | null };

/**
 * Who a registration is for: the actor whose household and verification the rules read, the
 * account recorded as the registrant (none for a member of a household without an account), and
 * the organiser when it is done at the desk.
 */
export interface Registrant {
  actor: Actor;
  accountId: string | null;
  deskBy?: Actor;
}

/** The one path every registration takes, online or at the desk: the same rules, quotas and list. */
export async function registerFor(
  db: Db,
  who: Registrant,
  data: RegistrationData,
  now: Date,
): Promise<Result<Registered>> {
  const { actor } = who;
  const checked = await checkForm(db, actor, data, now);
  if (!checked.ok) return checked;
  const { festival: f, people, member } = checked;
  const { role } = data;
  const itemId = "itemId" in data ? data.itemId : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(registrations)
      .values({
        festivalId: f.id,
        userId: who.accountId,
        participantKey: participantKeyOf(data),
        participantName: member ? member.name : actor.name,
        participantAge: member ? member.age : null,
        householdMemberId: member?.id ?? null,
        registeredAtDeskBy: who.deskBy?.id ?? null,
        role,
        itemId,
        status: "waitlisted",
        queuedAt: now,
        details: detailsOf(data),
        team: await canonicalTeam(tx, data),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return fail("already_registered");
    await syncLinks(tx, actor, row, people, labelOf(data));
    if (data.role === "player" && data.partner.kind === "find") await matchPartner(tx, row);
    if (itemId) await ensureItemQuota(tx, f.id, itemId, checked.itemCapacity);
    const placed = await takePlace(tx, f.id, scopesOf(row));
    // Arrival is the moment the places were decided, under their lock: people who arrive together
    // are placed, queued and told their position in one and the same order.
    await tx
      .update(registrations)
      .set({ status: placed ? "confirmed" : "waitlisted", queuedAt: sql`clock_timestamp()` })
      .where(eq(registrations.id, row.id));
    if (who.deskBy)
      await writeAudit(tx, {
        actorId: who.deskBy.id,
        action: "registrations.register_at_desk",
        targetType: "registration",
        targetId: row.id,
        ip: who.deskBy.ip,
        details: {
          atDesk: true,
          ...(who.accountId ? { forUserId: who.accountId } : {}),
          ...(member ? { forMemberId: member.id } : {}),
          role,
          ...(itemId ? { itemId } : {}),
        },
      });
    if (placed) return ok({ id: row.id, status: "confirmed" as const, position: null });
    return ok({ id: row.id, status: "waitlisted" as const, position: await waitlistPosition(tx, row) });
  });
}

/**
 * Changes a registration's answers while it is pending (waiting, or holding a place the
 * organisers have not yet accepted) and registration is open. Who takes part, the role and the
 * item stay: for another item, cancel and register again.
 */
export async function updateRegistration(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ version: number }>> {
  if (!actor) return fail("unauthenticated");
  const target = parseInput(editTargetSchema, input);
  if (!target.ok) return target;
  const parsed = parseInput(registrationSchema, input);
  if (!parsed.ok) return parsed;
  const data = parsed.data;
  const { id, version } = target.data;
  const now = ctx.now ?? new Date();
  const [current] = await db.select().from(registrations).where(eq(registrations.id, id));
  if (!current) return fail("not_found");
  if (current.userId !== actor.id) return refuse(db, actor.id, "registrations.update", { registrationId: id });
  if (!LIVE.includes(current.status as (typeof LIVE)[number]) || current.acceptedAt) return fail("not_pending");
  if (
    current.role !== data.role ||
    current.itemId !== ("itemId" in data ? data.itemId : null) ||
    current.participantKey !== participantKeyOf(data)
  ) {
    return fail("invalid", { itemId: ["cannot_change"] });
  }
  const checked = await checkForm(db, actor, data, now, current);
  if (!checked.ok) return checked;
  if (checked.festival.id !== current.festivalId) return fail("invalid", { itemId: ["cannot_change"] });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(registrations)
      .set({
        details: detailsOf(data),
        team: await canonicalTeam(tx, data),
        participantAge: checked.member?.age ?? null,
        version: version + 1,
        updatedAt: now,
      })
      .where(
        and(
          eq(registrations.id, id),
          eq(registrations.version, version),
          inArray(registrations.status, [...LIVE]),
          isNull(registrations.acceptedAt),
        ),
      )
      .returning();
    if (!row) return fail("stale_version");
    await syncLinks(tx, actor, row, checked.people, labelOf(data));
    if (data.role === "player") {
      const was = (current.details as { partner?: { kind?: string; phone?: string } }).partner;
      const changed =
        was?.kind !== data.partner.kind || (data.partner.kind === "phone" && was?.phone !== data.partner.phone);
      if (changed) {
        await unpair(tx, current);
        if (data.partner.kind === "find") await matchPartner(tx, { ...row, partnerRegistrationId: null });
      }
    }
    return ok({ version: row.version });
  });
}

/** A co-performer or a named partner says no: the link is marked declined and the registrant told. */
export async function declineLink(db: Db, actor: Actor | null, linkId: unknown): Promise<Result<undefined>> {
  if (!actor) return fail("unauthenticated");
  if (!isUuid(linkId)) return fail("invalid");
  return db.transaction(async (tx) => {
    const [link] = await tx.select().from(registrationLinks).where(eq(registrationLinks.id, linkId)).for("update");
    if (!link) return fail("not_found");
    if (link.userId !== actor.id) return refuse(tx, actor.id, "registrations.decline", { linkId });
    if (link.declinedAt) return ok(undefined);
    await tx.update(registrationLinks).set({ declinedAt: new Date() }).where(eq(registrationLinks.id, linkId));
    const [r] = await tx.select().from(registrations).where(eq(registrations.id, link.registrationId));
    if (link.kind === "partner") await unpair(tx, r);
    if (r.userId)
      await tx.insert(notifications).values({
        userId: r.userId,
        kind: "registration.declined",
        data: { registrationId: r.id, from: actor.name, linkKind: link.kind },
      });
    return ok(undefined);
  });
}

/** A person cancels their own registration before registration closes; a freed place goes on at once. */
export async function cancelRegistration(
  db: Db,
  actor: Actor | null,
  id: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ promoted: string[] }>> {
  if (!actor) return fail("unauthenticated");
  if (!isUuid(id)) return fail("invalid");
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(registrations).where(eq(registrations.id, id)).for("update");
    if (!r) return fail("not_found");
    if (r.userId !== actor.id) return refuse(tx, actor.id, "registrations.cancel", { registrationId: id });
    const [f] = await tx
      .select({ closes: festivals.registrationClosesAt })
      .from(festivals)
      .where(eq(festivals.id, r.festivalId));
    if (f.closes && now > f.closes) return fail("registration_closed");
    if (r.status !== "confirmed" && r.status !== "waitlisted") return fail("not_found");
    await tx
      .update(registrations)
      .set({ status: "cancelled", updatedAt: now, version: r.version + 1 })
      .where(eq(registrations.id, id));
    let promoted: string[] = [];
    if (r.status === "confirmed") {
      await releasePlace(tx, r.festivalId, scopesOf(r));
      promoted = await promoteWaiting(tx, r.festivalId, scopesOf(r));
    }
    return ok({ promoted });
  });
}

/**
 * Organisers accept, reject (with a reason) or move to the waiting list, in bulk. A rejection or
 * a move frees the place for the head of the list in the same transaction; each person is told.
 */
export async function decideRegistrations(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<Result<{ changed: number; promoted: string[] }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "registrations.decide");
  const parsed = parseInput(decisionSchema, input);
  if (!parsed.ok) return parsed;
  const { ids, decision, reason } = parsed.data;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(registrations)
      .where(inArray(registrations.id, ids))
      .orderBy(registrations.id)
      .for("update");
    const promoted: string[] = [];
    let changed = 0;
    const now = new Date();
    for (const r of rows) {
      if (decision === "accept") {
        if (r.status !== "confirmed" || r.acceptedAt) continue;
        await tx
          .update(registrations)
          .set({ acceptedAt: now, updatedAt: now, version: r.version + 1 })
          .where(eq(registrations.id, r.id));
      } else {
        if (r.status !== "confirmed" && r.status !== "waitlisted") continue;
        if (decision === "waitlist" && r.status === "waitlisted") continue;
        await tx
          .update(registrations)
          .set(
            decision === "reject"
              ? { status: "rejected", reason, updatedAt: now, version: r.version + 1 }
              : { status: "waitlisted", queuedAt: now, acceptedAt: null, updatedAt: now, version: r.version + 1 },
          )
          .where(eq(registrations.id, r.id));
        if (r.status === "confirmed") {
          await releasePlace(tx, r.festivalId, scopesOf(r));
          // Someone moved to the waiting list joins its end and is not handed the place back.
          promoted.push(...(await promoteWaiting(tx, r.festivalId, scopesOf(r), decision === "waitlist" ? ids : [])));
        }
      }
      changed += 1;
      if (r.userId)
        await tx.insert(notifications).values({
          userId: r.userId,
          kind: `registration.${decision === "accept" ? "accepted" : decision === "reject" ? "rejected" : "waitlisted"}`,
          data: { registrationId: r.id, reason: reason || undefined },
        });
      await writeAudit(tx, {
        actorId: actor!.id,
        action: `registrations.${decision}`,
        targetType: "registration",
        targetId: r.id,
        details: reason ? { reason } : {},
      });
    }
    return ok({ changed, promoted });
  });
}

/**
 * Sets the places of a role or an item (`null`: no limit); raising them promotes from the
 * waiting list at once.
 */
export async function setCapacity(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<Result<{ promoted: string[] }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "registrations.capacity");
  const parsed = parseInput(capacitySchema, input);
  if (!parsed.ok) return parsed;
  const { festivalSlug, scope, capacity } = parsed.data;
  return db.transaction(async (tx) => {
    const [f] = await tx.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, festivalSlug));
    if (!f) return fail("not_found");
    const [existing] = await tx
      .select()
      .from(quotas)
      .where(and(eq(quotas.festivalId, f.id), eq(quotas.scope, scope)))
      .for("update");
    // Everything that can refuse is checked before anything is written.
    let taken = existing?.taken ?? 0;
    if (!existing && capacity !== null) {
      // A new quota starts with the places already held.
      const held = await tx
        .select({ role: registrations.role, itemId: registrations.itemId })
        .from(registrations)
        .where(and(eq(registrations.festivalId, f.id), eq(registrations.status, "confirmed")));
      taken = held.filter((r) => scopesOf(r).includes(scope)).length;
    }
    if (capacity !== null && capacity < taken) return fail("invalid", { capacity: ["capacity_below_taken"] });
    if (scope.startsWith("item:")) {
      // An event's places are also shown in the programme, which has no "0 places": an event
      // nobody may enter is taken out of the programme instead.
      if (capacity === 0) return fail("invalid", { capacity: ["number_invalid"] });
      const [item] = await tx
        .update(programmeItems)
        .set({ capacity })
        .where(and(eq(programmeItems.id, scope.slice(5)), eq(programmeItems.festivalId, f.id)))
        .returning({ id: programmeItems.id });
      if (!item) return fail("invalid", { scope: ["item_unknown"] });
    }
    // No limit: a scope without a quota row is unlimited (see takePlace).
    if (capacity === null) {
      if (existing) await tx.delete(quotas).where(eq(quotas.id, existing.id));
    } else if (existing) await tx.update(quotas).set({ capacity }).where(eq(quotas.id, existing.id));
    else await tx.insert(quotas).values({ festivalId: f.id, scope, capacity, taken });
    const promoted = await promoteWaiting(tx, f.id, [scope]);
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "registrations.capacity",
      targetType: "festival",
      targetId: f.id,
      details: { scope, capacity, promoted: promoted.length },
    });
    return ok({ promoted });
  });
}

/** Marks all of my notifications read. */
export async function markNotificationsRead(db: Db, actor: Actor | null): Promise<Result<undefined>> {
  if (!actor) return fail("unauthenticated");
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
  return ok(undefined);
}
