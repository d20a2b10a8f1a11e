import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("the page followed after sign-in", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeCallbackPath("/dashboard")).toBe("/dashboard");
    expect(safeCallbackPath("/programme?day=2#evening")).toBe("/programme?day=2#evening");
    expect(safeCallbackPath("/wishes/%E5%BF%83%E6%84%BF")).toBe("/wishes/%E5%BF%83%E6%84%BF");
    expect(safeCallbackPath("/me/../dashboard")).toBe("/dashboard");
    expect(safeCallbackPath("/search?q=100%25")).toBe("/search?q=100%25");
    expect(safeCallbackPath("/%E0%A4%A")).toBe("/%E0%A4%A");
  });

  const hostile = [
    "//evil.example",
    "///evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%09/evil.example",
    "/\t/evil.example",
    "/%0a/evil.example",
    "/%0D/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%00/evil.example",
    "/%7F/evil.example",
    "/%C2%85/evil.example",
    "/\u0085/evil.example",
    "/%2509/evil.example",
    "/%252F%252Fevil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%2509/evil.example%",
    "/x%25%0A%",
    " /evil.example",
    "",
    `/${"a".repeat(3000)}`,
  ];
  it.each(hostile)("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/me");
    expect(safeCallbackPath(value, "")).toBe("");
  });

  it("refuses nothing at all", () => {
    expect(safeCallbackPath(undefined)).toBe("/me");
    expect(safeCallbackPath(null, "/")).toBe("/");
  });
});
