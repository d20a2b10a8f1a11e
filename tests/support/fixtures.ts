import { count, sql } from "drizzle-orm";
import type { Role } from "@/vocabulary/accounts";
import { householdMembers, households, userRoles, users } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Actor } from "@/lib/actor";
import { hashPassword } from "@/lib/auth/password";
import { loadActor } from "@/lib/auth/credentials";
import { generateHouseholdCode } from "@/lib/accounts/household-code";

export const TEST_PASSWORD = "a quiet lake in spring";
let hash: Promise<string> | undefined;
/** One scrypt hash per test file (at the suite's low cost, see vitest.config.ts). */
export const testHash = () => (hash ??= hashPassword(TEST_PASSWORD));

let seq = 0;
export function nextPhone(): string {
  seq += 1;
  return `137${String(process.pid % 10000).padStart(4, "0")}${String(seq).padStart(4, "0")}`;
}

export async function makeHousehold(db: Db, over: Partial<typeof households.$inferInsert> = {}) {
  seq += 1;
  const [h] = await db
    .insert(households)
    .values({
      building: over.building ?? "测试楼 1栋",
      unit: over.unit ?? "1单元",
      room: over.room ?? String(100 + seq),
      householderName: over.householderName ?? null,
      code: over.code ?? generateHouseholdCode(),
    })
    .returning();
  return h;
}

export async function makeUser(
  db: Db,
  opts: {
    roles?: Role[];
    verified?: boolean;
    householdId?: string | null;
    name?: string;
    phone?: string;
    /** false: an account whose number was never confirmed by a code. */
    phoneConfirmed?: boolean;
  } = {},
) {
  const householdId =
    opts.householdId !== undefined ? opts.householdId : opts.verified ? (await makeHousehold(db)).id : null;
  const [u] = await db
    .insert(users)
    .values({
      name: opts.name ?? "测试居民",
      phone: opts.phone ?? nextPhone(),
      passwordHash: await testHash(),
      householdId,
      verifiedAt: opts.verified ? new Date() : null,
      verifiedBy: opts.verified ? "organiser" : null,
      tokensValidAfter: new Date(Date.now() - 60_000),
      phoneConfirmedAt: opts.phoneConfirmed === false ? null : new Date(),
    })
    .returning();
  const roles: Role[] = ["resident", ...(opts.roles ?? []).filter((r) => r !== "resident")];
  await db.insert(userRoles).values(roles.map((role) => ({ userId: u.id, role })));
  return u;
}

/** A member of a household without an account, aged `age` this year. */
export async function makeMember(db: Db, householdId: string, name: string, age: number) {
  const [m] = await db
    .insert(householdMembers)
    .values({ householdId, name, birthYear: new Date().getFullYear() - age, relation: "other" })
    .returning();
  return m;
}

/** The actor as a session would see it right now. */
export async function actorOf(db: Db, userId: string): Promise<Actor> {
  const a = await loadActor(db, userId, Date.now());
  if (!a) throw new Error("no actor");
  return a;
}

export async function rowCount(db: Db, table: typeof users | typeof households | typeof userRoles) {
  return (await db.select({ n: count() }).from(table))[0].n;
}

/** A fingerprint of every table but the audit log: equal before and after means nothing changed. */
export async function snapshot(db: Db): Promise<string> {
  const rows = await db.execute(sql`
    select
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from users t) as users,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from households t) as households,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from household_members t) as household_members,
      (select coalesce(md5(string_agg(t::text, ',' order by t.user_id, t.role)), '') from user_roles t) as roles,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from festivals t) as festivals,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from venues t) as venues,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from programme_items t) as items,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from programme_publications t) as publications,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from quotas t) as quotas,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from registrations t) as registrations,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from notifications t) as notifications,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from registration_links t) as registration_links,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from shifts t) as shifts,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from shift_assignments t) as shift_assignments,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from star_categories t) as star_categories,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from photos t) as photos,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from star_nominations t) as star_nominations,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from star_ballots t) as star_ballots,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from star_pending_votes t) as star_pending_votes,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from star_votes t) as star_votes,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from star_receipts t) as star_receipts,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from star_winners t) as star_winners,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from beneficiaries t) as beneficiaries,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from wishes t) as wishes,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from wish_claims t) as wish_claims,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from point_entries t) as point_entries,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from rewards t) as rewards,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from community_settings t) as community_settings,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from competitions t) as competitions,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from competition_entrants t) as competition_entrants,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from competition_matches t) as competition_matches,
      (select coalesce(md5(string_agg(t::text, ',' order by t.competition_id, t.user_id)), '') from competition_referees t) as competition_referees,
      (select coalesce(md5(string_agg(t::text, ',' order by t.user_id)), '') from desk_reset_codes t) as desk_reset_codes,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from posts t) as posts,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from post_groups t) as post_groups,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from post_members t) as post_members,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from patrol_teams t) as patrol_teams,
      (select coalesce(md5(string_agg(t::text, ',' order by t.team_id, t.member_id)), '') from patrol_team_members t) as patrol_team_members,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from patrol_swaps t) as patrol_swaps,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from patrol_notes t) as patrol_notes,
      (select coalesce(md5(string_agg(t::text, ',' order by t.key)), '') from job_keys t) as job_keys,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from service_hours t) as service_hours,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from group_slots t) as group_slots,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from group_sessions t) as group_sessions,
      (select coalesce(md5(string_agg(t::text, ',' order by t.session_id, t.member_id)), '') from group_attendance t) as group_attendance,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from training_sessions t) as training_sessions,
      (select coalesce(md5(string_agg(t::text, ',' order by t.session_id, t.member_id)), '') from training_attendance t) as training_attendance,
      (select coalesce(md5(string_agg(t::text, ',' order by t.kind)), '') from point_rules t) as point_rules,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from reward_rounds t) as reward_rounds,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from reward_bands t) as reward_bands,
      (select coalesce(md5(string_agg(t::text, ',' order by t.id)), '') from reward_awards t) as reward_awards`);
  const r = (rows as unknown as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[]);
  return JSON.stringify(r);
}

/** A service's data, or the test fails there with the refusal it got instead. */
export const must = <T>(r: { ok: true; data: T } | { ok: false; code: string }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
};
