import { and, eq, inArray } from "drizzle-orm";
import { programmeItems, quotas, registrations, users } from "./schema";
import type { Tx } from "./types";

/**
 * A few registrations for the 15th festival, so "my registrations" and the waiting list have
 * something to show: the chess competition has 2 places, both taken, and one resident waiting.
 */
export async function seedRegistrations(tx: Tx, festivalId: string, now: Date) {
  const items = await tx
    .select({ id: programmeItems.id, title: programmeItems.title })
    .from(programmeItems)
    .where(and(eq(programmeItems.festivalId, festivalId), inArray(programmeItems.title, ["象棋比赛", "拔河比赛"])));
  const chess = items.find((i) => i.title === "象棋比赛")!.id;
  const tug = items.find((i) => i.title === "拔河比赛")!.id;
  const people = await tx.select({ id: users.id, name: users.name, phone: users.phone }).from(users).where(inArray(users.phone, ["13800000002", "13800000003", "13800000004"]));
  const who = (phone: string) => people.find((p) => p.phone === phone)!;
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  const player = { level: "intermediate", partner: { kind: "none" } };
  const athlete = { ageGroup: "senior", emergencyName: "王建国", emergencyPhone: "13900000000", healthDeclaration: true, team: "" };
  await tx.insert(registrations).values([
    { festivalId, userId: who("13800000002").id, participantKey: "self", participantName: who("13800000002").name, role: "player", itemId: chess, status: "confirmed", queuedAt: at(300), details: player },
    { festivalId, userId: who("13800000004").id, participantKey: "self", participantName: who("13800000004").name, role: "player", itemId: chess, status: "confirmed", queuedAt: at(200), details: player },
    { festivalId, userId: who("13800000003").id, participantKey: "self", participantName: who("13800000003").name, role: "player", itemId: chess, status: "waitlisted", queuedAt: at(100), details: player },
    { festivalId, userId: who("13800000002").id, participantKey: "self", participantName: who("13800000002").name, role: "athlete", itemId: tug, status: "confirmed", queuedAt: at(250), details: athlete, acceptedAt: at(60) },
  ]);
  await tx.insert(quotas).values([
    { festivalId, scope: `item:${chess}`, capacity: 2, taken: 2 },
    { festivalId, scope: `item:${tug}`, capacity: 80, taken: 1 },
  ]);
}
