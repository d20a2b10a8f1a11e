import "server-only";
import { and, count, eq, inArray, lte, or, sql } from "drizzle-orm";
import { beneficiaries, communitySettings, households, notifications, users, wishClaims, wishes } from "@/db/schema";
import type { Db, DbOrTx, Tx } from "@/db/types";
import { refuse, writeAudit } from "@/lib/audit/log";
import { hasRole, isOrganiser, type Actor } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { takeFromDailyAllowance } from "@/lib/limits/daily";
import { preparePhoto } from "@/lib/photos/prepare";
import { deletePhoto, storePhoto } from "@/lib/photos/store";
import { parseInput } from "@/lib/validation";
import {
  confirmSchema,
  fulfilSchema,
  ownWishSchema,
  releaseSchema,
  updateOwnWishSchema,
  settingsSchema,
  vetWishSchema,
  wishForBeneficiarySchema,
} from "./schemas";
import { isUuid } from "@/lib/ids";
import { awardServicePoints } from "@/lib/hours/points";
import { notify, smsTitle } from "@/lib/messages/notify";
import { cancelClaimJobs, scheduleClaimJobs } from "./claim-times";
import { recordHours } from "@/lib/hours/record";
import { wishHoursNote } from "./hours-note";
import { utcToZonedLocal } from "@/lib/festivals/time";
import { TIME_ZONE } from "@/lib/i18n/config";

// Micro-wishes: written down (by organisers for a beneficiary, or by residents for themselves),
// vetted, posted on the wall under an alias, claimed by one volunteer at a time, fulfilled,
// confirmed — and the confirmation writes the volunteer's points in the same transaction.

const DAY = 86_400_000;

export async function getSettings(db: DbOrTx) {
  const [s] = await db.select().from(communitySettings).where(eq(communitySettings.id, 1));
  return s ?? { id: 1, wishValueCap: 200, claimCap: 3, claimDays: 7, updatedAt: new Date(0) };
}

export async function updateSettings(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "wishes.settings");
  const parsed = parseInput(settingsSchema, input);
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    await tx
      .insert(communitySettings)
      .values({ id: 1, ...parsed.data, updatedAt: new Date() })
      .onConflictDoUpdate({ target: communitySettings.id, set: { ...parsed.data, updatedAt: new Date() } });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "wishes.settings",
      targetType: "settings",
      details: parsed.data,
    });
    return ok(undefined);
  });
}

/** Goods are worth something (and no more than the community's cap); help and company may be free. */
async function checkValue(db: DbOrTx, w: { category: string; value: number }) {
  if (w.category === "goods" && w.value < 1) return fail("invalid", { value: ["goods_value_required"] });
  if (w.value > (await getSettings(db)).wishValueCap) return fail("invalid", { value: ["value_over_cap"] });
  return null;
}

/** An organiser (or social worker) writes a wish down for a beneficiary: it goes on the wall at once. */
export async function submitWishFor(
  db: Db,
  actor: Actor | null,
  input: unknown,
  photo: Buffer | null = null,
): Promise<Result<{ id: string }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "wishes.create");
  const parsed = parseInput(wishForBeneficiarySchema, input);
  if (!parsed.ok) return parsed;
  const { beneficiary: b, ...w } = parsed.data;
  const valueProblem = await checkValue(db, w);
  if (valueProblem) return valueProblem;
  const prepared = photo?.length ? await preparePhoto(photo) : null;
  if (prepared && !prepared.ok) return fail("invalid", { photo: [prepared.code] });
  return db.transaction(async (tx) => {
    const [ben] = await tx
      .insert(beneficiaries)
      .values({ ...b, createdBy: actor!.id })
      .returning({ id: beneficiaries.id });
    const [row] = await tx
      .insert(wishes)
      .values({
        ...w,
        beneficiaryId: ben.id,
        photoId: await storePhoto(tx, prepared),
        status: "open",
        submittedBy: actor!.id,
      })
      .returning({ id: wishes.id });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "wishes.create",
      targetType: "wish",
      targetId: row.id,
      details: { title: w.title, alias: w.alias },
    });
    return ok({ id: row.id });
  });
}

/** A resident asks for themselves; the wish waits for an organiser. */
export async function submitOwnWish(
  db: Db,
  actor: Actor | null,
  input: unknown,
  photo: Buffer | null = null,
): Promise<Result<{ id: string }>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(ownWishSchema, input);
  if (!parsed.ok) return parsed;
  const { age, circumstance, ...w } = parsed.data;
  const valueProblem = await checkValue(db, w);
  if (valueProblem) return valueProblem;
  const prepared = photo?.length ? await preparePhoto(photo) : null;
  if (prepared && !prepared.ok) return fail("invalid", { photo: [prepared.code] });
  const [me] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, actor.id));
  return db.transaction(async (tx) => {
    const [ben] = await tx
      .insert(beneficiaries)
      .values({
        realName: actor.name,
        phone: me?.phone ?? null,
        householdId: actor.householdId,
        age,
        circumstance,
        userId: actor.id,
        createdBy: actor.id,
      })
      .returning({ id: beneficiaries.id });
    const [row] = await tx
      .insert(wishes)
      .values({
        ...w,
        beneficiaryId: ben.id,
        photoId: await storePhoto(tx, prepared),
        status: "pending",
        submittedBy: actor.id,
      })
      .returning({ id: wishes.id });
    return ok({ id: row.id });
  });
}

/** Organisers post a waiting wish on the wall, reject it with a reason, or send it back for changes. */
export async function vetWish(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "wishes.vet");
  const parsed = parseInput(vetWishSchema, input);
  if (!parsed.ok) return parsed;
  const { id, decision, reason } = parsed.data;
  const to = { approve: "open", reject: "rejected", changes: "changes" } as const;
  if (decision === "approve") {
    // The cap may have been lowered since the wish was written.
    const [w] = await db.select({ value: wishes.value }).from(wishes).where(eq(wishes.id, id));
    if (w && w.value > (await getSettings(db)).wishValueCap) return fail("invalid", { value: ["value_over_cap"] });
  }
  return db.transaction(async (tx) => {
    const [w] = await tx
      .update(wishes)
      .set({ status: to[decision], reason: reason || null, updatedAt: new Date(), version: sql`${wishes.version} + 1` })
      .where(and(eq(wishes.id, id), inArray(wishes.status, ["pending", "changes"])))
      .returning();
    if (!w) return fail("not_found");
    if (w.submittedBy)
      await tx.insert(notifications).values({
        userId: w.submittedBy,
        kind: `wish.${to[decision]}`,
        data: { wishId: id, title: w.title, reason: reason || undefined },
      });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: `wishes.${decision}`,
      targetType: "wish",
      targetId: id,
      details: reason ? { reason } : {},
    });
    return ok(undefined);
  });
}

/**
 * Claims past their time without fulfilment lapse and their wishes reopen; each volunteer is told.
 * Run by the queue at each claim's time (and by a sweep every few minutes for any it missed),
 * never by a page or a claim.
 */
export async function lapseClaims(outer: DbOrTx, now = new Date()): Promise<number> {
  // Mostly nothing is due: that is answered without opening a transaction.
  const [due] = await outer
    .select({ id: wishClaims.id })
    .from(wishClaims)
    .where(and(eq(wishClaims.status, "active"), lte(wishClaims.lapsesAt, now)))
    .limit(1);
  if (!due) return 0;
  // All or nothing: a claim lapsed without its wish reopened would leave the wish held by nobody.
  return outer.transaction(async (db) => {
    const lapsed = await db
      .update(wishClaims)
      .set({ status: "lapsed", endedAt: now })
      .where(and(eq(wishClaims.status, "active"), lte(wishClaims.lapsesAt, now)))
      .returning({ id: wishClaims.id, wishId: wishClaims.wishId, volunteerId: wishClaims.volunteerId });
    if (!lapsed.length) return 0;
    const ids = lapsed.map((l) => l.wishId);
    await db
      .update(wishes)
      .set({ status: "open", updatedAt: now })
      .where(and(inArray(wishes.id, ids), eq(wishes.status, "claimed")));
    // The title goes into the notification: "your claim on … lapsed" needs no join later.
    const titles = await db.select({ id: wishes.id, title: wishes.title }).from(wishes).where(inArray(wishes.id, ids));
    for (const l of lapsed) {
      const title = titles.find((w) => w.id === l.wishId)?.title ?? "";
      await cancelClaimJobs(db, l.id);
      await notify(
        db,
        {
          userId: l.volunteerId,
          kind: "wish.lapsed",
          data: { wishId: l.wishId, title },
          sms: { topic: "claims", template: "claim_lapsed", params: { title: smsTitle(title) } },
        },
        now,
      );
    }
    return lapsed.length;
  });
}

/**
 * A volunteer claims an open wish: exactly one claimant (the wish row changes from open to
 * claimed once), at most the community's number of open claims per volunteer (counted under a
 * lock on the volunteer).
 */
export async function claimWish(
  db: Db,
  actor: Actor | null,
  wishId: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ claimId: string; lapsesAt: Date }>> {
  if (!actor) return fail("unauthenticated");
  if (!hasRole(actor, "volunteer")) return refuse(db, actor.id, "wishes.claim", { wishId });
  if (!isUuid(wishId)) return fail("invalid");
  const now = ctx.now ?? new Date();
  const settings = await getSettings(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`claims:${actor.id}`}))`);
    // Nobody makes their own wish come true for points: not the one it is for, not the one who wrote it.
    const [mine] = await tx
      .select({ id: wishes.id })
      .from(wishes)
      .innerJoin(beneficiaries, eq(beneficiaries.id, wishes.beneficiaryId))
      .where(and(eq(wishes.id, wishId), or(eq(wishes.submittedBy, actor.id), eq(beneficiaries.userId, actor.id))));
    if (mine) return refuse(tx, actor.id, "wishes.claim_own", { wishId });
    const [{ n }] = await tx
      .select({ n: count() })
      .from(wishClaims)
      .where(and(eq(wishClaims.volunteerId, actor.id), eq(wishClaims.status, "active")));
    if (n >= settings.claimCap) return fail("claim_cap");
    const [taken] = await tx
      .update(wishes)
      .set({ status: "claimed", updatedAt: now, version: sql`${wishes.version} + 1` })
      .where(and(eq(wishes.id, wishId), eq(wishes.status, "open")))
      .returning({ id: wishes.id });
    if (!taken) {
      const [exists] = await tx.select({ id: wishes.id }).from(wishes).where(eq(wishes.id, wishId));
      return fail(exists ? "wish_taken" : "not_found");
    }
    const lapsesAt = new Date(now.getTime() + settings.claimDays * DAY);
    const [claim] = await tx
      .insert(wishClaims)
      .values({ wishId, volunteerId: actor.id, claimedAt: now, lapsesAt })
      .returning({ id: wishClaims.id });
    await scheduleClaimJobs(tx, claim.id, lapsesAt, now);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "wishes.claim",
      targetType: "wish",
      targetId: wishId,
      details: { claimId: claim.id },
    });
    return ok({ claimId: claim.id, lapsesAt });
  });
}

async function myLiveClaim(tx: Tx, actor: Actor, claimId: string, status: "active" | "fulfilled") {
  const [c] = await tx.select().from(wishClaims).where(eq(wishClaims.id, claimId)).for("update");
  if (!c) return { error: fail("not_found") } as const;
  if (c.volunteerId !== actor.id)
    return { error: await refuse(tx, actor.id, "wishes.claim_other", { claimId }) } as const;
  if (c.status !== status) return { error: fail("not_found") } as const;
  // Past its time the claim is as good as lapsed, even before the sweep has run.
  if (status === "active" && c.lapsesAt <= new Date()) return { error: fail("not_found") } as const;
  return { claim: c } as const;
}

/**
 * How many claims a volunteer may let go in a day. Claiming shows the beneficiary's name, phone
 * and address; claiming and letting go over and over would collect them all.
 */
export const WITHDRAWALS_PER_DAY = 3;

/** The volunteer lets the wish go; it reopens at once. */
export async function withdrawClaim(
  db: Db,
  actor: Actor | null,
  claimId: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<undefined>> {
  if (!actor) return fail("unauthenticated");
  if (!isUuid(claimId)) return fail("invalid");
  return db.transaction(async (tx) => {
    const found = await myLiveClaim(tx, actor, claimId, "active");
    if ("error" in found) return found.error!;
    if (!(await takeFromDailyAllowance(tx, `claim_withdraw:${actor.id}`, WITHDRAWALS_PER_DAY, 1, ctx.now))) {
      await writeAudit(tx, {
        actorId: actor.id,
        action: "wishes.withdraw",
        outcome: "refused",
        targetType: "wish",
        targetId: found.claim.wishId,
        details: { claimId, reason: "withdraw_limit" },
      });
      return fail("withdraw_limit");
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "wishes.withdraw",
      targetType: "wish",
      targetId: found.claim.wishId,
      details: { claimId },
    });
    await tx.update(wishClaims).set({ status: "withdrawn", endedAt: new Date() }).where(eq(wishClaims.id, claimId));
    await cancelClaimJobs(tx, claimId);
    await tx
      .update(wishes)
      .set({ status: "open", updatedAt: new Date() })
      .where(and(eq(wishes.id, found.claim.wishId), eq(wishes.status, "claimed")));
    return ok(undefined);
  });
}

/**
 * An organiser lets a stuck claim go (the volunteer cannot be reached, or asked them to): the
 * claim is withdrawn, the wish reopens on the wall, and the volunteer is told.
 */
export async function releaseClaim(db: Db, actor: Actor | null, input: unknown): Promise<Result<undefined>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "wishes.release");
  const parsed = parseInput(releaseSchema, input);
  if (!parsed.ok) return parsed;
  const { claimId, reason } = parsed.data;
  const now = new Date();
  return db.transaction(async (tx) => {
    const [c] = await tx
      .update(wishClaims)
      .set({ status: "withdrawn", endedAt: now })
      // A stuck claim, or one said to be fulfilled that the beneficiary does not confirm.
      .where(and(eq(wishClaims.id, claimId), inArray(wishClaims.status, ["active", "fulfilled"])))
      .returning({ wishId: wishClaims.wishId, volunteerId: wishClaims.volunteerId });
    if (!c) return fail("not_found");
    await cancelClaimJobs(tx, claimId);
    const [w] = await tx
      .update(wishes)
      .set({ status: "open", updatedAt: now, version: sql`${wishes.version} + 1` })
      .where(and(eq(wishes.id, c.wishId), inArray(wishes.status, ["claimed", "fulfilled"])))
      .returning({ title: wishes.title });
    await tx.insert(notifications).values({
      userId: c.volunteerId,
      kind: "wish.released",
      data: { wishId: c.wishId, title: w?.title, reason: reason || undefined },
    });
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "wishes.release",
      targetType: "wish",
      targetId: c.wishId,
      details: { claimId, volunteerId: c.volunteerId, ...(reason ? { reason } : {}) },
    });
    return ok(undefined);
  });
}

/** The volunteer says the wish came true, with a note and a photo if they have one. */
export async function fulfilClaim(
  db: Db,
  actor: Actor | null,
  input: unknown,
  photo: Buffer | null = null,
): Promise<Result<undefined>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(fulfilSchema, input);
  if (!parsed.ok) return parsed;
  // Whose claim it is is settled before a photo is decoded: decoding is the costly part, and
  // nobody else's upload should get that far. The transaction checks again under its lock.
  if (photo?.length) {
    const [c] = await db
      .select({ volunteerId: wishClaims.volunteerId, status: wishClaims.status })
      .from(wishClaims)
      .where(eq(wishClaims.id, parsed.data.claimId));
    if (!c || c.status !== "active") return fail("not_found");
    if (c.volunteerId !== actor.id) return refuse(db, actor.id, "wishes.claim_other", { claimId: parsed.data.claimId });
  }
  const prepared = photo?.length ? await preparePhoto(photo) : null;
  if (prepared && !prepared.ok) return fail("invalid", { photo: [prepared.code] });
  return db.transaction(async (tx) => {
    const found = await myLiveClaim(tx, actor, parsed.data.claimId, "active");
    if ("error" in found) return found.error!;
    const now = new Date();
    await tx
      .update(wishClaims)
      .set({
        status: "fulfilled",
        note: parsed.data.note,
        photoId: await storePhoto(tx, prepared),
        fulfilledAt: now,
        declaredMinutes: parsed.data.minutes,
      })
      .where(eq(wishClaims.id, found.claim.id));
    await cancelClaimJobs(tx, found.claim.id);
    await tx.update(wishes).set({ status: "fulfilled", updatedAt: now }).where(eq(wishes.id, found.claim.wishId));
    return ok(undefined);
  });
}

/**
 * An organiser confirms the wish came true (on the beneficiary's word): the wish is done and
 * the volunteer's points are written in the same transaction, once.
 */
export async function confirmFulfilment(
  db: Db,
  actor: Actor | null,
  input: unknown,
  ctx: { now?: Date } = {},
): Promise<Result<{ points: number }>> {
  if (!isOrganiser(actor)) return refuse(db, actor?.id, "wishes.confirm");
  const parsed = parseInput(confirmSchema, input);
  if (!parsed.ok) return parsed;
  const now = ctx.now ?? new Date();
  const [own] = await db
    .select({ id: wishClaims.id })
    .from(wishClaims)
    .where(and(eq(wishClaims.id, parsed.data.claimId), eq(wishClaims.volunteerId, actor!.id)));
  // Another organiser confirms an organiser's own claim: nobody writes their own points.
  if (own) return refuse(db, actor!.id, "wishes.confirm_own", { claimId: parsed.data.claimId });
  return db.transaction(async (tx) => {
    const [c] = await tx
      .update(wishClaims)
      .set({
        status: "confirmed",
        confirmedAt: now,
        confirmedBy: actor!.id,
        endedAt: now,
        // The organiser's correction, else the time the volunteer declared (none declared: none).
        confirmedMinutes: parsed.data.minutes ?? sql`coalesce(${wishClaims.declaredMinutes}, 0)`,
      })
      .where(and(eq(wishClaims.id, parsed.data.claimId), eq(wishClaims.status, "fulfilled")))
      .returning();
    if (!c) return fail("not_found");
    const [w] = await tx
      .update(wishes)
      .set({ status: "done", thanks: parsed.data.thanks || null, updatedAt: now })
      .where(eq(wishes.id, c.wishId))
      .returning({ title: wishes.title });
    // The points its rule gives, once; the wish's hours below earn no second award.
    const [points] = await awardServicePoints(
      tx,
      { kind: "wish_fulfilled", refId: c.id, year: now.getUTCFullYear(), createdBy: actor!.id },
      [{ userId: c.volunteerId, householdMemberId: null, minutes: c.confirmedMinutes ?? 0 }],
    );
    await tx.insert(notifications).values({
      userId: c.volunteerId,
      kind: "wish.confirmed",
      data: { wishId: c.wishId, title: w?.title, points },
    });
    await recordWishHours(tx, c, actor!.id);
    await writeAudit(tx, {
      actorId: actor!.id,
      action: "wishes.confirm",
      targetType: "wish",
      targetId: c.wishId,
      details: { claimId: c.id, volunteerId: c.volunteerId, points },
    });
    return ok({ points });
  });
}

/**
 * The confirmed time as the volunteer's service hours, served on the day the wish came true (in
 * community time), in plain words: the wish and whom it was for. Written in the confirming
 * transaction, once (a claim is confirmed once; the hours' unique index stands behind it).
 */
async function recordWishHours(tx: Tx, c: typeof wishClaims.$inferSelect, createdBy: string) {
  const [w] = await tx.select({ title: wishes.title, alias: wishes.alias }).from(wishes).where(eq(wishes.id, c.wishId));
  const [volunteer] = await tx.select({ name: users.name }).from(users).where(eq(users.id, c.volunteerId));
  await recordHours(
    tx,
    {
      kind: "wish",
      refId: c.id,
      servedOn: utcToZonedLocal(c.fulfilledAt ?? c.confirmedAt ?? new Date(), TIME_ZONE).slice(0, 10),
      note: wishHoursNote(w),
      createdBy,
    },
    [{ userId: c.volunteerId, householdMemberId: null, name: volunteer.name, minutes: c.confirmedMinutes ?? 0 }],
  );
}

/**
 * A beneficiary's name, phone and address: for organisers, and for the volunteer who holds the
 * live claim on their wish. Anyone else gets nothing (and the attempt is logged).
 */
export interface BeneficiaryContact {
  realName: string;
  phone: string | null;
  address: string | null;
  householdId: string | null;
  /** Where the household lives, from the roster, when the beneficiary has one. */
  household: { building: string; unit: string; room: string } | null;
}

export async function beneficiaryContact(
  db: DbOrTx,
  actor: Actor | null,
  wishId: unknown,
): Promise<Result<BeneficiaryContact>> {
  if (!actor) return fail("unauthenticated");
  if (!isUuid(wishId)) return fail("invalid");
  const [found] = await db
    .select({
      realName: beneficiaries.realName,
      phone: beneficiaries.phone,
      address: beneficiaries.address,
      householdId: beneficiaries.householdId,
      building: households.building,
      unit: households.unit,
      room: households.room,
    })
    .from(wishes)
    .innerJoin(beneficiaries, eq(beneficiaries.id, wishes.beneficiaryId))
    .leftJoin(households, eq(households.id, beneficiaries.householdId))
    .where(eq(wishes.id, wishId));
  const row = found && {
    realName: found.realName,
    phone: found.phone,
    address: found.address,
    householdId: found.householdId,
    household: found.building ? { building: found.building, unit: found.unit ?? "", room: found.room ?? "" } : null,
  };
  if (!row) return fail("not_found");
  if (!isOrganiser(actor)) {
    const [claim] = await db
      .select({ id: wishClaims.id })
      .from(wishClaims)
      .where(
        and(
          eq(wishClaims.wishId, wishId),
          eq(wishClaims.volunteerId, actor.id),
          inArray(wishClaims.status, ["active", "fulfilled"]),
        ),
      );
    if (!claim) return refuse(db, actor.id, "wishes.contact", { wishId });
  }
  // Who saw a beneficiary's name, phone and address, and when, stays on record.
  await writeAudit(db, { actorId: actor.id, action: "wishes.contact_read", targetType: "wish", targetId: wishId });
  return ok(row);
}

/**
 * A resident corrects their own wish while it waits or after organisers sent it back for changes:
 * it goes back to waiting. The version says which copy they edited; a wish that changed since
 * (vetted, edited in another tab) is not overwritten. A new photo replaces the old one.
 */
export async function updateOwnWish(
  db: Db,
  actor: Actor | null,
  input: unknown,
  photo: Buffer | null = null,
): Promise<Result<{ id: string; version: number }>> {
  if (!actor) return fail("unauthenticated");
  const parsed = parseInput(updateOwnWishSchema, input);
  if (!parsed.ok) return parsed;
  const { id, version, age, circumstance, ...w } = parsed.data;
  // Whose wish it is is settled before a photo is decoded (the transaction checks again).
  const [owner] = await db.select({ submittedBy: wishes.submittedBy }).from(wishes).where(eq(wishes.id, id));
  if (!owner) return fail("not_found");
  if (owner.submittedBy !== actor.id) return refuse(db, actor.id, "wishes.update_other", { wishId: id });
  const valueProblem = await checkValue(db, w);
  if (valueProblem) return valueProblem;
  const prepared = photo?.length ? await preparePhoto(photo) : null;
  if (prepared && !prepared.ok) return fail("invalid", { photo: [prepared.code] });
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        submittedBy: wishes.submittedBy,
        status: wishes.status,
        version: wishes.version,
        beneficiaryId: wishes.beneficiaryId,
        photoId: wishes.photoId,
      })
      .from(wishes)
      .where(eq(wishes.id, id))
      .for("update");
    if (!current) return fail("not_found");
    if (current.submittedBy !== actor.id) return refuse(tx, actor.id, "wishes.update_other", { wishId: id });
    if (current.status !== "pending" && current.status !== "changes") return fail("wish_not_editable");
    if (current.version !== version) return fail("stale_version");
    const photoId = prepared ? await storePhoto(tx, prepared) : current.photoId;
    const [row] = await tx
      .update(wishes)
      .set({ ...w, photoId, status: "pending", updatedAt: new Date(), version: sql`${wishes.version} + 1` })
      .where(and(eq(wishes.id, id), eq(wishes.version, version)))
      .returning({ version: wishes.version });
    if (!row) return fail("stale_version");
    await tx.update(beneficiaries).set({ age, circumstance }).where(eq(beneficiaries.id, current.beneficiaryId));
    // The replaced photo belonged to this wish alone.
    if (prepared && current.photoId) await deletePhoto(tx, current.photoId);
    return ok({ id, version: row.version });
  });
}
