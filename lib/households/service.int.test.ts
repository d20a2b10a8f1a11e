import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { auditLog, householdMembers } from "@/db/schema";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeHousehold, makeUser, must } from "@/tests/support/fixtures";
import type { Actor } from "@/lib/actor";
import { addMember, editMember, removeMember } from "./service";
import { listHouseholdMembers } from "./queries";

let t: TestDb;
let organiser: Actor;
beforeAll(async () => {
  t = await createTestDb();
  organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
});
afterAll(async () => t?.close());

const lastAudit = async (action: string) =>
  (await t.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];
const grandma = { name: "李桂兰", birthYear: 1942, relation: "grandparent" };

describe("household members", () => {
  it("an organiser adds, corrects and removes a member of any household, audited as at the desk", async () => {
    const h = await makeHousehold(t.db);
    const { id } = must(await addMember(t.db, organiser, { householdId: h.id, ...grandma }));
    expect(await lastAudit("households.add_member")).toMatchObject({
      actorId: organiser.id,
      targetId: id,
      outcome: "ok",
      details: { householdId: h.id, atDesk: true, forMemberId: id },
    });
    must(await editMember(t.db, organiser, { id, ...grandma, birthYear: "1943" }));
    const [row] = await t.db.select().from(householdMembers).where(eq(householdMembers.id, id));
    expect(row).toMatchObject({ birthYear: 1943, removedAt: null, addedBy: organiser.id });
    must(await removeMember(t.db, organiser, { id }));
    const [gone] = await t.db.select().from(householdMembers).where(eq(householdMembers.id, id));
    expect(gone.removedAt).not.toBeNull();
    expect(await listHouseholdMembers(t.db, organiser, h.id)).toEqual({ ok: true, data: [] });
    // Removed, the name is free again.
    must(await addMember(t.db, organiser, { householdId: h.id, ...grandma }));
  });

  it("a verified account manages its own household's members, not another's; an unverified one none", async () => {
    const mine = await makeUser(t.db, { verified: true });
    const me = await actorOf(t.db, mine.id);
    const { id } = must(await addMember(t.db, me, { householdId: mine.householdId, ...grandma }));
    expect((await lastAudit("households.add_member")).details).toEqual({ householdId: mine.householdId });
    const members = await listHouseholdMembers(t.db, me, mine.householdId!);
    expect(members).toMatchObject({ ok: true, data: [{ id, name: "李桂兰", birthYear: 1942 }] });

    const other = await makeHousehold(t.db);
    expect(await addMember(t.db, me, { householdId: other.id, ...grandma })).toEqual({ ok: false, code: "forbidden" });
    expect(await lastAudit("households.add_member")).toMatchObject({ outcome: "refused", actorId: me.id });
    const theirs = must(
      await addMember(t.db, organiser, { householdId: other.id, name: "赵大爷", birthYear: 1940, relation: "self" }),
    );
    expect(await editMember(t.db, me, { id: theirs.id, ...grandma })).toMatchObject({ code: "forbidden" });
    expect(await removeMember(t.db, me, { id: theirs.id })).toMatchObject({ code: "forbidden" });
    expect(await listHouseholdMembers(t.db, me, other.id)).toMatchObject({ code: "forbidden" });

    const unverified = await actorOf(t.db, (await makeUser(t.db, { householdId: mine.householdId })).id);
    expect(
      await addMember(t.db, unverified, {
        householdId: mine.householdId,
        name: "王小明",
        birthYear: 2018,
        relation: "grandchild",
      }),
    ).toMatchObject({ code: "forbidden" });
    expect(await addMember(t.db, null, { householdId: mine.householdId, ...grandma })).toMatchObject({
      code: "forbidden",
    });
    expect(
      await t.db.select().from(householdMembers).where(eq(householdMembers.householdId, mine.householdId!)),
    ).toHaveLength(1);
  });

  it("refuses a name already living in the household (any case), a year out of range and bad input", async () => {
    const h = await makeHousehold(t.db);
    const { id } = must(
      await addMember(t.db, organiser, {
        householdId: h.id,
        name: "Lily Wang",
        birthYear: 2015,
        relation: "grandchild",
      }),
    );
    expect(
      await addMember(t.db, organiser, { householdId: h.id, name: " lily wang ", birthYear: 2016, relation: "child" }),
    ).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { name: ["member_name_taken"] },
    });
    const second = must(
      await addMember(t.db, organiser, {
        householdId: h.id,
        name: "Tom Wang",
        birthYear: 2012,
        relation: "grandchild",
      }),
    );
    expect(
      await editMember(t.db, organiser, { id: second.id, name: "LILY WANG", birthYear: 2012, relation: "grandchild" }),
    ).toMatchObject({
      fieldErrors: { name: ["member_name_taken"] },
    });
    const thisYear = new Date().getFullYear();
    expect(
      await addMember(t.db, organiser, { householdId: h.id, name: "未来", birthYear: thisYear + 1, relation: "child" }),
    ).toMatchObject({
      fieldErrors: { birthYear: ["birth_year_future"] },
    });
    expect(
      await addMember(t.db, organiser, { householdId: h.id, name: "太早", birthYear: 1850, relation: "parent" }),
    ).toMatchObject({
      fieldErrors: { birthYear: ["number_invalid"] },
    });
    expect(
      await addMember(t.db, organiser, { householdId: h.id, name: "", birthYear: "", relation: "cousin" }),
    ).toMatchObject({
      code: "invalid",
      fieldErrors: { name: ["required"], birthYear: ["number_invalid"], relation: ["relation_required"] },
    });
    expect(
      await addMember(t.db, organiser, { householdId: "00000000-0000-4000-8000-000000000000", ...grandma }),
    ).toMatchObject({ code: "not_found" });
    expect(await removeMember(t.db, organiser, { id: "nope" })).toMatchObject({ code: "invalid" });
    const living = await t.db
      .select()
      .from(householdMembers)
      .where(and(eq(householdMembers.householdId, h.id)));
    expect(living.map((m) => m.name).sort()).toEqual(["Lily Wang", "Tom Wang"]);
    expect(id).toBeTruthy();
  });
});
