import { and, eq, inArray, like } from "drizzle-orm";
import { programmeItems, quotas, registrations, users } from "@/db/schema";
import type { Tx } from "@/db/types";

/**
 * Sports with a queue, so residents meet both cases when they register: table tennis has one
 * place left (15 of 16 taken), skipping and relay is full (12 of 12) with one resident waiting.
 * The entrants are the demo's extra residents (mobile numbers 13955…). The chess competition's
 * places in the programme match its quota of 2.
 */
export async function seedSports(tx: Tx, festivalId: string, now: Date) {
  const items = await tx
    .select({ id: programmeItems.id, title: programmeItems.title })
    .from(programmeItems)
    .where(
      and(
        eq(programmeItems.festivalId, festivalId),
        inArray(programmeItems.title, ["乒乓球比赛", "跳绳和接力赛", "象棋比赛"]),
      ),
    );
  const id = (title: string) => items.find((i) => i.title === title)!.id;
  const extra = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(like(users.phone, "13955%"))
    .orderBy(users.phone)
    .limit(28);
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  const details = (i: number) => ({
    ageGroup: i % 3 === 0 ? "senior" : "adult",
    emergencyName: "家属",
    emergencyPhone: "13900000000",
    healthDeclaration: true,
  });
  const entry = (itemId: string, i: number, status: "confirmed" | "waitlisted") => ({
    festivalId,
    userId: extra[i].id,
    participantKey: "self",
    participantName: extra[i].name,
    role: "athlete" as const,
    itemId,
    status,
    queuedAt: at(2000 - i * 10),
    details: details(i),
  });
  const pingPong = id("乒乓球比赛");
  const skipping = id("跳绳和接力赛");
  await tx
    .insert(registrations)
    .values([
      ...extra.slice(0, 15).map((_, i) => entry(pingPong, i, "confirmed")),
      ...extra.slice(15, 27).map((_, i) => entry(skipping, 15 + i, "confirmed")),
      entry(skipping, 27, "waitlisted"),
    ]);
  await tx.update(programmeItems).set({ capacity: 12 }).where(eq(programmeItems.id, skipping));
  await tx
    .update(programmeItems)
    .set({ capacity: 2 })
    .where(eq(programmeItems.id, id("象棋比赛")));
  await tx.insert(quotas).values([
    { festivalId, scope: `item:${pingPong}`, capacity: 16, taken: 15 },
    { festivalId, scope: `item:${skipping}`, capacity: 12, taken: 12 },
  ]);
}
