import "server-only";
import { and, desc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import {
  programmePublications,
  registrationLinks,
  registrations,
  shiftAssignments,
  shifts,
  type PublishedItem,
} from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { cancelJob, cancelJobsByPrefix, scheduleJob } from "@/lib/jobs/queue";
import { notify, smsTitle } from "@/lib/messages/notify";

// Reminders before what someone takes part in, and word when its slot moves. Items are reminded by
// the published programme (what residents see), shifts by the shift itself. A reminder is one job
// per item or shift and moment; when it runs it tells whoever takes part at that moment, so a
// place taken or given up after the programme was published is reminded, or not, as it should.

const HOUR = 3_600_000;
/** Items: the day before and the hour before. */
export const ITEM_REMINDERS = { day: 24 * HOUR, hour: HOUR } as const;
/** Shifts: the day before and two hours before. */
export const SHIFT_REMINDERS = { day: 24 * HOUR, soon: 2 * HOUR } as const;

export const itemReminderKey = (itemId: string, when: keyof typeof ITEM_REMINDERS) => `item-reminder:${itemId}:${when}`;
export const shiftReminderKey = (shiftId: string, when: keyof typeof SHIFT_REMINDERS) =>
  `shift-reminder:${shiftId}:${when}`;

/** The accounts taking part in an item: its accepted registrations (an act's own, once it is in the programme) and those named in them. */
export async function peopleOfItem(db: DbOrTx, itemId: string): Promise<{ userId: string; registrationId: string }[]> {
  const own = await db
    .select({ userId: registrations.userId, registrationId: registrations.id })
    .from(registrations)
    .where(
      and(
        or(eq(registrations.itemId, itemId), eq(registrations.programmeItemId, itemId)),
        eq(registrations.status, "confirmed"),
      ),
    );
  const ids = own.map((r) => r.registrationId);
  const named = ids.length
    ? await db
        .select({ userId: registrationLinks.userId, registrationId: registrationLinks.registrationId })
        .from(registrationLinks)
        .where(and(inArray(registrationLinks.registrationId, ids), isNull(registrationLinks.declinedAt)))
    : [];
  const seen = new Map<string, string>();
  for (const r of [...own, ...named]) if (r.userId && !seen.has(r.userId)) seen.set(r.userId, r.registrationId);
  return [...seen].map(([userId, registrationId]) => ({ userId, registrationId }));
}

/** A new shift's reminders (none for a moment already past). */
export async function scheduleShiftReminders(
  tx: DbOrTx,
  shift: { id: string; startsAt: Date },
  now = new Date(),
): Promise<void> {
  for (const when of Object.keys(SHIFT_REMINDERS) as (keyof typeof SHIFT_REMINDERS)[]) {
    const at = new Date(shift.startsAt.getTime() - SHIFT_REMINDERS[when]);
    if (at.getTime() > now.getTime())
      await scheduleJob(
        tx,
        "reminders.shift",
        shiftReminderKey(shift.id, when),
        { shiftId: shift.id, startsAt: shift.startsAt.toISOString(), when },
        at,
      );
  }
}

export async function cancelShiftReminders(tx: DbOrTx, shiftId: string): Promise<void> {
  for (const when of Object.keys(SHIFT_REMINDERS) as (keyof typeof SHIFT_REMINDERS)[])
    await cancelJob(tx, shiftReminderKey(shiftId, when));
}

/** The reminder's moment: each helper on the shift then is told. */
export async function runShiftReminder(db: Db, data: Record<string, unknown>, now = new Date()): Promise<number> {
  const shiftId = typeof data.shiftId === "string" ? data.shiftId : null;
  if (!shiftId) return 0;
  const [s] = await db.select().from(shifts).where(eq(shifts.id, shiftId));
  // Gone, or already begun: nothing to remind of.
  if (!s || s.startsAt <= now || s.startsAt.toISOString() !== data.startsAt) return 0;
  const helpers = await db
    .select({ userId: registrations.userId, registrationId: registrations.id })
    .from(shiftAssignments)
    .innerJoin(registrations, eq(registrations.id, shiftAssignments.registrationId))
    .where(and(eq(shiftAssignments.shiftId, shiftId), eq(registrations.status, "confirmed")));
  let told = 0;
  for (const h of helpers) {
    if (!h.userId) continue;
    await notify(
      db,
      {
        userId: h.userId,
        kind: "shift_reminder",
        data: { registrationId: h.registrationId, shift: s.title, startsAt: s.startsAt.toISOString() },
        sms: {
          topic: "reminders",
          template: "shift_reminder",
          params: { shift: smsTitle(s.title), time: s.startsAt.toISOString() },
          happensAt: s.startsAt,
        },
      },
      now,
    );
    told++;
  }
  return told;
}

/** The venue's name in a publication (empty when the item has none). */
function venueIn(p: { venues: { id: string; name: string }[] }, venueId: string | null): string {
  return p.venues.find((v) => v.id === venueId)?.name ?? "";
}

/**
 * After a programme is published: each item still to come gets its reminders (moved with it when
 * its time changed), items taken off lose theirs, and the people of an item whose time or venue
 * changed since the last publication are told what changed.
 */
export async function runProgrammePublished(
  db: Db,
  data: Record<string, unknown>,
  now = new Date(),
): Promise<{ scheduled: number; moved: number; told: number }> {
  const publicationId = typeof data.publicationId === "string" ? data.publicationId : null;
  const out = { scheduled: 0, moved: 0, told: 0 };
  if (!publicationId) return out;
  const [pub] = await db.select().from(programmePublications).where(eq(programmePublications.id, publicationId));
  if (!pub) return out;
  // A later publication supersedes this one: its own job does the work.
  const [latest] = await db
    .select({ id: programmePublications.id })
    .from(programmePublications)
    .where(eq(programmePublications.festivalId, pub.festivalId))
    .orderBy(desc(programmePublications.publishedAt), desc(programmePublications.id))
    .limit(1);
  if (latest?.id !== pub.id) return out;
  const [previous] = await db
    .select()
    .from(programmePublications)
    .where(
      and(eq(programmePublications.festivalId, pub.festivalId), lt(programmePublications.publishedAt, pub.publishedAt)),
    )
    .orderBy(desc(programmePublications.publishedAt))
    .limit(1);
  const before = new Map((previous?.items ?? []).map((i) => [i.id, i]));
  const after = new Set(pub.items.map((i) => i.id));
  await db.transaction(async (tx) => {
    for (const item of pub.items) {
      const startsAt = new Date(item.startsAt);
      for (const when of Object.keys(ITEM_REMINDERS) as (keyof typeof ITEM_REMINDERS)[]) {
        const at = new Date(startsAt.getTime() - ITEM_REMINDERS[when]);
        if (at.getTime() <= now.getTime()) {
          await cancelJob(tx, itemReminderKey(item.id, when));
          continue;
        }
        await scheduleJob(
          tx,
          "reminders.item",
          itemReminderKey(item.id, when),
          { itemId: item.id, festivalId: pub.festivalId, startsAt: item.startsAt, when },
          at,
        );
        out.scheduled++;
      }
      const was = before.get(item.id);
      if (!was || startsAt.getTime() <= now.getTime() || !slotChanged(was, item)) continue;
      out.moved++;
      const venue = venueIn(pub, item.venueId);
      for (const p of await peopleOfItem(tx, item.id)) {
        await notify(
          tx,
          {
            userId: p.userId,
            kind: "registration.slot_moved",
            data: {
              registrationId: p.registrationId,
              itemId: item.id,
              title: item.title,
              startsAt: item.startsAt,
              wasAt: was.startsAt,
              venue,
              wasVenue: previous ? venueIn(previous, was.venueId) : "",
            },
            sms: {
              topic: "changes",
              template: "slot_moved",
              params: { item: smsTitle(item.title), time: item.startsAt, venue: smsTitle(venue || "—") },
              happensAt: startsAt,
            },
          },
          now,
        );
        out.told++;
      }
    }
    for (const id of before.keys()) if (!after.has(id)) await cancelJobsByPrefix(tx, `item-reminder:${id}:`);
  });
  return out;
}

const slotChanged = (a: PublishedItem, b: PublishedItem) =>
  new Date(a.startsAt).getTime() !== new Date(b.startsAt).getTime() || a.venueId !== b.venueId;

/** The reminder's moment: if the item is still published at that time, its people are told. */
export async function runItemReminder(db: Db, data: Record<string, unknown>, now = new Date()): Promise<number> {
  const itemId = typeof data.itemId === "string" ? data.itemId : null;
  const festivalId = typeof data.festivalId === "string" ? data.festivalId : null;
  if (!itemId || !festivalId) return 0;
  const [pub] = await db
    .select()
    .from(programmePublications)
    .where(eq(programmePublications.festivalId, festivalId))
    .orderBy(desc(programmePublications.publishedAt), desc(programmePublications.id))
    .limit(1);
  const item = pub?.items.find((i) => i.id === itemId);
  // Taken off, or moved since (the move sent a job of its own), or already begun.
  if (!pub || !item || item.startsAt !== data.startsAt || new Date(item.startsAt) <= now) return 0;
  const venue = venueIn(pub, item.venueId);
  let told = 0;
  for (const p of await peopleOfItem(db, itemId)) {
    await notify(
      db,
      {
        userId: p.userId,
        kind: "item_reminder",
        data: { registrationId: p.registrationId, itemId, title: item.title, startsAt: item.startsAt, venue },
        sms: {
          topic: "reminders",
          template: "item_reminder",
          params: { item: smsTitle(item.title), time: item.startsAt, venue: smsTitle(venue || "—") },
          happensAt: new Date(item.startsAt),
        },
      },
      now,
    );
    told++;
  }
  return told;
}
