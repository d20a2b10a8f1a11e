import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/db";
import { actorOf, makeMember, makeUser, snapshot } from "@/tests/support/fixtures";
import { athlete, backstage, openFestival, performer, player } from "@/tests/support/registration-fixtures";
import type { Actor } from "@/lib/actor";
import zh from "@/messages/zh-CN.json";
import en from "@/messages/en.json";
import { register } from "./service";

// Every field of every role's form, given the wrong type, too much text or an unknown choice:
// the answer names that field with an error code both languages translate, and nothing is written.

let t: TestDb;
let me: Actor;
let f: Awaited<ReturnType<typeof openFestival>>;
let other: Awaited<ReturnType<typeof openFestival>>;
let childId: string;
let othersGrandma: string;
beforeAll(async () => {
  t = await createTestDb();
  const organiser = await actorOf(t.db, (await makeUser(t.db, { roles: ["organiser"], verified: true })).id);
  me = await actorOf(t.db, (await makeUser(t.db, { verified: true })).id);
  f = await openFestival(t.db, organiser);
  other = await openFestival(t.db, organiser);
  childId = (await makeMember(t.db, me.householdId!, "王小明", 9)).id;
  const stranger = await makeUser(t.db, { verified: true });
  othersGrandma = (await makeMember(t.db, stranger.householdId!, "李奶奶", 80)).id;
});
afterAll(async () => t?.close());

const long = (n: number) => "长".repeat(n);
const WRONG_TYPES = [null, 42, true, [], {}];

type Case = [field: string, values: unknown[]];
const CASES: Record<string, { base: () => Record<string, unknown>; fields: Case[] }> = {
  performer: {
    base: () => performer(f.slug),
    fields: [
      ["actTitle", ["", long(61), ...WRONG_TYPES]],
      ["actType", ["ballet", ...WRONG_TYPES]],
      ["group", ["yes", null, 1]],
      ["performers", [[long(41)], Array(41).fill("张三"), "张三", [1]]],
      ["coPerformerPhones", [["123"], Array(11).fill("13800000002"), "13800000002"]],
      ["minutes", [0, 61, 2.5, "5", null, 11]],
      ["stageNeeds", [["laser"], "microphones"]],
      ["stageNeedsOther", [long(201), 5]],
      ["preferredTime", ["midnight", 3]],
      [
        "participant",
        [
          { kind: "member", memberId: "" },
          { kind: "member", name: "小明", age: 9 },
          { kind: "member", memberId: "00000000-0000-4000-8000-000000000000" },
          // A child without the guardian's consent; a member of another household.
          {
            kind: "member",
            get memberId() {
              return childId;
            },
          },
          {
            kind: "member",
            get memberId() {
              return othersGrandma;
            },
            guardianConsent: true,
          },
          { kind: "pet" },
          null,
        ],
      ],
    ],
  },
  backstage: {
    base: () => backstage(f.slug),
    fields: [
      ["skills", [[], ["juggling"], "sound", null]],
      [
        "available",
        [
          [],
          [{ startsAt: "tomorrow", endsAt: "later" }],
          [{ startsAt: "2027-01-16T05:00:00Z", endsAt: "2027-01-16T01:00:00Z" }],
          Array(21).fill({ startsAt: "2027-01-16T01:00:00Z", endsAt: "2027-01-16T02:00:00Z" }),
          null,
        ],
      ],
    ],
  },
  athlete: {
    base: () => athlete(f.slug, f.sportId),
    fields: [
      ["itemId", ["not-a-uuid", "00000000-0000-4000-8000-000000000000", ...WRONG_TYPES]],
      ["ageGroup", ["ancient", ...WRONG_TYPES]],
      ["emergencyName", ["", long(41), 7]],
      ["emergencyPhone", ["123", "23800000000", 13800000000]],
      ["healthDeclaration", [false, "true", null]],
      ["teamAction", ["steal"]],
      ["team", [long(31)]],
    ],
  },
  player: {
    base: () => player(f.slug, f.chessId),
    fields: [
      ["itemId", ["nope", "00000000-0000-4000-8000-000000000000", null]],
      ["level", ["grandmaster", 3, null]],
      ["partner", [{ kind: "phone", phone: "12" }, { kind: "phone" }, { kind: "robot" }, "find", null]],
    ],
  },
};

const translated = (code: string) => code in zh.fieldErrors && code in en.fieldErrors;

describe.each(Object.entries(CASES))("%s form", (role, { base, fields }) => {
  it.each(fields)("%s: each bad value is refused on that field, translated, nothing written", async (field, values) => {
    const before = await snapshot(t.db);
    for (const value of values) {
      const result = await register(t.db, me, { ...base(), [field]: value });
      expect(result.ok, `${role}.${field} = ${JSON.stringify(value)?.slice(0, 40)}`).toBe(false);
      if (result.ok) continue;
      expect(result.code).toBe("invalid");
      const codes = result.fieldErrors?.[field] ?? [];
      expect(
        codes.length,
        `${role}.${field} = ${JSON.stringify(value)?.slice(0, 40)} → ${JSON.stringify(result.fieldErrors)}`,
      ).toBeGreaterThan(0);
      for (const c of codes) expect(translated(c), `fieldErrors.${c}`).toBe(true);
    }
    expect(await snapshot(t.db)).toBe(before);
  });
});

it("another festival's event is refused on the item field", async () => {
  const before = await snapshot(t.db);
  for (const input of [athlete(f.slug, other.sportId), player(f.slug, other.chessId)]) {
    expect(await register(t.db, me, input)).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { itemId: ["item_unknown"] },
    });
  }
  expect(await snapshot(t.db)).toBe(before);
});
