import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser } from "@/tests/support/fixtures";
import { athlete, openFestival } from "@/tests/support/registration-fixtures";
import type { Actor } from "@/lib/actor";
import { cancelRegistration, markNotificationsRead, register, setCapacity } from "./service";
import { countUnread, listMyNotifications, listMyRegistrations } from "./queries";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

describe("my registrations and messages", () => {
  it("show my place on the waiting list, what I can cancel, and the message when I am promoted", async () => {
    const f = await openFestival(t.db, organiser);
    await setCapacity(t.db, organiser, { festivalSlug: f.slug, scope: `item:${f.sportId}`, capacity: 1 });
    const [a, b, c] = await Promise.all(
      [0, 1, 2].map(async () => actorOf(t.db, (await makeUser(t.db, { verified: true })).id)),
    );
    const ra = await register(t.db, a, athlete(f.slug, f.sportId));
    await register(t.db, b, athlete(f.slug, f.sportId));
    await register(t.db, c, athlete(f.slug, f.sportId));
    const mine = await listMyRegistrations(t.db, c.id);
    expect(mine).toEqual([
      expect.objectContaining({
        itemTitle: "拔河比赛",
        status: "waitlisted",
        position: 2,
        cancellable: true,
        participantName: c.name,
      }),
    ]);
    expect((await listMyRegistrations(t.db, b.id))[0].position).toBe(1);
    expect(await listMyRegistrations(t.db, c.id, new Date(Date.now() + 3 * 86_400_000))).toEqual([
      expect.objectContaining({ cancellable: false }),
    ]);

    if (!ra.ok) throw new Error("register");
    await cancelRegistration(t.db, a, ra.data.id);
    expect((await listMyRegistrations(t.db, b.id))[0]).toMatchObject({ status: "confirmed", position: null });
    expect((await listMyRegistrations(t.db, c.id))[0].position).toBe(1);
    expect(await countUnread(t.db, b.id)).toBe(1);
    expect(await listMyNotifications(t.db, b.id)).toEqual([
      expect.objectContaining({ kind: "registration.promoted", itemTitle: "拔河比赛", read: false }),
    ]);
    expect(await markNotificationsRead(t.db, b)).toEqual({ ok: true, data: undefined });
    expect(await countUnread(t.db, b.id)).toBe(0);
    expect(await markNotificationsRead(t.db, null)).toEqual({ ok: false, code: "unauthenticated" });
  });
});
