import "server-only";
import { and, eq } from "drizzle-orm";
import { wishClaims, wishes, type Delivery } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { notify, smsTitle } from "@/lib/messages/notify";
import { lapseClaims } from "./service";

// What the queue does at a claim's times (claim-times.ts sends and cancels them).

/** The job at a claim's lapse: every claim past its time lapses (this one, and any missed). */
export async function runClaimLapse(db: Db, _data: Record<string, unknown>, now = new Date()): Promise<void> {
  await lapseClaims(db, now);
}

/** The job a day before: the volunteer is told, in the app and by text message if they take it. */
export async function runClaimReminder(db: Db, data: Record<string, unknown>, now = new Date()): Promise<void> {
  const claimId = typeof data.claimId === "string" ? data.claimId : null;
  if (!claimId) return;
  const [c] = await db
    .select({
      volunteerId: wishClaims.volunteerId,
      status: wishClaims.status,
      lapsesAt: wishClaims.lapsesAt,
      wishId: wishClaims.wishId,
      title: wishes.title,
    })
    .from(wishClaims)
    .innerJoin(wishes, eq(wishes.id, wishClaims.wishId))
    .where(eq(wishClaims.id, claimId));
  // Ended since, or already past its time: there is nothing to remind of.
  if (!c || c.status !== "active" || c.lapsesAt <= now) return;
  await notify(
    db,
    {
      userId: c.volunteerId,
      kind: "wish.claim_lapsing",
      data: { wishId: c.wishId, claimId, title: c.title, startsAt: c.lapsesAt.toISOString() },
      sms: {
        topic: "claims",
        template: "claim_lapsing",
        params: { title: smsTitle(c.title), time: c.lapsesAt.toISOString() },
        subjectId: claimId,
        happensAt: c.lapsesAt,
      },
    },
    now,
  );
}

/** A text message about a claim is sent only while the claim still stands as it said. */
export async function claimMessageStillTrue(db: DbOrTx, delivery: Delivery): Promise<boolean> {
  if (delivery.template !== "claim_lapsing" || !delivery.subjectId) return true;
  const [c] = await db
    .select({ id: wishClaims.id })
    .from(wishClaims)
    .where(and(eq(wishClaims.id, delivery.subjectId), eq(wishClaims.status, "active")));
  return !!c;
}
