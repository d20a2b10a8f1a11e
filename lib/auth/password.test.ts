import { afterEach, describe, expect, it, vi } from "vitest";
import { hashPassword, PRODUCTION_SCRYPT_N, scryptCost, verifyPassword } from "./password";

describe("password hashing", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("hashes at N=2^17 unless the test suite asks for less", () => {
    expect(PRODUCTION_SCRYPT_N).toBe(131072);
    expect(scryptCost({})).toBe(131072);
    expect(scryptCost({ NODE_ENV: "production" })).toBe(131072);
    expect(scryptCost({ VITEST: "true", NODE_ENV: "test", LINLI_TEST_SCRYPT_N: "1024" })).toBe(1024);
    // The suite runs at the low cost (vitest.config.ts); this file's hashes below do not.
    expect(scryptCost()).toBe(1024);
  });

  it("refuses the test cost outside the test suite, and a cost that is not one", () => {
    // `next start` runs with NODE_ENV=production: a server never hashes cheaply, even if told to.
    expect(() => scryptCost({ LINLI_TEST_SCRYPT_N: "1024", NODE_ENV: "production" })).toThrow(/test suite only/);
    expect(() => scryptCost({ LINLI_TEST_SCRYPT_N: "1024", NODE_ENV: "production", VITEST: "true" })).toThrow(
      /test suite only/,
    );
    expect(() => scryptCost({ LINLI_TEST_SCRYPT_N: "1024" })).toThrow(/test suite only/);
    for (const bad of ["1000", "512", "abc", String(2 ** 18)]) {
      expect(() => scryptCost({ VITEST: "true", LINLI_TEST_SCRYPT_N: bad })).toThrow(/power of two/);
    }
  });

  it("checks a hash at the parameters stored with it; a server does not trust a cheap one", async () => {
    const cheap = await hashPassword("湖边的柳树发芽了");
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword("湖边的柳树发芽了", cheap)).toBe(true);
    vi.stubEnv("NODE_ENV", "production");
    expect(await verifyPassword("湖边的柳树发芽了", cheap)).toBe(false);
  });

  it("verifies the right password only, with a salt per hash, at the production cost", async () => {
    vi.stubEnv("LINLI_TEST_SCRYPT_N", "");
    const [a, b] = await Promise.all([hashPassword("湖边的柳树发芽了"), hashPassword("湖边的柳树发芽了")]);
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("湖边的柳树发芽了", a)).toBe(true);
    expect(await verifyPassword("湖边的柳树发芽啦", a)).toBe(false);
    expect(await verifyPassword("anything", "not-a-hash")).toBe(false);
    // A server checks them (NODE_ENV=production, no test cost).
    vi.stubEnv("NODE_ENV", "production");
    expect(await verifyPassword("湖边的柳树发芽了", b)).toBe(true);
  });
});
