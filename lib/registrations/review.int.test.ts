import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import {
  auditLog,
  festivals,
  notifications,
  programmeItems,
  quotas,
  registrationLinks,
  registrations,
  shiftAssignments,
} from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, snapshot, must } from "@/tests/support/fixtures";
import { athlete, backstage, openFestival, performer, player } from "@/tests/support/registration-fixtures";
import type { Actor } from "@/lib/actor";
import { declineLink, decideRegistrations, register, setCapacity, updateRegistration } from "./service";
import {
  addActToProgramme,
  updateProgrammeItem,
  assignShift,
  createShift,
  moveRegistration,
  setNote,
  unassignShift,
} from "./review-service";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const resident = async (name = "测试居民") => {
  const u = await makeUser(t.db, { verified: true, name });
  return { actor: await actorOf(t.db, u.id), phone: u.phone };
};
const row = async (id: string) => (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0];
const inbox = async (userId: string) =>
  (await t.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind).sort();

describe("performers", () => {
  it("links co-performers by phone, tells them, and lets them decline", async () => {
    const f = await openFestival(t.db, organiser);
    const me = await resident("张桂兰");
    const friend = await resident("李秀梅");
    const r = must(
      await register(
        t.db,
        me.actor,
        performer(f.slug, { group: true, performers: ["张桂兰", "李秀梅"], coPerformerPhones: [friend.phone] }),
      ),
    );
    expect(await inbox(friend.actor.id)).toEqual(["registration.invited"]);
    const [link] = await t.db.select().from(registrationLinks).where(eq(registrationLinks.registrationId, r.id));
    expect(link.userId).toBe(friend.actor.id);
    // Only the invited person can decline.
    expect((await declineLink(t.db, me.actor, link.id)).ok).toBe(false);
    expect((await declineLink(t.db, friend.actor, link.id)).ok).toBe(true);
    const [after] = await t.db.select().from(registrationLinks).where(eq(registrationLinks.id, link.id));
    expect(after.declinedAt).not.toBeNull();
    expect(await inbox(me.actor.id)).toEqual(["registration.declined"]);
  });

  it("an edit that takes a co-performer off and names them again does not invite them again", async () => {
    const f = await openFestival(t.db, organiser);
    const me = await resident("赵凤英");
    const friend = await resident("钱美华");
    const act = (phones: string[]) =>
      performer(f.slug, { group: true, performers: ["赵凤英", "钱美华"], coPerformerPhones: phones });
    const r = must(await register(t.db, me.actor, act([friend.phone])));
    let version = 1;
    for (const phones of [[], [friend.phone], [], [friend.phone]])
      version = must(await updateRegistration(t.db, me.actor, { ...act(phones), id: r.id, version })).version;
    expect(await inbox(friend.actor.id)).toEqual(["registration.invited"]);
    const links = await t.db.select().from(registrationLinks).where(eq(registrationLinks.registrationId, r.id));
    expect(links.map((l) => l.userId)).toEqual([friend.actor.id]);
  });

  it("looks up at most 30 numbers a day per account; numbers a registration already names cost nothing", async () => {
    const f = await openFestival(t.db, organiser);
    const me = await resident();
    const friends = await Promise.all(Array.from({ length: 3 }, () => resident()));
    const r = must(
      await register(t.db, me.actor, performer(f.slug, { coPerformerPhones: friends.map((x) => x.phone) })),
    );
    // Editing the act while keeping the same people, many times over, is free.
    let version = 1;
    for (let i = 0; i < 12; i++)
      version = must(
        await updateRegistration(t.db, me.actor, {
          ...performer(f.slug, { minutes: 5 + (i % 2), coPerformerPhones: friends.map((x) => x.phone) }),
          id: r.id,
          version,
        }),
      ).version;
    // 27 more lookups (of unknown numbers) use up the day …
    const unknown = (i: number) => `1370000${String(i).padStart(4, "0")}`;
    for (let i = 0; i < 27; i++)
      expect(
        await updateRegistration(t.db, me.actor, {
          ...performer(f.slug, { coPerformerPhones: [unknown(i)] }),
          id: r.id,
          version,
        }),
      ).toMatchObject({ fieldErrors: { coPerformerPhones: ["phone_no_account"] } });
    // … and then even a number with an account is not looked up.
    const late = await resident();
    const before = await snapshot(t.db);
    expect(
      await updateRegistration(t.db, me.actor, {
        ...performer(f.slug, { coPerformerPhones: [late.phone] }),
        id: r.id,
        version,
      }),
    ).toEqual({ ok: false, code: "invalid", fieldErrors: { coPerformerPhones: ["lookup_limit"] } });
    expect(await snapshot(t.db)).toBe(before);
    // Another account has its own day; tomorrow is a new day.
    expect(
      (await register(t.db, (await resident()).actor, performer(f.slug, { coPerformerPhones: [late.phone] }))).ok,
    ).toBe(true);
    // Just after the next midnight in China (UTC+8), before registration closes.
    const DAY = 24 * 3600_000;
    const EIGHT = 8 * 3600_000;
    const tomorrow = new Date(Math.ceil((Date.now() + EIGHT) / DAY) * DAY - EIGHT + 60_000);
    expect(
      (
        await updateRegistration(
          t.db,
          me.actor,
          { ...performer(f.slug, { coPerformerPhones: [late.phone] }), id: r.id, version },
          { now: tomorrow },
        )
      ).ok,
    ).toBe(true);
  });

  it("refuses unknown numbers, one's own number and acts longer than the festival allows, writing nothing", async () => {
    const f = await openFestival(t.db, organiser);
    const me = await resident();
    await t.db.update(festivals).set({ actMaxMinutes: 8 }).where(eq(festivals.slug, f.slug));
    const before = await snapshot(t.db);
    expect(await register(t.db, me.actor, performer(f.slug, { coPerformerPhones: ["13999999999"] }))).toMatchObject({
      code: "invalid",
      fieldErrors: { coPerformerPhones: ["phone_no_account"] },
    });
    expect(await register(t.db, me.actor, performer(f.slug, { coPerformerPhones: [me.phone] }))).toMatchObject({
      code: "invalid",
      fieldErrors: { coPerformerPhones: ["phone_is_yours"] },
    });
    expect(await register(t.db, me.actor, performer(f.slug, { minutes: 9 }))).toMatchObject({
      code: "invalid",
      fieldErrors: { minutes: ["act_too_long"] },
    });
    expect(await snapshot(t.db)).toBe(before);
    expect((await register(t.db, me.actor, performer(f.slug, { minutes: 8 }))).ok).toBe(true);
  });

  it("puts an accepted act at the end of a block's running order, once", async () => {
    const f = await openFestival(t.db, organiser);
    const a = must(
      await register(
        t.db,
        (await resident("周建华")).actor,
        performer(f.slug, { actTitle: "黄梅戏选段", minutes: 7, performers: ["周建华", "吴丽"] }),
      ),
    );
    const b = must(
      await register(t.db, (await resident()).actor, performer(f.slug, { actTitle: "太极扇", minutes: 5 })),
    );
    expect(await addActToProgramme(t.db, organiser, { id: a.id, blockId: f.blockId })).toEqual({
      ok: false,
      code: "not_accepted",
    });
    must(await decideRegistrations(t.db, organiser, { ids: [a.id, b.id], decision: "accept" }));
    const first = must(await addActToProgramme(t.db, organiser, { id: a.id, blockId: f.blockId }));
    const second = must(await addActToProgramme(t.db, organiser, { id: b.id, blockId: f.blockId }));
    expect(await addActToProgramme(t.db, organiser, { id: a.id, blockId: f.blockId })).toEqual({
      ok: false,
      code: "already_in_programme",
    });
    const acts = await t.db
      .select()
      .from(programmeItems)
      .where(eq(programmeItems.parentId, f.blockId))
      .orderBy(programmeItems.position);
    expect(
      acts.map((x) => [x.id, x.title, x.kind, (x.endsAt.getTime() - x.startsAt.getTime()) / 60_000, x.people]),
    ).toEqual([
      [first.itemId, "黄梅戏选段", "single_act", 10, ["周建华", "吴丽"]],
      [second.itemId, "太极扇", "single_act", 5, ["测试居民"]],
    ]);
    expect(acts[1].startsAt.getTime()).toBe(acts[0].endsAt.getTime());
    expect((await row(a.id)).programmeItemId).toBe(first.itemId);
    // A sport event is not a block.
    const c = must(await register(t.db, (await resident()).actor, performer(f.slug)));
    must(await decideRegistrations(t.db, organiser, { ids: [c.id], decision: "accept" }));
    expect(await addActToProgramme(t.db, organiser, { id: c.id, blockId: f.sportId })).toMatchObject({
      code: "invalid",
      fieldErrors: { blockId: ["not_a_block"] },
    });
  });
});

describe("editing while pending", () => {
  it("changes the answers of a pending registration but not who, the role or the item; not once accepted", async () => {
    const f = await openFestival(t.db, organiser);
    const me = await resident();
    const r = must(await register(t.db, me.actor, athlete(f.slug, f.sportId)));
    const edited = must(
      await updateRegistration(t.db, me.actor, {
        ...athlete(f.slug, f.sportId, { ageGroup: "senior", emergencyName: "李明" }),
        id: r.id,
        version: 1,
      }),
    );
    expect(edited.version).toBe(2);
    expect((await row(r.id)).details).toMatchObject({ ageGroup: "senior", emergencyName: "李明" });
    // A stale version, another item, someone else.
    expect(await updateRegistration(t.db, me.actor, { ...athlete(f.slug, f.sportId), id: r.id, version: 1 })).toEqual({
      ok: false,
      code: "stale_version",
    });
    expect(
      await updateRegistration(t.db, me.actor, { ...athlete(f.slug, f.relayId), id: r.id, version: 2 }),
    ).toMatchObject({ fieldErrors: { itemId: ["cannot_change"] } });
    const other = await resident();
    expect(
      await updateRegistration(t.db, other.actor, { ...athlete(f.slug, f.sportId), id: r.id, version: 2 }),
    ).toMatchObject({ code: "forbidden" });
    must(await decideRegistrations(t.db, organiser, { ids: [r.id], decision: "accept" }));
    expect(await updateRegistration(t.db, me.actor, { ...athlete(f.slug, f.sportId), id: r.id, version: 3 })).toEqual({
      ok: false,
      code: "not_pending",
    });
  });
});

describe("teams and partners", () => {
  it("creates a team under a name, joins it whatever the case, refuses a taken or unknown name", async () => {
    const f = await openFestival(t.db, organiser);
    const a = must(
      await register(
        t.db,
        (await resident()).actor,
        athlete(f.slug, f.relayId, { teamAction: "create", team: "Blue Stars" }),
      ),
    );
    const b = must(
      await register(
        t.db,
        (await resident()).actor,
        athlete(f.slug, f.relayId, { teamAction: "join", team: "blue stars" }),
      ),
    );
    expect([(await row(a.id)).team, (await row(b.id)).team]).toEqual(["Blue Stars", "Blue Stars"]);
    expect(
      await register(
        t.db,
        (await resident()).actor,
        athlete(f.slug, f.relayId, { teamAction: "create", team: "BLUE STARS" }),
      ),
    ).toMatchObject({ fieldErrors: { team: ["team_exists"] } });
    expect(
      await register(t.db, (await resident()).actor, athlete(f.slug, f.relayId, { teamAction: "join", team: "红队" })),
    ).toMatchObject({ fieldErrors: { team: ["team_unknown"] } });
    expect(
      await register(t.db, (await resident()).actor, athlete(f.slug, f.relayId, { teamAction: "join", team: "" })),
    ).toMatchObject({ fieldErrors: { team: ["required"] } });
  });

  it("pairs those who ask to be found a partner, in order, and two players who name each other", async () => {
    const f = await openFestival(t.db, organiser);
    const find = { partner: { kind: "find" } };
    const p1 = await resident("甲");
    const p2 = await resident("乙");
    const p3 = await resident("丙");
    const r1 = must(await register(t.db, p1.actor, player(f.slug, f.chessId, find)));
    expect((await row(r1.id)).partnerRegistrationId).toBeNull();
    const r2 = must(await register(t.db, p2.actor, player(f.slug, f.chessId, find)));
    const r3 = must(await register(t.db, p3.actor, player(f.slug, f.chessId, find)));
    expect((await row(r1.id)).partnerRegistrationId).toBe(r2.id);
    expect((await row(r2.id)).partnerRegistrationId).toBe(r1.id);
    expect((await row(r3.id)).partnerRegistrationId).toBeNull();
    expect(await inbox(p1.actor.id)).toEqual(["registration.partner_found"]);

    const x = await resident("丁");
    const y = await resident("戊");
    const rx = must(
      await register(t.db, x.actor, player(f.slug, f.chessId, { partner: { kind: "phone", phone: y.phone } })),
    );
    expect(await inbox(y.actor.id)).toEqual(["registration.partner"]);
    const ry = must(
      await register(t.db, y.actor, player(f.slug, f.chessId, { partner: { kind: "phone", phone: x.phone } })),
    );
    expect((await row(rx.id)).partnerRegistrationId).toBe(ry.id);
    expect((await row(ry.id)).partnerRegistrationId).toBe(rx.id);
    // Declining undoes the pair.
    const [link] = await t.db
      .select()
      .from(registrationLinks)
      .where(and(eq(registrationLinks.registrationId, rx.id), eq(registrationLinks.userId, y.actor.id)));
    must(await declineLink(t.db, y.actor, link.id));
    expect((await row(rx.id)).partnerRegistrationId).toBeNull();
    expect((await row(ry.id)).partnerRegistrationId).toBeNull();
  });
});

describe("organiser tools", () => {
  it("keeps a note, moves an athlete to another event with a place, and hands the freed place on", async () => {
    const f = await openFestival(t.db, organiser);
    must(await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.sportId}`, capacity: 1 }));
    const a = must(await register(t.db, (await resident()).actor, athlete(f.slug, f.sportId)));
    const w = must(await register(t.db, (await resident()).actor, athlete(f.slug, f.sportId)));
    expect(w.status).toBe("waitlisted");
    must(await setNote(t.db, organiser, { id: a.id, note: "腿脚不便，安排在外侧" }));
    expect((await row(a.id)).note).toBe("腿脚不便，安排在外侧");
    const moved = must(await moveRegistration(t.db, organiser, { id: a.id, itemId: f.relayId }));
    expect(moved.promoted).toEqual([w.id]);
    expect((await row(a.id)).itemId).toBe(f.relayId);
    expect((await row(w.id)).status).toBe("confirmed");
    // Into a full event: refused, nothing changed.
    must(await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.relayId}`, capacity: 1 }));
    const before = await snapshot(t.db);
    expect(await moveRegistration(t.db, organiser, { id: w.id, itemId: f.relayId })).toEqual({
      ok: false,
      code: "item_full",
    });
    expect(await moveRegistration(t.db, organiser, { id: w.id, itemId: f.chessId })).toMatchObject({
      fieldErrors: { itemId: ["item_unknown"] },
    });
    expect(await snapshot(t.db)).toBe(before);
    const audited = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, a.id));
    expect(audited.map((x) => x.action).sort()).toEqual(["registrations.move", "registrations.note"]);
  });

  it("moving someone to the waiting list puts them at its end and gives their place to the head, never back to them", async () => {
    const f = await openFestival(t.db, organiser);
    must(await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.sportId}`, capacity: 1 }));
    const a = must(await register(t.db, (await resident()).actor, athlete(f.slug, f.sportId)));
    const b = must(await register(t.db, (await resident()).actor, athlete(f.slug, f.sportId)));
    expect(must(await decideRegistrations(t.db, organiser, { ids: [a.id], decision: "waitlist" })).promoted).toEqual([
      b.id,
    ]);
    expect([(await row(a.id)).status, (await row(b.id)).status]).toEqual(["waitlisted", "confirmed"]);
    // An act held in reserve (performers have no limit) stays in reserve.
    const act = must(await register(t.db, (await resident()).actor, performer(f.slug)));
    expect(must(await decideRegistrations(t.db, organiser, { ids: [act.id], decision: "waitlist" })).promoted).toEqual(
      [],
    );
    expect((await row(act.id)).status).toBe("waitlisted");
  });

  it("keeps an item's places in the programme and its quota the same", async () => {
    const f = await openFestival(t.db, organiser);
    must(await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.sportId}`, capacity: 1 }));
    const [item] = await t.db.select().from(programmeItems).where(eq(programmeItems.id, f.sportId));
    expect(item.capacity).toBe(1);
    must(await register(t.db, (await resident()).actor, athlete(f.slug, f.sportId)));
    const w = must(await register(t.db, (await resident()).actor, athlete(f.slug, f.sportId)));
    // Raising the places in the builder promotes the head of the list.
    const dto = {
      id: item.id,
      version: item.version,
      title: item.title,
      kind: item.kind,
      venueId: item.venueId,
      startsAt: item.startsAt.toISOString(),
      endsAt: item.endsAt.toISOString(),
      people: [],
    };
    must(await updateProgrammeItem(t.db, organiser, { ...dto, capacity: 2 }));
    expect((await row(w.id)).status).toBe("confirmed");
    const [q] = await t.db
      .select()
      .from(quotas)
      .where(eq(quotas.scope, `item:${f.sportId}`));
    expect([q.capacity, q.taken]).toEqual([2, 2]);
    expect(
      await updateProgrammeItem(t.db, organiser, { ...dto, version: item.version + 1, capacity: 1 }),
    ).toMatchObject({
      fieldErrors: { capacity: ["capacity_below_taken"] },
    });
  });

  it("refuses places below those taken, or none at all for an event, writing nothing", async () => {
    const f = await openFestival(t.db, organiser);
    must(await register(t.db, (await resident()).actor, athlete(f.slug, f.sportId)));
    must(await register(t.db, (await resident()).actor, athlete(f.slug, f.sportId)));
    const before = await snapshot(t.db);
    expect(
      await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.sportId}`, capacity: 1 }),
    ).toMatchObject({ fieldErrors: { capacity: ["capacity_below_taken"] } });
    expect(
      await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: "role:athlete", capacity: 1 }),
    ).toMatchObject({ fieldErrors: { capacity: ["capacity_below_taken"] } });
    expect(
      await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.relayId}`, capacity: 0 }),
    ).toMatchObject({ fieldErrors: { capacity: ["number_invalid"] } });
    expect(await snapshot(t.db)).toBe(before);
  });

  it("an item's places set in the programme hold from the first registration", async () => {
    const f = await openFestival(t.db, organiser);
    const [item] = await t.db.select().from(programmeItems).where(eq(programmeItems.id, f.chessId));
    must(
      await updateProgrammeItem(t.db, organiser, {
        id: item.id,
        version: item.version,
        title: item.title,
        kind: item.kind,
        venueId: item.venueId,
        startsAt: item.startsAt.toISOString(),
        endsAt: item.endsAt.toISOString(),
        people: [],
        capacity: 1,
      }),
    );
    expect(must(await register(t.db, (await resident()).actor, player(f.slug, f.chessId))).status).toBe("confirmed");
    expect(must(await register(t.db, (await resident()).actor, player(f.slug, f.chessId))).status).toBe("waitlisted");
  });

  it("puts backstage pioneers on shifts within places and never on two at once", async () => {
    const f = await openFestival(t.db, organiser);
    const morning = must(
      await createShift(t.db, organiser, {
        festivalSlug: f.slug,
        title: "音响",
        skill: "sound",
        startsAt: "2027-01-16T01:00:00Z",
        endsAt: "2027-01-16T04:00:00Z",
        places: 2,
      }),
    );
    const overlap = must(
      await createShift(t.db, organiser, {
        festivalSlug: f.slug,
        title: "引导",
        skill: "stewarding",
        startsAt: "2027-01-16T03:00:00Z",
        endsAt: "2027-01-16T05:00:00Z",
        places: 5,
      }),
    );
    const later = must(
      await createShift(t.db, organiser, {
        festivalSlug: f.slug,
        title: "清扫",
        skill: "cleanup",
        startsAt: "2027-01-16T04:00:00Z",
        endsAt: "2027-01-16T06:00:00Z",
        places: 5,
      }),
    );
    const helper = async () => must(await register(t.db, (await resident()).actor, backstage(f.slug)));
    const [a, b, c] = [await helper(), await helper(), await helper()];
    expect(must(await assignShift(t.db, organiser, { shiftId: morning.id, ids: [a.id, b.id] })).assigned).toBe(2);
    const athleteReg = must(await register(t.db, (await resident()).actor, athlete(f.slug, f.sportId)));
    const before = await snapshot(t.db);
    expect(await assignShift(t.db, organiser, { shiftId: morning.id, ids: [c.id] })).toEqual({
      ok: false,
      code: "shift_full",
    });
    expect(await assignShift(t.db, organiser, { shiftId: overlap.id, ids: [c.id, a.id] })).toEqual({
      ok: false,
      code: "shift_clash",
    });
    expect(await assignShift(t.db, organiser, { shiftId: later.id, ids: [athleteReg.id] })).toMatchObject({
      code: "invalid",
    });
    expect(await snapshot(t.db)).toBe(before);
    // Back to back is not a clash.
    expect(must(await assignShift(t.db, organiser, { shiftId: later.id, ids: [a.id] })).assigned).toBe(1);
    must(await unassignShift(t.db, organiser, { shiftId: morning.id, registrationId: b.id }));
    expect(must(await assignShift(t.db, organiser, { shiftId: morning.id, ids: [c.id] })).assigned).toBe(1);
    const held = await t.db.select().from(shiftAssignments).where(eq(shiftAssignments.shiftId, morning.id));
    expect(held.map((h) => h.registrationId).sort()).toEqual([a.id, c.id].sort());
  });
});
