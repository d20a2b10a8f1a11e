import "server-only";
import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import {
  festivals,
  householdMembers,
  households,
  starBallots,
  starCategories,
  starNominations,
  starWinners,
  users,
  type StarCategory,
} from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import type { Actor } from "@/lib/actor";
import { isOrganiser } from "@/lib/actor";
import { fail, ok, type Result } from "@/lib/result";
import { mixClosedBallots } from "./mix";
import { standings, winnersOf } from "./service";

export type Phase = "before" | "open" | "after" | "unset";
const phase = (opens: Date | null, closes: Date | null, now: Date): Phase =>
  !opens || !closes ? "unset" : now < opens ? "before" : now > closes ? "after" : "open";

export interface StarsFestival {
  id: string;
  slug: string;
  title: string;
  timeZone: string;
  nomination: Phase;
  voting: Phase;
  nominationOpensAt: Date | null;
  nominationClosesAt: Date | null;
  votingOpensAt: Date | null;
  votingClosesAt: Date | null;
  publishedAt: Date | null;
}

/** A festival residents can see (not a draft), with where its nomination and voting windows stand. */
export async function getStarsFestival(
  db: DbOrTx,
  slug: string,
  now = new Date(),
  opts: { drafts?: boolean } = {},
): Promise<StarsFestival | null> {
  const [f] = await db.select().from(festivals).where(eq(festivals.slug, slug));
  if (!f || (f.status === "draft" && !opts.drafts)) return null;
  return {
    id: f.id,
    slug: f.slug,
    title: f.title,
    timeZone: f.timeZone,
    nomination: phase(f.nominationOpensAt, f.nominationClosesAt, now),
    voting: phase(f.votingOpensAt, f.votingClosesAt, now),
    nominationOpensAt: f.nominationOpensAt,
    nominationClosesAt: f.nominationClosesAt,
    votingOpensAt: f.votingOpensAt,
    votingClosesAt: f.votingClosesAt,
    publishedAt: f.starsPublishedAt,
  };
}

export async function listCategories(db: DbOrTx, festivalId: string): Promise<StarCategory[]> {
  return db
    .select()
    .from(starCategories)
    .where(eq(starCategories.festivalId, festivalId))
    .orderBy(asc(starCategories.position), asc(starCategories.name));
}

export interface Candidate {
  id: string;
  categoryId: string;
  name: string;
  building: string | null;
  /** The story, then those of nominations merged into it. */
  stories: string[];
  photoId: string | null;
}

/** Where a named person lives, for telling neighbours apart: the building only, never the room. */
async function candidatesWhere(db: DbOrTx, where: ReturnType<typeof and>): Promise<Candidate[]> {
  const rows = await db
    .select({
      id: starNominations.id,
      categoryId: starNominations.categoryId,
      name: starNominations.nomineeName,
      building: sql<string | null>`coalesce(${starNominations.building}, ${households.building})`,
      story: starNominations.story,
      photoId: starNominations.photoId,
    })
    .from(starNominations)
    .leftJoin(users, eq(users.id, starNominations.nomineeUserId))
    .leftJoin(households, eq(households.id, users.householdId))
    .where(where);
  if (!rows.length) return [];
  const merged = await db
    .select({ into: starNominations.mergedInto, story: starNominations.story })
    .from(starNominations)
    .where(
      and(
        eq(starNominations.status, "merged"),
        inArray(
          starNominations.mergedInto,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(starNominations.createdAt));
  return rows.map((r) => ({
    id: r.id,
    categoryId: r.categoryId,
    name: r.name,
    building: r.building,
    photoId: r.photoId,
    stories: [r.story, ...merged.filter((m) => m.into === r.id).map((m) => m.story)],
  }));
}

/**
 * The candidates of each category in an order of the viewer's own: the same for one voter on
 * every visit, different between voters, so no name gains from being first.
 */
export async function listCandidates(db: DbOrTx, festivalId: string, viewerSeed: string): Promise<Candidate[]> {
  const list = await candidatesWhere(
    db,
    and(eq(starNominations.festivalId, festivalId), eq(starNominations.status, "approved")),
  );
  const key = (c: Candidate) => createHash("sha256").update(`${viewerSeed}:${c.categoryId}:${c.id}`).digest("hex");
  return list
    .map((c) => ({ c, k: key(c) }))
    .sort((a, b) => (a.k < b.k ? -1 : 1))
    .map(({ c }) => c);
}

export interface MyBallot {
  categoryId: string;
  /** I cast it, at this time. Whom I chose is not kept with my name: only my receipt, which I keep, says it. */
  mine: { at: Date } | null;
  /** In household mode, someone else in my household voted for us. */
  byHousehold: string | null;
}

/** My ballots (and my household's, in household mode) in a festival: that they were cast, never for whom. */
export async function listMyBallots(db: DbOrTx, actor: Actor, festivalId: string): Promise<MyBallot[]> {
  const rows = await db
    .select({
      categoryId: starBallots.categoryId,
      voterId: starBallots.voterId,
      createdAt: starBallots.createdAt,
      // A household member without an account votes on paper at the desk: named the same way.
      voterName: sql<string>`coalesce(${users.name}, ${householdMembers.name})`,
    })
    .from(starBallots)
    .leftJoin(users, eq(users.id, starBallots.voterId))
    .leftJoin(householdMembers, eq(householdMembers.id, starBallots.memberId))
    .where(
      and(
        eq(starBallots.festivalId, festivalId),
        or(
          eq(starBallots.voterKey, `user:${actor.id}`),
          actor.householdId ? eq(starBallots.voterKey, `household:${actor.householdId}`) : sql`false`,
        ),
      ),
    );
  return rows.map((r) => ({
    categoryId: r.categoryId,
    mine: r.voterId === actor.id ? { at: r.createdAt } : null,
    byHousehold: r.voterId === actor.id ? null : r.voterName,
  }));
}

export interface MyNomination {
  id: string;
  categoryName: string;
  nomineeName: string;
  status: string;
  reason: string | null;
  photoId: string | null;
}

export async function listMyNominations(db: DbOrTx, userId: string, festivalId: string): Promise<MyNomination[]> {
  return db
    .select({
      id: starNominations.id,
      categoryName: starCategories.name,
      nomineeName: starNominations.nomineeName,
      status: starNominations.status,
      reason: starNominations.reason,
      photoId: starNominations.photoId,
    })
    .from(starNominations)
    .innerJoin(starCategories, eq(starCategories.id, starNominations.categoryId))
    .where(and(eq(starNominations.nominatorId, userId), eq(starNominations.festivalId, festivalId)))
    .orderBy(desc(starNominations.createdAt));
}

/** Nominations of me that I can still decline. */
export async function listNominationsOfMe(db: DbOrTx, userId: string) {
  return db
    .select({
      id: starNominations.id,
      categoryName: starCategories.name,
      festivalTitle: festivals.title,
      festivalSlug: festivals.slug,
      status: starNominations.status,
      votingOpensAt: festivals.votingOpensAt,
    })
    .from(starNominations)
    .innerJoin(starCategories, eq(starCategories.id, starNominations.categoryId))
    .innerJoin(festivals, eq(festivals.id, starNominations.festivalId))
    .where(
      and(
        eq(starNominations.nomineeUserId, userId),
        inArray(starNominations.status, ["pending", "approved", "declined"]),
      ),
    )
    .orderBy(desc(starNominations.createdAt));
}

// ——— organisers ———

export interface Tally {
  categories: {
    id: string;
    name: string;
    mode: string;
    winners: number;
    ballots: number;
    /** Of those, the paper ballots typed in at the desk: a count, never whose. */
    atDesk: number;
    /** Per-candidate counts: null until voting has closed, so no refresh tells whom the last voter chose. */
    candidates: { id: string; name: string; votes: number }[] | null;
    tie: { ids: string[]; places: number } | null;
  }[];
  /** Voting has closed and every ballot is counted: the per-candidate counts are shown. */
  counted: boolean;
  voters: number;
  verifiedResidents: number;
  byBuilding: { building: string; voters: number; verified: number }[];
  overTime: { hour: Date; ballots: number }[];
  alerts: { kind: "ip" | "household"; key: string; ballots: number; from: Date }[];
}

/** Bursts worth a look: this many ballots from one address, or one household, within ten minutes. */
export const BURST = { ip: 10, household: 8, minutes: 10 };

/**
 * What organisers watch: while voting runs, turnout only (ballots per category, voters by
 * building, ballots over time, bursts worth a look); the counts per candidate once it has closed,
 * after every ballot is mixed and counted. Never who voted for whom. The standings are not public
 * before the results are, so anyone but an organiser is answered `forbidden`.
 */
export async function liveTally(
  db: DbOrTx,
  actor: Actor | null,
  festivalId: string,
  now = new Date(),
): Promise<Result<Tally>> {
  if (!isOrganiser(actor)) return fail("forbidden");
  const [f] = await db
    .select({ opens: festivals.votingOpensAt, closes: festivals.votingClosesAt })
    .from(festivals)
    .where(eq(festivals.id, festivalId));
  const counted = !!f && phase(f.opens, f.closes, now) === "after";
  if (counted) await mixClosedBallots(db, { festivalId, now });
  const categories = await listCategories(db, festivalId);
  const out: Tally["categories"] = [];
  for (const c of categories) {
    const [{ n, atDesk }] = await db
      .select({
        n: sql<number>`count(*)::int`,
        atDesk: sql<number>`(count(*) filter (where ${starBallots.channel} = 'desk'))::int`,
      })
      .from(starBallots)
      .where(eq(starBallots.categoryId, c.id));
    if (!counted) {
      out.push({
        id: c.id,
        name: c.name,
        mode: c.mode,
        winners: c.winners,
        ballots: n,
        atDesk,
        candidates: null,
        tie: null,
      });
      continue;
    }
    const list = await standings(db, c.id);
    const names = list.length
      ? await db
          .select({ id: starNominations.id, name: starNominations.nomineeName })
          .from(starNominations)
          .where(
            inArray(
              starNominations.id,
              list.map((s) => s.nominationId),
            ),
          )
      : [];
    const { tie } = winnersOf(list, c.winners);
    out.push({
      id: c.id,
      name: c.name,
      mode: c.mode,
      winners: c.winners,
      ballots: n,
      atDesk,
      candidates: list.map((s) => ({
        id: s.nominationId,
        name: names.find((x) => x.id === s.nominationId)?.name ?? "",
        votes: s.votes,
      })),
      tie: tie ? { ids: tie.tied.map((t) => t.nominationId), places: tie.places } : null,
    });
  }
  // A voter is an account or a household member without one (who votes on paper at the desk);
  // both count among those who may vote, by the building they live in.
  const voterBuilding = await db
    .select({
      building: households.building,
      voters: sql<number>`count(distinct coalesce(${starBallots.voterId}, ${starBallots.memberId}))::int`,
    })
    .from(starBallots)
    .leftJoin(users, eq(users.id, starBallots.voterId))
    .leftJoin(householdMembers, eq(householdMembers.id, starBallots.memberId))
    .leftJoin(households, eq(households.id, sql`coalesce(${users.householdId}, ${householdMembers.householdId})`))
    .where(eq(starBallots.festivalId, festivalId))
    .groupBy(households.building);
  const verifiedAccounts = await db
    .select({ building: households.building, n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(households, eq(households.id, users.householdId))
    .where(isNotNull(users.verifiedAt))
    .groupBy(households.building);
  const members = await db
    .select({ building: households.building, n: sql<number>`count(*)::int` })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(isNull(householdMembers.removedAt))
    .groupBy(households.building);
  const verified = [...new Set([...verifiedAccounts, ...members].map((v) => v.building))].map((building) => ({
    building,
    n: [...verifiedAccounts, ...members].filter((v) => v.building === building).reduce((a, b) => a + b.n, 0),
  }));
  const buildings = [...new Set([...verified.map((v) => v.building), ...voterBuilding.map((v) => v.building ?? "")])]
    .filter(Boolean)
    .sort((a, b) => a.localeCompare(b, "zh-CN"));
  const overTime = await db
    .select({ hour: sql<Date>`date_trunc('hour', ${starBallots.createdAt})`, ballots: sql<number>`count(*)::int` })
    .from(starBallots)
    .where(eq(starBallots.festivalId, festivalId))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const bucket = sql`to_timestamp(floor(extract(epoch from ${starBallots.createdAt}) / ${BURST.minutes * 60}) * ${BURST.minutes * 60})`;
  const ipBursts = await db
    .select({
      key: starBallots.ip,
      ballots: sql<number>`count(*)::int`,
      from: sql<Date>`min(${starBallots.createdAt})`,
    })
    .from(starBallots)
    .where(and(eq(starBallots.festivalId, festivalId), isNotNull(starBallots.ip)))
    .groupBy(starBallots.ip, bucket)
    .having(sql`count(*) >= ${BURST.ip}`);
  const householdBursts = await db
    .select({
      key: sql<string>`${households.building} || ' ' || ${households.unit} || '-' || ${households.room}`,
      ballots: sql<number>`count(*)::int`,
      from: sql<Date>`min(${starBallots.createdAt})`,
    })
    .from(starBallots)
    .innerJoin(households, eq(households.id, starBallots.householdId))
    .where(eq(starBallots.festivalId, festivalId))
    .groupBy(households.id, households.building, households.unit, households.room, bucket)
    .having(sql`count(*) >= ${BURST.household}`);
  const voters = voterBuilding.reduce((a, b) => a + b.voters, 0);
  return ok({
    categories: out,
    counted,
    voters,
    verifiedResidents: verified.reduce((a, b) => a + b.n, 0),
    byBuilding: buildings.map((b) => ({
      building: b,
      voters: voterBuilding.find((v) => v.building === b)?.voters ?? 0,
      verified: verified.find((v) => v.building === b)?.n ?? 0,
    })),
    overTime: overTime.map((o) => ({ hour: new Date(o.hour), ballots: o.ballots })),
    alerts: [
      ...ipBursts.map((b) => ({ kind: "ip" as const, key: b.key ?? "", ballots: b.ballots, from: new Date(b.from) })),
      ...householdBursts.map((b) => ({
        kind: "household" as const,
        key: b.key,
        ballots: b.ballots,
        from: new Date(b.from),
      })),
    ].sort((a, b) => b.ballots - a.ballots),
  });
}

// ——— results ———

export interface Winner {
  id: string;
  categoryId: string;
  categoryName: string;
  rank: number;
  votes: number;
  name: string;
  building: string | null;
  stories: string[];
  photoId: string | null;
  tieReason: string | null;
}

/** Published winners, or null while the results are not published. */
export async function publishedWinners(db: DbOrTx, festivalId: string): Promise<Winner[] | null> {
  const [f] = await db.select({ at: festivals.starsPublishedAt }).from(festivals).where(eq(festivals.id, festivalId));
  if (!f?.at) return null;
  const rows = await db
    .select({
      id: starWinners.id,
      nominationId: starWinners.nominationId,
      categoryId: starWinners.categoryId,
      categoryName: starCategories.name,
      position: starCategories.position,
      rank: starWinners.rank,
      votes: starWinners.votes,
      tieReason: starWinners.tieReason,
    })
    .from(starWinners)
    .innerJoin(starCategories, eq(starCategories.id, starWinners.categoryId))
    .where(eq(starCategories.festivalId, festivalId))
    .orderBy(asc(starCategories.position), asc(starWinners.rank));
  const candidates = await candidatesWhere(
    db,
    inArray(
      starNominations.id,
      rows.length ? rows.map((r) => r.nominationId) : ["00000000-0000-0000-0000-000000000000"],
    ),
  );
  return rows.map((r) => {
    const c = candidates.find((x) => x.id === r.nominationId)!;
    return {
      id: r.id,
      categoryId: r.categoryId,
      categoryName: r.categoryName,
      rank: r.rank,
      votes: r.votes,
      name: c.name,
      building: c.building,
      stories: c.stories,
      photoId: c.photoId,
      tieReason: r.tieReason,
    };
  });
}

/**
 * Who may see a photo: anyone once its nomination is a candidate (or merged into one, or a
 * winner); before that only organisers and the resident who sent it.
 */
export async function canSeePhoto(db: DbOrTx, photoId: string, actor: Actor | null): Promise<boolean> {
  const rows = await db
    .select({ status: starNominations.status, nominatorId: starNominations.nominatorId })
    .from(starNominations)
    .where(eq(starNominations.photoId, photoId));
  if (!rows.length) return isOrganiser(actor);
  if (rows.some((r) => r.status === "approved")) return true;
  return isOrganiser(actor) || rows.some((r) => actor && r.nominatorId === actor.id);
}
