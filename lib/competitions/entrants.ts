import { and, eq, sql } from "drizzle-orm";
import type { EntrantKind } from "@/vocabulary/competitions";
import { registrations, type EntrantMember } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { publicName } from "@/lib/people/names";

const SKILL = { beginner: 1, intermediate: 2, advanced: 3 } as const;

/** A registration holding a place in a competition item, with what making entrants needs of it. */
export interface Holder {
  id: string;
  userId: string | null;
  participantKey: string;
  name: string;
  team: string | null;
  partnerId: string | null;
  level: string | null;
}

const member = (r: Holder): EntrantMember => ({
  registrationId: r.id,
  userId: r.participantKey === "self" ? r.userId : null,
  name: r.name,
});
const skillOf = (rs: Holder[]) => Math.max(1, ...rs.map((r) => SKILL[r.level as keyof typeof SKILL] ?? 1));

/**
 * Entrants made from the registrations holding a place in the item: each person; each pair of
 * partners (two registrations naming each other); each team by its name. Registrations that
 * cannot play yet (a pair game without a partner, a team game without a team) are listed apart.
 */
export function entrantsFrom(
  kind: EntrantKind,
  rows: Holder[],
): { entrants: { name: string; members: EntrantMember[]; skill: number }[]; waiting: string[] } {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = [...rows].sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || a.id.localeCompare(b.id));
  if (kind === "individual")
    return { entrants: ordered.map((r) => ({ name: r.name, members: [member(r)], skill: skillOf([r]) })), waiting: [] };
  const entrants: { name: string; members: EntrantMember[]; skill: number }[] = [];
  const waiting: string[] = [];
  if (kind === "pair") {
    const used = new Set<string>();
    for (const r of ordered) {
      if (used.has(r.id)) continue;
      const partner = r.partnerId ? byId.get(r.partnerId) : undefined;
      if (!partner || partner.partnerId !== r.id || used.has(partner.id)) {
        waiting.push(r.name);
        continue;
      }
      used.add(r.id).add(partner.id);
      const pair = [r, partner].sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
      entrants.push({ name: `${pair[0].name} / ${pair[1].name}`, members: pair.map(member), skill: skillOf(pair) });
    }
    return { entrants, waiting };
  }
  const teams = new Map<string, Holder[]>();
  for (const r of ordered) {
    if (!r.team) waiting.push(r.name);
    else teams.set(r.team, [...(teams.get(r.team) ?? []), r]);
  }
  for (const [name, rs] of [...teams].sort(([a], [b]) => a.localeCompare(b, "zh-CN")))
    entrants.push({ name, members: rs.map(member), skill: skillOf(rs) });
  return { entrants, waiting };
}

/**
 * The registrations holding a place in an item, as `entrantsFrom` makes entrants of them. A child
 * is named by first name and age band from here on: the draw, the brackets, the results, the
 * screen and the certificates all show the entrants' names.
 */
export async function placeHolders(db: DbOrTx, itemId: string): Promise<Holder[]> {
  const rows = await db
    .select({
      id: registrations.id,
      userId: registrations.userId,
      participantKey: registrations.participantKey,
      name: registrations.participantName,
      age: registrations.participantAge,
      team: registrations.team,
      partnerId: registrations.partnerRegistrationId,
      level: sql<string | null>`${registrations.details} ->> 'level'`,
    })
    .from(registrations)
    .where(and(eq(registrations.itemId, itemId), eq(registrations.status, "confirmed")));
  const named = rows
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(({ age, ...r }) => ({ ...r, name: publicName(r.name, age), child: publicName(r.name, age) !== r.name }));
  // Two children may share a first name and band ("小明 (6–9 岁)"); an entrant's name must be
  // unique in its competition, so the second and later are numbered.
  const seen = new Map<string, number>();
  return named.map(({ child, ...r }) => {
    if (!child) return r;
    const n = (seen.get(r.name) ?? 0) + 1;
    seen.set(r.name, n);
    return n === 1 ? r : { ...r, name: `${r.name} ${n}` };
  });
}
