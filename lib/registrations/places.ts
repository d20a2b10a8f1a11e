import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { festivals, programmeItems, quotas, registrations, type Registration } from "@/db/schema";
import { notify, smsTitle } from "@/lib/messages/notify";
import type { Tx } from "@/db/types";

// Places and the waiting list. Every function runs inside the caller's transaction: quota rows
// are locked (in a fixed order, so two transactions never wait on each other in a circle), and a
// freed place goes to the head of the waiting list before the transaction commits.

/** The quotas a registration counts against: its role's for the festival, and its item's. */
export const scopesOf = (r: Pick<Registration, "role" | "itemId">) =>
  [`role:${r.role}`, ...(r.itemId ? [`item:${r.itemId}`] : [])].sort();

async function lockQuotas(tx: Tx, festivalId: string, scopes: string[]) {
  return tx
    .select()
    .from(quotas)
    .where(and(eq(quotas.festivalId, festivalId), inArray(quotas.scope, scopes)))
    .orderBy(asc(quotas.scope))
    .for("update");
}

/** An item's places, set in the programme, become its quota the first time someone registers. */
export async function ensureItemQuota(tx: Tx, festivalId: string, itemId: string, capacity: number | null) {
  if (capacity == null) return;
  await tx
    .insert(quotas)
    .values({ festivalId, scope: `item:${itemId}`, capacity, taken: 0 })
    .onConflictDoNothing();
}

/**
 * The programme changed an item's places: the quota follows (never below the places already
 * held — `false` then) and a rise goes to the waiting list at once.
 */
export async function syncItemQuota(
  tx: Tx,
  festivalId: string,
  itemId: string,
  capacity: number | null,
): Promise<boolean> {
  const scope = `item:${itemId}`;
  const [q] = await tx
    .select()
    .from(quotas)
    .where(and(eq(quotas.festivalId, festivalId), eq(quotas.scope, scope)))
    .for("update");
  if (!q) return true;
  if (capacity == null) {
    await tx.delete(quotas).where(eq(quotas.id, q.id));
  } else {
    if (capacity < q.taken) return false;
    await tx.update(quotas).set({ capacity }).where(eq(quotas.id, q.id));
  }
  await promoteWaiting(tx, festivalId, [scope]);
  return true;
}

/** Takes a place in every quota that applies, or none; a scope without a quota is unlimited. */
export async function takePlace(tx: Tx, festivalId: string, scopes: string[]): Promise<boolean> {
  const rows = await lockQuotas(tx, festivalId, scopes);
  if (rows.some((q) => q.taken >= q.capacity)) return false;
  if (rows.length) {
    await tx
      .update(quotas)
      .set({ taken: sql`${quotas.taken} + 1` })
      .where(
        inArray(
          quotas.id,
          rows.map((q) => q.id),
        ),
      );
  }
  return true;
}

export async function releasePlace(tx: Tx, festivalId: string, scopes: string[]): Promise<void> {
  const rows = await lockQuotas(tx, festivalId, scopes);
  if (rows.length) {
    await tx
      .update(quotas)
      .set({ taken: sql`greatest(${quotas.taken} - 1, 0)` })
      .where(
        inArray(
          quotas.id,
          rows.map((q) => q.id),
        ),
      );
  }
}

/**
 * Gives free places to the waiting list in arrival order; each promoted person is told. A
 * registration is promoted only while still waitlisted (a conditional update), so a place is
 * never given twice.
 */
export async function promoteWaiting(
  tx: Tx,
  festivalId: string,
  touched: string[],
  except: string[] = [],
): Promise<string[]> {
  const waiting = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.festivalId, festivalId), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.queuedAt), asc(registrations.createdAt), asc(registrations.id))
    .limit(500);
  const promoted: string[] = [];
  for (const r of waiting) {
    const scopes = scopesOf(r);
    if (except.includes(r.id) || !scopes.some((s) => touched.includes(s))) continue;
    const rows = await lockQuotas(tx, festivalId, scopes);
    if (rows.some((q) => q.taken >= q.capacity)) continue;
    const [won] = await tx
      .update(registrations)
      .set({ status: "confirmed", version: sql`${registrations.version} + 1`, updatedAt: new Date() })
      .where(and(eq(registrations.id, r.id), eq(registrations.status, "waitlisted")))
      .returning({ id: registrations.id });
    if (!won) continue;
    if (rows.length) {
      await tx
        .update(quotas)
        .set({ taken: sql`${quotas.taken} + 1` })
        .where(
          inArray(
            quotas.id,
            rows.map((q) => q.id),
          ),
        );
    }
    if (r.userId) {
      const [about] = await tx
        .select({ festival: festivals.title, item: programmeItems.title })
        .from(festivals)
        .leftJoin(programmeItems, eq(programmeItems.id, sql`${r.itemId}::uuid`))
        .where(eq(festivals.id, r.festivalId));
      await notify(tx, {
        userId: r.userId,
        kind: "registration.promoted",
        data: { registrationId: r.id, role: r.role, itemId: r.itemId },
        sms: {
          topic: "waitlist",
          template: "waitlist_promoted",
          // An item's title, or the role when the place is in the role (written in their language).
          params: {
            festival: smsTitle(about?.festival ?? ""),
            ...(about?.item ? { item: smsTitle(about.item) } : { role: r.role }),
          },
          subjectId: r.id,
        },
      });
    }
    promoted.push(r.id);
  }
  return promoted;
}

/** Position on the waiting list, counting from 1, among those waiting for the same places. */
export async function waitlistPosition(tx: Tx, r: Registration): Promise<number | null> {
  if (r.status !== "waitlisted") return null;
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(
      and(
        eq(registrations.festivalId, r.festivalId),
        eq(registrations.status, "waitlisted"),
        eq(registrations.role, r.role),
        r.itemId ? eq(registrations.itemId, r.itemId) : sql`${registrations.itemId} is null`,
        // Compared in the database: its timestamps are finer than a JavaScript Date.
        sql`(${registrations.queuedAt}, ${registrations.createdAt}, ${registrations.id}) <= (select q.queued_at, q.created_at, q.id from registrations q where q.id = ${r.id})`,
      ),
    );
  return n;
}
