import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser, must } from "@/tests/support/fixtures";
import { athlete, openFestival, performer } from "@/tests/support/registration-fixtures";
import { publishProgramme } from "@/lib/festivals/programme-service";
import { getPublicProgramme } from "@/lib/festivals/queries";
import { decideRegistrations, register } from "@/lib/registrations/service";
import { addActToProgramme } from "@/lib/registrations/review-service";
import type { Actor } from "@/lib/actor";
import { setUpCompetition, syncEntrants } from "./service";
import { getPublicCompetition } from "./queries";

// Children under 14 are shown to the public by first name and age band only: whatever the
// competition and programme pages read must never hold a child's full name.
let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const parent = async () => {
  const home = await makeHousehold(t.db);
  return actorOf(t.db, (await makeUser(t.db, { verified: true, householdId: home.id })).id);
};
const child = (name: string, age: number) => ({ participant: { kind: "member", name, age, guardianConsent: true } });

describe("children on public pages", () => {
  it("a competition's public read names a child by first name and age band; two of one name stay apart", async () => {
    const f = await openFestival(t.db, organiser);
    must(await register(t.db, await parent(), athlete(f.slug, f.sportId, child("王小明", 9))));
    must(await register(t.db, await parent(), athlete(f.slug, f.sportId, child("李小明", 8))));
    must(await register(t.db, await parent(), athlete(f.slug, f.sportId, child("欧阳娜娜", 12))));
    must(await register(t.db, await parent(), athlete(f.slug, f.sportId)));
    const { id } = must(
      await setUpCompetition(t.db, organiser, {
        itemId: f.sportId,
        format: "single_elimination",
        game: "table_tennis",
        entrantKind: "individual",
        bestOf: 3,
      }),
    );
    must(await syncEntrants(t.db, organiser, id));
    must(await publishProgramme(t.db, organiser, { festivalSlug: f.slug }));
    const page = JSON.stringify(await getPublicCompetition(t.db, f.slug, f.sportId));
    for (const full of ["王小明", "李小明", "欧阳娜娜"]) expect(page).not.toContain(full);
    expect(page).toContain("小明 (6–9 岁)");
    expect(page).toContain("小明 (6–9 岁) 2");
    expect(page).toContain("娜娜 (10–13 岁)");
  });

  it("a child's act in the programme is listed by first name and age band", async () => {
    const f = await openFestival(t.db, organiser);
    const r = must(
      await register(t.db, await parent(), performer(f.slug, { ...child("张小红", 7), actTitle: "小星星" })),
    );
    must(await decideRegistrations(t.db, organiser, { ids: [r.id], decision: "accept" }));
    must(await addActToProgramme(t.db, organiser, { id: r.id, blockId: f.blockId }));
    must(await publishProgramme(t.db, organiser, { festivalSlug: f.slug }));
    const programme = JSON.stringify(await getPublicProgramme(t.db, f.slug));
    expect(programme).not.toContain("张小红");
    expect(programme).toContain("小红 (6–9 岁)");
  });
});
