import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { festivals, programmeItems } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser } from "@/tests/support/fixtures";
import { hefei, makeFestival } from "@/tests/support/festival-fixtures";
import type { Actor } from "@/lib/actor";
import { createItem, updateItem, type ItemDto, type PlacesFollow } from "./programme-service";

// Real Postgres, requests fired together. Each guard has a control that turns it off.
let t: TestDb;
let organisers: Actor[];
beforeAll(async () => {
  t = await createTestDb({ poolSize: 20 });
  organisers = await Promise.all(
    [0, 1].map(async () => actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id)),
  );
});
afterAll(async () => t?.close());
// No registrations here: an item's places have nothing to follow.
const noPlaces: PlacesFollow = async () => true;

async function freshItem(): Promise<{ item: ItemDto; slug: string; hallId: string; squareId: string }> {
  const f = await makeFestival(t.db, organisers[0]);
  const r = await createItem(t.db, organisers[0], {
    festivalSlug: f.slug,
    title: "太极拳表演",
    kind: "sport_event",
    venueId: f.hallId,
    startsAt: hefei(16, 9),
    endsAt: hefei(16, 10),
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return { item: r.data.item, ...f };
}

describe("two organisers save the same item from the same version", () => {
  it("one is saved, the other gets stale_version with the current item", async () => {
    for (let round = 0; round < 5; round++) {
      const { item } = await freshItem();
      const [a, b] = await Promise.all([
        updateItem(t.db, organisers[0], { ...item, title: "太极拳（甲改）" }, noPlaces),
        updateItem(t.db, organisers[1], { ...item, description: "乙加的说明" }, noPlaces),
      ]);
      const results = [a, b];
      const saved = results.filter((r) => r.ok);
      const stale = results.filter((r) => !r.ok && r.code === "stale_version");
      expect(saved).toHaveLength(1);
      expect(stale).toHaveLength(1);
      const [row] = await t.db.select().from(programmeItems).where(eq(programmeItems.id, item.id));
      expect(row.version).toBe(2);
      // The loser is shown the winner's item, so nothing is overwritten unseen.
      expect(stale[0]).toMatchObject({ current: { version: 2, title: row.title, description: row.description } });
    }
  });

  it("control: without the version check, both report success and one edit is lost", async () => {
    const { item } = await freshItem();
    // The naive save: read the row, apply my change to what I read, write it all back by id.
    const naiveSave = async (change: Partial<typeof programmeItems.$inferInsert>) => {
      const [read] = await t.db.select().from(programmeItems).where(eq(programmeItems.id, item.id));
      await new Promise((r) => setTimeout(r, 20));
      await t.db
        .update(programmeItems)
        .set({ ...read, ...change })
        .where(eq(programmeItems.id, item.id));
      return true;
    };
    const done = await Promise.all([naiveSave({ title: "太极拳（甲改）" }), naiveSave({ description: "乙加的说明" })]);
    expect(done).toEqual([true, true]);
    const [row] = await t.db.select().from(programmeItems).where(eq(programmeItems.id, item.id));
    const kept = [row.title === "太极拳（甲改）", row.description === "乙加的说明"];
    expect(kept.filter(Boolean)).toHaveLength(1);
  });
});

describe("two organisers book one venue at once", () => {
  it("10 overlapping items into one venue at once → exactly one booked", async () => {
    const f = await makeFestival(t.db, organisers[0]);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createItem(t.db, organisers[i % 2], {
          festivalSlug: f.slug,
          title: `抢场地 ${i}`,
          kind: "ceremony",
          venueId: f.squareId,
          startsAt: hefei(16, 15, i * 5),
          endsAt: hefei(16, 16, i * 5),
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "venue_taken")).toHaveLength(9);
  });

  it("control: checking for clashes without the venue lock double-books", async () => {
    const f = await makeFestival(t.db, organisers[0]);
    const [{ id: festivalId }] = await t.db
      .select({ id: festivals.id })
      .from(festivals)
      .where(eq(festivals.slug, f.slug));
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const clashes = await t.db
          .select({ id: programmeItems.id })
          .from(programmeItems)
          .where(eq(programmeItems.venueId, f.squareId));
        await new Promise((r) => setTimeout(r, 20));
        if (clashes.length === 0) {
          await t.db.insert(programmeItems).values({
            festivalId,
            title: `抢场地 ${i}`,
            kind: "ceremony",
            venueId: f.squareId,
            startsAt: new Date(hefei(16, 15)),
            endsAt: new Date(hefei(16, 16)),
          });
        }
      }),
    );
    const booked = await t.db.select().from(programmeItems).where(eq(programmeItems.venueId, f.squareId));
    expect(booked.length).toBeGreaterThan(1);
  });
});
