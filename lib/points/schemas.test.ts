import { describe, expect, it } from "vitest";
import { z } from "zod";
import { anonymousSchema, awardSchema, phoneLookupSchema, rewardActiveSchema, rewardSchema } from "./schemas";

const userId = "00000000-0000-4000-8000-000000000001";

describe("points forms", () => {
  it("an award is a whole number of points from 1 to 1000, with a reason; a blank box is no number", () => {
    expect(awardSchema.parse({ userId, points: "20", reason: " 搬桌椅 " })).toEqual({
      userId,
      points: 20,
      reason: "搬桌椅",
    });
    for (const [points, reason, field, code] of [
      ["", "搬桌椅", "points", "number_invalid"],
      ["0", "搬桌椅", "points", "number_invalid"],
      ["1001", "搬桌椅", "points", "number_invalid"],
      ["2.5", "搬桌椅", "points", "number_invalid"],
      ["20", " ", "reason", "reason_required"],
    ] as const) {
      const r = awardSchema.safeParse({ userId, points, reason });
      expect(r.success, `${points} ${reason}`).toBe(false);
      expect(z.flattenError(r.error!).fieldErrors).toMatchObject({ [field]: [code] });
    }
  });

  it("a reward costs at least a point; a form's radios and switches send words for true and false", () => {
    expect(rewardSchema.safeParse({ name: "毛巾", cost: "0" }).success).toBe(false);
    expect(rewardSchema.parse({ name: "毛巾", cost: "50" }).cost).toBe(50);
    expect(anonymousSchema.parse({ anonymous: "true" }).anonymous).toBe(true);
    expect(anonymousSchema.parse({ anonymous: false }).anonymous).toBe(false);
    expect(anonymousSchema.safeParse({ anonymous: "yes" }).success).toBe(false);
    expect(rewardActiveSchema.parse({ id: userId, active: "false" }).active).toBe(false);
    expect(rewardActiveSchema.safeParse({ id: userId, active: "maybe" }).success).toBe(false);
  });

  it("the points desk finds a volunteer by a mainland mobile number only", () => {
    expect(phoneLookupSchema.parse({ phone: " 13800000000 " }).phone).toBe("13800000000");
    expect(phoneLookupSchema.safeParse({ phone: "12345" }).success).toBe(false);
  });
});
