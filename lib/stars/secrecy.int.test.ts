import { afterAll, beforeAll, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser, must } from "@/tests/support/fixtures";
import { named, setWindows, starFestival } from "@/tests/support/star-fixtures";
import type { Actor } from "@/lib/actor";
import { liveTally, listCandidates, listMyBallots, publishedWinners } from "./queries";
import { listVetting, publishPreview } from "./admin-queries";
import { vettingFilterSchema } from "./admin-forms";
import { castBallot, nominate, publishResults, vetNominations } from "./service";

// Whatever organisers and the public can read about a vote holds counts, never who chose whom:
// no voter's id, name, phone or receipt appears in any of it.

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
  const reads: unknown[] = [
    must(await liveTally(t.db, organiser, fid)),
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
  expect(tally.categories.map((c) => c.candidates.reduce((a, b) => a + b.votes, 0))).toEqual([6, 5]);

  // In household mode the other member sees that the household voted, and by whom, not the choice.
  const mine = await listMyBallots(t.db, voters[1].actor, fid);
  const household = mine.find((b) => b.categoryId === f.categoryIds[1])!;
  expect(household).toEqual({ categoryId: f.categoryIds[1], mine: null, byHousehold: "秘密投票人0" });
});
