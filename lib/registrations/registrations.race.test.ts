import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { festivals, quotas, registrations, shiftAssignments } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeMember, makeUser } from "@/tests/support/fixtures";
import { athlete, backstage, openFestival, player } from "@/tests/support/registration-fixtures";
import type { Actor } from "@/lib/actor";
import { cancelRegistration, register, setCapacity } from "./service";
import { registerAtDesk } from "./desk";
import { assignShift, createShift } from "./review-service";

// Real Postgres, many connections, requests fired together; each guard has its control.
let t: TestDb;
let organiser: Actor;
const C = 10;
beforeAll(async () => {
  t = await createTestDb({ poolSize: 30 });
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const residents = (n: number) =>
  Promise.all(Array.from({ length: n }, async () => actorOf(t.db, (await makeUser(t.db, { verified: true })).id)));

describe("a quota under a burst of sign-ups", () => {
  it(`capacity ${C}, ${5 * C} at once → exactly ${C} confirmed, the rest waitlisted in arrival order; 3 cancel → the 3 oldest promoted`, async () => {
    const f = await openFestival(t.db, organiser);
    await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.sportId}`, capacity: C });
    const people = await residents(5 * C);
    const results = await Promise.all(people.map((p) => register(t.db, p, athlete(f.slug, f.sportId))));
    expect(results.filter((r) => r.ok && r.data.status === "confirmed")).toHaveLength(C);
    expect(results.filter((r) => r.ok && r.data.status === "waitlisted")).toHaveLength(4 * C);
    const [q] = await t.db
      .select()
      .from(quotas)
      .where(eq(quotas.scope, `item:${f.sportId}`));
    expect(q.taken).toBe(C);

    // Everyone waiting was given a position; the list itself is in arrival order.
    const positions = results.flatMap((r) => (r.ok && r.data.position ? [r.data.position] : []));
    expect(positions.length).toBe(4 * C);
    const waiting = await t.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.itemId, f.sportId), eq(registrations.status, "waitlisted")))
      .orderBy(asc(registrations.queuedAt), asc(registrations.createdAt), asc(registrations.id));
    const oldestThree = waiting.slice(0, 3).map((w) => w.id);
    // Each was told the place they hold on that list: 1, 2, 3 … in the list's own order.
    const told = new Map(
      results.flatMap((r) => (r.ok && r.data.position ? [[r.data.id, r.data.position] as const] : [])),
    );
    expect(waiting.map((w) => told.get(w.id))).toEqual(Array.from({ length: 4 * C }, (_, i) => i + 1));
    // And everyone confirmed arrived before everyone waiting.
    const confirmedRows = await t.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.itemId, f.sportId), eq(registrations.status, "confirmed")));
    expect(Math.max(...confirmedRows.map((r) => r.queuedAt.getTime()))).toBeLessThanOrEqual(
      waiting[0].queuedAt.getTime(),
    );

    const confirmed = await t.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.itemId, f.sportId), eq(registrations.status, "confirmed")));
    const cancels = await Promise.all(
      confirmed.slice(0, 3).map(async (r) => cancelRegistration(t.db, await actorOf(t.db, r.userId!), r.id)),
    );
    expect(cancels.every((c) => c.ok)).toBe(true);
    const promoted = cancels.flatMap((c) => (c.ok ? c.data.promoted : []));
    expect(promoted.sort()).toEqual([...oldestThree].sort());
    const [after] = await t.db
      .select({ n: count() })
      .from(registrations)
      .where(and(eq(registrations.itemId, f.sportId), eq(registrations.status, "confirmed")));
    expect(after.n).toBe(C);
    const [q2] = await t.db
      .select()
      .from(quotas)
      .where(eq(quotas.scope, `item:${f.sportId}`));
    expect(q2.taken).toBe(C);
  });

  it(`desk and online together: capacity ${C}, ${3 * C} online and ${2 * C} at the desk at once → exactly ${C} confirmed`, async () => {
    const f = await openFestival(t.db, organiser);
    await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.sportId}`, capacity: C });
    const online = await residents(3 * C);
    // At the desk: accounts, and members of households without an account.
    const accounts = await residents(C);
    const members = await Promise.all(
      Array.from({ length: C }, async (_, i) => makeMember(t.db, (await makeHousehold(t.db)).id, `老人${i}`, 80)),
    );
    const calls = [
      ...online.map((p) => () => register(t.db, p, athlete(f.slug, f.sportId))),
      ...accounts.map(
        (p) => () =>
          registerAtDesk(t.db, organiser, {
            ...athlete(f.slug, f.sportId),
            deskFor: { kind: "account", userId: p.id },
          }),
      ),
      ...members.map(
        (m) => () =>
          registerAtDesk(t.db, organiser, {
            ...athlete(f.slug, f.sportId),
            participant: { kind: "member", memberId: m.id },
            deskFor: { kind: "member", memberId: m.id },
          }),
      ),
    ];
    // Interleaved, so desk and online requests really arrive together.
    const order = calls.map((c, i) => [c, (i * 7919) % calls.length] as const).sort((a, b) => a[1] - b[1]);
    const results = await Promise.all(order.map(([c]) => c()));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.data.status === "confirmed")).toHaveLength(C);
    expect(results.filter((r) => r.ok && r.data.status === "waitlisted")).toHaveLength(4 * C);
    const [q] = await t.db
      .select()
      .from(quotas)
      .where(eq(quotas.scope, `item:${f.sportId}`));
    expect(q.taken).toBe(C);
    const rows = await t.db
      .select({ status: registrations.status, desk: registrations.registeredAtDeskBy })
      .from(registrations)
      .where(eq(registrations.itemId, f.sportId));
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(C);
    expect(rows.filter((r) => r.desk === organiser.id)).toHaveLength(2 * C);
  });

  it("control: counting places without the quota lock overbooks", async () => {
    const f = await openFestival(t.db, organiser);
    const [{ id: festivalId }] = await t.db
      .select({ id: festivals.id })
      .from(festivals)
      .where(eq(festivals.slug, f.slug));
    const people = await residents(5 * C);
    await Promise.all(
      people.map(async (p) => {
        const [{ n }] = await t.db
          .select({ n: count() })
          .from(registrations)
          .where(and(eq(registrations.itemId, f.sportId), eq(registrations.status, "confirmed")));
        await new Promise((r) => setTimeout(r, 10));
        await t.db.insert(registrations).values({
          festivalId,
          userId: p.id,
          participantKey: "self",
          participantName: p.name,
          role: "athlete",
          itemId: f.sportId,
          status: n < C ? "confirmed" : "waitlisted",
        });
      }),
    );
    const [{ n }] = await t.db
      .select({ n: count() })
      .from(registrations)
      .where(and(eq(registrations.itemId, f.sportId), eq(registrations.status, "confirmed")));
    expect(n).toBeGreaterThan(C);
  });
});

describe("one registration per person, role and item", () => {
  it("the same person twice at once → one registration", async () => {
    const f = await openFestival(t.db, organiser);
    const [me] = await residents(1);
    const results = await Promise.all(Array.from({ length: 8 }, () => register(t.db, me, athlete(f.slug, f.sportId))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "already_registered")).toHaveLength(7);
  });

  it("control: without the unique index, check-then-insert registers twice", async () => {
    const f = await openFestival(t.db, organiser);
    const [{ id: festivalId }] = await t.db
      .select({ id: festivals.id })
      .from(festivals)
      .where(eq(festivals.slug, f.slug));
    const [me] = await residents(1);
    await t.db.execute(sql`drop index registrations_once_uq`);
    try {
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          const existing = await t.db
            .select({ id: registrations.id })
            .from(registrations)
            .where(and(eq(registrations.userId, me.id), eq(registrations.itemId, f.sportId)));
          await new Promise((r) => setTimeout(r, 10));
          if (!existing.length)
            await t.db.insert(registrations).values({
              festivalId,
              userId: me.id,
              participantKey: "self",
              participantName: me.name,
              role: "athlete",
              itemId: f.sportId,
              status: "confirmed",
            });
        }),
      );
      const rows = await t.db.select().from(registrations).where(eq(registrations.userId, me.id));
      expect(rows.length).toBeGreaterThan(1);
    } finally {
      await t.db.delete(registrations).where(eq(registrations.userId, me.id));
      await t.db.execute(
        sql`create unique index registrations_once_uq on registrations (festival_id, user_id, participant_key, role, coalesce(item_id, '00000000-0000-0000-0000-000000000000'::uuid)) where status in ('confirmed', 'waitlisted')`,
      );
    }
  });
});

describe("one registration per household member", () => {
  it("the same member from the desk and online at once → one registration", async () => {
    const f = await openFestival(t.db, organiser);
    const [parent] = await residents(1);
    const grandma = await makeMember(t.db, parent.householdId!, "王奶奶", 78);
    const form = { ...athlete(f.slug, f.sportId), participant: { kind: "member", memberId: grandma.id } };
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        i % 2
          ? register(t.db, parent, form)
          : registerAtDesk(t.db, organiser, { ...form, deskFor: { kind: "member", memberId: grandma.id } }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "already_registered")).toHaveLength(7);
  });

  it("control: without the member's unique index, two accounts register one member twice", async () => {
    const f = await openFestival(t.db, organiser);
    const [{ id: festivalId }] = await t.db
      .select({ id: festivals.id })
      .from(festivals)
      .where(eq(festivals.slug, f.slug));
    const h = await makeHousehold(t.db);
    const grandma = await makeMember(t.db, h.id, "李奶奶", 79);
    const accounts = await Promise.all(
      Array.from({ length: 4 }, async () => (await makeUser(t.db, { verified: true, householdId: h.id })).id),
    );
    await t.db.execute(sql`drop index registrations_member_once_uq`);
    try {
      await Promise.all(
        accounts.map((userId) =>
          t.db
            .insert(registrations)
            .values({
              festivalId,
              userId,
              participantKey: `member:${grandma.id}`,
              participantName: "李奶奶",
              householdMemberId: grandma.id,
              role: "athlete",
              itemId: f.sportId,
              status: "confirmed",
            })
            .onConflictDoNothing(),
        ),
      );
      const rows = await t.db.select().from(registrations).where(eq(registrations.householdMemberId, grandma.id));
      expect(rows.length).toBeGreaterThan(1);
    } finally {
      await t.db.delete(registrations).where(eq(registrations.householdMemberId, grandma.id));
      await t.db.execute(
        sql`create unique index registrations_member_once_uq on registrations (festival_id, household_member_id, role, coalesce(item_id, '00000000-0000-0000-0000-000000000000'::uuid)) where household_member_id is not null and status in ('confirmed', 'waitlisted')`,
      );
    }
  });
});

describe("finding partners at the same moment", () => {
  it("12 players ask at once → 6 pairs, each pointing at the other, nobody paired twice", async () => {
    const f = await openFestival(t.db, organiser);
    const people = await residents(12);
    const results = await Promise.all(
      people.map((p) => register(t.db, p, player(f.slug, f.chessId, { partner: { kind: "find" } }))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await t.db.select().from(registrations).where(eq(registrations.itemId, f.chessId));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const r of rows) expect(byId.get(r.partnerRegistrationId!)?.partnerRegistrationId).toBe(r.id);
    expect(rows.filter((r) => r.partnerRegistrationId)).toHaveLength(12);
  });

  it("control: matching without the conditional update and the lock gives one partner to two players", async () => {
    const f = await openFestival(t.db, organiser);
    const [{ id: festivalId }] = await t.db
      .select({ id: festivals.id })
      .from(festivals)
      .where(eq(festivals.slug, f.slug));
    const seeker = await residents(1);
    const [first] = await t.db
      .insert(registrations)
      .values({
        festivalId,
        userId: seeker[0].id,
        participantKey: "self",
        participantName: "甲",
        role: "player",
        itemId: f.chessId,
        status: "confirmed",
        details: { partner: { kind: "find" } },
      })
      .returning();
    const people = await residents(6);
    await Promise.all(
      people.map(async (p) => {
        const [mine] = await t.db
          .insert(registrations)
          .values({
            festivalId,
            userId: p.id,
            participantKey: "self",
            participantName: p.name,
            role: "player",
            itemId: f.chessId,
            status: "confirmed",
            details: { partner: { kind: "find" } },
          })
          .returning();
        const [candidate] = await t.db
          .select()
          .from(registrations)
          .where(and(eq(registrations.id, first.id), sql`${registrations.partnerRegistrationId} is null`));
        await new Promise((r) => setTimeout(r, 10));
        if (candidate) {
          await t.db
            .update(registrations)
            .set({ partnerRegistrationId: mine.id })
            .where(eq(registrations.id, candidate.id));
          await t.db
            .update(registrations)
            .set({ partnerRegistrationId: candidate.id })
            .where(eq(registrations.id, mine.id));
        }
      }),
    );
    const claimed = await t.db.select().from(registrations).where(eq(registrations.partnerRegistrationId, first.id));
    expect(claimed.length).toBeGreaterThan(1);
  });
});

describe("a shift's places under parallel assignments", () => {
  it("10 helpers put on a 3-place shift at once → exactly 3", async () => {
    const f = await openFestival(t.db, organiser);
    const shift = await createShift(t.db, organiser, {
      festivalSlug: f.slug,
      title: "音响",
      skill: "sound",
      startsAt: "2027-01-16T01:00:00Z",
      endsAt: "2027-01-16T04:00:00Z",
      places: 3,
    });
    if (!shift.ok) throw new Error("shift");
    const helpers = await Promise.all((await residents(10)).map(async (p) => register(t.db, p, backstage(f.slug))));
    const results = await Promise.all(
      helpers.map((h) => assignShift(t.db, organiser, { shiftId: shift.data.id, ids: [h.ok ? h.data.id : ""] })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.code === "shift_full")).toHaveLength(7);
    const [{ n }] = await t.db
      .select({ n: count() })
      .from(shiftAssignments)
      .where(eq(shiftAssignments.shiftId, shift.data.id));
    expect(n).toBe(3);
  });

  it("control: counting a shift's helpers without locking it overfills it", async () => {
    const f = await openFestival(t.db, organiser);
    const shift = await createShift(t.db, organiser, {
      festivalSlug: f.slug,
      title: "引导",
      skill: null,
      startsAt: "2027-01-16T01:00:00Z",
      endsAt: "2027-01-16T04:00:00Z",
      places: 3,
    });
    if (!shift.ok) throw new Error("shift");
    const helpers = await Promise.all((await residents(10)).map(async (p) => register(t.db, p, backstage(f.slug))));
    await Promise.all(
      helpers.map(async (h) => {
        const [{ n }] = await t.db
          .select({ n: count() })
          .from(shiftAssignments)
          .where(eq(shiftAssignments.shiftId, shift.data.id));
        await new Promise((r) => setTimeout(r, 10));
        if (n < 3 && h.ok)
          await t.db.insert(shiftAssignments).values({ shiftId: shift.data.id, registrationId: h.data.id });
      }),
    );
    const [{ n }] = await t.db
      .select({ n: count() })
      .from(shiftAssignments)
      .where(eq(shiftAssignments.shiftId, shift.data.id));
    expect(n).toBeGreaterThan(3);
  });
});
