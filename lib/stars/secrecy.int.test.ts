import { afterAll, beforeAll, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { auditLog, householdMembers } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser, must } from "@/tests/support/fixtures";
import { named, setWindows, starFestival } from "@/tests/support/star-fixtures";
import type { Actor } from "@/lib/actor";
import { liveTally, listCandidates, listMyBallots, publishedWinners } from "./queries";
import { mixClosedBallots } from "./mix";
import { listReceipts } from "./receipts";
import { listVetting, publishPreview } from "./admin-queries";
import { vettingFilterSchema } from "./admin-forms";
import { castBallot, nominate, publishResults, vetNominations } from "./service";
import { recordPaperBallot } from "./paper-ballot";

// Whatever organisers and the public can read about a vote holds counts, never who chose whom:
// no voter's id, name, phone or receipt appears in any of it. And once voting has closed and the
// ballots are mixed, nothing the database holds ties a voter to a choice: the SQL that tries is
// written out below, and finds nothing.

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

it("no organiser or public read links a voter to a candidate", async () => {
  const f = await starFestival(t.db, organiser, [{ name: "孝老爱亲之星" }, { name: "文明家庭", mode: "household" }]);
  const candidates: string[][] = [[], []];
  for (const [c, names] of [
    ["候选人甲", "候选人乙"],
    ["候选家庭丙", "候选家庭丁"],
  ].entries()) {
    for (const n of names) {
      const nominator = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
      const r = await nominate(t.db, nominator, named(f.slug, f.categoryIds[c], n));
      if (!r.ok) throw new Error("nominate");
      candidates[c].push(r.data.id);
    }
  }
  await vetNominations(t.db, organiser, { ids: candidates.flat(), decision: "approve" });
  await setWindows(t.db, f.slug, "voting");

  const home = await makeHousehold(t.db);
  const voters = [];
  for (let i = 0; i < 6; i++) {
    const u = await makeUser(t.db, {
      verified: true,
      householdId: i < 2 ? home.id : undefined,
      name: `秘密投票人${i}`,
      phone: `1370000${String(1000 + i)}`,
    });
    voters.push({ user: u, actor: { ...(await actorOf(t.db, u.id)), ip: "10.1.2.3" } });
  }
  const secrets: string[] = [];
  for (const [i, v] of voters.entries()) {
    for (const c of [0, 1]) {
      const r = await castBallot(t.db, v.actor, {
        festivalSlug: f.slug,
        categoryId: f.categoryIds[c],
        candidateIds: [candidates[c][i % 2]],
      });
      if (r.ok) secrets.push(r.data.receipt);
    }
    secrets.push(v.user.id, v.user.name, v.user.phone);
  }
  // A second ballot is refused and logged: the log says that, not for whom.
  await castBallot(t.db, voters[0].actor, {
    festivalSlug: f.slug,
    categoryId: f.categoryIds[0],
    candidateIds: [candidates[0][1]],
  });

  const fid = (await t.db.query.festivals.findFirst({ where: (x, { eq }) => eq(x.slug, f.slug) }))!.id;
  // While voting runs the organisers see turnout, and no count per candidate.
  const during = must(await liveTally(t.db, organiser, fid));
  expect(during.counted).toBe(false);
  expect(during.categories.map((c) => [c.ballots, c.candidates, c.tie])).toEqual([
    [6, null, null],
    [5, null, null],
  ]);
  expect(JSON.stringify(during)).not.toMatch(new RegExp(candidates.flat().join("|")));
  const reads: unknown[] = [
    during,
    must(await listVetting(t.db, organiser, fid, vettingFilterSchema.parse({}))),
    must(await publishPreview(t.db, organiser, fid)),
    await listCandidates(t.db, fid, "visitor"),
  ];
  await setWindows(t.db, f.slug, "closed");
  const published = await publishResults(t.db, organiser, {
    festivalSlug: f.slug,
    settlements: f.categoryIds.map((categoryId, c) => ({ categoryId, winnerIds: [candidates[c][0]], reason: "抽签" })),
  });
  expect(published.ok).toBe(true);
  reads.push(await publishedWinners(t.db, fid), must(await liveTally(t.db, organiser, fid)));
  const audit = await t.db.select().from(auditLog);
  // The audit log may name a voter (a refused second ballot) but never a candidate with them.
  for (const row of audit.filter((a) => a.action === "stars.vote")) {
    expect(JSON.stringify(row.details)).not.toMatch(new RegExp(candidates.flat().join("|")));
  }
  const text = JSON.stringify(reads);
  for (const s of secrets) expect(text, s).not.toContain(s);

  // The tally still adds up: counts are what organisers see.
  const tally = must(await liveTally(t.db, organiser, fid));
  expect(tally.counted).toBe(true);
  expect(tally.categories.map((c) => c.candidates!.reduce((a, b) => a + b.votes, 0))).toEqual([6, 5]);

  // In household mode the other member sees that the household voted, and by whom, not the choice.
  const mine = await listMyBallots(t.db, voters[1].actor, fid);
  const household = mine.find((b) => b.categoryId === f.categoryIds[1])!;
  expect(household).toEqual({ categoryId: f.categoryIds[1], mine: null, byHousehold: "秘密投票人0" });
  // And the voter's own page says that they voted, not for whom nor their receipt.
  const own = await listMyBallots(t.db, voters[0].actor, fid);
  expect(own.map((b) => Object.keys(b.mine ?? {}))).toEqual([["at"], ["at"]]);
});

const rowsOf = async <T>(q: SQL): Promise<T[]> => {
  const r = (await t.db.execute(q)) as unknown as { rows?: T[] } & T[];
  return r.rows ?? r;
};

/** Spearman's rank correlation of two orders of the same items. */
function rankCorrelation(a: string[], b: string[]): number {
  const at = new Map(b.map((x, i) => [x, i]));
  const n = a.length;
  const d2 = a.reduce((sum, x, i) => sum + (i - at.get(x)!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

it("after the close and mixing, no SQL over the stored tables links a voter to a candidate", async () => {
  const f = await starFestival(t.db, organiser, [{ name: "邻里互助之星" }]);
  const ids: string[] = [];
  for (const n of ["候选人戊", "候选人己"]) {
    const nominator = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const r = await nominate(t.db, nominator, named(f.slug, f.categoryIds[0], n));
    if (!r.ok) throw new Error("nominate");
    ids.push(r.data.id);
  }
  await vetNominations(t.db, organiser, { ids, decision: "approve" });
  await setWindows(t.db, f.slug, "voting");
  const fid = (await t.db.query.festivals.findFirst({ where: (x, { eq }) => eq(x.slug, f.slug) }))!.id;

  // 200 voters, each in a transaction of their own, in a known order with known choices; one in
  // five votes on paper at the desk (an account, or a household member without one), and the
  // desk's audit entry is written in the same transaction as the ballot.
  const cast: { voter: string; candidate: string; receipt: string }[] = [];
  for (let i = 0; i < 200; i++) {
    const actor = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const candidate = ids[i % 2];
    const ballot = { festivalSlug: f.slug, categoryId: f.categoryIds[0], candidateIds: [candidate] };
    if (i % 10 === 3) {
      const r = must(await recordPaperBallot(t.db, organiser, { ...ballot, userId: actor.id }));
      cast.push({ voter: actor.id, candidate, receipt: r.receipt });
    } else if (i % 10 === 7) {
      const [m] = await t.db
        .insert(householdMembers)
        .values({ householdId: actor.householdId!, name: `纸质投票人${i}`, birthYear: 1945, relation: "parent" })
        .returning();
      const r = must(await recordPaperBallot(t.db, organiser, { ...ballot, memberId: m.id }));
      cast.push({ voter: m.id, candidate, receipt: r.receipt });
    } else {
      const r = must(await castBallot(t.db, actor, ballot));
      cast.push({ voter: actor.id, candidate, receipt: r.receipt });
    }
  }
  const choiceOf = new Map(cast.map((c) => [c.voter, c.candidate]));
  const category = f.categoryIds[0];

  // Control, while voting runs: a ballot and its pending choice share a transaction id, and the
  // join names every voter's choice. This is the query that must find nothing after mixing.
  const linkedByXmin = () =>
    rowsOf<{ voter: string; candidate: string }>(sql`
      select coalesce(b.voter_id, b.member_id)::text as voter, v.candidate_id::text as candidate
      from star_ballots b join star_votes v on v.xmin = b.xmin and v.category_id = b.category_id
      where b.category_id = ${category}`);
  // The desk's audit entries: who recorded a ballot for whom, written with the ballot.
  const linkedByAudit = () =>
    rowsOf<{ voter: string }>(sql`
      select coalesce(a.details->>'forUserId', a.details->>'forMemberId') as voter
      from audit_log a join star_votes v on v.xmin = a.xmin
      where a.action = 'stars.paper_ballot' and v.category_id = ${category}
      union all
      select coalesce(a.details->>'forUserId', a.details->>'forMemberId') as voter
      from audit_log a join star_receipts r on r.xmin = a.xmin
      where a.action = 'stars.paper_ballot' and r.category_id = ${category}`);
  const pendingByXmin = await rowsOf<{ voter: string; candidates: string }>(sql`
    select coalesce(b.voter_id, b.member_id)::text as voter, p.candidate_ids::text as candidates
    from star_ballots b join star_pending_votes p on p.xmin = b.xmin
    where b.category_id = ${category}`);
  expect(pendingByXmin).toHaveLength(200);
  const pendingByAudit = await rowsOf<{ voter: string; candidates: string }>(sql`
    select coalesce(a.details->>'forUserId', a.details->>'forMemberId') as voter, p.candidate_ids::text as candidates
    from audit_log a join star_pending_votes p on p.xmin = a.xmin
    where a.action = 'stars.paper_ballot' and p.category_id = ${category}`);
  expect(pendingByAudit).toHaveLength(40);
  expect(pendingByAudit.every((r) => r.candidates.includes(choiceOf.get(r.voter)!))).toBe(true);
  expect(pendingByXmin.every((r) => r.candidates.includes(choiceOf.get(r.voter)!))).toBe(true);

  await setWindows(t.db, f.slug, "closed");
  expect(await mixClosedBallots(t.db, { festivalId: fid })).toBe(200);

  // 1. A shared transaction id: no counted vote and no receipt was written with a ballot.
  expect(await linkedByXmin()).toEqual([]);
  expect(await linkedByAudit()).toEqual([]);
  expect(
    await rowsOf(sql`
      select 1 from star_ballots b join star_receipts r on r.xmin = b.xmin where b.category_id = ${category}`),
  ).toEqual([]);
  expect(await rowsOf(sql`select 1 from star_pending_votes where category_id = ${category}`)).toEqual([]);

  // 2. The order of insertion: the counted votes and the receipts lie in an order unrelated to
  // the order the ballots were cast (and the ballots' own order says nothing of the choices).
  const votesInOrder = await rowsOf<{ candidate: string }>(sql`
    select candidate_id::text as candidate from star_votes where category_id = ${category} order by ctid`);
  expect(votesInOrder).toHaveLength(200);
  const sameAsCast = votesInOrder.filter((v, i) => v.candidate === cast[i].candidate).length;
  // By chance about half agree (two candidates); in cast order all 200 would.
  expect(sameAsCast).toBeLessThan(150);
  const receiptsInOrder = (
    await rowsOf<{ receipt: string }>(sql`
      select receipt from star_receipts where category_id = ${category} order by ctid`)
  ).map((r) => r.receipt);
  expect(new Set(receiptsInOrder)).toEqual(new Set(cast.map((c) => c.receipt)));
  // A random order has |ρ| < 0.3 with odds of about 30,000 to 1; the cast order has ρ = 1.
  expect(
    Math.abs(
      rankCorrelation(
        receiptsInOrder,
        cast.map((c) => c.receipt),
      ),
    ),
  ).toBeLessThan(0.3);

  // 3. A time: the counted votes and the receipts hold none, nor any key to a person or ballot.
  const columns = await rowsOf<{ table_name: string; column_name: string; data_type: string }>(sql`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = 'public' and table_name in ('star_votes', 'star_receipts', 'star_pending_votes')`);
  expect(columns.filter((c) => /time|date|interval/.test(c.data_type))).toEqual([]);
  expect(columns.map((c) => `${c.table_name}.${c.column_name}`).sort()).toEqual([
    "star_pending_votes.candidate_ids",
    "star_pending_votes.category_id",
    "star_pending_votes.id",
    "star_pending_votes.receipt",
    "star_receipts.category_id",
    "star_receipts.id",
    "star_receipts.receipt",
    "star_votes.candidate_id",
    "star_votes.category_id",
    "star_votes.id",
  ]);

  // 4. A copy: no row of any table holds a voter's id beside that voter's receipt or candidate.
  const tables = await rowsOf<{ name: string }>(sql`
    select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  for (const { name } of tables) {
    const rows = (await rowsOf<{ r: string }>(sql`select t::text as r from ${sql.identifier(name)} t`)).map((x) => x.r);
    for (const c of cast.slice(0, 40)) {
      const leak = rows.find((r) => r.includes(c.voter) && (r.includes(c.receipt) || r.includes(c.candidate)));
      expect(leak, `${name} links a voter to a choice`).toBeUndefined();
    }
  }

  // The receipts are listed for everyone to check, with no candidate beside them.
  const listed = await listReceipts(t.db, f.slug, { q: cast[7].receipt.toLowerCase().replace("-", "") });
  expect(listed?.match).toEqual({ receipt: cast[7].receipt, categoryName: "邻里互助之星" });
  expect(listed?.total).toBe(1);
  expect(listed?.categories.map((c) => c.ballots)).toEqual([200]);
  const all = await listReceipts(t.db, f.slug);
  expect(all?.total).toBe(200);
  expect(all?.rows.map((r) => r.receipt)).toEqual([...cast.map((c) => c.receipt)].sort());
  expect(await listReceipts(t.db, f.slug, { q: "ZZZZZ-ZZZZZ" })).toMatchObject({ match: null, total: 0 });
  expect(JSON.stringify(listed)).not.toMatch(new RegExp(ids.join("|")));
});
