import { describe, expect, it } from "vitest";
import { childAgeBand, publicName } from "./names";

describe("a participant's public name", () => {
  it("an adult in full; a child under 14 by first name and age band, never the exact age", () => {
    expect(publicName("王秀英", null)).toBe("王秀英");
    expect(publicName("王秀英", 14)).toBe("王秀英");
    expect(publicName("王小明", 9)).toBe("小明 (6–9 岁)");
    expect(publicName("欧阳娜娜", 13)).toBe("娜娜 (10–13 岁)");
    expect(publicName("Lily Wang", 4)).toBe("Lily (0–5 岁)");
    expect([0, 5, 6, 9, 10, 13].map(childAgeBand)).toEqual([
      "0–5 岁",
      "0–5 岁",
      "6–9 岁",
      "6–9 岁",
      "10–13 岁",
      "10–13 岁",
    ]);
  });
});
