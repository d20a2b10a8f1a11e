import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { auditLog, festivals, notifications, registrations } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeMember, makeUser, must, snapshot } from "@/tests/support/fixtures";
import { athlete, openFestival, performer } from "@/tests/support/registration-fixtures";
import type { Actor } from "@/lib/actor";
import { registerAtDesk } from "./desk";
import { register, setCapacity } from "./service";
import { listMyRegistrations } from "./queries";
import { listReview } from "./review-queries";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true, name: "张丽" })).id);
});
afterAll(async () => t?.close());

const lastAudit = async (action: string) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];
const row = async (id: string) => (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0];
const forMember = (memberId: string, form: Record<string, unknown>) => ({
  ...form,
  participant: { kind: "member", memberId, guardianConsent: true },
  deskFor: { kind: "member", memberId },
});

describe("registering at the desk", () => {
  it("registers an account whose number is unconfirmed, marked and audited as at the desk; they see it", async () => {
    const f = await openFestival(t.db, organiser);
    const u = await makeUser(t.db, { verified: true, phoneConfirmed: false });
    const person = await actorOf(t.db, u.id);
    expect(await register(t.db, person, athlete(f.slug, f.sportId))).toMatchObject({ code: "phone_unconfirmed" });
    const { id, status } = must(
      await registerAtDesk(t.db, organiser, {
        ...athlete(f.slug, f.sportId),
        deskFor: { kind: "account", userId: u.id },
      }),
    );
    expect(status).toBe("confirmed");
    expect(await row(id)).toMatchObject({ userId: u.id, participantKey: "self", registeredAtDeskBy: organiser.id });
    expect(await lastAudit("registrations.register_at_desk")).toMatchObject({
      actorId: organiser.id,
      targetId: id,
      details: { atDesk: true, forUserId: u.id, role: "athlete" },
    });
    const mine = await listMyRegistrations(t.db, u.id, new Date(), u.householdId);
    expect(mine).toMatchObject([{ id, atDesk: true, cancellable: true }]);
    const review = must(await listReview(t.db, organiser, (await festivalId(f.slug))!, { page: 1 }));
    expect(review.rows.find((r) => r.id === id)).toMatchObject({ atDeskBy: "张丽" });
    // Once per person: the same again is already registered.
    expect(
      await registerAtDesk(t.db, organiser, {
        ...athlete(f.slug, f.sportId),
        deskFor: { kind: "account", userId: u.id },
      }),
    ).toMatchObject({ code: "already_registered" });
  });

  it("registers a member of a household without any account: nobody is told, the list shows the household", async () => {
    const f = await openFestival(t.db, organiser);
    const h = await makeHousehold(t.db, { building: "美湖花园 9栋", unit: "1单元", room: "101" });
    const grandpa = await makeMember(t.db, h.id, "赵大爷", 81);
    const before = (await t.db.select().from(notifications)).length;
    const { id } = must(await registerAtDesk(t.db, organiser, forMember(grandpa.id, athlete(f.slug, f.sportId))));
    expect(await row(id)).toMatchObject({
      userId: null,
      householdMemberId: grandpa.id,
      participantKey: `member:${grandpa.id}`,
      participantName: "赵大爷",
      participantAge: 81,
      registeredAtDeskBy: organiser.id,
    });
    expect((await t.db.select().from(notifications)).length).toBe(before);
    expect((await lastAudit("registrations.register_at_desk")).details).toMatchObject({
      atDesk: true,
      forMemberId: grandpa.id,
    });
    const review = must(await listReview(t.db, organiser, (await festivalId(f.slug))!, { page: 1 }));
    expect(review.rows.find((r) => r.id === id)).toMatchObject({
      registrant: { name: null, phone: null, building: "美湖花园 9栋", room: "101" },
      atDeskBy: "张丽",
    });
    expect(await registerAtDesk(t.db, organiser, forMember(grandpa.id, athlete(f.slug, f.sportId)))).toMatchObject({
      code: "already_registered",
    });
  });

  it("a member of a household with an account is registered under that account, once whoever does it", async () => {
    const f = await openFestival(t.db, organiser);
    const parent = await makeUser(t.db, { verified: true });
    const grandma = await makeMember(t.db, parent.householdId!, "王奶奶", 75);
    const { id } = must(await registerAtDesk(t.db, organiser, forMember(grandma.id, performer(f.slug))));
    expect(await row(id)).toMatchObject({ userId: parent.id, householdMemberId: grandma.id });
    // The parent online, the same member and role: already registered.
    const online = await register(
      t.db,
      await actorOf(t.db, parent.id),
      performer(f.slug, { participant: { kind: "member", memberId: grandma.id } }),
    );
    expect(online).toMatchObject({ ok: false, code: "already_registered" });
    expect(await listMyRegistrations(t.db, parent.id, new Date(), parent.householdId)).toMatchObject([
      { id, atDesk: true, participantName: "王奶奶" },
    ]);
  });

  it("keeps the quotas, windows and household rules, and only organisers may do it", async () => {
    const f = await openFestival(t.db, organiser);
    must(await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.sportId}`, capacity: 1 }));
    must(
      await register(
        t.db,
        await actorOf(t.db, (await makeUser(t.db, { verified: true })).id),
        athlete(f.slug, f.sportId),
      ),
    );
    const h = await makeHousehold(t.db);
    const m = await makeMember(t.db, h.id, "孙阿姨", 66);
    expect(await registerAtDesk(t.db, organiser, forMember(m.id, athlete(f.slug, f.sportId)))).toMatchObject({
      ok: true,
      data: { status: "waitlisted", position: 1 },
    });
    // A child without the guardian's consent; a member from another household's card mismatch.
    const child = await makeMember(t.db, h.id, "孙小宝", 8);
    const stranger = await makeUser(t.db, { verified: true });
    const unverified = await makeUser(t.db, {});
    const resident = await actorOf(t.db, stranger.id);
    const volunteer = await actorOf(t.db, (await makeUser(t.db, { verified: true, roles: ["volunteer"] })).id);
    const before = await snapshot(t.db);
    expect(
      await registerAtDesk(t.db, organiser, {
        ...athlete(f.slug, f.relayId),
        participant: { kind: "member", memberId: child.id },
        deskFor: { kind: "member", memberId: child.id },
      }),
    ).toMatchObject({ code: "invalid", fieldErrors: { participant: ["guardian_consent_required"] } });
    expect(
      await registerAtDesk(t.db, organiser, {
        ...athlete(f.slug, f.relayId),
        participant: { kind: "member", memberId: m.id, guardianConsent: true },
        deskFor: { kind: "member", memberId: child.id },
      }),
    ).toMatchObject({ code: "invalid", fieldErrors: { participant: ["member_unknown"] } });
    // An account's card cannot pick another household's member.
    expect(
      await registerAtDesk(t.db, organiser, {
        ...athlete(f.slug, f.relayId),
        participant: { kind: "member", memberId: m.id, guardianConsent: true },
        deskFor: { kind: "account", userId: stranger.id },
      }),
    ).toMatchObject({ code: "invalid", fieldErrors: { participant: ["member_unknown"] } });
    // The household rule: an unverified account is not registered where the festival asks for one.
    expect(
      await registerAtDesk(t.db, organiser, {
        ...athlete(f.slug, f.relayId),
        deskFor: { kind: "account", userId: unverified.id },
      }),
    ).toMatchObject({ code: "household_unverified" });
    expect(
      await registerAtDesk(t.db, organiser, { ...athlete(f.slug, f.relayId), deskFor: { kind: "nobody" } }),
    ).toMatchObject({
      code: "invalid",
    });
    // Not for residents or volunteers, nor visitors.
    for (const actor of [resident, volunteer, null])
      expect(await registerAtDesk(t.db, actor, forMember(m.id, athlete(f.slug, f.relayId)))).toEqual({
        ok: false,
        code: "forbidden",
      });
    expect(await snapshot(t.db)).toBe(before);
    // Registration closed: refused like online.
    await t.db
      .update(festivals)
      .set({ registrationClosesAt: new Date(Date.now() - 1000) })
      .where(eq(festivals.slug, f.slug));
    expect(await registerAtDesk(t.db, organiser, forMember(m.id, athlete(f.slug, f.relayId)))).toMatchObject({
      code: "registration_closed",
    });
    expect(
      await t.db
        .select()
        .from(registrations)
        .where(and(eq(registrations.itemId, f.relayId))),
    ).toEqual([]);
  });
});

async function festivalId(slug: string) {
  const [f] = await t.db.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, slug));
  return f?.id;
}
