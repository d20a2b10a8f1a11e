import { describe, expect, it } from "vitest";
import { athlete, player } from "@/tests/support/registration-fixtures";
import { detailsOf } from "./details";
import { registrationSchema } from "./schemas";

const ITEM = "7f1c5a52-1d6e-4a57-9a5e-2b1f2c3d4e5f";

describe("a registration's details", () => {
  it("keep what the form asked beyond who, which role, which item and which team", () => {
    const data = registrationSchema.parse(athlete("meihu-15", ITEM, { teamAction: "create", team: "三栋" }));
    expect(detailsOf(data)).toEqual({
      ageGroup: "adult",
      emergencyName: "王秀英",
      emergencyPhone: "13800000002",
      healthDeclaration: true,
    });
  });

  it("keep a player's level and partner", () => {
    const data = registrationSchema.parse(
      player("meihu-15", ITEM, { level: "advanced", partner: { kind: "phone", phone: "13800000004" } }),
    );
    expect(detailsOf(data)).toEqual({ level: "advanced", partner: { kind: "phone", phone: "13800000004" } });
  });
});
