import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { notifications, registrationLinks, registrations, users, type Registration } from "@/db/schema";
import type { DbOrTx, Tx } from "@/db/types";
import type { Actor } from "@/lib/actor";
import { takePhoneLookups } from "@/lib/limits/daily";
import type { FieldErrors } from "@/lib/result";
import type { RegistrationData } from "./schemas";
import { publicName } from "@/lib/people/names";

// Other residents a registration names: co-performers of an act (by phone), the partner of a pair
// game (by phone, or matched with someone else who asked to be found a partner), and the team of
// a team event. Everything that can refuse the form is checked before anything is written.

export interface People {
  coPerformers: { id: string; name: string }[];
  partner: { id: string; name: string } | null;
}

const phonesOf = (data: { coPerformerPhones?: unknown; partner?: unknown }): string[] => {
  const co = Array.isArray(data.coPerformerPhones) ? data.coPerformerPhones.map(String) : [];
  const partner = data.partner as { kind?: string; phone?: string } | undefined;
  return partner?.kind === "phone" && partner.phone ? [...co, partner.phone] : co;
};

/**
 * Looks up the residents named by phone; an unknown number or one's own is a field error. Each
 * number the registration did not already name counts against the day's lookups, counted before
 * the lookup (an edit that keeps its people costs nothing: their answer is known).
 */
export async function resolvePeople(
  db: DbOrTx,
  actor: Actor,
  data: RegistrationData,
  current?: { details: unknown } | null,
  now = new Date(),
): Promise<{ ok: true; people: People } | { ok: false; fieldErrors: FieldErrors }> {
  const phones =
    data.role === "performer"
      ? [...new Set(data.coPerformerPhones)]
      : data.role === "player" && data.partner.kind === "phone"
        ? [data.partner.phone]
        : [];
  const field = data.role === "performer" ? "coPerformerPhones" : "partner";
  const known = new Set(current ? phonesOf((current.details ?? {}) as Record<string, unknown>) : []);
  const asked = phones.filter((p) => !known.has(p)).length;
  if (!(await takePhoneLookups(db, actor.id, asked, now)))
    return { ok: false, fieldErrors: { [field]: ["lookup_limit"] } };
  const found = phones.length
    ? await db
        .select({ id: users.id, name: users.name, phone: users.phone })
        .from(users)
        .where(inArray(users.phone, phones))
    : [];
  if (found.some((u) => u.id === actor.id)) return { ok: false, fieldErrors: { [field]: ["phone_is_yours"] } };
  if (found.length < phones.length) return { ok: false, fieldErrors: { [field]: ["phone_no_account"] } };
  const byPhone = new Map(found.map((u) => [u.phone, { id: u.id, name: u.name }]));
  return {
    ok: true,
    people: {
      coPerformers: data.role === "performer" ? phones.map((p) => byPhone.get(p)!) : [],
      partner: data.role === "player" && data.partner.kind === "phone" ? byPhone.get(data.partner.phone)! : null,
    },
  };
}

/** The team rule: a new team's name is free in that event; a team to join exists. */
export async function checkTeam(
  db: DbOrTx,
  data: RegistrationData,
  exceptId?: string,
  currentTeam?: string | null,
): Promise<FieldErrors | null> {
  if (data.role !== "athlete" || data.teamAction === "none") return null;
  // Editing a registration and keeping its team: nothing to check.
  if (currentTeam && currentTeam.toLowerCase() === data.team.toLowerCase()) return null;
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(
      and(
        eq(registrations.itemId, data.itemId),
        sql`lower(${registrations.team}) = lower(${data.team})`,
        inArray(registrations.status, ["confirmed", "waitlisted"]),
        exceptId ? ne(registrations.id, exceptId) : undefined,
      ),
    );
  if (data.teamAction === "create" && n > 0) return { team: ["team_exists"] };
  if (data.teamAction === "join" && n === 0) return { team: ["team_unknown"] };
  return null;
}

/** The team name as the first member typed it, so every member shows under one spelling. */
export async function canonicalTeam(tx: Tx, data: RegistrationData): Promise<string | null> {
  if (data.role !== "athlete" || data.teamAction === "none") return null;
  if (data.teamAction === "create") return data.team;
  const [first] = await tx
    .select({ team: registrations.team })
    .from(registrations)
    .where(and(eq(registrations.itemId, data.itemId), sql`lower(${registrations.team}) = lower(${data.team})`))
    .orderBy(asc(registrations.createdAt))
    .limit(1);
  return first?.team ?? data.team;
}

/**
 * Links the named residents to a registration and tells each new one. Links to people no longer
 * named are removed (an edit); a declined link stays declined.
 */
export async function syncLinks(tx: Tx, actor: Actor, r: Registration, people: People, label: string) {
  const wanted = [
    ...people.coPerformers.map((p) => ({ userId: p.id, kind: "co_performer" as const })),
    ...(people.partner ? [{ userId: people.partner.id, kind: "partner" as const }] : []),
  ];
  const existing = await tx.select().from(registrationLinks).where(eq(registrationLinks.registrationId, r.id));
  const stale = existing.filter((l) => !wanted.some((w) => w.userId === l.userId && w.kind === l.kind));
  if (stale.length)
    await tx.delete(registrationLinks).where(
      inArray(
        registrationLinks.id,
        stale.map((l) => l.id),
      ),
    );
  for (const w of wanted) {
    if (existing.some((l) => l.userId === w.userId && l.kind === w.kind)) continue;
    await tx.insert(registrationLinks).values({ registrationId: r.id, userId: w.userId, kind: w.kind });
    const kind = w.kind === "co_performer" ? "registration.invited" : "registration.partner";
    // One invitation per person per registration: taking someone off and naming them again
    // must not become a way to send them message after message.
    const [told] = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, w.userId),
          eq(notifications.kind, kind),
          sql`${notifications.data} ->> 'registrationId' = ${r.id}`,
        ),
      )
      .limit(1);
    if (!told)
      await tx.insert(notifications).values({
        userId: w.userId,
        kind,
        data: { registrationId: r.id, from: actor.name, title: label },
      });
  }
  // Two players who named each other are a pair.
  if (people.partner) {
    const [mutual] = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .innerJoin(
        registrationLinks,
        and(
          eq(registrationLinks.registrationId, registrations.id),
          eq(registrationLinks.userId, actor.id),
          eq(registrationLinks.kind, "partner"),
          isNull(registrationLinks.declinedAt),
        ),
      )
      .where(
        and(
          eq(registrations.userId, people.partner.id),
          eq(registrations.itemId, r.itemId!),
          inArray(registrations.status, ["confirmed", "waitlisted"]),
        ),
      )
      .limit(1);
    if (mutual) await pair(tx, r.id, mutual.id);
  }
}

async function pair(tx: Tx, a: string, b: string) {
  await tx.update(registrations).set({ partnerRegistrationId: b }).where(eq(registrations.id, a));
  await tx.update(registrations).set({ partnerRegistrationId: a }).where(eq(registrations.id, b));
}

/** Undoes a pair from both sides. */
export async function unpair(tx: Tx, r: Pick<Registration, "id" | "partnerRegistrationId">) {
  if (!r.partnerRegistrationId) return;
  await tx
    .update(registrations)
    .set({ partnerRegistrationId: null })
    .where(inArray(registrations.id, [r.id, r.partnerRegistrationId]));
}

/**
 * "Find me a partner": pairs the registration with the earliest other one in the same game that
 * asked the same and has nobody yet. The conditional update means two people never get the
 * same partner; both are told.
 */
export async function matchPartner(tx: Tx, r: Registration): Promise<string | null> {
  if (!r.itemId) return null;
  // One matcher per game at a time: two people asking at the same moment then see each other
  // instead of both waiting, each unaware of the other's uncommitted registration.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`partner:${r.itemId}`}))`);
  const candidates = await tx
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.itemId, r.itemId),
        ne(registrations.id, r.id),
        r.userId ? sql`${registrations.userId} is distinct from ${r.userId}` : undefined,
        isNull(registrations.partnerRegistrationId),
        inArray(registrations.status, ["confirmed", "waitlisted"]),
        sql`${registrations.details} -> 'partner' ->> 'kind' = 'find'`,
      ),
    )
    .orderBy(asc(registrations.createdAt))
    .limit(5)
    .for("update", { skipLocked: true });
  for (const c of candidates) {
    const [won] = await tx
      .update(registrations)
      .set({ partnerRegistrationId: r.id })
      .where(and(eq(registrations.id, c.id), isNull(registrations.partnerRegistrationId)))
      .returning({ id: registrations.id });
    if (!won) continue;
    await tx.update(registrations).set({ partnerRegistrationId: c.id }).where(eq(registrations.id, r.id));
    const told = [
      { userId: r.userId, registrationId: r.id, partner: publicName(c.participantName, c.participantAge) },
      { userId: c.userId, registrationId: c.id, partner: publicName(r.participantName, r.participantAge) },
    ].flatMap(({ userId, ...data }) => (userId ? [{ userId, kind: "registration.partner_found", data }] : []));
    if (told.length) await tx.insert(notifications).values(told);
    return c.id;
  }
  return null;
}
