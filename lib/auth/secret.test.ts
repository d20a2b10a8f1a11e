import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// The generated secret lives outside the database's folder, so a copy of the data (the README's
// backup of .data/) never carries the key that signs sessions.
describe("the generated session secret", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  const inFreshDir = async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-secret-"));
    vi.spyOn(process, "cwd").mockReturnValue(dir);
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.stubEnv("NEXTAUTH_SECRET", "");
    vi.resetModules();
    return { dir, mod: await import("./secret") };
  };

  it("is made once into .secrets/, never into .data/", async () => {
    const { dir, mod } = await inFreshDir();
    const secret = mod.getAuthSecret();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(fs.readFileSync(path.join(dir, ".secrets", "nextauth-secret"), "utf8")).toBe(secret);
    expect(fs.existsSync(path.join(dir, ".data"))).toBe(false);
  });

  it("one kept by an earlier version inside .data/ is moved out, and kept", async () => {
    const { dir, mod } = await inFreshDir();
    fs.mkdirSync(path.join(dir, ".data"));
    fs.writeFileSync(path.join(dir, ".data", "nextauth-secret"), "an-older-secret-kept-inside-the-data-folder");
    expect(mod.getAuthSecret()).toBe("an-older-secret-kept-inside-the-data-folder");
    expect(fs.existsSync(path.join(dir, ".data", "nextauth-secret"))).toBe(false);
  });
});
