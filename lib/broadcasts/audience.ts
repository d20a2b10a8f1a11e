import "server-only";
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import {
  festivals,
  households,
  programmeItems,
  registrations,
  shiftAssignments,
  shifts,
  smsPreferences,
  userRoles,
  users,
} from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { peopleOfItem } from "@/lib/registrations/reminders";
import { SMS_TOPIC_DEFAULTS } from "@/vocabulary/messages";
import type { AudienceInput } from "./schemas";

// Who a broadcast reaches: accounts (household members without one cannot be reached), never a
// closed account, each once however many of their registrations match.

/** The accounts in the audience now. */
export async function audienceUserIds(db: DbOrTx, a: AudienceInput): Promise<string[]> {
  let ids: (string | null)[] = [];
  switch (a.kind) {
    case "role":
      ids = (
        await db
          .select({ id: registrations.userId })
          .from(registrations)
          .where(
            and(
              eq(registrations.festivalId, a.festivalId),
              eq(registrations.role, a.role),
              eq(registrations.status, "confirmed"),
            ),
          )
      ).map((r) => r.id);
      break;
    case "item":
      ids = (await peopleOfItem(db, a.itemId)).map((p) => p.userId);
      break;
    case "shift":
      ids = (
        await db
          .select({ id: registrations.userId })
          .from(shiftAssignments)
          .innerJoin(registrations, eq(registrations.id, shiftAssignments.registrationId))
          .where(and(eq(shiftAssignments.shiftId, a.shiftId), eq(registrations.status, "confirmed")))
      ).map((r) => r.id);
      break;
    case "building":
      ids = (
        await db
          .select({ id: users.id })
          .from(users)
          .innerJoin(households, eq(households.id, users.householdId))
          .where(and(eq(households.building, a.building), isNotNull(users.verifiedAt)))
      ).map((r) => r.id);
      break;
    case "volunteers":
      ids = (await db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, "volunteer"))).map(
        (r) => r.id,
      );
      break;
  }
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (!unique.length) return [];
  const open = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, unique), isNull(users.disabledAt)));
  return open.map((u) => u.id).sort();
}

/** Of these accounts, how many take broadcasts by text message (their choice, else the default). */
export async function countTakingSms(db: DbOrTx, userIds: string[]): Promise<number> {
  if (!userIds.length) return 0;
  const refused = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(smsPreferences)
    .where(
      and(
        inArray(smsPreferences.userId, userIds),
        eq(smsPreferences.topic, "broadcasts"),
        eq(smsPreferences.sms, !SMS_TOPIC_DEFAULTS.broadcasts),
      ),
    );
  return SMS_TOPIC_DEFAULTS.broadcasts ? userIds.length - refused[0].n : refused[0].n;
}

/**
 * What the audience is called in the list (the item's, shift's or festival's name, the building),
 * or null when what it names does not exist.
 */
export async function audienceName(db: DbOrTx, a: AudienceInput): Promise<string | null> {
  switch (a.kind) {
    case "role": {
      const [f] = await db.select({ title: festivals.title }).from(festivals).where(eq(festivals.id, a.festivalId));
      return f?.title ?? null;
    }
    case "item": {
      const [i] = await db
        .select({ title: programmeItems.title })
        .from(programmeItems)
        .where(eq(programmeItems.id, a.itemId));
      return i?.title ?? null;
    }
    case "shift": {
      const [s] = await db.select({ title: shifts.title }).from(shifts).where(eq(shifts.id, a.shiftId));
      return s?.title ?? null;
    }
    case "building": {
      const [h] = await db
        .select({ building: households.building })
        .from(households)
        .where(eq(households.building, a.building))
        .limit(1);
      return h?.building ?? null;
    }
    case "volunteers":
      return "";
  }
}
