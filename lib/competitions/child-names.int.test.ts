import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeMember, makeUser, must } from "@/tests/support/fixtures";
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
/** A parent whose household has the child, and the form's answer that picks the child. */
const parentOf = async (name: string, age: number) => {
  const p = await parent();
  const member = await makeMember(t.db, p.householdId!, name, age);
  return [p, { participant: { kind: "member", memberId: member.id, guardianConsent: true } }] as const;
};

const childEntry = async (name: string, age: number, form: (c: Record<string, unknown>) => Record<string, unknown>) => {
  const [p, c] = await parentOf(name, age);
  return [p, form(c)] as const;
};

describe("children on public pages", () => {
  it("a competition's public read names a child by first name and age band; two of one name stay apart", async () => {
    const f = await openFestival(t.db, organiser);
    must(await register(t.db, ...(await childEntry("王小明", 9, (c) => athlete(f.slug, f.sportId, c)))));
    must(await register(t.db, ...(await childEntry("李小明", 8, (c) => athlete(f.slug, f.sportId, c)))));
    must(await register(t.db, ...(await childEntry("欧阳娜娜", 12, (c) => athlete(f.slug, f.sportId, c)))));
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
      await register(t.db, ...(await childEntry("张小红", 7, (c) => performer(f.slug, { ...c, actTitle: "小星星" })))),
    );
    must(await decideRegistrations(t.db, organiser, { ids: [r.id], decision: "accept" }));
    must(await addActToProgramme(t.db, organiser, { id: r.id, blockId: f.blockId }));
    must(await publishProgramme(t.db, organiser, { festivalSlug: f.slug }));
    const programme = JSON.stringify(await getPublicProgramme(t.db, f.slug));
    expect(programme).not.toContain("张小红");
    expect(programme).toContain("小红 (6–9 岁)");
  });
});
