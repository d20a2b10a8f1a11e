import { describe, expect, it } from "vitest";
import { z } from "zod";
import { confirmSchema, fulfilSchema, ownWishSchema } from "./schemas";

const wish = {
  title: "一把伞",
  story: "伞坏了。",
  category: "goods",
  value: 30,
  age: 70,
  circumstance: "elderly_alone",
};

describe("a wish's alias", () => {
  it("is a name for the wall, never an age: the wall shows the age band", () => {
    expect(ownWishSchema.safeParse({ ...wish, alias: "刘阿姨" }).success).toBe(true);
    for (const alias of ["刘阿姨, 70", "小雨9岁", "王奶奶 ７８"]) {
      const r = ownWishSchema.safeParse({ ...wish, alias });
      expect(r.success, alias).toBe(false);
      expect(z.flattenError(r.error!).fieldErrors.alias).toEqual(["alias_has_age"]);
    }
  });
});

describe("a wish's value", () => {
  it("may be left blank for help and company (0), never negative", () => {
    const r = ownWishSchema.safeParse({ ...wish, category: "companionship", value: "", alias: "刘阿姨" });
    expect(r.success && r.data.value).toBe(0);
    expect(ownWishSchema.safeParse({ ...wish, value: -1, alias: "刘阿姨" }).success).toBe(false);
  });
});

describe("the time a wish took", () => {
  const claimId = "7b0c3e3e-8b0e-4c1e-9d0a-1b2c3d4e5f60";
  const minutes = (hours: string, mins: string) => {
    const r = fulfilSchema.safeParse({ claimId, note: "送到了。", hours, minutes: mins });
    return r.success ? r.data.minutes : z.flattenError(r.error).fieldErrors;
  };
  it("is hours and minutes, a blank box beside a filled one being 0, up to 12 hours", () => {
    expect(minutes("2", "30")).toBe(150);
    expect(minutes("", "45")).toBe(45);
    expect(minutes("3", "")).toBe(180);
    expect(minutes("0", "")).toBe(0);
    expect(minutes("12", "0")).toBe(720);
    expect(minutes("", "")).toEqual({ hours: ["wish_time_required"] });
    expect(minutes("12", "1")).toEqual({ hours: ["wish_time_too_long"] });
    expect(minutes("13", "")).toEqual({ hours: ["wish_time_too_long"] });
    expect(minutes("2.5", "")).toEqual({ hours: ["number_invalid"] });
    expect(minutes("1", "60")).toEqual({ minutes: ["number_invalid"] });
  });

  it("the organiser's boxes left blank keep the declared time (null); filled, they correct it", () => {
    expect(confirmSchema.parse({ claimId, hours: "", minutes: "" }).minutes).toBeNull();
    expect(confirmSchema.parse({ claimId }).minutes).toBeNull();
    expect(confirmSchema.parse({ claimId, hours: "1", minutes: "" }).minutes).toBe(60);
    expect(confirmSchema.safeParse({ claimId, hours: "12", minutes: "30" }).success).toBe(false);
  });
});
