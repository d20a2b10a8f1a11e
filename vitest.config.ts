import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
// With TEST_DATABASE_URL (or DATABASE_URL) naming a Postgres server the integration suite runs
// there, in databases it creates and drops, and the race tests join it; without, every test runs
// on in-memory PGlite.
const onPostgres = !!(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      { find: /^server-only$/, replacement: `${root}/tests/support/empty.ts` },
    ],
  },
  test: {
    environment: "node",
    globalSetup: ["tests/support/global-setup.ts"],
    include: onPostgres ? ["**/*.int.test.ts", "**/*.race.test.ts"] : ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ...(onPostgres ? [] : ["**/*.race.test.ts"])],
    // Tests sign and seal with a secret of their own (never the one in .data/), and hash passwords
    // at a low scrypt cost (N=2^10, ~1 ms instead of ~0.6 s): only lib/auth/password.test.ts is
    // about the cost, and it hashes at the production one. No server accepts the variable.
    env: { NEXTAUTH_SECRET: "test-only-secret-not-for-any-server-0123456789", LINLI_TEST_SCRYPT_N: "1024" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
