import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq, sql } from "drizzle-orm";
import { householdMembers, starBallots, starCategories, starPendingVotes, starReceipts, starVotes } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser } from "@/tests/support/fixtures";
import { named, setWindows, starFestival } from "@/tests/support/star-fixtures";
import type { Actor } from "@/lib/actor";
import { castBallot, nominate, standings, vetNominations } from "./service";
import { mixClosedBallots } from "./mix";
import { recordPaperBallot } from "./paper-ballot";

// Real Postgres, many connections, ballots fired together; each guard has its control.
let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb({ poolSize: 30 });
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const verified = (n: number, householdId?: string) =>
  Promise.all(
    Array.from({ length: n }, async () => actorOf(t.db, (await makeUser(t.db, { verified: true, householdId })).id)),
  );

async function voting(names: string[], mode: "resident" | "household" = "resident") {
  const f = await starFestival(t.db, organiser, [{ mode }]);
  const nominators = await verified(names.length);
  const ids: string[] = [];
  for (const [i, n] of names.entries()) {
    const r = await nominate(t.db, nominators[i], named(f.slug, f.categoryIds[0], n));
    if (!r.ok) throw new Error("nominate");
    ids.push(r.data.id);
  }
  await vetNominations(t.db, organiser, { ids, decision: "approve" });
  await setWindows(t.db, f.slug, "voting");
  return { ...f, categoryId: f.categoryIds[0], candidateIds: ids };
}

const ballotsIn = async (categoryId: string) =>
  (await t.db.select({ n: count() }).from(starBallots).where(eq(starBallots.categoryId, categoryId)))[0].n;

describe("one ballot per voter", () => {
  it("one resident casts 50 ballots at once → 1 ballot, 49 already_voted", async () => {
    const f = await voting(["甲", "乙"]);
    const [me] = await verified(1);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        castBallot(t.db, me, { festivalSlug: f.slug, categoryId: f.categoryId, candidateIds: [f.candidateIds[i % 2]] }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "already_voted")).toHaveLength(49);
    expect(await ballotsIn(f.categoryId)).toBe(1);
    const [{ n }] = await t.db
      .select({ n: count() })
      .from(starPendingVotes)
      .where(eq(starPendingVotes.categoryId, f.categoryId));
    expect(n).toBe(1);
  });

  it("control: without the unique index, check-then-insert lets one resident vote many times", async () => {
    const f = await voting(["甲"]);
    const [me] = await verified(1);
    await t.db.execute(sql`drop index star_ballots_once_uq`);
    try {
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          const existing = await t.db
            .select({ id: starBallots.id })
            .from(starBallots)
            .where(eq(starBallots.voterKey, `user:${me.id}`));
          await new Promise((r) => setTimeout(r, 10));
          if (!existing.length)
            await t.db.insert(starBallots).values({
              festivalId: (
                await t.db
                  .select({ f: starCategories.festivalId })
                  .from(starCategories)
                  .where(eq(starCategories.id, f.categoryId))
              )[0].f,
              categoryId: f.categoryId,
              voterKey: `user:${me.id}`,
              voterId: me.id,
            });
        }),
      );
      expect(await ballotsIn(f.categoryId)).toBeGreaterThan(1);
    } finally {
      await t.db.delete(starBallots).where(eq(starBallots.categoryId, f.categoryId));
      await t.db.execute(sql`create unique index star_ballots_once_uq on star_ballots (category_id, voter_key)`);
    }
  });

  it("household mode: two members at once → 1 ballot for the household", async () => {
    for (let round = 0; round < 5; round++) {
      const f = await voting(["甲", "乙"], "household");
      const home = await makeHousehold(t.db);
      const [a, b] = await verified(2, home.id);
      const results = await Promise.all(
        [a, b].map((p, i) =>
          castBallot(t.db, p, { festivalSlug: f.slug, categoryId: f.categoryId, candidateIds: [f.candidateIds[i]] }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await ballotsIn(f.categoryId)).toBe(1);
    }
  });

  it("control: keyed by the person instead of the household, both members' ballots count", async () => {
    const f = await voting(["甲", "乙"], "household");
    const home = await makeHousehold(t.db);
    const [a, b] = await verified(2, home.id);
    const [{ festivalId }] = await t.db
      .select({ festivalId: starCategories.festivalId })
      .from(starCategories)
      .where(eq(starCategories.id, f.categoryId));
    await Promise.all(
      [a, b].map((p) =>
        t.db
          .insert(starBallots)
          .values({
            festivalId,
            categoryId: f.categoryId,
            voterKey: `user:${p.id}`,
            voterId: p.id,
            householdId: home.id,
          })
          .onConflictDoNothing(),
      ),
    );
    expect(await ballotsIn(f.categoryId)).toBe(2);
  });
});

describe("a paper ballot and an online one at once", () => {
  it("the desk and the resident's phone at the same moment → 1 ballot, the other already_voted", async () => {
    for (let round = 0; round < 5; round++) {
      const f = await voting(["甲", "乙"]);
      const [me] = await verified(1);
      const results = await Promise.all([
        recordPaperBallot(t.db, organiser, {
          festivalSlug: f.slug,
          categoryId: f.categoryId,
          userId: me.id,
          candidateIds: [f.candidateIds[0]],
        }),
        castBallot(t.db, me, { festivalSlug: f.slug, categoryId: f.categoryId, candidateIds: [f.candidateIds[1]] }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.code === "already_voted")).toHaveLength(1);
      expect(await ballotsIn(f.categoryId)).toBe(1);
      const [{ n }] = await t.db
        .select({ n: count() })
        .from(starPendingVotes)
        .where(eq(starPendingVotes.categoryId, f.categoryId));
      expect(n).toBe(1);
    }
  });

  it("household mode: a member's paper ballot and another member's online ballot at once → 1 for the household", async () => {
    for (let round = 0; round < 5; round++) {
      const f = await voting(["甲", "乙"], "household");
      const home = await makeHousehold(t.db);
      const [online] = await verified(1, home.id);
      const [grandma] = await t.db
        .insert(householdMembers)
        .values({ householdId: home.id, name: "奶奶", birthYear: 1940, relation: "parent" })
        .returning();
      const results = await Promise.all([
        recordPaperBallot(t.db, organiser, {
          festivalSlug: f.slug,
          categoryId: f.categoryId,
          memberId: grandma.id,
          candidateIds: [f.candidateIds[0]],
        }),
        castBallot(t.db, online, { festivalSlug: f.slug, categoryId: f.categoryId, candidateIds: [f.candidateIds[1]] }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await ballotsIn(f.categoryId)).toBe(1);
    }
  });

  it("control: keyed by the member and the account instead of their household, both ballots count", async () => {
    const f = await voting(["甲", "乙"], "household");
    const home = await makeHousehold(t.db);
    const [online] = await verified(1, home.id);
    const [grandma] = await t.db
      .insert(householdMembers)
      .values({ householdId: home.id, name: "奶奶", birthYear: 1940, relation: "parent" })
      .returning();
    const [{ festivalId }] = await t.db
      .select({ festivalId: starCategories.festivalId })
      .from(starCategories)
      .where(eq(starCategories.id, f.categoryId));
    const base = { festivalId, categoryId: f.categoryId, householdId: home.id };
    await Promise.all([
      t.db
        .insert(starBallots)
        .values({ ...base, voterKey: `member:${grandma.id}`, memberId: grandma.id, channel: "desk" })
        .onConflictDoNothing(),
      t.db
        .insert(starBallots)
        .values({ ...base, voterKey: `user:${online.id}`, voterId: online.id })
        .onConflictDoNothing(),
    ]);
    expect(await ballotsIn(f.categoryId)).toBe(2);
  });

  it("control: without the unique index, the desk's check-then-insert and the phone's both land", async () => {
    const f = await voting(["甲"]);
    const [me] = await verified(1);
    const [{ festivalId }] = await t.db
      .select({ festivalId: starCategories.festivalId })
      .from(starCategories)
      .where(eq(starCategories.id, f.categoryId));
    await t.db.execute(sql`drop index star_ballots_once_uq`);
    try {
      await Promise.all(
        (["desk", "online"] as const).map(async (channel) => {
          const existing = await t.db
            .select({ id: starBallots.id })
            .from(starBallots)
            .where(eq(starBallots.voterKey, `user:${me.id}`));
          await new Promise((r) => setTimeout(r, 20));
          if (!existing.length)
            await t.db.insert(starBallots).values({
              festivalId,
              categoryId: f.categoryId,
              voterKey: `user:${me.id}`,
              voterId: me.id,
              channel,
              recordedBy: channel === "desk" ? organiser.id : null,
            });
        }),
      );
      expect(await ballotsIn(f.categoryId)).toBe(2);
    } finally {
      await t.db.delete(starBallots).where(eq(starBallots.categoryId, f.categoryId));
      await t.db.execute(sql`create unique index star_ballots_once_uq on star_ballots (category_id, voter_key)`);
    }
  });
});

describe("the last-minute rush", () => {
  it("500 residents at once → 500 ballots and an exact tally", async () => {
    const f = await voting(["甲", "乙", "丙"]);
    const people = await verified(500);
    const results = await Promise.all(
      people.map((p, i) =>
        castBallot(t.db, p, { festivalSlug: f.slug, categoryId: f.categoryId, candidateIds: [f.candidateIds[i % 3]] }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(500);
    expect(new Set(results.map((r) => (r.ok ? r.data.receipt : ""))).size).toBe(500);
    expect(await ballotsIn(f.categoryId)).toBe(500);
    // Nothing is counted while voting runs; after the close, four mixers at once count each ballot once.
    expect((await standings(t.db, f.categoryId)).every((s) => s.votes === 0)).toBe(true);
    await setWindows(t.db, f.slug, "closed");
    const moved = await Promise.all(Array.from({ length: 4 }, () => mixClosedBallots(t.db, { batchSize: 40 })));
    expect(moved.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(500);
    const tally = Object.fromEntries((await standings(t.db, f.categoryId)).map((s) => [s.nominationId, s.votes]));
    expect(tally).toEqual({ [f.candidateIds[0]]: 167, [f.candidateIds[1]]: 167, [f.candidateIds[2]]: 166 });
    const listed = await t.db
      .select({ receipt: starReceipts.receipt })
      .from(starReceipts)
      .where(eq(starReceipts.categoryId, f.categoryId));
    expect(new Set(listed.map((r) => r.receipt))).toEqual(new Set(results.map((r) => (r.ok ? r.data.receipt : ""))));
    const [{ left }] = await t.db
      .select({ left: count() })
      .from(starPendingVotes)
      .where(eq(starPendingVotes.categoryId, f.categoryId));
    expect(left).toBe(0);
  });

  it("control: mixers that read the pending ballots without locking them count them twice", async () => {
    const f = await voting(["甲", "乙"]);
    const people = await verified(40);
    await Promise.all(
      people.map((p, i) =>
        castBallot(t.db, p, { festivalSlug: f.slug, categoryId: f.categoryId, candidateIds: [f.candidateIds[i % 2]] }),
      ),
    );
    await setWindows(t.db, f.slug, "closed");
    await Promise.all(
      Array.from({ length: 4 }, () =>
        t.db.transaction(async (tx) => {
          const rows = await tx.select().from(starPendingVotes).where(eq(starPendingVotes.categoryId, f.categoryId));
          await new Promise((r) => setTimeout(r, 20));
          if (rows.length)
            await tx
              .insert(starVotes)
              .values(rows.map((r) => ({ categoryId: r.categoryId, candidateId: r.candidateIds[0] })));
          await tx.delete(starPendingVotes).where(eq(starPendingVotes.categoryId, f.categoryId));
        }),
      ),
    );
    const [{ n }] = await t.db.select({ n: count() }).from(starVotes).where(eq(starVotes.categoryId, f.categoryId));
    expect(n).toBeGreaterThan(40);
  });

  it("control: a counter column updated by read-then-write loses votes under the same rush", async () => {
    await t.db.execute(sql`create table if not exists race_counter (id int primary key, n int not null)`);
    await t.db.execute(sql`insert into race_counter values (1, 0) on conflict (id) do update set n = 0`);
    await Promise.all(
      Array.from({ length: 200 }, async () => {
        const rows = (await t.db.execute(sql`select n from race_counter where id = 1`)) as unknown as {
          rows?: { n: number }[];
        } & { n: number }[];
        const n = (rows.rows ?? rows)[0].n;
        await new Promise((r) => setTimeout(r, 5));
        await t.db.execute(sql`update race_counter set n = ${n + 1} where id = 1`);
      }),
    );
    const rows = (await t.db.execute(sql`select n from race_counter where id = 1`)) as unknown as {
      rows?: { n: number }[];
    } & { n: number }[];
    expect((rows.rows ?? rows)[0].n).toBeLessThan(200);
    await t.db.execute(sql`drop table race_counter`);
  });
});
