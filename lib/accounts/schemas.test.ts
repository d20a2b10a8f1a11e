import { describe, expect, it } from "vitest";
import { phoneSchema } from "@/lib/auth/schemas";
import { changePasswordSchema, householdCodeSchema, oneTimeCodeSchema, rosterRowSchema, signUpSchema } from "./schemas";
import { formatHouseholdCode } from "./household-code-format";
import { generateHouseholdCode } from "./household-code";

const codes = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

describe("phone numbers", () => {
  it("accepts mainland mobiles and forgives spaces, dashes and +86", () => {
    expect(phoneSchema.parse("138 0000 0002")).toBe("13800000002");
    expect(phoneSchema.parse("+86 138-0000-0002")).toBe("13800000002");
    expect(phoneSchema.parse("8613800000002")).toBe("13800000002");
  });
  it("refuses landlines, short numbers and other prefixes", () => {
    for (const bad of ["0551-1234567", "1380000000", "12800000000", "23800000000", "abc"]) {
      expect(codes(phoneSchema.safeParse(bad))).toContain("phone_invalid");
    }
  });
});

describe("passwords", () => {
  const base = { name: "王秀英", phone: "13800000009", code: "428193" };
  it("needs 8 to 64 characters, with no composition rules", () => {
    expect(signUpSchema.safeParse({ ...base, password: "short" }).success).toBe(false);
    expect(signUpSchema.safeParse({ ...base, password: "x".repeat(65) }).success).toBe(false);
    expect(signUpSchema.safeParse({ ...base, password: "湖边的柳树发芽了" }).success).toBe(true);
    expect(signUpSchema.safeParse({ ...base, password: "all lower case words" }).success).toBe(true);
  });
  it("refuses common passwords and the phone number itself", () => {
    for (const p of ["12345678", "password", "woaini1314", "88888888", "abcdefgh"]) {
      expect(codes(signUpSchema.safeParse({ ...base, password: p }))).toContain("password_common");
    }
    expect(codes(signUpSchema.safeParse({ ...base, password: "13800000009" }))).toContain("password_is_phone");
  });
  it("refuses a new password equal to the current one", () => {
    expect(
      codes(changePasswordSchema.safeParse({ currentPassword: "a long old one", newPassword: "a long old one" })),
    ).toContain("password_unchanged");
  });
});

describe("household codes", () => {
  it("are 8 characters from an alphabet without look-alikes", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateHouseholdCode();
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
      expect(householdCodeSchema.parse(formatHouseholdCode(code).toLowerCase())).toBe(code);
    }
  });
  it("are typed forgivingly but checked strictly", () => {
    expect(householdCodeSchema.parse(" mehu-2222 ")).toBe("MEHU2222");
    expect(codes(householdCodeSchema.safeParse("MEHU-O1I2"))).toContain("household_code_format");
  });
  it("are optional at sign-up", () => {
    const r = signUpSchema.parse({
      name: "王秀英",
      phone: "13800000009",
      code: "428193",
      password: "a good long phrase",
      householdCode: "  ",
    });
    expect(r.householdCode).toBeUndefined();
  });
});

describe("one-time codes", () => {
  it("are the 6 digits of the text message; spaces are forgiven", () => {
    expect(oneTimeCodeSchema.parse(" 428 193 ")).toBe("428193");
    expect(codes(oneTimeCodeSchema.safeParse("42819"))).toEqual(["code_format"]);
    expect(codes(oneTimeCodeSchema.safeParse("42819a"))).toEqual(["code_format"]);
    expect(codes(oneTimeCodeSchema.safeParse(""))).toEqual(["required"]);
  });
});

describe("roster rows", () => {
  it("need building, unit and room", () => {
    expect(codes(rosterRowSchema.safeParse({ building: "", unit: "1单元", room: "101" }))).toEqual([
      "building_required",
    ]);
    expect(
      rosterRowSchema.parse({ building: " 美湖花园 1栋 ", unit: "1单元", room: "101", householderName: "" }),
    ).toEqual({
      building: "美湖花园 1栋",
      unit: "1单元",
      room: "101",
      householderName: undefined,
    });
  });
});
