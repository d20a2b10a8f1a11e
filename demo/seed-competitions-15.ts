import { and, eq, inArray, like } from "drizzle-orm";
import { programmeItems, quotas, registrationLinks, registrations, users } from "@/db/schema";
import type { Tx } from "@/db/types";

/**
 * Enough players at the 15th festival to run two competitions from check-in to the final
 * standings: ten chess players for a three-round Swiss (国际象棋比赛), and five more Guandan
 * pairs beside the one from the registrations seed, so 掼蛋比赛 has six. No competition is set
 * up here: the organisers do that on the day. The players are the demo's extra residents
 * (13955…) who hold no other card-table place: 28–37 play chess; the Guandan pairs leave out
 * 40 and 41, who are the registrations seed's pair.
 */
const CHESS_PLAYERS = [28, 29, 30, 31, 32, 33, 34, 35, 36, 37];
const GUANDAN_PAIRS: [number, number][] = [
  [38, 39],
  [42, 43],
  [44, 45],
  [46, 47],
  [24, 26],
];
const LEVELS = ["beginner", "intermediate", "advanced"] as const;

export async function seedCompetitions15(tx: Tx, festivalId: string, now: Date) {
  const items = await tx
    .select({ id: programmeItems.id, title: programmeItems.title })
    .from(programmeItems)
    .where(and(eq(programmeItems.festivalId, festivalId), inArray(programmeItems.title, ["国际象棋比赛", "掼蛋比赛"])));
  const item = (title: string) => items.find((i) => i.title === title)!.id;
  const chess = item("国际象棋比赛");
  const guandan = item("掼蛋比赛");
  const extra = await tx
    .select({ id: users.id, name: users.name, phone: users.phone })
    .from(users)
    .where(like(users.phone, "13955%"))
    .orderBy(users.phone);
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  const self = (i: number) => ({
    festivalId,
    userId: extra[i].id,
    participantKey: "self",
    participantName: extra[i].name,
    role: "player" as const,
    status: "confirmed" as const,
  });

  await tx.insert(registrations).values(
    CHESS_PLAYERS.map((p, i) => ({
      ...self(p),
      itemId: chess,
      queuedAt: at(900 - i * 15),
      details: { level: LEVELS[(i * 2) % 3], partner: { kind: "none" } },
    })),
  );

  // Each names the other by phone; the two registrations point at each other once both exist.
  for (const [i, [x, y]] of GUANDAN_PAIRS.entries()) {
    const level = LEVELS[i % 3];
    const [a, b] = await tx
      .insert(registrations)
      .values([
        {
          ...self(x),
          itemId: guandan,
          queuedAt: at(600 - i * 20),
          details: { level, partner: { kind: "phone", phone: extra[y].phone } },
        },
        {
          ...self(y),
          itemId: guandan,
          queuedAt: at(590 - i * 20),
          details: { level, partner: { kind: "phone", phone: extra[x].phone } },
        },
      ])
      .returning({ id: registrations.id, userId: registrations.userId });
    await tx.update(registrations).set({ partnerRegistrationId: b.id }).where(eq(registrations.id, a.id));
    await tx.update(registrations).set({ partnerRegistrationId: a.id }).where(eq(registrations.id, b.id));
    await tx.insert(registrationLinks).values([
      { registrationId: a.id, userId: b.userId!, kind: "partner" },
      { registrationId: b.id, userId: a.userId!, kind: "partner" },
    ]);
  }

  // An event's places are the same in the programme and in its quota (the Guandan quota comes
  // from the registrations seed: its one pair, now six).
  await tx.insert(quotas).values({ festivalId, scope: `item:${chess}`, capacity: 16, taken: CHESS_PLAYERS.length });
  await tx
    .update(quotas)
    .set({ taken: 2 + GUANDAN_PAIRS.length * 2 })
    .where(and(eq(quotas.festivalId, festivalId), eq(quotas.scope, `item:${guandan}`)));
}
