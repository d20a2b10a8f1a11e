import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { festivals, notifications, programmeItems, quotas, registrations } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeMember, makeUser, must, snapshot } from "@/tests/support/fixtures";
import { athlete, openFestival } from "@/tests/support/registration-fixtures";
import type { Actor } from "@/lib/actor";
import { cancelRegistration, decideRegistrations, register, setCapacity, updateRegistration } from "./service";
import { getEditableRegistration } from "./form-queries";
import { listMyRegistrations } from "./queries";
import { registrationSchema } from "./schemas";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const resident = async () => actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
const statusOf = async (id: string) =>
  (await t.db.select({ s: registrations.status }).from(registrations).where(eq(registrations.id, id)))[0].s;

describe("registering", () => {
  it("confirms while places last, then waitlists in order with positions", async () => {
    const f = await openFestival(t.db, organiser);
    expect(
      (await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.sportId}`, capacity: 2 })).ok,
    ).toBe(true);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await register(t.db, await resident(), athlete(f.slug, f.sportId)));
    expect(results.map((r) => (r.ok ? [r.data.status, r.data.position] : r.code))).toEqual([
      ["confirmed", null],
      ["confirmed", null],
      ["waitlisted", 1],
      ["waitlisted", 2],
    ]);
    const [q] = await t.db
      .select()
      .from(quotas)
      .where(eq(quotas.scope, `item:${f.sportId}`));
    expect(q.taken).toBe(2);
  });

  it("registers a person once per role and item, but in several roles and items", async () => {
    const f = await openFestival(t.db, organiser);
    const me = await resident();
    expect((await register(t.db, me, athlete(f.slug, f.sportId))).ok).toBe(true);
    expect(await register(t.db, me, athlete(f.slug, f.sportId))).toEqual({ ok: false, code: "already_registered" });
    const chess = await register(t.db, me, {
      festivalSlug: f.slug,
      participant: { kind: "self" },
      role: "player",
      itemId: f.chessId,
      level: "advanced",
      partner: { kind: "none" },
    });
    expect(chess.ok).toBe(true);
  });

  it("registers a household member; a child under 14 needs the guardian's consent", async () => {
    const f = await openFestival(t.db, organiser);
    const me = await resident();
    const child = { kind: "member", memberId: (await makeMember(t.db, me.householdId!, "小明", 9)).id };
    expect(await register(t.db, me, athlete(f.slug, f.sportId, { participant: child }))).toMatchObject({
      ok: false,
      fieldErrors: { participant: ["guardian_consent_required"] },
    });
    expect(
      (await register(t.db, me, athlete(f.slug, f.sportId, { participant: { ...child, guardianConsent: true } }))).ok,
    ).toBe(true);
    expect((await register(t.db, me, athlete(f.slug, f.sportId))).ok).toBe(true);
    // Picked once: the same member again is already registered, whatever the consent.
    expect(
      await register(t.db, me, athlete(f.slug, f.sportId, { participant: { ...child, guardianConsent: true } })),
    ).toMatchObject({ ok: false, code: "already_registered" });
    const rows = await t.db.select().from(registrations).where(eq(registrations.userId, me.id));
    expect(rows.map((r) => [r.participantName, r.participantAge]).sort()).toEqual(
      [
        [me.name, null],
        ["小明", 9],
      ].sort(),
    );
  });

  it("a member is picked from one's own verified household only; their answers can change, not who they are", async () => {
    const f = await openFestival(t.db, organiser);
    await t.db.update(festivals).set({ registrationNeedsHousehold: false }).where(eq(festivals.slug, f.slug));
    const me = await resident();
    const grandpa = await makeMember(t.db, me.householdId!, "王大爷", 76);
    const form = athlete(f.slug, f.sportId, { participant: { kind: "member", memberId: grandpa.id } });
    // An unverified account living in the same household may not pick them.
    const housemate = await actorOf(t.db, (await makeUser(t.db, { householdId: me.householdId })).id);
    expect(await register(t.db, housemate, form)).toMatchObject({
      code: "invalid",
      fieldErrors: { participant: ["household_required"] },
    });
    const { id } = must(await register(t.db, me, form));
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, id));
    expect(row).toMatchObject({
      participantKey: `member:${grandpa.id}`,
      householdMemberId: grandpa.id,
      participantAge: 76,
    });
    const editable = await getEditableRegistration(t.db, me.id, id);
    expect(editable?.participant).toEqual({ kind: "member", memberId: grandpa.id, guardianConsent: false });
    expect(await updateRegistration(t.db, me, { ...form, ageGroup: "senior", id, version: row.version })).toMatchObject(
      { ok: true },
    );
    const other = await makeMember(t.db, me.householdId!, "王奶奶", 74);
    expect(
      await updateRegistration(t.db, me, {
        ...form,
        participant: { kind: "member", memberId: other.id },
        id,
        version: row.version + 1,
      }),
    ).toMatchObject({ code: "invalid", fieldErrors: { itemId: ["cannot_change"] } });
    // A member typed in by name before members were kept stays readable, not editable.
    const [legacy] = await t.db
      .insert(registrations)
      .values({
        festivalId: row.festivalId,
        userId: me.id,
        participantKey: "member:小红",
        participantName: "小红",
        participantAge: 8,
        role: "athlete",
        itemId: f.relayId,
        status: "confirmed",
      })
      .returning();
    expect(await getEditableRegistration(t.db, me.id, legacy.id)).toBeNull();
    expect(
      (await listMyRegistrations(t.db, me.id, new Date(), me.householdId)).map((r) => r.participantName).sort(),
    ).toEqual(["小红", "王大爷"].sort());
  });

  it("refuses an account whose number was never confirmed by a code, writing nothing", async () => {
    const f = await openFestival(t.db, organiser);
    const unconfirmed = await actorOf(t.db, (await makeUser(t.db, { verified: true, phoneConfirmed: false })).id);
    const before = await snapshot(t.db);
    expect(await register(t.db, unconfirmed, athlete(f.slug, f.sportId))).toEqual({
      ok: false,
      code: "phone_unconfirmed",
    });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses items of another kind or festival, a closed window, and bad input, writing nothing", async () => {
    const f = await openFestival(t.db, organiser);
    const other = await openFestival(t.db, organiser);
    const me = await resident();
    const before = await snapshot(t.db);
    expect(await register(t.db, me, athlete(f.slug, other.sportId))).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { itemId: ["item_unknown"] },
    });
    expect(await register(t.db, me, athlete(f.slug, f.chessId))).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { itemId: ["item_unknown"] },
    });
    expect(
      await register(t.db, me, athlete(f.slug, f.sportId), { now: new Date(Date.now() + 5 * 86_400_000) }),
    ).toEqual({ ok: false, code: "registration_closed" });
    expect(await register(t.db, null, athlete(f.slug, f.sportId))).toEqual({ ok: false, code: "unauthenticated" });
    const bad = await register(
      t.db,
      me,
      athlete(f.slug, f.sportId, {
        ageGroup: "ancient",
        emergencyPhone: "123",
        healthDeclaration: false,
        team: "x".repeat(31),
      }),
    );
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    if (!bad.ok)
      expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual([
        "ageGroup",
        "emergencyPhone",
        "healthDeclaration",
        "team",
      ]);
    expect(await snapshot(t.db)).toBe(before);
    expect(await t.db.select().from(registrations).where(eq(registrations.userId, me.id))).toEqual([]);
  });

  it("the union refuses whatever does not fit a role's form (property)", () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom("performer", "backstage", "athlete", "player", "dancer"),
        fc.dictionary(
          fc.constantFrom("actTitle", "minutes", "skills", "itemId", "ageGroup", "level", "partner", "participant"),
          junk,
        ),
        (role, fields) => {
          const r = registrationSchema.safeParse({ festivalSlug: "meihu-15", role, ...fields });
          // Random values never make a complete, valid form: every failure names the fields at fault.
          expect(r.success).toBe(false);
          if (!r.success)
            expect(r.error.issues.every((i) => typeof i.message === "string" && i.message.length > 0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the waiting list moves by itself", () => {
  it("a cancellation, a rejection and a raised capacity each promote the head of the list, who is told", async () => {
    const f = await openFestival(t.db, organiser);
    await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.sportId}`, capacity: 1 });
    const people = await Promise.all([0, 1, 2, 3].map(() => resident()));
    const regs = [];
    for (const p of people) {
      const r = await register(t.db, p, athlete(f.slug, f.sportId));
      if (!r.ok) throw new Error(JSON.stringify(r));
      regs.push(r.data.id);
    }
    expect(await cancelRegistration(t.db, people[0], regs[0])).toEqual({ ok: true, data: { promoted: [regs[1]] } });
    expect(await statusOf(regs[1])).toBe("confirmed");
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, people[1].id), eq(notifications.kind, "registration.promoted")));
    expect(told).toHaveLength(1);

    expect(
      await decideRegistrations(t.db, organiser, { ids: [regs[1]], decision: "reject", reason: "年龄不符" }),
    ).toEqual({ ok: true, data: { changed: 1, promoted: [regs[2]] } });
    expect(
      await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.sportId}`, capacity: 2 }),
    ).toEqual({ ok: true, data: { promoted: [regs[3]] } });
    expect(await Promise.all(regs.map(statusOf))).toEqual(["cancelled", "rejected", "confirmed", "confirmed"]);
    expect(
      await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.sportId}`, capacity: 1 }),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { capacity: ["capacity_below_taken"] } });
  });

  it("lifting a limit gives everyone waiting a place, and the programme shows no limit either", async () => {
    const f = await openFestival(t.db, organiser);
    await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: "role:athlete", capacity: 1 });
    const regs = [];
    for (const p of await Promise.all([0, 1, 2].map(() => resident()))) {
      const r = await register(t.db, p, athlete(f.slug, f.sportId));
      if (!r.ok) throw new Error(JSON.stringify(r));
      regs.push(r.data.id);
    }
    expect(await Promise.all(regs.map(statusOf))).toEqual(["confirmed", "waitlisted", "waitlisted"]);
    expect(await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: "role:athlete", capacity: null })).toEqual(
      { ok: true, data: { promoted: [regs[1], regs[2]] } },
    );
    expect(await t.db.select().from(quotas).where(eq(quotas.scope, "role:athlete"))).toEqual([]);
    // An event's limit lifted: its quota goes and the programme item has no places set.
    await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.chessId}`, capacity: 4 });
    expect(
      await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.chessId}`, capacity: null }),
    ).toEqual({ ok: true, data: { promoted: [] } });
    expect(
      await t.db
        .select()
        .from(quotas)
        .where(eq(quotas.scope, `item:${f.chessId}`)),
    ).toEqual([]);
    const [chess] = await t.db
      .select({ capacity: programmeItems.capacity })
      .from(programmeItems)
      .where(eq(programmeItems.id, f.chessId));
    expect(chess.capacity).toBeNull();
    expect(
      await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: "role:athlete", capacity: "" }),
    ).toMatchObject({ ok: false, fieldErrors: { capacity: ["number_invalid"] } });
  });

  it("only the owner cancels; organisers decide; residents may not", async () => {
    const f = await openFestival(t.db, organiser);
    const [a, b] = [await resident(), await resident()];
    const r = await register(t.db, a, athlete(f.slug, f.sportId));
    if (!r.ok) throw new Error("register");
    expect(await cancelRegistration(t.db, b, r.data.id)).toEqual({ ok: false, code: "forbidden" });
    expect(await decideRegistrations(t.db, b, { ids: [r.data.id], decision: "reject", reason: "x" })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await setCapacity(t.db, b, { festivalSlug: f.slug, scope: "role:athlete", capacity: 5 })).toEqual({
      ok: false,
      code: "forbidden",
    });
    expect(await decideRegistrations(t.db, organiser, { ids: [r.data.id], decision: "reject" })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ["reason_required"] },
    });
    expect(await statusOf(r.data.id)).toBe("confirmed");
    expect(await decideRegistrations(t.db, organiser, { ids: [r.data.id], decision: "accept" })).toEqual({
      ok: true,
      data: { changed: 1, promoted: [] },
    });
    const [f2] = await t.db.select({ id: festivals.id }).from(festivals).where(eq(festivals.slug, f.slug));
    expect(f2).toBeTruthy();
  });
});
