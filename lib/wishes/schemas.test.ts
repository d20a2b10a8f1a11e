import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ownWishSchema } from "./schemas";

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
