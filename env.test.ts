import { afterEach, describe, expect, it, vi } from "vitest";
import { checkEnv, env, envFrom, EnvError } from "./env";

const production = { NODE_ENV: "production" };
const longSecret = "k8J3n0Qe7Zb2Wm5Tr9Yx1Lc4Vd6Hs0Pa";

describe("the environment", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("runs with nothing set: PGlite, a pool of 10, no demo", () => {
    expect(() => checkEnv({})).not.toThrow();
    const vars = envFrom({});
    expect(vars.DATABASE_URL).toBeUndefined();
    expect(vars.DATABASE_POOL_SIZE).toBe(10);
    expect(vars.LINLI_SEED).toBe("off");
    expect(vars.LINLI_TEST_SCRYPT_N).toBeUndefined();
  });

  it("reads good values, an empty one as unset", () => {
    const vars = envFrom({
      DATABASE_URL: "postgres://linli:secret@db.example:5432/linli",
      DATABASE_POOL_SIZE: "25",
      NEXTAUTH_URL: "https://linli.example.org/",
      LINLI_SEED: "demo",
      PGLITE_DIR: "",
    });
    expect(vars.DATABASE_URL).toBe("postgres://linli:secret@db.example:5432/linli");
    expect(vars.DATABASE_POOL_SIZE).toBe(25);
    expect(vars.NEXTAUTH_URL).toBe("https://linli.example.org");
    expect(vars.LINLI_SEED).toBe("demo");
    expect(vars.PGLITE_DIR).toBeUndefined();
    expect(envFrom({ DATABASE_POOL_SIZE: "" }).DATABASE_POOL_SIZE).toBe(10);
  });

  it("trusts no proxy and ends sessions 30 days after sign-in unless told otherwise", () => {
    expect(envFrom({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(envFrom({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(() => envFrom({ TRUSTED_PROXY_HOPS: "-1" }).TRUSTED_PROXY_HOPS).toThrow(/^TRUSTED_PROXY_HOPS must be/);
    expect(envFrom({}).SESSION_MAX_DAYS).toBe(30);
    expect(envFrom({ SESSION_MAX_DAYS: "7" }).SESSION_MAX_DAYS).toBe(7);
    expect(() => envFrom({ SESSION_MAX_DAYS: "0" }).SESSION_MAX_DAYS).toThrow(/^SESSION_MAX_DAYS must be/);
  });

  it("names the variable and what is wrong with a bad value", () => {
    for (const bad of ["abc", "0", "2.5", "-3"])
      expect(() => envFrom({ DATABASE_POOL_SIZE: bad }).DATABASE_POOL_SIZE).toThrow(
        `DATABASE_POOL_SIZE must be a whole number of connections, 1 or more, not "${bad}".`,
      );
    expect(() => envFrom({ NEXTAUTH_URL: "linli.example.org" }).NEXTAUTH_URL).toThrow(
      /^NEXTAUTH_URL must be the site's public origin, e\.g\. https:\/\/linli\.example\.org, not "linli\.example\.org"\.$/,
    );
    expect(() => envFrom({ NEXTAUTH_URL: "ftp://linli.example.org" }).NEXTAUTH_URL).toThrow(/^NEXTAUTH_URL must be/);
    expect(() => envFrom({ LINLI_SEED: "false" }).LINLI_SEED).toThrow(/^LINLI_SEED must be "demo" .* not "false"\.$/);
    expect(() => envFrom({ LINLI_SEED: "on" }).LINLI_SEED).toThrow(/^LINLI_SEED must be "demo"/);
  });

  it("never repeats a secret or a database password in the message", () => {
    const read = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error("no error");
    };
    const url = read(() => envFrom({ DATABASE_URL: "mysql://linli:hunter2@db.example/linli" }).DATABASE_URL);
    expect(url).toMatch(/^DATABASE_URL must be a postgres:\/\/ address/);
    expect(url).not.toContain("hunter2");
    const secret = read(() => envFrom({ ...production, NEXTAUTH_SECRET: "hunter2" }).NEXTAUTH_SECRET);
    expect(secret).toBe("NEXTAUTH_SECRET must be at least 32 characters in production (openssl rand -base64 32).");
  });

  it("refuses a short session secret in production only, and lets production make its own", () => {
    expect(envFrom({ NEXTAUTH_SECRET: "dev" }).NEXTAUTH_SECRET).toBe("dev");
    expect(envFrom({ ...production, NEXTAUTH_SECRET: longSecret }).NEXTAUTH_SECRET).toBe(longSecret);
    expect(envFrom(production).NEXTAUTH_SECRET).toBeUndefined();
  });

  it("refuses to start production without its secret and its address, unless it is the demo", () => {
    const problems = (source: Record<string, string>) => {
      try {
        checkEnv(source);
        return [];
      } catch (e) {
        return (e as EnvError).problems;
      }
    };
    expect(problems(production)).toEqual([
      "NEXTAUTH_SECRET must be set in production (openssl rand -base64 32), or LINLI_SEED=demo for the demo",
      "NEXTAUTH_URL must be set in production to the site's public origin, e.g. https://linli.example.org",
    ]);
    expect(problems({ ...production, NEXTAUTH_SECRET: "", NEXTAUTH_URL: "https://linli.example.org" })).toHaveLength(1);
    expect(problems({ ...production, NEXTAUTH_SECRET: longSecret, NEXTAUTH_URL: "https://linli.example.org" })).toEqual(
      [],
    );
    expect(problems({ ...production, LINLI_SEED: "demo" })).toEqual([]);
    expect(problems({})).toEqual([]);
  });

  it("keeps the test suite's password cost out of a server", () => {
    expect(() => envFrom({ LINLI_TEST_SCRYPT_N: "1024" }).LINLI_TEST_SCRYPT_N).toThrow(
      "LINLI_TEST_SCRYPT_N is for the test suite only: unset it to run Linli.",
    );
    expect(() => checkEnv({ ...production, VITEST: "true", LINLI_TEST_SCRYPT_N: "1024" })).toThrow(/test suite only/);
    expect(envFrom({ VITEST: "true", LINLI_TEST_SCRYPT_N: "2048" }).LINLI_TEST_SCRYPT_N).toBe(2048);
  });

  it("checks every variable at start-up and names each bad one", () => {
    let error: unknown;
    try {
      checkEnv({ DATABASE_POOL_SIZE: "abc", NEXTAUTH_URL: "nope", LINLI_SEED: "no", NODE_ENV: "production" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).problems.map((p) => p.split(" ")[0])).toEqual([
      "DATABASE_POOL_SIZE",
      "NEXTAUTH_URL",
      "LINLI_SEED",
      "NEXTAUTH_SECRET",
    ]);
    expect((error as EnvError).message).toMatch(/^The environment is not valid:\n {2}DATABASE_POOL_SIZE must be/);
  });

  it("reads a variable only when it is used, so one bad value does not block the others", () => {
    const vars = envFrom({ DATABASE_POOL_SIZE: "abc", PGLITE_DIR: "/srv/linli" });
    expect(vars.PGLITE_DIR).toBe("/srv/linli");
    expect(() => vars.DATABASE_POOL_SIZE).toThrow(EnvError);
  });

  it("follows the process's environment", () => {
    vi.stubEnv("DATABASE_POOL_SIZE", "7");
    expect(env.DATABASE_POOL_SIZE).toBe(7);
    vi.stubEnv("DATABASE_POOL_SIZE", "");
    expect(env.DATABASE_POOL_SIZE).toBe(10);
  });
});
