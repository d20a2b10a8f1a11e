import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { count } from "drizzle-orm";
import { users } from "./schema";
import { closeDb, getHandle, onFreshDatabase, type Seeder } from "./index";

// The handle on a PGlite directory of its own (never the suite's Postgres, never .data/).
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "linli-handle-"));
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("PGLITE_DIR", path.join(dir, "pglite"));
  vi.stubEnv("LINLI_SEED", "");
});
afterAll(async () => {
  await closeDb();
  onFreshDatabase(async () => {});
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

const oneAccount: Seeder = async (db) => {
  await db.insert(users).values({ phone: "13800009999", name: "种子", passwordHash: "x" });
};
const accounts = async () => {
  const [{ n }] = await (await getHandle()).db.select({ n: count() }).from(users);
  return n;
};

// One data directory opened three times: migrating a fresh one is the slow part.
describe("the database handle's fresh-database hook", () => {
  it("hands an empty database to the registered seeder once with LINLI_SEED=demo, and never otherwise", async () => {
    const seeder = vi.fn(oneAccount);
    onFreshDatabase(seeder);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    for (const value of ["", "off"]) {
      vi.stubEnv("LINLI_SEED", value);
      expect(await accounts()).toBe(0);
      await closeDb();
    }
    expect(seeder).not.toHaveBeenCalled();
    // An empty database says how to make its first admin.
    expect(log.mock.calls.flat().join("\n")).toContain("npm run admin:create");
    log.mockRestore();

    vi.stubEnv("LINLI_SEED", "demo");
    expect(await accounts()).toBe(1);
    await closeDb();
    expect(await accounts()).toBe(1);
    expect(seeder).toHaveBeenCalledTimes(1);
  });
});
