import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";
import { clientIp } from "./request-ip";
import { safeCallbackPath } from "@/lib/safe-redirect";

describe("password hashing", () => {
  it("verifies the right password only, with a salt per hash", async () => {
    const [a, b] = await Promise.all([hashPassword("湖边的柳树发芽了"), hashPassword("湖边的柳树发芽了")]);
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("湖边的柳树发芽了", a)).toBe(true);
    expect(await verifyPassword("湖边的柳树发芽啦", a)).toBe(false);
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
  });
});

describe("request helpers", () => {
  it("take the first forwarded address", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("203.0.113.9");
    expect(clientIp({ "x-real-ip": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(clientIp(undefined)).toBe("unknown");
  });
  it("follow only paths on this site after sign-in", () => {
    expect(safeCallbackPath("/dashboard")).toBe("/dashboard");
    expect(safeCallbackPath("//evil.example")).toBe("/me");
    expect(safeCallbackPath("https://evil.example")).toBe("/me");
    expect(safeCallbackPath(undefined)).toBe("/me");
  });
});
