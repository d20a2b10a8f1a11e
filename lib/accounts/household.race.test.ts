import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, isNotNull, like } from "drizzle-orm";
import { communitySettings, householdLinkRequests, starBallots, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser, must, nextPhone } from "@/tests/support/fixtures";
import { named, setWindows, starFestival } from "@/tests/support/star-fixtures";
import type { Actor } from "@/lib/actor";
import { castBallot, nominate, vetNominations } from "@/lib/stars/service";
import { linkHousehold, signUp } from "./service";
import { issueCode } from "@/lib/messages/codes";

// Real Postgres, many connections, requests fired together. Each guard has a control that turns
// it off and shows the race happening, so a pass means the guard holds.
let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb({ poolSize: 30 });
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  await t.db.insert(communitySettings).values({ id: 1, householdCodeCap: 6 }).onConflictDoNothing();
});
afterAll(async () => t?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jitter = () => sleep(Math.random() * 40);
const verifiedIn = async (householdId: string) =>
  (
    await t.db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.householdId, householdId), isNotNull(users.verifiedAt)))
  )[0].n;

describe("a household code verifies at most its cap, however many sign up at once", () => {
  it("20 parallel sign-ups with one code and a cap of 6 → exactly 6 verified, 14 waiting", async () => {
    const h = await makeHousehold(t.db);
    const phones = Array.from({ length: 20 }, () => nextPhone());
    const codes = await Promise.all(phones.map((phone) => issueCode(t.db, phone, "sign_up", new Date())));
    const results = await Promise.all(
      phones.map((phone, i) =>
        signUp(t.db, {
          name: `并发${i}`,
          phone,
          code: codes[i],
          password: "a long and fine phrase",
          householdCode: h.code,
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.data.verified)).toHaveLength(6);
    expect(results.filter((r) => r.ok && r.data.waiting)).toHaveLength(14);
    expect(await verifiedIn(h.id)).toBe(6);
    const [{ n }] = await t.db
      .select({ n: count() })
      .from(householdLinkRequests)
      .where(and(eq(householdLinkRequests.householdId, h.id), eq(householdLinkRequests.status, "waiting")));
    expect(n).toBe(14);
  });

  it("control: counting without the household's row lock lets more than 6 in", async () => {
    const h = await makeHousehold(t.db);
    const people = await Promise.all(Array.from({ length: 20 }, () => makeUser(t.db)));
    await Promise.all(
      people.map((p) =>
        t.db.transaction(async (tx) => {
          const [{ n }] = await tx
            .select({ n: count() })
            .from(users)
            .where(and(eq(users.householdId, h.id), isNotNull(users.verifiedAt)));
          await sleep(10);
          if (n < 6)
            await tx
              .update(users)
              .set({ householdId: h.id, verifiedAt: new Date(), verifiedBy: "code" })
              .where(eq(users.id, p.id));
        }),
      ),
    );
    expect(await verifiedIn(h.id)).toBeGreaterThan(6);
  });
});

describe("moving household while voting: one household ballot per person", () => {
  async function householdVote() {
    const f = await starFestival(t.db, organiser, [{ mode: "household" }]);
    const nominator = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
    const id = must(await nominate(t.db, nominator, named(f.slug, f.categoryIds[0], "候选"))).id;
    must(await vetNominations(t.db, organiser, { ids: [id], decision: "approve" }));
    await setWindows(t.db, f.slug, "voting");
    const categoryId = f.categoryIds[0];
    const vote = (a: Actor) => castBallot(t.db, a, { festivalSlug: f.slug, categoryId, candidateIds: [id] });
    const ballotsPerPerson = async () =>
      (
        await t.db
          .select({ voterId: starBallots.voterId, n: count() })
          .from(starBallots)
          .where(and(eq(starBallots.categoryId, categoryId), like(starBallots.voterKey, "household:%")))
          .groupBy(starBallots.voterId)
      ).map((r) => r.n);
    return { vote, ballotsPerPerson };
  }

  /** 20 people, each in a household of their own, with two more households' codes in hand. */
  async function movers() {
    return Promise.all(
      Array.from({ length: 20 }, async () => {
        const [a, b, c] = [await makeHousehold(t.db), await makeHousehold(t.db), await makeHousehold(t.db)];
        const u = await makeUser(t.db, { verified: true, householdId: a.id });
        return { actor: await actorOf(t.db, u.id), codes: [b.code, c.code], targets: [b.id, c.id] };
      }),
    );
  }

  it("each person votes, and at the same time moves twice and votes after each move → at most one ballot each", async () => {
    const { vote, ballotsPerPerson } = await householdVote();
    const people = await movers();
    // Each step starts a little later or sooner, so that every order of ballot and move happens.
    await Promise.all(
      people.flatMap(({ actor, codes }) => [
        jitter().then(() => vote(actor)),
        ...codes.map(async (householdCode) => {
          await jitter();
          await linkHousehold(t.db, actor, { householdCode });
          await vote(await actorOf(t.db, actor.id));
        }),
      ]),
    );
    const counts = await ballotsPerPerson();
    expect(counts.length).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBe(1);
  });

  it("control: a move that checks the ballots without the row locks lets people vote for two households", async () => {
    const { vote, ballotsPerPerson } = await householdVote();
    const people = await movers();
    await Promise.all(
      people.flatMap(({ actor, targets }) => [
        jitter().then(() => vote(actor)),
        ...targets.map(async (householdId) => {
          await jitter();
          const voted = await t.db
            .select({ id: starBallots.id })
            .from(starBallots)
            .where(eq(starBallots.voterId, actor.id));
          await sleep(20);
          if (voted.length) return;
          await t.db
            .update(users)
            .set({ householdId, verifiedAt: new Date(), verifiedBy: "code" })
            .where(eq(users.id, actor.id));
          await vote(await actorOf(t.db, actor.id));
        }),
      ]),
    );
    expect(Math.max(...(await ballotsPerPerson()))).toBeGreaterThan(1);
  });
});
