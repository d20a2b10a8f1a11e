import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeUser, must } from "@/tests/support/fixtures";
import { hefei, makeFestival } from "@/tests/support/festival-fixtures";
import { seedDemo } from "@/demo/seed";
import type { Actor } from "@/lib/actor";
import { createItem, publishProgramme } from "./programme-service";
import { getBuilderData, listFestivals } from "./dashboard-queries";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, new Date("2026-11-27T03:00:00Z"));
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

describe("the festivals list and the builder say what residents see", () => {
  it("counts the demo's items and knows its programmes were published", async () => {
    const list = must(await listFestivals(t.db, organiser));
    const m15 = list.find((f) => f.slug === "meihu-15")!;
    expect(m15.items).toBeGreaterThan(10);
    expect(m15.lastPublishedAt).toBeInstanceOf(Date);
    expect(list.find((f) => f.slug === "meihu-14")!.lastPublishedAt).toBeInstanceOf(Date);
    const builder = must(await getBuilderData(t.db, organiser, "meihu-15"))!;
    expect(builder.lastPublishedAt).not.toBeNull();
    expect(builder.unpublishedChanges).toBe(false);
    expect(builder.festival.status).toBe("published");
  });

  it("a new festival: no items and never published, then its real count and time once published", async () => {
    const { slug, hallId } = await makeFestival(t.db, organiser);
    const before = must(await listFestivals(t.db, organiser)).find((f) => f.slug === slug)!;
    expect(before).toMatchObject({ items: 0, lastPublishedAt: null, status: "draft" });
    for (const [from, to] of [
      [9, 10],
      [10, 11],
    ] as const) {
      const r = await createItem(t.db, organiser, {
        festivalSlug: slug,
        title: "红歌合唱",
        kind: "single_act",
        venueId: hallId,
        startsAt: hefei(16, from),
        endsAt: hefei(16, to),
      });
      expect(r.ok).toBe(true);
    }
    const p = await publishProgramme(t.db, organiser, { festivalSlug: slug });
    if (!p.ok) throw new Error(JSON.stringify(p));
    const after = must(await listFestivals(t.db, organiser)).find((f) => f.slug === slug)!;
    expect(after.items).toBe(2);
    expect(after.lastPublishedAt?.getTime()).toBe(p.data.publishedAt.getTime());
    const builder = must(await getBuilderData(t.db, organiser, slug))!;
    expect(builder.lastPublishedAt).toBe(p.data.publishedAt.toISOString());
    // Published, but the festival itself is still a draft: the builder is told so.
    expect(builder.festival.status).toBe("draft");
  });
});
